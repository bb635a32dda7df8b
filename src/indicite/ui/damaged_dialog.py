"""Shown at start when the database cannot be used: what happened, and the latest good backup."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from indicite.core.errors import IndiciteError
from indicite.services.backups import BackupInfo, backups_of, restore_damaged
from indicite.services.session import Session
from indicite.ui.errors import describe


def latest_good_backup(database: Path) -> BackupInfo | None:
    """The newest backup that can be read (its counts could be taken)."""
    return next((b for b in backups_of(database) if b.documents is not None), None)


class DamagedDialog(QMessageBox):
    """The damaged file's message, and Restore (when a good backup exists) or Quit."""

    def __init__(self, database: Path, message: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = Path(database)
        self.backup = latest_good_backup(self.database)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("The database cannot be opened"))
        self.setText(message)
        self.restore_button = None
        if self.backup is not None:
            self.setInformativeText(
                self.tr(
                    "Restore the latest backup, from {time} (documents: {documents}, "
                    "indicators: {indicators})? The current file is kept, unchanged, "
                    "in the backups folder."
                ).format(
                    time=self.backup.taken_at.strftime("%Y-%m-%d %H:%M"),
                    documents=self.backup.documents,
                    indicators=self.backup.indicators,
                )
            )
            self.restore_button = self.addButton(
                self.tr("&Restore backup"), QMessageBox.ButtonRole.AcceptRole
            )
        else:
            self.setInformativeText(
                self.tr("There is no backup of it; open another database with --db.")
            )
        self.quit_button = self.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button or self.quit_button)

    def restored_session(self, user: str | None) -> Session | None:
        """After exec(): the reopened database if the user chose to restore, else None."""
        if self.backup is None or self.clickedButton() is not self.restore_button:
            return None
        try:
            return restore_damaged(self.database, self.backup.path, user)
        except IndiciteError as e:
            QMessageBox.critical(self, self.tr("The backup was not restored"), describe(e))
            return None


def offer_restore(database: Path, message: str, user: str | None) -> Session | None:
    dialog = DamagedDialog(database, message)
    dialog.exec()
    return dialog.restored_session(user)
