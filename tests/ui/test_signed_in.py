"""Who is signed in: user and role always in the status bar; File → Switch user… reopens the
database as someone else without restarting, asking first about an unsaved entry."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from workspace_helpers import make_window, select_passage

from indicite.services.users import add_user, ensure_user
from indicite.ui import user_prompt
from indicite.ui.signed_in import SwitchUserAction, offer_switch_user


@pytest.fixture
def windows(monkeypatch, session):
    from indicite.ui.start_page import DatabaseWindows
    from indicite.ui.workers import TaskRunner

    monkeypatch.setattr(TaskRunner, "force_serial", True)
    windows = DatabaseWindows("tester")
    offer_switch_user(windows)
    yield windows
    if windows.window is not None:
        windows.window.form.clear()
        windows.window.close()
        windows.close()


def answer_name_prompt(name: str) -> list[str]:
    """Type ``name`` into the name prompt once it shows; returns the prompt's default."""
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen.append(dialog.textValue())
        dialog.setTextValue(name)
        dialog.accept()

    QTimer.singleShot(0, answer)
    return seen


def switch_action(window) -> SwitchUserAction:
    (action,) = window.findChildren(SwitchUserAction)
    return action


def test_user_and_role_are_in_the_status_bar(qtbot, session, sample_doc, tmp_path):
    ensure_user(session)
    add_user(session, "eve", "editor")
    window = make_window(qtbot, session, tmp_path, sample_doc)
    assert window.signed_in.isVisible()
    assert window.signed_in.text() == "Signed in: tester (Administrator)"


def test_switch_user_reopens_the_database_as_the_new_person(qtbot, windows, session, sample_doc):
    ensure_user(session)
    add_user(session, "eve", "editor")
    windows.show_session(session, sample_doc)
    first = windows.window
    file_menu_texts = [a.text() for a in first.menus["file"].actions()]
    assert "Switch &user…" in file_menu_texts
    seen = answer_name_prompt("eve")
    switch_action(first).action.trigger()
    qtbot.waitUntil(lambda: windows.window is not first)
    window = windows.window
    assert seen == ["tester"]  # the first-run prompt, with the current name
    assert window.session.user == "eve"
    assert window.signed_in.text() == "Signed in: eve (Editor)"
    assert window.current_document_id == sample_doc  # the same document stays open
    assert user_prompt.remembered_name() == "eve"


def test_unsaved_entry_is_asked_about_first(qtbot, windows, session, sample_doc):
    windows.show_session(session, sample_doc)
    window = windows.window
    with qtbot.waitActive(window):
        window.activateWindow()
    text = window.document.text
    select_passage(window, text.index("4.2%"), text.index("4.2%") + 4)
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert window.form.mode == "new"
    action = switch_action(window)
    action.action.trigger()
    box = action.question
    qtbot.waitUntil(box.isVisible)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert windows.window is window and window.form.mode == "new"  # nothing lost

    action.action.trigger()
    box = action.question
    qtbot.waitUntil(box.isVisible)
    answer_name_prompt("ann")
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: windows.window is not window)
    assert windows.window.session.user == "ann"
