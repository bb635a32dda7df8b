import pytest

from indicite.core.citations import (
    CONTEXT_CHARS,
    Utf16Map,
    code_point_offset,
    find_quote,
    is_anchored,
    page_of,
    quote_at,
    utf16_offset,
)
from indicite.core.errors import ValidationError

ASTRAL = "𠀀"  # outside the BMP: one code point, two UTF-16 units


def test_quote_selects_exact_text_and_context():
    text = "甲" * 40 + "同比增长4.2%" + "乙" * 40
    start = 40 + len("同比增长")
    q = quote_at(text, start, start + 4)
    assert q.exact == "4.2%"
    assert q.prefix == ("甲" * 40 + "同比增长")[-CONTEXT_CHARS:]
    assert q.suffix == "乙" * CONTEXT_CHARS
    assert is_anchored(text, q.start, q.end, q.exact)


def test_quote_at_document_edges_has_short_context():
    q = quote_at("4.2%", 0, 4)
    assert (q.prefix, q.suffix) == ("", "")


@pytest.mark.parametrize("span", [(3, 3), (-1, 2), (0, 99), (5, 2)])
def test_empty_or_outside_span_is_refused(span):
    with pytest.raises(ValidationError):
        quote_at("增长4.2%", *span)


def test_tampered_text_is_not_anchored():
    assert not is_anchored("增长4.3%", 2, 6, "4.2%")
    assert not is_anchored("短", 0, 5, "短文本内容")


def test_utf16_conversion_with_character_outside_bmp_before_passage():
    text = f"前{ASTRAL}文：增长4.2%"
    start = text.index("4.2%")
    qt_start = utf16_offset(text, start)
    assert qt_start == start + 1
    assert text.encode("utf-16-le")[qt_start * 2 :].decode("utf-16-le").startswith("4.2%")
    assert code_point_offset(text, qt_start) == start
    assert code_point_offset(text, qt_start + 4) == start + 4


def test_utf16_position_inside_a_surrogate_pair_rounds_down():
    text = f"a{ASTRAL}b"
    assert code_point_offset(text, 2) == 1
    assert code_point_offset(text, 3) == 2


def test_utf16_map_round_trips_every_position():
    text = f"{ASTRAL}ab{ASTRAL}{ASTRAL}c文"
    m = Utf16Map(text)
    for i in range(len(text) + 1):
        assert m.to_code_point(m.to_utf16(i)) == i
        assert m.to_utf16(i) == len(text[:i].encode("utf-16-le")) // 2


def test_page_of_uses_page_starts():
    assert page_of([0, 100, 250], 0) == 1
    assert page_of([0, 100, 250], 99) == 1
    assert page_of([0, 100, 250], 100) == 2
    assert page_of([0, 100, 250], 999) == 3
    assert page_of(None, 5) is None


def test_find_quote_prefers_matching_context():
    text = "工业增长4.2%，投资增长4.2%。"
    second = text.rindex("4.2%")
    assert find_quote(text, "4.2%", prefix="投资增长", suffix="。") == second
    assert find_quote(text, "4.2%", prefix="工业增长") == text.index("4.2%")
    assert find_quote(text, "9.9%") is None
