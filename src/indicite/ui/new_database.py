"""File → New database…: creating a database is an explicit act (issue 12).

Opening never creates a file (a wrong path is an error), so this is the one place in the app,
besides the first start on the default database, where a new database comes to be.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox

from indicite.core.errors import IndiciteError
from indicite.services.session import Session
from indicite.ui.errors import describe
from indicite.ui.menu_actions import FileMenuAction

if TYPE_CHECKING:
    from indicite.ui.main_window import MainWindow
    from indicite.ui.start_page import DatabaseWindows


class NewDatabaseAction(FileMenuAction):
    """Asks where, creates an empty database there and shows it in place of the current one."""

    def __init__(self, window: "MainWindow", windows: "DatabaseWindows"):
        super().__init__(window)
        self.windows = windows
        self.action.triggered.connect(self.choose_path)
        self.retranslate_ui()

    def text(self) -> str:
        return self.tr("&New database…")

    @Slot()
    def choose_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("New database"),
            QDir.homePath(),
            self.tr("Indicite databases (*.sqlite)"),
        )
        if path:
            self.create(Path(path))

    def create(self, path: Path) -> bool:
        """Create and show the database at ``path``; False (with a message) if refused."""
        try:
            session = Session.create(path, self.windows.user)
        except IndiciteError as e:
            QMessageBox.warning(self.window, self.tr("No database was created"), describe(e))
            return False
        return self.windows.show_session(session)
