"""First run: the start page's three ways in, recent databases, and files dropped on the window."""

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow

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
