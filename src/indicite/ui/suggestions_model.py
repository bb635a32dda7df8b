"""The open suggestions of a document as a table: an adapter over a list of Suggestion."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from indicite.services.suggestions import uncertain
from indicite.ui.highlighter import LOW_CONFIDENCE_COLOUR
from indicite.ui.labels import kind_names

if TYPE_CHECKING:
    from indicite.core.suggest import Suggestion

QUALIFIER_SIGNS = {"eq": "=", "gt": ">", "ge": "≥", "lt": "<", "le": "≤", "approx": "≈"}
CONTEXT_BEFORE = 8
CONTEXT_AFTER = 4

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


def format_number(value: float) -> str:
    """4.2, 728, -13.5: as a person writes it, never in exponent form."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


class SuggestionsModel(QAbstractTableModel):
    """Rows are suggestions in reading order; columns say what accepting one would store."""

    CONTEXT, VALUE, UNIT, QUALIFIER, INDICATOR, PERIOD, KIND = range(7)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self._rows: list[Suggestion] = []

    def set_suggestions(self, text: str, rows: list["Suggestion"]) -> None:
        self.beginResetModel()
        self._text = text
        self._rows = list(rows)
        self.endResetModel()

    def suggestion(self, row: int) -> "Suggestion":
        return self._rows[row]

    def suggestions(self) -> list["Suggestion"]:
        return list(self._rows)

    def first_row_from(self, position: int) -> int | None:
        """The first row whose number starts at or after ``position`` (code points)."""
        return next((i for i, s in enumerate(self._rows) if s.start >= position), None)

    def headers(self) -> list[str]:
        return [
            self.tr("Text"),
            self.tr("Value"),
            self.tr("Unit"),
            self.tr("Qualifier"),
            self.tr("Indicator"),
            self.tr("Period"),
            self.tr("Kind"),
        ]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else self.KIND + 1

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CONTEXT:
            return "\n".join(filter(None, (self._context(s, 60, 30), s.note)))
        if role == Qt.ItemDataRole.ForegroundRole and uncertain(s):
            return QColor(LOW_CONFIDENCE_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, s: "Suggestion", column: int) -> str:
        if column == self.CONTEXT:
            return self._context(s, CONTEXT_BEFORE, CONTEXT_AFTER)
        if column == self.VALUE:
            if s.value_high is not None:  # a range: 5–5.5
                return f"{format_number(s.value)}–{format_number(s.value_high)}"
            return format_number(s.value)
        if column == self.UNIT:
            return s.unit
        if column == self.QUALIFIER:
            return QUALIFIER_SIGNS.get(s.qualifier, s.qualifier)
        if column == self.INDICATOR:
            return s.indicator
        if column == self.KIND:
            return kind_names().get(s.kind, s.kind)
        return s.period_label

    def _context(self, s: "Suggestion", before: int, after: int) -> str:
        """The number in brackets with a few characters either side, line breaks folded."""
        head = "".join(self._text[max(0, s.start - before) : s.start].split())
        tail = "".join(self._text[s.end : s.end + after].split())
        number = "".join(s.text.split())
        return f"…{head}【{number}】{tail}…"
