"""Small things that matter: the import filter, an export folder that exists, no "Finding
numbers…" without a document, a document open on start, a crash dialog that wraps, and the
measure in All indicators."""

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from workspace_helpers import make_window

from indicite.services.indicators import create_indicator
from indicite.ui.all_indicators import ALL_COLUMNS
from indicite.ui.crash import CrashDialog
from indicite.ui.export_dialog import ExportDialog
from indicite.ui.start_page import choose_document_files


def test_import_dialog_offers_markdown_and_every_kind(qtbot):
    seen: list[str] = []

    def read_filters() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.extend(dialog.nameFilters())
        dialog.reject()

    QTimer.singleShot(0, read_filters)
    assert choose_document_files(None) == []
    documents = seen[0]
    for pattern in ("*.txt", "*.md", "*.docx", "*.pdf", "*.html", "*.htm"):
        assert pattern in documents.split("(")[1]


def test_export_proposes_a_folder_that_exists(qtbot, session, sample_doc, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("export/folder", str(tmp_path / "usb-stick-gone"))
    dialog = ExportDialog(session, current_document_id=sample_doc, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert Path(dialog.path.text()).parent.is_dir()


def test_no_document_no_counting_and_a_database_opens_on_a_document(
    qtbot, session, tmp_path, sample_file
):
    from indicite.services.documents import DocumentMeta, import_file

    empty = make_window(qtbot, session, tmp_path / "a")
    assert not empty.suggestions_panel.meter.isVisible()
    assert empty.document_view.text.toPlainText() == ""
    empty.close()

    doc_id = import_file(session, sample_file, DocumentMeta(subject="天津")).document_id
    window = make_window(qtbot, session, tmp_path / "b")  # no document remembered
    assert window.current_document_id == doc_id
    assert window.document_view.text.toPlainText() != ""
    assert window.suggestions_panel.meter.isVisible()


def test_crash_dialog_wraps_long_lines_and_paths(qtbot, tmp_path):
    long_path = tmp_path.joinpath(*["a_long_folder_name_without_spaces"] * 8, "x.sqlite")
    details = "Traceback:\n" + "  File " + "x" * 400 + "\n"
    log = tmp_path / "indicite.log"
    dialog = CrashDialog("OSError: cannot read " + str(long_path), details, log)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.width() < 900  # the path in the error wraps instead of widening the dialog
    assert dialog.details_view.horizontalScrollBar().maximum() == 0
    assert str(long_path) in dialog.report_text()  # the copied report is as it was
    assert str(log) in dialog.log_label.text()  # and the log path can be copied as it is


def test_all_indicators_shows_the_measure(qtbot, session, sample_doc, tmp_path):
    text = session.store.documents.get(sample_doc).text
    start = text.index("4.2%")
    for measure in ("level", "growth_yoy"):
        fields = {"name": "规上工业增加值", "measure": measure, "value": 4.2, "unit": "%"}
        create_indicator(session, sample_doc, fields, [(start, start + 4)])
    window = make_window(qtbot, session, tmp_path, sample_doc)
    window.all_indicators.mode_action.trigger()
    view = window.all_indicators.view
    model = view.model
    column = ALL_COLUMNS.index("measure")
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Measure"
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + 5
    shown = []
    for _ in range(2):  # sorted by measure, then the other way round
        QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        shown.append([model.index(r, column).data() for r in range(2)])
    assert set(shown[0]) == {"Level (total)", "Year-on-year growth"}
    assert shown[1] == shown[0][::-1]


def test_app_start_opens_the_first_document_once_the_file_is_found_sound(
    qtbot, session, sample_doc, db_path, monkeypatch
):
    from indicite.services.session import Session
    from indicite.ui.health_check import check_each_window
    from indicite.ui.start_page import DatabaseWindows
    from indicite.ui.workers import TaskRunner

    monkeypatch.setattr(TaskRunner, "force_serial", True)
    windows = DatabaseWindows("tester")
    check_each_window(windows)
    windows.show_session(Session.open(db_path, "tester", full_check=False))  # as the app starts
    window = windows.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.current_document_id == sample_doc)
    windows.close()
