"""Bulk actions: several rows selected with Ctrl/Shift-click or Ctrl+A, then submitted,
deleted or given a new period or subject — each one undo step and one transaction."""

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from workspace_helpers import make_window, type_text

from indicite.services import review
from indicite.services.indicators import create_indicator
from indicite.services.users import add_user, ensure_user

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
VALUES = ("4.2%", "3.9%", "6.91%", "1.65个百分点", "170家")


@pytest.fixture
def entries(session, sample_doc):
    text = session.store.documents.get(sample_doc).text
    ids = []
    for n, value in enumerate(VALUES):
        start = text.index(value)
        fields = {"name": f"指标{n}", "period_label": "2025年"}
        ids.append(create_indicator(session, sample_doc, fields, [(start, start + len(value))]).id)
    return ids


@pytest.fixture
def window(qtbot, session, sample_doc, tmp_path, entries):
    return make_window(qtbot, session, tmp_path, sample_doc)


def click_row(window, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    table = window.indicator_table
    rect = table.visualRect(window.indicator_model.index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def statuses(session, ids):
    return [session.store.indicators.get(i).status for i in ids]


class Transactions:
    """Counts the write transactions the app begins on the connection."""

    def __init__(self, session):
        self.count = 0
        session.store.db.conn.set_trace_callback(self._seen)

    def _seen(self, statement: str) -> None:
        if re.match(r"\s*BEGIN", statement, re.IGNORECASE):
            self.count += 1


def test_ctrl_and_shift_click_then_submit_is_one_undoable_step(qtbot, window, session, entries):
    click_row(window, 0)
    click_row(window, 2, SHIFT)  # rows 0..2
    click_row(window, 4, CTRL)  # and row 4
    transactions = Transactions(session)
    QTest.keyClick(window.indicator_table, Qt.Key.Key_S, CTRL | SHIFT)
    assert transactions.count == 1
    by_id = dict(zip(entries, statuses(session, entries), strict=True))
    assert [by_id[i] for i in entries] == [
        "submitted",
        "submitted",
        "submitted",
        "draft",
        "submitted",
    ]
    assert "Submitted 4" in window.statusBar().currentMessage()

    QTest.keyClick(window.indicator_table, Qt.Key.Key_Z, CTRL)
    assert statuses(session, entries) == ["draft"] * 5
    QTest.keyClick(window.indicator_table, Qt.Key.Key_Z, CTRL | SHIFT)
    assert statuses(session, entries).count("submitted") == 4


def test_ctrl_a_and_delete_removes_all_and_undo_brings_them_back(qtbot, window, session, entries):
    window.indicator_table.setFocus()
    click_row(window, 0)
    QTest.keyClick(window.indicator_table, Qt.Key.Key_A, CTRL)
    transactions = Transactions(session)
    QTest.keyClick(window.indicator_table, Qt.Key.Key_Delete)
    assert transactions.count == 1
    assert session.store.indicators.for_document(window.current_document_id) == []
    assert window.indicator_model.rowCount() == 0
    QTest.keyClick(window.document_view.text, Qt.Key.Key_Z, CTRL)
    assert len(session.store.indicators.for_document(window.current_document_id)) == 5
    assert window.indicator_model.rowCount() == 5


def test_period_and_subject_of_the_selection_change_together(qtbot, window, session, entries):
    click_row(window, 1)
    click_row(window, 3, SHIFT)
    before = session.store.indicators.get(entries[2])
    QTest.keyClick(window.indicator_table, Qt.Key.Key_E, CTRL | SHIFT)
    dialog = window.bulk_actions.dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "3" in dialog.intro.text()
    period = dialog.findChild(QLineEdit, "bulk_period")
    type_text(period, "2025年1—11月")
    QTest.keyClick(period, Qt.Key.Key_Return)
    changed = [session.store.indicators.get(i) for i in entries[1:4]]
    assert {(i.period_label, i.period_start, i.period_end) for i in changed} == {
        ("2025年1—11月", "2025-01-01", "2025-11-30")
    }
    assert {i.subject for i in changed} == {before.subject}  # left empty: unchanged
    assert session.store.indicators.get(entries[0]).period_label == "2025年"
    QTest.keyClick(window.indicator_table, Qt.Key.Key_Z, CTRL)
    again = session.store.indicators.get(entries[2])
    assert (again.period_label, again.period_start, again.period_end) == (
        before.period_label,
        before.period_start,
        before.period_end,
    )


def test_submit_all_drafts_of_the_document_is_one_click(qtbot, window, session, entries):
    window.bulk_actions.submit_all_action.trigger()
    assert statuses(session, entries) == ["submitted"] * 5
    assert window.undo_stack.count() == 1


def test_locked_entries_are_skipped_and_named(qtbot, session, sample_doc, tmp_path, entries):
    ensure_user(session)  # tester, the first user: admin
    add_user(session, "eve", "editor")
    ind = session.store.indicators.get(entries[0])
    ind = review.submit(session, ind.id, ind.version)
    session.user = "eve"
    review.approve(session, ind.id, ind.version)
    session.user = "tester"
    window = make_window(qtbot, session, tmp_path, sample_doc)
    window.indicator_table.setFocus()
    click_row(window, 0)
    QTest.keyClick(window.indicator_table, Qt.Key.Key_A, CTRL)
    QTest.keyClick(window.indicator_table, Qt.Key.Key_Delete)
    QApplication.processEvents()
    left = session.store.indicators.for_document(sample_doc)
    assert [i.id for i in left] == [entries[0]]
    message = window.statusBar().currentMessage()
    assert "Deleted 4" in message and f"#{entries[0]}" in message and "approved" in message


def test_submit_keys_work_when_the_first_selected_is_already_submitted(
    qtbot, session, sample_doc, tmp_path, entries
):
    first = session.store.indicators.get(entries[0])
    review.submit(session, first.id, first.version)
    window = make_window(qtbot, session, tmp_path, sample_doc)
    window.indicator_table.setFocus()
    click_row(window, 0)
    click_row(window, 1, SHIFT)
    QTest.keyClick(window.indicator_table, Qt.Key.Key_S, CTRL | SHIFT)
    assert statuses(session, entries[:2]) == ["submitted", "submitted"]
    assert window.undo_stack.count() == 1
    message = window.statusBar().currentMessage()
    assert "Submitted 1" in message and f"#{entries[0]}" in message
