import pytest

from indicite.core.snapping import snap_to_numbers

TEXT = "全市规模以上工业增加值同比增长17.6%，新增企业超1,570家，投资115.01亿元。"


def span_of(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


@pytest.mark.parametrize(
    ("selected", "whole"),
    [
        (".6%，新增", "17.6%，新增"),  # starts inside the number
        ("增长17", "增长17.6%"),  # ends inside: the number and its unit
        ("17.6", "17.6%"),  # the unit belongs to the number
        ("570", "1,570家"),
        ("5.01亿", "115.01亿元"),
    ],
)
def test_a_drag_inside_a_number_takes_the_whole_number(selected, whole):
    assert snap_to_numbers(TEXT, *span_of(selected)) == span_of(whole)


@pytest.mark.parametrize("selected", ["17.6%", "同比增长17.6%，", "新增企业", "超1,570家"])
def test_whole_numbers_and_plain_words_are_left_alone(selected):
    assert snap_to_numbers(TEXT, *span_of(selected)) == span_of(selected)
