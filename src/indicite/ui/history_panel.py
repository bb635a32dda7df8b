"""The history of one indicator: every event, oldest first, with field-level before and after."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from indicite.core.entities import Event
from indicite.services import review
from indicite.services.session import Session
from indicite.ui.indicator_model import status_names
from indicite.ui.labels import action_names, code_names, field_names

Index = QModelIndex | QPersistentModelIndex


def describe(event: Event) -> str:
    """What changed, in one line: "value: 4.2 → 4.3", "submitted → approved", the comment."""
    before, after = event.before or {}, event.after or {}
    if event.action == "create":
        parts = [f"{_name(k)}: {_show(v, k)}" for k, v in after.items() if v not in (None, "", [])]
    elif "status" in after:
        statuses = status_names()
        old, new = before.get("status"), after["status"]
        parts = [f"{statuses.get(old, _show(old))} → {statuses.get(new, new)}"]
    else:
        names = list(dict.fromkeys([*before, *after]))
        parts = [f"{_name(k)}: {_show(before.get(k), k)} → {_show(after.get(k), k)}" for k in names]
    if event.comment:
        parts.append(f"“{event.comment}”")
    return "; ".join(parts)


def _name(field: str) -> str:
    return field_names().get(field, field)


def _show(value: Any, field: str = "") -> str:
    """The value as the interface names it: measures and qualifiers by their names."""
    if value is None or value == "":
        return "∅"
    names = code_names(field)
    return names.get(value, str(value)) if names else str(value)


class HistoryModel(QAbstractTableModel):
    """Events of one indicator as rows: when, who, action, details."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._events: list[Event] = []

    def set_events(self, events: list[Event]) -> None:
        self.beginResetModel()
        self._events = events
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Details"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        event = self._events[index.row()]
        column = index.column()
        if column == 0:
            return event.at[:19].replace("T", " ")
        if column == 1:
            return event.who
        if column == 2:
            return action_names().get(event.action, event.action)
        return describe(event)


class HistoryPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.indicator_id: int | None = None
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def set_indicator(self, indicator_id: int | None) -> None:
        self.indicator_id = indicator_id
        self.refresh()

    def refresh(self) -> None:
        events = (
            [] if self.indicator_id is None else review.history(self.session, self.indicator_id)
        )
        self.model.set_events(events)
        self.table.resizeColumnsToContents()
