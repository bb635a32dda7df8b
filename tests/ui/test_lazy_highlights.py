"""Highlights and underlines are formatted where the reader looks, never the whole document."""

import pytest
from PySide6.QtGui import QTextCharFormat
from workspace_helpers import shown_view

from indicite.ui.highlighter import STATUS_COLOURS

LINE = "前三季度，全市规模以上工业增加值同比增长4.2%，工业投资增长3.9%。"
LINES = 3000


@pytest.fixture
def view(qtbot):
    v = shown_view(qtbot)
    v.set_document("\n".join([LINE] * LINES))
    step = len(LINE) + 1
    at = LINE.index("4.2%")
    v.set_highlights(
        [
            {"start": n * step + at, "end": n * step + at + 4, "indicator_id": n + 1,
             "status": "approved", "name": "增速", "value": 4.2, "unit": "%", "value_text": ""}
            for n in range(LINES)
        ]
    )  # fmt: skip
    return v


def formats(view, block_number):
    block = view.text.document().findBlockByNumber(block_number)
    return block.layout().formats()


def formatted_blocks(view) -> int:
    return sum(1 for n in range(LINES) if formats(view, n))


def test_only_blocks_near_the_view_are_formatted_until_scrolled_to(view):
    assert formats(view, 0)[0].format.background().color() == STATUS_COLOURS["approved"]
    assert 0 < formatted_blocks(view) < 200
    assert formats(view, LINES - 1) == []
    view.select_span((LINES - 1) * (len(LINE) + 1), (LINES - 1) * (len(LINE) + 1) + 2)
    last = formats(view, LINES - 1)
    assert last and last[0].format.background().color() == STATUS_COLOURS["approved"]


def test_arriving_underlines_format_the_visible_blocks_not_the_document(view):
    before = formatted_blocks(view)
    step = len(LINE) + 1
    at = LINE.index("3.9%")
    view.set_suggestion_spans([(n * step + at, n * step + at + 4) for n in range(LINES)])
    assert formatted_blocks(view) == before < 200  # the same blocks, now with waves too
    waves = [
        r
        for r in formats(view, 0)
        if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    ]
    assert [(r.start, r.length) for r in waves] == [(at, 4)]
    view.text.verticalScrollBar().setValue(LINES // 2)
    middle = view.text.firstVisibleBlock().blockNumber()
    assert any(
        r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        for r in formats(view, middle)
    )


def test_a_new_text_shows_none_of_the_old_highlights(view):
    view.set_document("另一份文件：增长4.2%。\n" * 10)
    assert all(formats(view, n) == [] for n in range(10))
    assert view.spans() == []
