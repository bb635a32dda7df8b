"""First run: the start page's three ways in, recent databases, and files dropped on the window."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMessageBox

from indicite.ui.start_page import (
    FileDropFilter,
    RecentDatabasesMenu,
    StartPage,
    forget_recent_databases,
    recent_databases,
    remember_database,
)


@pytest.fixture(autouse=True)
def _no_recent_databases():
    forget_recent_databases()
    yield
    forget_recent_databases()


@pytest.fixture
def page(qtbot, db_path):
    page = StartPage(db_path)
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_page_offers_import_sample_and_another_database(page, db_path):
    assert page.import_button.text() == "&Import a document…"
    assert "drop files" in page.import_button.description()
    assert page.sample_button.isVisible()
    assert page.database_button.isVisible()
    assert str(db_path) in page.database_label.text()


def test_sample_button_asks_for_the_sample(qtbot, page):
    with qtbot.waitSignal(page.sample_requested):
        qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)


def test_import_button_passes_on_the_chosen_files(qtbot, page, monkeypatch, sample_file):
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *args: ([str(sample_file)], "Documents")
    )
    with qtbot.waitSignal(page.import_requested) as signal:
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert signal.args == [[sample_file]]


def test_cancelling_the_file_dialog_imports_nothing(qtbot, page, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([], ""))
    with qtbot.assertNotEmitted(page.import_requested):
        qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)


def test_database_button_passes_on_the_chosen_database(qtbot, page, monkeypatch, tmp_path):
    other = tmp_path / "colleague.sqlite"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(other), ""))
    with qtbot.waitSignal(page.database_requested) as signal:
        qtbot.mouseClick(page.database_button, Qt.MouseButton.LeftButton)
    assert signal.args == [other]


def test_recent_databases_newest_first_without_missing_files(qtbot, tmp_path):
    first, second, gone = (tmp_path / f"{n}.sqlite" for n in ("first", "second", "gone"))
    for path in (first, second, gone):
        path.touch()
        remember_database(path)
    remember_database(first)
    gone.unlink()
    assert recent_databases() == [first, second]

    menu = RecentDatabasesMenu()
    qtbot.addWidget(menu)
    menu.rebuild()
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert names == ["&1 first.sqlite", "&2 second.sqlite", "&Clear list"]
    with qtbot.waitSignal(menu.database_requested) as signal:
        menu.actions()[1].trigger()
    assert signal.args == [second]

    menu.actions()[-1].trigger()
    menu.rebuild()
    assert [a.text() for a in menu.actions()] == ["No recent databases"]
    assert not menu.actions()[0].isEnabled()


def drop(widget, paths: list[Path]) -> bool:
    """Drag ``paths`` over ``widget`` and drop them; True when the widget accepted them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(widget.rect().center())
    actions = Qt.DropAction.CopyAction
    no_buttons, no_keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), actions, mime, no_buttons, no_keys)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    dropped = QDropEvent(pos, actions, mime, no_buttons, no_keys)
    QApplication.sendEvent(widget, dropped)
    return dropped.isAccepted()


def test_documents_dropped_on_the_window_are_passed_on(qtbot, sample_file, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    drops = FileDropFilter(window)
    database = tmp_path / "other.sqlite"
    with (
        qtbot.waitSignal(drops.documents_dropped) as documents,
        qtbot.waitSignal(drops.database_dropped) as databases,
    ):
        assert drop(window, [sample_file, database])
    assert documents.args == [[sample_file]]
    assert databases.args == [database]


def test_dropped_text_that_is_not_a_file_is_refused(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    drops = FileDropFilter(window)
    with qtbot.assertNotEmitted(drops.documents_dropped):
        assert not drop(window, [])


@pytest.fixture
def windows(qtbot, monkeypatch):
    from indicite.ui.start_page import DatabaseWindows
    from indicite.ui.workers import TaskRunner

    monkeypatch.setattr(TaskRunner, "force_serial", True)
    windows = DatabaseWindows("tester")
    yield windows
    if windows.window is not None:
        windows.window.form.clear()
        windows.window.close()
        windows.close()


def menu_texts(menu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_an_empty_database_shows_the_start_page_and_the_sample_opens_from_it(
    qtbot, windows, db_path
):
    from indicite.services.session import Session

    assert windows.show_session(Session.open(db_path, "tester"))
    window = windows.window
    qtbot.addWidget(window)
    page = window.centralWidget()
    assert isinstance(page, StartPage)
    assert "Open &Recent" in menu_texts(window.menus["file"])
    assert "&Language" in menu_texts(window.menus["view"])
    assert recent_databases() == [db_path.resolve()]

    qtbot.mouseClick(page.sample_button, Qt.MouseButton.LeftButton)
    assert window.splitter.isVisibleTo(window)
    assert window.current_document_id is not None
    assert "天津" in window.windowTitle()
    assert window.session.store.documents.count() == 1


def test_files_dropped_on_the_start_page_are_imported_and_shown(
    qtbot, windows, db_path, sample_file
):
    from indicite.services.session import Session

    windows.show_session(Session.open(db_path, "tester"))
    window = windows.window
    qtbot.addWidget(window)
    assert drop(window, [sample_file])
    qtbot.waitUntil(lambda: window.current_document_id is not None)
    assert window.splitter.isVisibleTo(window)
    assert window.session.store.documents.count() == 1


def test_a_database_with_documents_opens_on_the_workspace(qtbot, windows, db_path, sample_doc):
    from indicite.services.session import Session

    windows.show_session(Session.open(db_path, "tester"))
    qtbot.addWidget(windows.window)
    assert windows.window.splitter.isVisibleTo(windows.window)


def test_open_another_database_from_the_start_page(qtbot, windows, tmp_path, monkeypatch):
    from indicite.services.session import Session

    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    Session.open(second, "tester").close()
    windows.show_session(Session.open(first, "tester"))
    old = windows.window
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(second), ""))
    qtbot.mouseClick(old.centralWidget().database_button, Qt.MouseButton.LeftButton)
    assert windows.window is not old
    qtbot.addWidget(windows.window)
    assert windows.window.session.store.path == second
    assert not old.isVisible()
    assert recent_databases() == [second.resolve(), first.resolve()]


def test_opening_a_database_that_is_gone_says_so_and_creates_nothing(
    qtbot, windows, tmp_path, monkeypatch
):
    from indicite.services.session import Session

    first, gone = tmp_path / "first.sqlite", tmp_path / "gone.sqlite"
    windows.show_session(Session.open(first, "tester"))
    old = windows.window
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert not windows.open_path(gone)
    assert windows.window is old
    assert not gone.exists()
    assert warnings == [
        f"There is no database at {gone}; check --db, or create one with "
        f"`indicite --db {gone} import --create FILE`."
    ]
