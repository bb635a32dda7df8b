"""The document list: search by title or issuer, pick one to open it.

Signals of DocumentList: ``document_activated(int)``.
"""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from indicite.services.documents import list_documents
from indicite.services.session import Session
from indicite.ui.i18n import Retranslatable

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class DocumentListModel(QAbstractTableModel):
    """Documents (a few thousand at most) with their live indicator counts."""

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.search = ""
        self._rows: list[dict[str, Any]] = []

    def reload(self, search: str | None = None) -> None:
        if search is not None:
            self.search = search
        self.beginResetModel()
        self._rows = list_documents(self.session, self.search.strip())
        self.endResetModel()

    def id_at(self, row: int) -> int | None:
        return self._rows[row]["id"] if 0 <= row < len(self._rows) else None

    def row_of(self, doc_id: int) -> int:
        return next((r for r, row in enumerate(self._rows) if row["id"] == doc_id), -1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(filter(None, (row["title"], row["issuer"], row["published_on"])))
        if role == Qt.ItemDataRole.DisplayRole:
            return row["title"] if index.column() == 0 else str(row["indicators"])
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return {0: self.tr("Title"), 1: self.tr("Indicators")}.get(section)


class DocumentList(Retranslatable, QWidget):
    document_activated = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.model = DocumentListModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # Size the count column from the visible rows: the default reads 1,000 rows at every
        # reload (32,000 data() calls, 0.1 s of the start on 2,000 documents).
        header.setResizeContentsPrecision(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._open_first)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.model.reload()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search title or issuer"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    def _search(self, text: str) -> None:
        self.model.reload(text)

    def _open_first(self) -> None:
        if self.model.rowCount():
            self._activated(self.model.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        doc_id = self.model.id_at(index.row())
        if doc_id is not None:
            self.document_activated.emit(doc_id)

    def reload(self) -> None:
        current = self.current_id()
        self.model.reload()
        if current is not None:
            self.mark_current(current)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def mark_current(self, doc_id: int) -> None:
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.table.selectRow(row)
