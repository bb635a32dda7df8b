"""The indicator table as a lazy Qt model: it holds only the ordered ids of the current view.

Row data is fetched a page at a time when Qt paints it, so the scrollbar is right for a million
rows while Python holds a list of ints and a few pages of dicts (Anki's browser model works the
same way). Sorting and filtering ask the database for a new id list.
"""

from array import array
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from indicite.core.entities import STATUSES
from indicite.services.indicator_list import IndicatorQueries
from indicite.ui.highlighter import ON_STATUS_COLOUR, STATUS_COLOURS
from indicite.ui.indicator_form import format_range
from indicite.ui.labels import kind_names, measure_names

# A jump to an indicator reads the page around it: 64 rows is a few screens of the table.
PAGE_SIZE = 64
MAX_CACHED_PAGES = 256
COLUMNS = ("name", "subject", "period_label", "value", "unit", "status", "kind")

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


def status_names() -> dict[str, str]:
    """The workflow statuses as the interface names them."""
    names = {
        "draft": QCoreApplication.translate("Status", "Draft"),
        "submitted": QCoreApplication.translate("Status", "Submitted"),
        "approved": QCoreApplication.translate("Status", "Approved"),
        "returned": QCoreApplication.translate("Status", "Returned"),
    }
    return {status: names[status] for status in STATUSES}


class IndicatorTableModel(QAbstractTableModel):
    """One document's indicators; subclasses change ``columns`` and ``_query_ids()``."""

    columns: tuple[str, ...] = COLUMNS

    def __init__(self, queries: IndicatorQueries, parent=None):
        super().__init__(parent)
        self.queries = queries
        self.document_id: int | None = None
        self.search = ""
        self.status: str | None = None
        self.kind: str | None = None
        self.sort_key = "id"
        self.descending = False
        self._ids: Sequence[int] = array("q")
        self._row_by_id: dict[int, int] | None = None  # built at the first lookup
        self._pages: dict[int, dict[int, dict[str, Any]]] = {}

    def _header_names(self) -> dict[str, str]:
        return {
            "document": self.tr("Document"),
            "name": self.tr("Name"),
            "subject": self.tr("Subject"),
            "period_label": self.tr("Period"),
            "measure": self.tr("Measure"),
            "value": self.tr("Value"),
            "unit": self.tr("Unit"),
            "status": self.tr("Status"),
            "kind": self.tr("Kind"),
        }

    def retranslate(self) -> None:
        """Headers and status names follow a language switch."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._ids:
            last = self.index(len(self._ids) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])

    # --- what is shown -------------------------------------------------------------------

    def set_document(self, doc_id: int | None) -> None:
        self.document_id = doc_id
        self.reload()

    def set_filter(
        self, search: str = "", status: str | None = None, kind: str | None = None
    ) -> None:
        self.search, self.status, self.kind = search, status, kind
        self.reload()

    def reload(self) -> None:
        """Ask the database again for the ids of this view (after any write)."""
        self.beginResetModel()
        self._ids = self._query_ids()
        self._row_by_id = None
        self._pages = {}
        self.endResetModel()

    def _query_ids(self) -> Sequence[int]:
        if self.document_id is None:
            return array("q")
        return array(
            "q",
            self.queries.ordered_ids(
                self.document_id,
                search=self.search,
                status=self.status,
                sort=self.sort_key,
                descending=self.descending,
                kind=self.kind,
            ),
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self.sort_key = self.columns[column] if 0 <= column < len(self.columns) else "id"
        self.descending = order == Qt.SortOrder.DescendingOrder
        old = self.persistentIndexList()
        old_ids = [(self.id_at(i.row()), i.column()) for i in old]
        self._ids = self._query_ids()
        self._row_by_id = None
        self._pages = {}
        self.changePersistentIndexList(
            old,
            [
                self.index(self.row_of(ind_id), column) if ind_id is not None else QModelIndex()
                for ind_id, column in old_ids
            ],
        )
        self.layoutChanged.emit()

    # --- lookups -------------------------------------------------------------------------

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, ind_id: int) -> int:
        """Row of an indicator, or -1 when the current view does not show it."""
        if not isinstance(self._ids, array):  # pages read from the database: they look it up
            try:
                return self._ids.index(ind_id)
            except ValueError:
                return -1
        if self._row_by_id is None:  # one document's ids: a scan per jump took 2 ms
            self._row_by_id = {ind: row for row, ind in enumerate(self._ids)}
        return self._row_by_id.get(ind_id, -1)

    def row_data(self, row: int) -> dict[str, Any] | None:
        ind_id = self.id_at(row)
        if ind_id is None:
            return None
        page_number = row // PAGE_SIZE
        page = self._pages.get(page_number)
        if page is None:
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.clear()
            first = page_number * PAGE_SIZE
            page = self.queries.rows(self._ids[first : first + PAGE_SIZE])
            self._pages[page_number] = page
        return page.get(ind_id)

    # --- the Qt interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.id_at(index.row())
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATUS_COLOURS.get(row["status"]) if key == "status" else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return ON_STATUS_COLOUR if key == "status" else None
        if key == "value":
            return format_range(row["value"], row.get("value_high"))
        if key == "status":
            return status_names().get(row["status"], row["status"])
        if key == "measure":
            return measure_names().get(row["measure"], row["measure"] or "")
        if key == "kind":
            return kind_names().get(row["kind"], row["kind"])
        return str(row[key] or "")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (
                self._header_names().get(self.columns[section])
                if 0 <= section < len(self.columns)
                else None
            )
        return str(section + 1)
