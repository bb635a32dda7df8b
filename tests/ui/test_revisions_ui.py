"""Document → Import new version… and Versions…, and the changed passage in review."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from workspace_helpers import make_window

from indicite.services import review
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.services.users import add_user, ensure_user
from indicite.ui.review_view import ReviewView
from indicite.ui.revisions.actions import VersionActions
from indicite.ui.revisions.report_dialog import RevisionReportDialog
from indicite.ui.revisions.versions_dialog import VersionsDialog
from indicite.ui.workers import TaskRunner


@pytest.fixture
def approved_growth(session, sample_doc):
    """9.2% entered by the tester and approved by eve."""
    ensure_user(session)
    add_user(session, "eve", "editor")
    text = session.store.documents.get(sample_doc).text
    start = text.index("9.2%")
    ind = create_indicator(session, sample_doc, {"name": "工业增加值增速"}, [(start, start + 4)])
    ind = review.submit(session, ind.id, ind.version)
    eve = Session(session.store, "eve")
    return review.approve(eve, ind.id, ind.version)


@pytest.fixture
def revised_file(session, sample_doc, tmp_path):
    text = session.store.documents.get(sample_doc).text
    path = tmp_path / "修订版.txt"
    path.write_text(text.replace("9.2%", "9.4%", 1), encoding="utf-8")
    return path


def menu_texts(window) -> list[str]:
    return [a.text() for a in window.menus["document"].actions()]


def test_import_new_version_from_the_document_menu(
    qtbot, session, sample_doc, tmp_path, approved_growth, revised_file, monkeypatch
):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(revised_file)], ""))
    window = make_window(qtbot, session, tmp_path, sample_doc)
    actions = VersionActions(window)
    assert "Import &new version…" in menu_texts(window)
    actions.import_action.trigger()

    dialog = actions.dialog
    assert isinstance(dialog, RevisionReportDialog) and dialog.isVisible()
    assert "1 citation(s) re-anchored: 1 changed" in dialog.summary.text()
    shown = dialog.changes.toPlainText()
    assert "9.2%" in shown and "9.4%" in shown and "工业增加值增速 · changed" in shown
    dialog.close()

    assert window.current_document_id == 2  # the new version is open
    assert [window.document_list.model.id_at(r) for r in range(2)] == [2, None]
    ind = session.store.indicators.get(approved_growth.id)
    assert (ind.document_id, ind.status, ind.source_changed) == (2, "submitted", 1)
    start = window.document.text.index("9.4%")
    assert window.document.text[ind.citations[0].start : ind.citations[0].end] == "9.4%"
    assert ind.citations[0].start == start


def test_versions_dialog_shows_the_change_and_its_citation(
    qtbot, session, sample_doc, tmp_path, approved_growth, revised_file
):
    from indicite.services.revisions import import_new_version

    import_new_version(session, revised_file, sample_doc)
    dialog = VersionsDialog(session, 2)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 2
    assert dialog.caption.text() == "1 change(s) from version 1 to version 2."
    text = dialog.diff.toPlainText()
    assert "工业增加值增速 · cited" in text and "工业增加值增速 · changed" in text
    assert dialog.to_check_caption.text().startswith("1 entry(ies) to look at")
    assert "9.2%" in dialog.to_check.toPlainText() and "9.4%" in dialog.to_check.toPlainText()
    dialog.table.selectRow(0)
    assert dialog.caption.text() == "The first version." and not dialog.diff.toPlainText()


def test_importing_a_look_alike_offers_to_make_it_the_new_version(
    qtbot, session, sample_doc, tmp_path, approved_growth, revised_file, monkeypatch
):
    from indicite.services.documents import DocumentMeta, ImportReport, import_file

    monkeypatch.setattr(TaskRunner, "force_serial", True)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes,
    )
    window = make_window(qtbot, session, tmp_path, sample_doc)
    actions = VersionActions(window)
    issuer = session.store.documents.get(sample_doc).issuer
    outcome = import_file(session, revised_file, DocumentMeta(issuer=issuer))
    actions.offer_link(ImportReport([outcome]))
    assert "document 1" in asked[0]
    assert session.store.documents.get(outcome.document_id).replaces_id == sample_doc
    assert session.store.indicators.get(approved_growth.id).document_id == outcome.document_id


def test_review_shows_the_passage_before_and_now(qtbot, session, sample_doc, approved_growth,
                                                  revised_file):  # fmt: skip
    from indicite.services.revisions import import_new_version

    import_new_version(session, revised_file, sample_doc)
    view = ReviewView(Session(session.store, "eve"))
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    entry = view.model.entry(0)
    assert entry.id == approved_growth.id
    assert any("new version" in p for p in entry.problems)
    assert view.source_change.isVisible()
    html = view.source_change.text()
    assert ">2</span>%" in html and ">4</span>%" in html  # the changed digit is marked
    assert view.approve_button.isEnabled()  # a warning, not a refusal: the editor decides
