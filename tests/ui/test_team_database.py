"""File → Open team database…: the dialog against a real server, Recent without the password,
the password found again (PGPASSWORD, keychain) or asked for, and the file-only features."""

from urllib.parse import quote

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox

from indicite.services.session import Session
from indicite.ui.about_dialog import AboutDialog
from indicite.ui.health_check import DeferredHealthCheck, check_each_window
from indicite.ui.restore_dialog import RestoreAction
from indicite.ui.start_page import (
    DatabaseWindows,
    RecentDatabasesMenu,
    StartPage,
    recent_databases,
    remember_database,
)
from indicite.ui.team.connect_dialog import TeamDatabaseDialog
from indicite.ui.team.opening import ask_at_start
from indicite.ui.workers import TaskRunner
from pg_logins import CLERK, CLERK_PASSWORD


@pytest.fixture
def windows(qtbot, monkeypatch, tmp_path):
    """The app on a database file, with File → Restore attached as the app attaches it."""
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-pgpass"))
    windows = DatabaseWindows("tester")
    windows.window_opened.connect(lambda window: RestoreAction(window))
    windows.show_session(Session.open(tmp_path / "first.sqlite", "tester"))
    yield windows
    windows.window.close()
    windows.close()


def file_action(window, words):
    return next(a for a in window.menus["file"].actions() if words in a.text().replace("&", ""))


def open_dialog(qtbot, windows):
    file_action(windows.window, "Open team database").trigger()
    dialog = windows.team.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def connect(qtbot, dialog):
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)


def all_settings_text() -> str:
    settings = QSettings()
    return "\n".join(f"{k}={settings.value(k)}" for k in settings.allKeys())


def test_a_pasted_url_fills_the_fields_and_the_password_opens_it(
    qtbot, windows, pg_clerk_url, memory_keychain
):
    first = windows.window
    dialog = open_dialog(qtbot, windows)
    qtbot.keyClicks(dialog.url_edit, pg_clerk_url)
    assert dialog.user_edit.text() == CLERK
    assert dialog.database_edit.text() == pg_clerk_url.split("/")[3].split("?")[0]
    assert dialog.host_edit.text().startswith("/")  # the socket folder of the test server
    qtbot.keyClicks(dialog.password_edit, CLERK_PASSWORD)
    assert dialog.remember_check.isEnabled()
    qtbot.mouseClick(dialog.remember_check, Qt.MouseButton.LeftButton)
    assert dialog.remember_check.isChecked()
    connect(qtbot, dialog)

    window = windows.window
    qtbot.addWidget(window)
    assert window is not first and not dialog.isVisible()
    assert window.session.store.shown_location == pg_clerk_url
    assert window.windowTitle().startswith(dialog.database_edit.text() + " @ localhost")
    assert memory_keychain == {("indicite", pg_clerk_url): CLERK_PASSWORD}
    assert recent_databases()[0] == pg_clerk_url
    window.save_settings()
    assert pg_clerk_url in all_settings_text()
    assert CLERK_PASSWORD not in all_settings_text()
    assert "s3cret" not in all_settings_text()


def test_a_wrong_password_is_said_in_the_dialog_which_stays_open(qtbot, windows, pg_clerk_url):
    first = windows.window
    dialog = open_dialog(qtbot, windows)
    qtbot.keyClicks(dialog.url_edit, pg_clerk_url)
    qtbot.keyClicks(dialog.password_edit, "not the password")
    connect(qtbot, dialog)
    assert dialog.isVisible() and windows.window is first
    assert "refused the password" in dialog.message.text()
    assert dialog.password_edit.hasFocus() or dialog.password_edit.selectedText()
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, CLERK_PASSWORD)
    connect(qtbot, dialog)
    qtbot.addWidget(windows.window)
    assert windows.window is not first
    assert CLERK_PASSWORD not in all_settings_text()


def test_no_server_there_is_said_in_the_dialog(qtbot, windows, tmp_path):
    dialog = open_dialog(qtbot, windows)
    qtbot.keyClicks(dialog.host_edit, str(tmp_path))
    qtbot.keyClicks(dialog.database_edit, "team")
    assert dialog.url_edit.text() == f"postgresql:///team?host={tmp_path}"
    connect(qtbot, dialog)
    assert dialog.isVisible()
    assert "Could not connect" in dialog.message.text()


def test_the_fields_write_the_url_with_the_tls_mode(qtbot, windows):
    dialog = open_dialog(qtbot, windows)
    qtbot.keyClicks(dialog.host_edit, "db.stats.local")
    qtbot.keyClicks(dialog.user_edit, "wang")
    qtbot.keyClicks(dialog.database_edit, "indicators")
    dialog.sslmode_combo.setCurrentIndex(dialog.sslmode_combo.findData("verify-full"))
    qtbot.keyClicks(dialog.password_edit, "pw")
    assert (
        dialog.url_edit.text() == "postgresql://wang@db.stats.local/indicators?sslmode=verify-full"
    )
    dialog.port_spin.setValue(6432)
    assert dialog.url_edit.text() == (
        "postgresql://wang@db.stats.local:6432/indicators?sslmode=verify-full"
    )
    dialog.reject()


def test_reopening_from_recent_finds_the_password_in_the_keychain(
    qtbot, windows, pg_clerk_url, memory_keychain
):
    memory_keychain[("indicite", pg_clerk_url)] = CLERK_PASSWORD
    remember_database(pg_clerk_url)
    menu = RecentDatabasesMenu(windows.window)
    menu.database_requested.connect(windows.open_path)
    menu.rebuild()
    entry = menu.actions()[0]
    assert " @ localhost" in entry.text() and entry.toolTip() == pg_clerk_url
    entry.trigger()
    qtbot.addWidget(windows.window)
    assert windows.team.dialog is None
    assert windows.window.session.store.shown_location == pg_clerk_url


def test_reopening_finds_pgpassword(qtbot, windows, pg_clerk_url, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", CLERK_PASSWORD)
    assert windows.open_path(pg_clerk_url)
    qtbot.addWidget(windows.window)
    assert windows.window.session.store.shown_location == pg_clerk_url


def test_reopening_without_a_password_anywhere_asks_for_it(
    qtbot, windows, pg_clerk_url, sample_file
):
    first = windows.window
    assert not windows.open_path(pg_clerk_url)
    dialog = windows.team.dialog
    assert dialog is not None and dialog.isVisible() and windows.window is first
    assert dialog.user_edit.text() == CLERK and dialog.password_edit.text() == ""
    assert "asks for a password" in dialog.message.text()
    qtbot.keyClicks(dialog.password_edit, CLERK_PASSWORD)
    connect(qtbot, dialog)
    qtbot.addWidget(windows.window)
    assert windows.window is not first
    # the window's workers reach the server with the typed password: an import runs in one
    windows.window.findChild(StartPage).import_requested.emit([sample_file])
    assert windows.window.session.store.documents.count() == 1
    assert CLERK_PASSWORD not in all_settings_text()


def test_a_worker_imports_into_the_team_database(qtbot, windows, pg_url, sample_file):
    assert windows.open_path(pg_url)
    window = windows.window
    qtbot.addWidget(window)
    page = window.findChild(StartPage)
    assert page is not None and page.database_label.text() == f"Database: {pg_url}"
    page.import_requested.emit([sample_file])  # the import runs in a worker (TaskRunner)
    assert window.session.store.documents.count() == 1
    assert window.document is not None and "天津" in window.document.title


def test_file_only_features_say_why_they_are_off(qtbot, windows, pg_url, monkeypatch):
    assert file_action(windows.window, "Restore from backup").isEnabled()
    check_each_window(windows)
    assert windows.open_path(pg_url)
    window = windows.window
    qtbot.addWidget(window)
    assert window.findChild(DeferredHealthCheck) is None  # no file's pages to read
    restore = file_action(window, "Restore from backup")
    assert not restore.isEnabled()
    assert "backed up by its server" in restore.toolTip()
    assert "backed up by its server" in restore.statusTip()
    about = AboutDialog(window.session.store.shown_location, window)
    qtbot.addWidget(about)
    assert about.database_value.text() == pg_url


def test_a_refused_database_from_recent_is_a_message(qtbot, windows, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    first = windows.window
    assert not windows.open_path(f"postgresql://nobody@/team?host={tmp_path}")
    assert windows.window is first
    assert len(warnings) == 1 and "Could not connect" in warnings[0]


def test_the_start_page_offers_a_team_database_and_the_recent_ones(
    qtbot, windows, pg_url, tmp_path
):
    first_file = windows.window.session.store.path
    page = windows.window.findChild(StartPage)
    assert page.team_button.isVisible()
    qtbot.mouseClick(page.team_button, Qt.MouseButton.LeftButton)
    assert windows.team.dialog is not None and windows.team.dialog.isVisible()
    windows.team.dialog.reject()

    assert windows.open_path(pg_url)
    qtbot.addWidget(windows.window)
    page = windows.window.findChild(StartPage)
    assert [b.text() for b in page.recent_buttons] == [first_file.name]
    qtbot.mouseClick(page.recent_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.addWidget(windows.window)
    assert windows.window.session.store.path == first_file

    page = windows.window.findChild(StartPage)
    assert [b.toolTip() for b in page.recent_buttons] == [pg_url]
    qtbot.mouseClick(page.recent_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.addWidget(windows.window)
    assert windows.window.session.store.shown_location == pg_url


def test_the_app_started_on_a_team_database_asks_for_its_password(qtbot, pg_clerk_url):
    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TeamDatabaseDialog)
        assert "asks for a password" in dialog.message.text()
        qtbot.keyClicks(dialog.password_edit, CLERK_PASSWORD)
        connect(qtbot, dialog)

    QTimer.singleShot(0, answer)
    session = ask_at_start(pg_clerk_url, f"{pg_clerk_url} asks for a password", "tester")
    assert session is not None
    try:
        assert session.store.shown_location == pg_clerk_url and session.user == "tester"
    finally:
        session.close()


def test_a_password_in_a_pasted_url_goes_to_the_password_field_and_not_the_keychain(
    qtbot, windows, pg_clerk_url, memory_keychain
):
    dialog = open_dialog(qtbot, windows)
    with_secret = pg_clerk_url.replace(f"{CLERK}@", f"{CLERK}:{quote(CLERK_PASSWORD, safe='')}@")
    QApplication.clipboard().setText(with_secret)
    dialog.url_edit.setFocus()
    qtbot.keySequence(dialog.url_edit, QKeySequence.StandardKey.Paste)
    assert dialog.password_edit.text() == CLERK_PASSWORD
    assert dialog.url_edit.text() == pg_clerk_url
    connect(qtbot, dialog)  # "Remember" left unticked
    qtbot.addWidget(windows.window)
    assert windows.window.session.store.shown_location == pg_clerk_url
    assert memory_keychain == {}


def test_without_a_keychain_remember_is_off_and_says_why(qtbot, windows, monkeypatch):
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        dialog = open_dialog(qtbot, windows)
    finally:
        keyring.set_keyring(before)
    assert not dialog.remember_check.isEnabled()
    assert "no keychain" in dialog.remember_check.toolTip()
    dialog.reject()


def test_tls_settings_of_a_pasted_url_pass_through(qtbot, windows):
    dialog = open_dialog(qtbot, windows)
    pasted = (
        "postgresql://wang@db.stats.local/indicators?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    )
    qtbot.keyClicks(dialog.url_edit, pasted)
    assert dialog.sslmode_combo.currentData() == "verify-full"
    qtbot.keyClicks(dialog.user_edit, "ei")
    assert dialog.url_edit.text() == (
        "postgresql://wangei@db.stats.local/indicators?sslmode=verify-full&sslrootcert=/etc/ca.pem"
    )
    dialog.reject()


def test_a_keychain_that_refuses_is_said_and_the_database_still_opens(
    qtbot, windows, pg_clerk_url, memory_keychain, monkeypatch
):
    import keyring
    from keyring.errors import PasswordSetError

    def refuse(*_args):
        raise PasswordSetError("locked")

    monkeypatch.setattr(type(keyring.get_keyring()), "set_password", refuse)
    dialog = open_dialog(qtbot, windows)
    qtbot.keyClicks(dialog.url_edit, pg_clerk_url)
    qtbot.keyClicks(dialog.password_edit, CLERK_PASSWORD)
    qtbot.mouseClick(dialog.remember_check, Qt.MouseButton.LeftButton)
    connect(qtbot, dialog)
    qtbot.addWidget(windows.window)
    assert windows.window.session.store.shown_location == pg_clerk_url
    message = windows.window.statusBar().currentMessage()
    assert message == "The keychain did not keep the password: locked"
    assert memory_keychain == {}
