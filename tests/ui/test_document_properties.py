"""Document → Properties: staff correct the issuer, date and subject of a document they opened."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from workspace_helpers import make_window, type_text

from indicite.ui.document_properties import DocumentPropertiesDialog


@pytest.fixture
def window(qtbot, session, tmp_path, sample_doc):
    window = make_window(qtbot, session, tmp_path)
    with qtbot.waitSignal(window.suggestions_panel.loaded):
        window.open_document(sample_doc)
    return window


def open_properties_from_menu(window) -> DocumentPropertiesDialog:
    [action] = [a for a in window.menus["document"].actions() if a.text() == "&Properties…"]
    assert action.isEnabled()
    action.trigger()
    dialog = window.properties_dialog
    assert dialog.isVisible()
    return dialog


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def period_starts(window, label: str) -> set:
    return {s.period_start for s in window.suggestions_panel._all if s.period_label == label}


def test_issuer_date_and_title_typed_in_the_dialog_are_stored_and_shown(
    qtbot, window, session, sample_doc
):
    assert period_starts(window, "1—11月") == {None}  # no date yet: the year is unknown
    dialog = open_properties_from_menu(window)
    assert dialog.fields["issuer"].text() == "天津市工业和信息化局"
    assert dialog.info["text_sha256"].text() == session.store.documents.get(sample_doc).text_sha256

    dialog.fields["title"].selectAll()
    type_text(dialog.fields["title"], "天津工业运行情况")
    dialog.fields["issuer"].clear()
    type_text(dialog.fields["issuer"], "天津市统计局")
    qtbot.keyClicks(dialog.fields["published_on"], "2025-12-20")
    dialog.fields["source_url"].setFocus()
    qtbot.keyClicks(dialog.fields["source_url"], "https://gxj.tj.gov.cn/a.html")
    with qtbot.waitSignal(window.suggestions_panel.loaded):
        qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    doc = session.store.documents.get(sample_doc)
    assert (doc.title, doc.issuer, doc.published_on) == (
        "天津工业运行情况",
        "天津市统计局",
        "2025-12-20",
    )
    assert doc.source_url == "https://gxj.tj.gov.cn/a.html"
    assert doc.subject == "天津"
    edits = list(session.store.db.query("SELECT * FROM events WHERE action = 'document_edit'"))
    assert [e["document_id"] for e in edits] == [sample_doc]
    assert window.windowTitle().startswith("天津工业运行情况")
    titles = window.document_list.model
    assert titles.index(titles.row_of(sample_doc), 0).data() == "天津工业运行情况"
    assert period_starts(window, "1—11月") == {date(2025, 1, 1)}
    assert window.document.published_on == "2025-12-20"


def test_a_bad_date_is_shown_beside_the_field_and_nothing_is_stored(
    qtbot, window, session, sample_doc
):
    dialog = open_properties_from_menu(window)
    qtbot.keyClicks(dialog.fields["published_on"], "2025-11-31")

    assert dialog.errors["published_on"].isVisible()
    assert "YYYY-MM-DD" in dialog.errors["published_on"].text()
    assert not ok_button(dialog).isEnabled()
    QTest.keyClick(dialog.fields["published_on"], Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert session.store.documents.get(sample_doc).published_on is None

    QTest.keyClick(dialog.fields["published_on"], Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.fields["published_on"], "0")
    assert not dialog.errors["published_on"].isVisible()
    assert ok_button(dialog).isEnabled()


def test_an_empty_title_is_refused_in_place(qtbot, window):
    dialog = open_properties_from_menu(window)
    dialog.fields["title"].clear()
    assert dialog.errors["title"].isVisible()
    assert not ok_button(dialog).isEnabled()


def test_the_shortcut_is_in_the_tooltip_and_opens_the_dialog(qtbot, window):
    action = window.actions_by_key["document_properties"]
    assert "Alt+Return" in action.toolTip() or "Alt+Enter" in action.toolTip()
    QTest.keyClick(
        window.document_view.text,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.properties_dialog.isVisible()
    window.properties_dialog.reject()


def test_importing_one_file_offers_its_properties(
    qtbot, monkeypatch, session, tmp_path, sample_file
):
    from indicite.ui.start_page import FirstRun
    from indicite.ui.workers import TaskRunner

    monkeypatch.setattr(TaskRunner, "force_serial", True)
    window = make_window(qtbot, session, tmp_path)
    first_run = FirstRun(window)
    assert not first_run.describe_button.isVisibleTo(window)

    first_run.importer.import_paths([sample_file])
    qtbot.waitUntil(lambda: window.current_document_id is not None)

    button = first_run.describe_button
    assert button.isVisibleTo(window)
    assert button.text() == "Set issuer, date and subject…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.properties_dialog.isVisible()
    assert window.properties_dialog.doc_id == window.current_document_id
    assert not button.isVisibleTo(window)
    window.properties_dialog.reject()
