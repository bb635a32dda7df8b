"""The highlight follows the form: after accepting or dismissing a suggestion the document
shows the entry now in the form; moving through the Suggestions list scrolls to each one."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from workspace_helpers import window_with_suggestions

from indicite.services.indicators import create_indicator


@pytest.fixture
def window(qtbot, session, sample_doc, tmp_path):
    return window_with_suggestions(qtbot, session, tmp_path, sample_doc)


def cursor_in_sight(window) -> bool:
    edit = window.document_view.text
    return edit.viewport().rect().intersects(edit.cursorRect())


def test_accepting_shows_the_new_entry_not_the_one_before(qtbot, window, session, sample_doc):
    text = window.document.text
    start = text.index("4.2%")
    first = create_indicator(session, sample_doc, {"name": "增速"}, [(start, start + 4)])
    window.refresh()
    window.select_indicator(first.id)  # the form holds an entry near the top
    panel = window.suggestions_panel
    window.side_tabs.setCurrentWidget(panel)
    last_row = panel.model.rowCount() - 1
    panel.table.setFocus()
    panel.table.selectRow(last_row)  # a number far below
    far = panel.current()
    QTest.keyClick(panel.table, Qt.Key.Key_Return)
    new_id = window.form.indicator_id
    assert new_id != first.id
    new = session.store.indicators.get(new_id)
    assert new.citations[0].start <= far.start < new.citations[0].end
    assert window.document_view.current_indicator() == new_id
    position = window.document_view.cursor_code_point()
    assert new.citations[0].start <= position <= new.citations[0].end  # not back at 4.2%
    assert cursor_in_sight(window)


def test_dismissing_keeps_the_reading_place(qtbot, window, session, sample_doc):
    text = window.document.text
    start = text.index("4.2%")
    first = create_indicator(session, sample_doc, {"name": "增速"}, [(start, start + 4)])
    window.refresh()
    window.select_indicator(first.id)
    panel = window.suggestions_panel
    window.side_tabs.setCurrentWidget(panel)
    panel.table.setFocus()
    panel.table.selectRow(panel.model.rowCount() - 1)
    far = panel.current()
    rows = panel.model.rowCount()
    QTest.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.model.rowCount() == rows - 1  # dismissed
    assert session.store.indicators.get(first.id).deleted_at is None
    assert window.document_view.cursor_code_point() == far.end  # not back at the 4.2%
    assert cursor_in_sight(window)


def test_moving_through_suggestions_scrolls_to_each(qtbot, window):
    panel = window.suggestions_panel
    window.side_tabs.setCurrentWidget(panel)
    panel.table.setFocus()
    panel.table.selectRow(0)
    seen = []
    for _ in range(min(12, panel.model.rowCount() - 1)):
        QTest.keyClick(panel.table, Qt.Key.Key_Down)
        s = panel.current()
        assert window.document_view.selected_span() == (s.start, s.end)
        assert cursor_in_sight(window)
        seen.append(window.document_view.text.verticalScrollBar().value())
    QTest.keyClick(panel.table, Qt.Key.Key_End)
    s = panel.current()
    assert window.document_view.selected_span() == (s.start, s.end)
    assert cursor_in_sight(window)
