"""Opening a team database for the windows: from the dialog, from Recent, at start-up.

A database from Recent is remembered without its password; reopening it finds the password
where libpq looks (``.pgpass``, ``PGPASSWORD``, a service file) or in the keychain, and only
when none has it (or the server refuses it) the dialog asks, with the address filled in.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from indicite.core.errors import IndiciteError, PasswordNeeded
from indicite.services.session import Session
from indicite.ui.errors import describe
from indicite.ui.team.connect_dialog import TeamDatabaseDialog

if TYPE_CHECKING:
    from indicite.ui.start_page import DatabaseWindows

KEYCHAIN_MESSAGE_MS = 15000


class TeamOpener(QObject):
    """Opens team databases into ``windows`` (its child). ``dialog`` is the one showing."""

    def __init__(self, windows: "DatabaseWindows"):
        super().__init__(windows)
        self.windows = windows
        self.dialog: TeamDatabaseDialog | None = None

    @Slot()
    def choose(self) -> TeamDatabaseDialog:
        """File → Open team database…: the dialog, empty."""
        return self._show_dialog()

    def open_url(self, url: str) -> bool:
        """Open ``url`` (from Recent); False when it asks for a password or was refused."""
        parent = self.windows.window
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            session = Session.open(url, self.windows.user, create=False)
        except PasswordNeeded as e:
            self._show_dialog(url, describe(e))
            return False
        except IndiciteError as e:
            QMessageBox.warning(parent, self.tr("Cannot open the database"), describe(e))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return self.windows.show_session(session)

    def _show_dialog(self, url: str = "", message: str = "") -> TeamDatabaseDialog:
        dialog = TeamDatabaseDialog(self.windows.user, self.windows.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if url:
            dialog.prefill(url, message)
        dialog.connected.connect(lambda session: self._connected(session, dialog))
        dialog.open()
        self.dialog = dialog
        return dialog

    def _connected(self, session: Session, dialog: TeamDatabaseDialog) -> None:
        self.dialog = None
        if self.windows.show_session(session) and dialog.keychain_problem:
            window = self.windows.window
            assert window is not None
            window.statusBar().showMessage(dialog.keychain_problem, KEYCHAIN_MESSAGE_MS)


def ask_at_start(url: str, message: str, user: str | None) -> Session | None:
    """The app was started on a team database that wants a password: ask before any window."""
    dialog = TeamDatabaseDialog(user, None)
    dialog.prefill(url, message)
    return dialog.session if dialog.exec() == QDialog.DialogCode.Accepted else None
