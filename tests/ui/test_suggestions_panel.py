"""The Suggestions list from the keyboard: N finds the next number, Enter accepts, Delete
dismisses; the coverage meter counts what the database holds."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHBoxLayout, QWidget

from indicite.services.documents import DocumentMeta, import_file
from indicite.services.suggestions import coverage, suggestions_for_document
from indicite.ui.document_view import DocumentView
from indicite.ui.suggestions_panel import SuggestionsPanel
from indicite.ui.undo import Operations


class Workspace(QWidget):
    """The document view and the Suggestions panel side by side, as in the main window."""

    def __init__(self, session):
        super().__init__()
        self.ops = Operations(session, self)
        self.view = DocumentView()
        self.panel = SuggestionsPanel(self.ops)
        self.panel.attach_view(self.view)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.panel, 1)
        self.resize(1200, 700)


@pytest.fixture
def workspace(qtbot, session, sample_doc):
    return open_workspace(qtbot, session, sample_doc)


def open_workspace(qtbot, session, doc_id) -> Workspace:
    w = Workspace(session)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.view.set_document(session.store.documents.get(doc_id).text)
    with qtbot.waitSignal(w.panel.loaded):
        w.panel.load_document(doc_id)
    w.view.text.setFocus()
    return w


def press(widget, key) -> None:
    QTest.keyClick(widget, key)


def all_suggestions(session, doc_id):
    return suggestions_for_document(session.store.documents.get(doc_id))


def live_indicators(session, doc_id):
    return session.store.indicators.for_document(doc_id)


def test_n_selects_the_first_number_in_the_view_and_the_list(workspace, session, sample_doc):
    first = all_suggestions(session, sample_doc)[0]
    press(workspace.view.text, Qt.Key.Key_N)
    assert workspace.panel.current() == first
    assert workspace.view.selected_span() == (first.start, first.end)
    assert workspace.panel.table.currentIndex().row() == 0


def test_n_starts_after_the_cursor(workspace, session, sample_doc):
    text = session.store.documents.get(sample_doc).text
    position = text.index("工业固定资产投资")
    workspace.view.select_span(position, position)
    press(workspace.view.text, Qt.Key.Key_N)
    assert workspace.panel.current().text == "3.9%"


def test_enter_accepts_a_draft_cited_to_its_clause_and_moves_on(workspace, session, sample_doc):
    everything = all_suggestions(session, sample_doc)
    first, second = everything[:2]
    press(workspace.view.text, Qt.Key.Key_N)
    press(workspace.view.text, Qt.Key.Key_Return)
    (ind,) = live_indicators(session, sample_doc)
    stored = session.store.indicators.get(ind.id)
    assert (stored.status, stored.value, stored.unit) == ("draft", first.value, first.unit)
    assert stored.name == first.indicator
    assert stored.citations[0].exact.endswith(first.text)
    assert workspace.panel.current() == second
    assert workspace.panel.meter.text() == f"1 of {len(everything)} numbers handled"
    assert workspace.panel.model.rowCount() == len(everything) - 1


def test_delete_dismisses_for_good_and_undo_brings_it_back(qtbot, workspace, session, sample_doc):
    total = len(all_suggestions(session, sample_doc))
    press(workspace.view.text, Qt.Key.Key_N)
    dismissed = workspace.panel.current()
    press(workspace.panel.table, Qt.Key.Key_Delete)
    assert session.store.dismissals.spans(sample_doc) == {(dismissed.start, dismissed.end)}
    assert live_indicators(session, sample_doc) == []
    assert workspace.panel.meter.text() == f"1 of {total} numbers handled"

    reopened = open_workspace(qtbot, session, sample_doc)
    assert dismissed not in reopened.panel.model.suggestions()
    assert reopened.panel.meter.text() == f"1 of {total} numbers handled"

    workspace.ops.stack.undo()
    assert session.store.dismissals.spans(sample_doc) == set()
    assert workspace.panel.model.suggestions()[0] == dismissed
    assert workspace.panel.meter.text() == f"0 of {total} numbers handled"


def test_undo_of_accept_deletes_the_draft_and_reopens_the_number(workspace, session, sample_doc):
    press(workspace.view.text, Qt.Key.Key_N)
    accepted = workspace.panel.current()
    press(workspace.panel.table, Qt.Key.Key_Enter)
    assert len(live_indicators(session, sample_doc)) == 1
    workspace.ops.stack.undo()
    assert live_indicators(session, sample_doc) == []
    assert accepted in workspace.panel.model.suggestions()
    workspace.ops.stack.redo()
    assert len(live_indicators(session, sample_doc)) == 1
    assert accepted not in workspace.panel.model.suggestions()


def test_n_and_enter_through_the_sample_finish_it(workspace, session, sample_doc):
    """The 'done when' of the issue: N, Enter … (dismissing one wrong number) to 100%."""
    everything = all_suggestions(session, sample_doc)
    total = len(everything)
    press(workspace.view.text, Qt.Key.Key_N)
    press(workspace.view.text, Qt.Key.Key_Delete)
    for _ in range(total):
        if workspace.panel.model.rowCount() == 0:
            break
        press(workspace.view.text, Qt.Key.Key_N)
        press(workspace.view.text, Qt.Key.Key_Return)
    assert workspace.panel.model.rowCount() == 0
    assert workspace.panel.meter.text() == f"{total} of {total} numbers handled"
    assert workspace.panel.meter.value() == workspace.panel.meter.maximum()
    assert len(live_indicators(session, sample_doc)) == total - 1
    doc = session.store.documents.get(sample_doc)
    assert coverage(session, doc).done
    for ind in live_indicators(session, sample_doc):
        citation = session.store.indicators.get(ind.id).citations[0]
        assert doc.text[citation.start : citation.end] == citation.exact


def test_the_list_shows_the_number_in_context_and_its_fields(workspace, session, sample_doc):
    model = workspace.panel.model
    row = next(i for i, s in enumerate(model.suggestions()) if s.text == "超过8.6万个")
    shown = [model.index(row, c).data() for c in range(model.columnCount())]
    assert "【超过8.6万个】" in shown[0]
    assert shown[1:4] == ["8.6", "万个", ">"]
    assert "5G基站" in shown[4]


def underlined(view, position: int) -> bool:
    """Whether the character at a code-point position has the suggestion's wave underline."""
    block = view.text.document().findBlock(position)
    offset = position - block.position()
    return any(
        r.start <= offset < r.start + r.length
        and r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        for r in block.layout().formats()
    )


def test_open_numbers_are_underlined_in_the_view_until_handled(workspace, session, sample_doc):
    first = all_suggestions(session, sample_doc)[0]
    assert underlined(workspace.view, first.start)
    assert not underlined(workspace.view, first.start - 1)
    press(workspace.view.text, Qt.Key.Key_N)
    press(workspace.view.text, Qt.Key.Key_Return)
    assert not underlined(workspace.view, first.start)


def test_the_model_keeps_the_qt_model_rules(qtmodeltester, workspace):
    qtmodeltester.check(workspace.panel.model)


def test_suggestions_arrive_from_the_worker_for_the_document_open_last(
    qtbot, workspace, session, sample_doc, tmp_path
):
    other_file = tmp_path / "other.txt"
    other_file.write_text("全年新增企业12家，同比增长3.5%。\n", encoding="utf-8")
    other = import_file(session, other_file, DocumentMeta(subject="天津")).document_id
    workspace.panel.load_document(sample_doc)
    workspace.panel.load_document(other)
    assert workspace.panel.meter.text() == "Finding numbers…"
    assert workspace.panel.model.rowCount() == 0
    with qtbot.waitSignal(workspace.panel.loaded):
        pass
    assert [s.text for s in workspace.panel.model.suggestions()] == ["12家", "3.5%"]
    assert workspace.panel.meter.text() == "0 of 2 numbers handled"


def test_a_failing_suggester_is_reported_in_the_panel(qtbot, workspace, sample_doc, monkeypatch):
    def broken(*_args):
        raise ValueError("grammar bug")

    monkeypatch.setattr("indicite.services.suggestions.suggestions_for_text", broken)
    with qtbot.waitSignal(workspace.panel.load_failed):
        workspace.panel.load_document(sample_doc)
    assert workspace.panel.meter.text() == "No suggestions for this document"
    assert "grammar bug" in workspace.panel.message.text()
    assert workspace.panel.model.rowCount() == 0


@pytest.fixture
def window(qtbot, session, sample_doc, tmp_path):
    from workspace_helpers import window_with_suggestions

    return window_with_suggestions(qtbot, session, tmp_path, sample_doc)


def test_in_the_workspace_n_enter_shows_the_draft_and_a_correction_is_stored(
    window, session, sample_doc
):
    from workspace_helpers import type_text

    view = window.document_view.text
    total = len(all_suggestions(session, sample_doc))
    press(view, Qt.Key.Key_N)
    assert window.side_tabs.currentWidget() is window.suggestions_panel
    press(view, Qt.Key.Key_Return)
    (ind,) = live_indicators(session, sample_doc)
    assert window.form.indicator_id == ind.id
    assert window.indicator_model.rowCount() == 1
    assert window.suggestions_panel.meter.text() == f"1 of {total} numbers handled"

    QTest.keyClick(view, Qt.Key.Key_F2)
    window.form.fields["name"].clear()
    type_text(window.form.fields["name"], "重点产业链")
    QTest.keyClick(window.form.fields["name"], Qt.Key.Key_Return)
    assert session.store.indicators.get(ind.id).name == "重点产业链"

    press(view, Qt.Key.Key_N)
    press(view, Qt.Key.Key_Return)
    assert len(live_indicators(session, sample_doc)) == 2
    assert window.suggestions_panel.meter.text() == f"2 of {total} numbers handled"
    window.undo_stack.undo()
    assert len(live_indicators(session, sample_doc)) == 1
    assert window.suggestions_panel.meter.text() == f"1 of {total} numbers handled"


def test_an_indicator_cited_by_hand_counts_as_handled(qtbot, window, session, sample_doc):
    from workspace_helpers import cite_and_name

    total = len(all_suggestions(session, sample_doc))
    text = window.document.text
    start = text.index("全市规模以上工业增加值")
    cite_and_name(qtbot, window, start, text.index("4.2%") + 4, "规模以上工业增加值")
    assert window.suggestions_panel.meter.text() == f"1 of {total} numbers handled"
    assert "4.2%" not in [s.text for s in window.suggestions_panel.model.suggestions()]
