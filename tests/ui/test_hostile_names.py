"""What hostile files look like in the window (issue 13): names escaped in dialogs, and a loaded
file's claims shown in History as "from file", never as acts of the people it names."""

import csv

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from indicite.services.load import load
from indicite.services.session import Session
from indicite.ui.background_import import ImportController
from indicite.ui.history_panel import HistoryPanel
from indicite.ui.workers import TaskRunner


def _read_message_box_when_it_opens(texts: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        texts.append(box.text())
        box.accept()
    else:
        QTimer.singleShot(20, lambda: _read_message_box_when_it_opens(texts))


def test_import_failure_dialog_shows_the_file_name_escaped(qtbot, db_path, tmp_path, monkeypatch):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    Session.open(db_path, "tester").close()
    runner = TaskRunner(db_path, "tester")
    window = QWidget()
    qtbot.addWidget(window)
    bad = tmp_path / "report\n\x1b[31mOK\u202e.txt"
    bad.write_bytes(b"hello 5.2%\x00world")
    texts: list[str] = []
    QTimer.singleShot(0, lambda: _read_message_box_when_it_opens(texts))
    controller = ImportController(runner, window)
    with qtbot.waitSignal(controller.imported, timeout=5000):
        controller.import_paths([bad])
    runner.wait()
    (text,) = texts
    assert "report\\n\\x1b[31mOK\\u202e.txt" in text
    assert "\n" not in text and "\x1b" not in text and "\u202e" not in text


@pytest.fixture
def loaded_entry(session, sample_doc, tmp_path):
    text = session.store.documents.get(sample_doc).text
    quote = "京津冀产业协同发展"
    path = tmp_path / "approved.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "quote", "document_id", "document_sha256", "status",
                         "created_by", "created_at", "reviewed_by", "reviewed_at"])  # fmt: skip
        sha = session.store.documents.get(sample_doc).text_sha256
        claims = ["bob", "2020-01-01T00:00:00+00:00", "mallory", "2020-01-02T00:00:00+00:00"]
        writer.writerow(["协同", quote, sample_doc, sha, "approved", *claims])
    assert quote in text
    assert load(session, path).loaded == 1
    return session.store.indicators.for_document(sample_doc)[0]


def test_history_shows_the_files_claims_as_from_file(qtbot, session, loaded_entry):
    panel = HistoryPanel(session)
    qtbot.addWidget(panel)
    panel.set_indicator(loaded_entry.id)
    model = panel.model
    assert model.rowCount() == 1  # the load only: nobody approved anything
    who = model.data(model.index(0, 1))
    details = model.data(model.index(0, 3))
    assert who == "tester"
    assert "from file approved.csv, row 2" in details
    assert "Entered by bob" in details and "Reviewed by mallory" in details
    assert "Status Approved" in details and details.startswith("Submitted")
