"""How recognised lines become a page's characters, boxes and reading order (no engine
needed: the engine's answers are written out here as it gives them)."""

from indicite.core.ocr_page import LOW_CONFIDENCE, OcrPage
from indicite.io.ocr import _characters, _page, _Read, page_text


def quad(x0, y0, x1, y1):
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


def line(text, box, words=(), scores=()):
    """A recognised line: Chinese characters boxed one by one, Latin words as a whole."""
    read = _Read(text, 0.99, [w for w, _ in words], [quad(*b) for _, b in words], list(scores))
    return box, text, _characters(read, box)


def test_lines_read_top_down_cells_of_a_row_left_to_right_with_a_gap_of_two_spaces():
    pieces = [
        line("4.3", (400, 110, 440, 140)),  # a cell to the right, listed first
        line("增长", (10, 10, 70, 40), [("增", (10, 10, 40, 40)), ("长", (40, 10, 70, 40))]),
        line("地区生产总值", (10, 112, 190, 142)),
    ]
    page = _page(pieces, scale=1.0, page_height=200, turn=None)
    assert page.chars == "增长\n地区生产总值  4.3\n"
    # boxes in page space: y up from the bottom of a page 200 units high
    assert page.boxes[0] == (10, 160, 40, 190)
    assert page.boxes[2] is None  # the line break
    # a word's box is shared out among its characters
    four, point, three = page.boxes[-4:-1]
    assert four[0] == 400 and three[2] == 440 and four[2] == point[0]


def test_spaces_between_latin_words_are_kept_those_beside_chinese_are_not():
    (_, _, chars) = line("GDP grew 5.2% 工业增加值 (亿元)", (0, 0, 600, 30))
    text = "".join(ch for ch, _, _ in chars)
    assert text == "GDP grew 5.2%工业增加值(亿元)"
    assert [box for ch, box, _ in chars if ch == " "] == [None, None]


def test_each_character_keeps_its_own_score_in_one_byte():
    words = [("1", (0, 0, 10, 30)), ("5", (10, 0, 20, 30))]
    page = _page([line("15", (0, 0, 20, 30), words, [0.99, 0.5])], 1.0, 100, None)
    assert page.chars == "15\n"
    assert not page.low(0) and page.low(1)
    assert page.confidence[1] < LOW_CONFIDENCE <= page.confidence[0]


def test_a_closing_full_stop_scored_low_is_not_marked_but_a_digit_is():
    page = OcrPage("增长5%。\n", [None] * 6, bytes([250, 250, 40, 250, 40, 255]))
    assert [page.low(i) for i in range(5)] == [False, False, True, False, False]


def test_stored_boxes_come_back_as_they_were():
    page = _page([line("增长5.2%", (10, 10, 110, 40))], 2.0, 100, None)
    again = OcrPage.from_stored(page.chars, page.boxes_bytes(), page.confidence)
    assert again.chars == page.chars and again.confidence == page.confidence
    assert [b is None for b in again.boxes] == [b is None for b in page.boxes]
    for a, b in zip(again.boxes, page.boxes, strict=True):
        if a is not None:
            assert all(abs(x - y) < 1e-3 for x, y in zip(a, b, strict=True))
    (printed,) = page_text(page, 0, 100).lines
    assert (printed.left, printed.bottom, printed.right, printed.top) == (5, 80, 55, 95)
