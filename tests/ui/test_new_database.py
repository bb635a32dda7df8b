"""File → New database… creates an empty database at the chosen path and never replaces one."""

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from indicite.services.session import Session
from indicite.ui.new_database import NewDatabaseAction
from indicite.ui.start_page import DatabaseWindows
from indicite.ui.workers import TaskRunner


@pytest.fixture
def windows(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    windows = DatabaseWindows("tester")
    windows.window_opened.connect(lambda window: NewDatabaseAction(window, windows))
    windows.show_session(Session.open(tmp_path / "first.sqlite", "tester"))
    qtbot.addWidget(windows.window)
    yield windows
    windows.window.close()
    windows.close()


def new_database(monkeypatch, windows, path):
    warnings = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    action = next(a for a in windows.window.menus["file"].actions() if "New database" in a.text())
    action.trigger()
    return warnings


def test_file_new_database_creates_and_shows_an_empty_database(
    qtbot, windows, tmp_path, monkeypatch
):
    old = windows.window
    target = tmp_path / "team.sqlite"
    assert new_database(monkeypatch, windows, target) == []
    qtbot.addWidget(windows.window)
    assert windows.window is not old and windows.window.session.store.path == target
    assert target.is_file() and windows.window.session.store.documents.list() == []


def test_an_existing_file_is_never_replaced(qtbot, windows, tmp_path, monkeypatch):
    old = windows.window
    existing = tmp_path / "notes.sqlite"
    existing.write_text("my notes", encoding="utf-8")
    warnings = new_database(monkeypatch, windows, existing)
    assert warnings and "exists already" in warnings[0]
    assert windows.window is old and existing.read_text(encoding="utf-8") == "my notes"


def test_a_missing_folder_is_not_created(qtbot, windows, tmp_path, monkeypatch):
    warnings = new_database(monkeypatch, windows, tmp_path / "no" / "team.sqlite")
    assert warnings and "There is no folder" in warnings[0]
    assert not (tmp_path / "no").exists()
