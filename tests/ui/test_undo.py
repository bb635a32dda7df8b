"""Undo and redo of every workspace write, checked in the database (Ctrl+Z / Ctrl+Shift+Z)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from workspace_helpers import (
    cite_and_name,
    cited_then_select_another,
    make_window,
    type_text,
)

from indicite.services.indicators import create_indicator


@pytest.fixture
def window(qtbot, session, sample_doc, tmp_path):
    return make_window(qtbot, session, tmp_path, sample_doc)


def undo(window):
    QTest.keyClick(window.document_view.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(window):
    QTest.keyClick(
        window.document_view.text,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def live(session, doc_id):
    return [(i.id, i.name) for i in session.store.indicators.for_document(doc_id)]


def test_undo_and_redo_of_create(qtbot, window, session):
    doc_id = window.current_document_id
    start = window.document.text.index("4.2%")
    cite_and_name(qtbot, window, start, start + 4, "增速")
    (created,) = live(session, doc_id)
    undo(window)
    assert live(session, doc_id) == []
    assert session.store.indicators.get(created[0]).deleted_at is not None  # soft: history keeps it
    assert window.indicator_model.rowCount() == 0
    assert window.document_view.spans() == []
    redo(window)
    assert live(session, doc_id) == [created]  # the same row comes back
    assert window.indicator_model.rowCount() == 1


def test_undo_and_redo_of_edit(qtbot, window, session):
    start = window.document.text.index("4.2%")
    ind = create_indicator(
        session,
        window.current_document_id,
        {"name": "增速", "value": 4.2, "unit": "%"},
        [(start, start + 4)],
    )
    window.refresh()
    window.select_indicator(ind.id)
    value = window.form.fields["value"]
    value.selectAll()
    qtbot.keyClicks(value, "4.3")
    QTest.keyClick(value, Qt.Key.Key_Return)
    assert session.store.indicators.get(ind.id).value == 4.3
    undo(window)
    assert session.store.indicators.get(ind.id).value == 4.2
    assert window.form.fields["value"].text() == "4.2"
    redo(window)
    assert session.store.indicators.get(ind.id).value == 4.3


def test_undo_and_redo_of_delete(qtbot, window, session):
    start = window.document.text.index("4.2%")
    ind = create_indicator(
        session, window.current_document_id, {"name": "增速"}, [(start, start + 4)]
    )
    window.refresh()
    window.select_indicator(ind.id)
    window.indicator_table.setFocus()
    QTest.keyClick(window.indicator_table, Qt.Key.Key_Delete)
    assert session.store.indicators.get(ind.id).deleted_at is not None
    assert window.indicator_model.rowCount() == 0
    undo(window)
    assert session.store.indicators.get(ind.id).deleted_at is None
    assert window.indicator_model.rowCount() == 1
    redo(window)
    assert session.store.indicators.get(ind.id).deleted_at is not None
    events = [
        e["action"]
        for e in session.store.db.query(
            "SELECT action FROM events WHERE indicator_id = ? ORDER BY id", [ind.id]
        )
    ]
    assert events == ["create", "delete", "restore", "delete"]


def test_undo_of_an_added_citation_removes_only_that_passage(qtbot, window, session):
    ind, first, _second = cited_then_select_another(session, window)
    window.actions_by_key["add_citation"].trigger()
    assert len(session.store.indicators.citations(ind.id)) == 2
    undo(window)
    assert [(c.start, c.end) for c in session.store.indicators.citations(ind.id)] == [first]
    redo(window)
    assert len(session.store.indicators.citations(ind.id)) == 2


def test_undo_refused_after_someone_else_changed_the_entry(qtbot, window, session):
    from indicite.services.indicators import update_indicator

    start = window.document.text.index("4.2%")
    cite_and_name(qtbot, window, start, start + 4, "增速")
    (ind,) = session.store.indicators.for_document(window.current_document_id)
    update_indicator(session, ind.id, {"name": "别人改的"}, ind.version)  # as if another app
    undo(window)
    assert session.store.indicators.get(ind.id).deleted_at is None  # their change stands
    assert "reload" in window.form.message_text().lower() or window.statusBar().currentMessage()
    type_text(window.indicator_filter, "别人")
    assert window.indicator_model.rowCount() == 1


def test_undo_a_create_that_was_edited_afterwards(qtbot, window, session):
    doc_id = window.current_document_id
    start = window.document.text.index("4.2%")
    cite_and_name(qtbot, window, start, start + 4, "增速")
    ((ind_id, _),) = live(session, doc_id)
    window.select_indicator(ind_id)
    name = window.form.fields["name"]
    name.selectAll()
    type_text(name, "规上工业增加值增速")
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert live(session, doc_id) == [(ind_id, "规上工业增加值增速")]
    undo(window)
    assert live(session, doc_id) == [(ind_id, "增速")]
    undo(window)
    assert live(session, doc_id) == []
    redo(window)
    redo(window)
    assert live(session, doc_id) == [(ind_id, "规上工业增加值增速")]
