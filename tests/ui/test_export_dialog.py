"""File → Export: the user's choices reach the file; progress, cancel and refusals are shown."""

import csv

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from workspace_helpers import make_window

from indicite.services.indicators import create_indicator
from indicite.ui.export_dialog import ExportAction, ExportDialog
from indicite.ui.workers import TaskRunner


@pytest.fixture
def cited(session, sample_doc):
    text = session.store.documents.get(sample_doc).text
    for name, quote in [("京津冀", "京津冀产业协同发展"), ("新台阶", "迈上新台阶")]:
        start = text.index(quote)
        create_indicator(session, sample_doc, {"name": name}, [(start, start + len(quote))])
    session.store.indicators.update(1, {"status": "approved"}, 1)
    return sample_doc


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def dialog(qtbot, session, cited, settings):
    dialog = ExportDialog(session, current_document_id=cited, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _type_path(qtbot, dialog, path):
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(path))


def _names(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [row["name"] for row in csv.DictReader(f)]


def test_export_in_a_worker_thread_writes_the_chosen_statuses(
    qtbot, session, dialog, settings, tmp_path
):
    dialog.format.setCurrentIndex(1)  # CSV
    assert dialog.encoding.isEnabled()
    _type_path(qtbot, dialog, tmp_path / "approved.csv")
    dialog.status_boxes["draft"].click()
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert _names(tmp_path / "approved.csv") == ["京津冀"]
    assert dialog.outcome.rows == 1
    again = ExportDialog(session, settings=settings)
    qtbot.addWidget(again)
    assert again.chosen_format() == "csv"
    assert again.path.text().startswith(str(tmp_path / "indicators-"))
    assert again.path.text().endswith(".csv")


def test_format_choice_changes_the_file_name(qtbot, dialog):
    dialog.format.setCurrentIndex(2)
    assert dialog.path.text().endswith(".json") and not dialog.encoding.isEnabled()


def test_progress_is_shown_and_cancel_leaves_no_file(qtbot, dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    monkeypatch.setattr("indicite.services.export.PROGRESS_EVERY", 1)
    seen = []
    start = dialog.runner.start

    def start_then_cancel_at_first_progress(task):
        def cancel(done, total, _message):
            seen.append((done, total, dialog.progress.isVisible(), dialog.progress.value()))
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

        task.progressed.connect(cancel)
        return start(task)

    monkeypatch.setattr(dialog.runner, "start", start_then_cancel_at_first_progress)
    _type_path(qtbot, dialog, tmp_path / "cancelled.xlsx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert seen == [(0, 2, True, 0)]
    assert dialog.message.text() == "Export cancelled."
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert [p.name for p in tmp_path.iterdir() if "cancelled" in p.name] == []


def test_unwritable_path_is_reported_in_the_dialog(qtbot, dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    _type_path(qtbot, dialog, tmp_path / "missing" / "out.xlsx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("Cannot write")
    assert dialog.isVisible() and dialog.export_button.isEnabled()


def test_only_the_open_document_and_no_status_ticked(qtbot, dialog, tmp_path, monkeypatch):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    for box in dialog.status_boxes.values():
        box.setChecked(False)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "at least one status" in dialog.message.text()
    dialog.status_boxes["draft"].setChecked(True)
    dialog.this_document.setChecked(True)
    dialog.format.setCurrentIndex(1)
    _type_path(qtbot, dialog, tmp_path / "drafts.csv")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert _names(tmp_path / "drafts.csv") == ["新台阶"]


def test_file_export_in_the_main_window_exports_the_open_document(
    qtbot, session, cited, tmp_path, monkeypatch
):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    window = make_window(qtbot, session, tmp_path, cited)
    plugin = ExportAction(window)
    file_actions = window.menus["file"].actions()
    assert plugin.action in file_actions and file_actions[-1] is not plugin.action  # Quit last
    assert plugin.action.text() == "&Export…"

    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = plugin.dialog
    assert dialog is not None and dialog.isVisible()
    plugin.action.trigger()  # a second Ctrl+E shows the same dialog
    assert plugin.dialog is dialog
    dialog.this_document.setChecked(True)
    dialog.format.setCurrentIndex(2)
    _type_path(qtbot, dialog, tmp_path / "doc.json")
    with qtbot.waitSignal(dialog.destroyed):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert plugin.dialog is None
    assert (tmp_path / "doc.json").read_text(encoding="utf-8").count('"name"') == 2
    assert "Exported 2 indicators to doc.json" in window.statusBar().currentMessage()


def test_chinese_headers_chosen_in_the_dialog_are_written_and_remembered(
    qtbot, session, dialog, settings, tmp_path
):
    dialog.format.setCurrentIndex(1)  # CSV
    dialog.headers.setCurrentIndex(1)  # Chinese
    _type_path(qtbot, dialog, tmp_path / "zh.csv")
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    header = (tmp_path / "zh.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("编号,指标名称,主体")
    again = ExportDialog(session, settings=settings)
    qtbot.addWidget(again)
    assert again.headers.currentIndex() == 1
    again.format.setCurrentIndex(2)  # JSON keys are always the column names
    assert not again.headers.isEnabled()


def test_sdmx_csv_is_offered_and_named_so(qtbot, session, dialog, tmp_path):
    dialog.format.setCurrentIndex(3)
    assert dialog.chosen_format() == "sdmx-csv"
    assert dialog.path.text().endswith(".sdmx.csv") and not dialog.headers.isEnabled()
    _type_path(qtbot, dialog, tmp_path / "out.sdmx.csv")
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    header = (tmp_path / "out.sdmx.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("STRUCTURE,STRUCTURE_ID,ACTION,INDICATOR,REF_AREA,TIME_PERIOD")
    dialog.format.setCurrentIndex(0)
    assert dialog.path.text().endswith("out.xlsx")
