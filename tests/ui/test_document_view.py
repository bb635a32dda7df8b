"""The reading pane: highlights in the right place (also after 𠀀), paragraph numbers, pages."""

import pytest
from PySide6.QtGui import QTextCursor
from workspace_helpers import ASTRAL_TEXT, qt_position, shown_view

from indicite.ui.highlighter import STATUS_COLOURS


@pytest.fixture
def view(qtbot):
    return shown_view(qtbot)


def row(start, end, ind_id=1, status="draft", name="增速"):
    return {
        "start": start,
        "end": end,
        "indicator_id": ind_id,
        "status": status,
        "name": name,
        "value": 4.2,
        "unit": "%",
        "value_text": "4.2%",
    }


def background_at(view, qt_pos):
    """The highlight colour Qt will paint at a position (None when unhighlighted)."""
    block = view.text.document().findBlock(qt_pos)
    offset = qt_pos - block.position()
    for fmt in block.layout().formats():
        if fmt.start <= offset < fmt.start + fmt.length and fmt.format.background().style():
            return fmt.format.background().color()
    return None


def test_highlight_lands_on_the_cited_characters_after_astral_ones(view):
    text = ASTRAL_TEXT
    start = text.index("4.2%")
    view.set_document(text)
    view.set_highlights([row(start, start + 4, status="approved")])
    first, last = qt_position(text, start), qt_position(text, start + 4) - 1
    assert first != start
    assert background_at(view, first) == STATUS_COLOURS["approved"]
    assert background_at(view, last) == STATUS_COLOURS["approved"]
    assert background_at(view, first - 1) is None
    assert background_at(view, last + 1) is None
    assert [s.label for s in view.text.highlighter.spans_at(first + 1)] == ["增速: 4.2%"]


def test_selection_is_reported_in_code_points(view):
    text = ASTRAL_TEXT
    start, end = text.index("全市"), text.index("。")
    view.set_document(text)
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(qt_position(text, start))
    cursor.setPosition(qt_position(text, end), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)
    assert view.selected_span() == (start, end)
    assert view.selected_text() == text[start:end]
    view.select_span(start, end)
    assert view.text.textCursor().selectedText() == text[start:end]


def test_status_change_repaints_and_removed_highlights_disappear(view):
    text = ASTRAL_TEXT
    start = text.index("4.2%")
    view.set_document(text)
    view.set_highlights([row(start, start + 4, status="draft")])
    view.set_highlights([row(start, start + 4, status="returned")])
    assert background_at(view, qt_position(text, start)) == STATUS_COLOURS["returned"]
    view.set_highlights([])
    assert background_at(view, qt_position(text, start)) is None


def test_paragraph_numbers_skip_blank_lines(view):
    view.set_document("第一段\n\n第二段\n第三段\n\n\n第四段")
    numbers = {
        view.text.document().findBlockByNumber(b).text(): view.text.paragraph_number(b)
        for b in (0, 2, 3, 6)
    }
    assert numbers == {"第一段": 1, "第二段": 2, "第三段": 3, "第四段": 4}


def test_page_of_the_cursor_for_a_pdf(view):
    view.set_document("page one\npage two\n", page_starts=[0, 9])
    assert view.page_label.isVisibleTo(view)
    view.select_span(10, 12)
    assert view.page_at_cursor() == 2
    assert "2" in view.page_label.text()
    view.set_document("no pages")
    assert not view.page_label.isVisibleTo(view)


def test_a_five_megabyte_document_with_many_highlights(view):
    line = "前三季度，全市规模以上工业增加值同比增长4.2%，工业投资增长3.9%。\n"
    text = line * (5_000_000 // len(line.encode()))
    step = len(line)
    rows = [
        row(i * step + line.index("4.2%"), i * step + line.index("4.2%") + 4, i)
        for i in range(0, text.count("\n"), 7)
    ]
    view.set_document(text)
    view.set_highlights(rows)
    far = rows[-1]
    view.select_span(far["start"], far["end"])
    assert view.selected_text() == "4.2%"
    assert background_at(view, far["start"]) == STATUS_COLOURS["draft"]


def test_hovering_a_highlight_shows_name_and_value(qtbot, view):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    text = ASTRAL_TEXT
    start = text.index("4.2%")
    view.set_document(text)
    view.set_highlights([row(start, start + 4, name="规上工业增加值增速")])
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(qt_position(text, start + 1))
    point = view.text.cursorRect(cursor).center() + QPoint(2, 0)
    viewport = view.text.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    assert QToolTip.text() == "规上工业增加值增速: 4.2%"
    QToolTip.hideText()
