"""The map from document offsets to page characters, and boxes on a page."""

from hypothesis import given
from hypothesis import strategies as st

from indicite.core.char_map import CharMap
from indicite.core.page_boxes import from_display, line_boxes, to_display


def two_pages() -> CharMap:
    # text "ab\ncd\n\nef": a-b from page 0 chars 0-1, c-d from chars 3-4, e-f page 1 chars 5-6
    return CharMap.from_pieces([(0, 0, 0, 1), (1, 0, 1, 1), (3, 0, 3, 2), (7, 1, 5, 2)])


def test_runs_merge_and_spans_map_to_page_ranges():
    char_map = two_pages()
    assert len(char_map.runs) == 3  # the first two pieces continue each other
    assert char_map.chars_of(1, 9) == [(0, 1, 2), (0, 3, 5), (1, 5, 7)]
    assert char_map.chars_of(2, 3) == []  # the joined line break has no character
    assert char_map.offset_of(0, 4) == 4
    assert char_map.offset_of(0, 2) is None
    assert char_map.nearest_offset(0, 2) == 3
    assert char_map.nearest_offset(1, 9) == 9
    assert char_map.first_offset(1) == 7


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 20)), max_size=40))
def test_stored_form_round_trips(parts):
    pieces, offset, char = [], 0, 0
    for page, length in parts:
        pieces.append((offset, page, char, length))
        offset += length + 1
        char += length + 2
    char_map = CharMap.from_pieces(pieces)
    assert CharMap.from_bytes(char_map.to_bytes()).runs == char_map.runs
    # a text that lost its first character (a BOM) keeps every other character's place
    assert char_map.shifted(-1).chars_of(0, 10**6) == char_map.chars_of(1, 10**6 + 1)


def test_line_boxes_merge_a_line_and_stop_short_of_a_neighbour():
    line = [(10.0 * i, 100.0, 10.0 * i + 11, 112.0) for i in range(5)]  # glyphs overlap by 1
    below = [(10.0 * i, 80.0, 10.0 * i + 9, 92.0) for i in range(3)]
    boxes = [*line, None, *below]
    # characters 1-3: not into the ink of characters 0 and 4 beside them
    assert line_boxes(boxes, 1, 4) == [(11.01, 100.0, 39.99, 112.0)]
    # over the line break: one rectangle per printed line
    assert line_boxes(boxes, 1, 8) == [(11.01, 100.0, 51.0, 112.0), (0.0, 80.0, 19.0, 92.0)]


def test_rotation_round_trips():
    for rotation in (0, 90, 180, 270):
        left, top, right, bottom = to_display((100.0, 200.0, 110.0, 212.0), rotation, 842, 595)
        assert right - left in (10.0, 12.0) and bottom - top in (10.0, 12.0)
        x, y = from_display((left + right) / 2, (top + bottom) / 2, rotation, 842, 595)
        assert (x, y) == (105.0, 206.0)
