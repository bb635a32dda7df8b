"""File → Restore: the backups of the open database with their time and counts; restore one."""

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from indicite.core.errors import IndiciteError
from indicite.services.backups import BackupInfo, backups_of, restore_backup, work_after
from indicite.services.session import Session
from indicite.ui.errors import describe
from indicite.ui.i18n import Retranslatable
from indicite.ui.menu_actions import FileMenuAction
from indicite.ui.say_why import set_reason

if TYPE_CHECKING:
    from indicite.ui.main_window import MainWindow
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class BackupTableModel(QAbstractTableModel):
    """Backups newest first: when, documents, indicators."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None):
        super().__init__(parent)
        self.backups = backups

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        backup = self.backups[index.row()]
        if index.column() == 0:
            return backup.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        count = backup.documents if index.column() == 1 else backup.indicators
        return "?" if count is None else str(count)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Backed up at"), self.tr("Documents"), self.tr("Indicators"))[section]


class RestoreDialog(Retranslatable, QDialog):
    """Pick a backup; Restore puts it in place (the current content is backed up first)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = BackupTableModel(backups_of(session.store.path) if session.store.path else [])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.consequence = QLabel()
        self.consequence.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.consequence)
        layout.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        if self.model.backups:
            self.table.selectRow(0)
        self._update_button()
        self.retranslate_ui()
        self.resize(520, 360)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.intro.setText(
            self.tr(
                "Choose the backup to put back. What the database holds now is backed up "
                "first, so you can come back to it."
            )
            if self.model.backups
            else self.tr("There are no backups of this database yet.")
        )
        self.restore_button.setText(self.tr("&Restore"))
        self._update_button()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def _update_button(self) -> None:
        backup = self.selected_backup()
        self.restore_button.setEnabled(backup is not None)
        self.consequence.setText("" if backup is None else self.what_is_lost(backup))

    def what_is_lost(self, backup: BackupInfo) -> str:
        """What restoring ``backup`` undoes, from the current file's history after it."""
        time = backup.taken_at.strftime("%Y-%m-%d %H:%M")
        work = work_after(self.session, backup.path)
        if work is None:
            return self.tr(
                "What was recorded after {time} cannot be told: the history of the backup "
                "or of the database cannot be read."
            ).format(time=time)
        if work.nothing:
            return self.tr(
                "Nothing was recorded after {time}: restoring this backup loses no work."
            ).format(time=time)
        return self.tr(
            "Restoring the backup of {time} loses what was recorded after it: "
            "{decisions} review decisions, {entries} new entries and {others} other changes."
        ).format(
            time=time,
            decisions=work.review_decisions,
            entries=work.new_entries,
            others=work.other_changes,
        )

    def restore_selected(self) -> None:
        backup = self.selected_backup()
        if backup is None:
            return
        try:
            restore_backup(self.session, backup.path)
        except IndiciteError as e:
            QMessageBox.warning(self, self.tr("The backup was not restored"), describe(e))
            return
        self.accept()


class RestoreAction(FileMenuAction):
    """File → Restore from backup for one main window (the window's child)."""

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.action.triggered.connect(self.choose_backup)
        self.action.setEnabled(window.session.store.has_file)
        self.retranslate_ui()

    def text(self) -> str:
        return self.tr("&Restore from backup…")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        if not self.action.isEnabled():
            set_reason(
                self.action,
                self.tr(
                    "A team database is backed up by its server; ask the server's "
                    "administrator to restore one."
                ),
            )

    @Slot()
    def choose_backup(self) -> None:
        dialog = RestoreDialog(self.window.session, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.window.refresh()
            self.window.statusBar().showMessage(self.tr("The backup was restored."), 10000)
