"""The history of one indicator: every event, oldest first, with field-level before and after."""

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from indicite.core.entities import Event
from indicite.core.errors import IndiciteError, one_line
from indicite.services import review
from indicite.services.session import Session
from indicite.ui.i18n import Retranslatable
from indicite.ui.indicator_form import format_number
from indicite.ui.indicator_model import status_names
from indicite.ui.labels import action_names, claim_names, code_names, field_names

Index = QModelIndex | QPersistentModelIndex
QUOTE_CHARS = 30  # a longer cited passage is cut, so the line stays readable
NUMBER_FIELDS = ("value", "base_value")


def describe(event: Event, text: str = "") -> str:
    """What changed, in one line: "value: 4.2 → 4.3", "submitted → approved", the comment.

    Cited passages are quoted from ``text`` (the document), or named by their characters.
    """
    before, after = event.before or {}, event.after or {}
    if event.action == "create":
        parts = [
            f"{_name(k)}: {_show(v, k, text)}" for k, v in after.items() if v not in (None, "", [])
        ]
    elif event.action in ("delete", "restore"):
        parts = []  # the action says it all; the time is in its own column
    elif event.action == "load":
        statuses = status_names()
        status = after.get("status")
        parts = [statuses.get(status, _show(status)), _from_file(after)]
    elif event.action in ("cite", "uncite"):
        span = after or before
        parts = [passage(text, span["start"], span["end"])]
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


def _from_file(after: dict[str, Any]) -> str:
    """The file and row a loaded entry came from, and what the file claimed about its past:
    provenance only, never acts of the people it names."""
    where = QCoreApplication.translate("History", "from file {file}, row {row}").format(
        file=one_line(after.get("file", "")), row=after.get("row", "")
    )
    names, statuses = claim_names(), status_names()
    said = after.get("from_file") or {}
    claims = [
        f"{label} {one_line(statuses.get(said[key], said[key]))}"
        for key, label in names.items()
        if said.get(key)
    ]
    return f"{where}: {', '.join(claims)}" if claims else where


def _name(field: str) -> str:
    return field_names().get(field, field)


def passage(text: str, start: int, end: int) -> str:
    """A cited span as its words, “…”, or as characters start–end when the text is not at hand."""
    if not (text and 0 <= start < end <= len(text)):
        return QCoreApplication.translate("History", "characters {start}–{end}").format(
            start=start, end=end
        )
    quote = " ".join(text[start:end].split())
    return f"“{quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1] + '…'}”"


def _show(value: Any, field: str = "", text: str = "") -> str:
    """The value as the interface names it: measures and qualifiers by their names, citations
    by their passages."""
    if value is None or value == "":
        return "∅"
    if field == "citations":
        return "; ".join(passage(text, start, end) for start, end in value)
    if field in NUMBER_FIELDS and isinstance(value, int | float):
        return format_number(value)  # as the form shows it: 86000, not 86000.0
    names = code_names(field)
    return names.get(value, str(value)) if names else str(value)


class HistoryModel(QAbstractTableModel):
    """Events of one indicator as rows: when, who, action, details."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._events: list[Event] = []
        self._text = ""

    def set_events(self, events: list[Event], text: str = "") -> None:
        """Show ``events``; ``text`` is their document's, to quote the cited passages."""
        self.beginResetModel()
        self._events = events
        self._text = text
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
        return describe(event, self._text)


class HistoryPanel(Retranslatable, QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.indicator_id: int | None = None
        self._document: tuple[int, str] | None = None  # id and text of the last one quoted
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # when, who, action
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

    def retranslate_ui(self) -> None:
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self.table.resizeColumnsToContents()

    def set_indicator(self, indicator_id: int | None) -> None:
        self.indicator_id = indicator_id
        self.refresh()

    def refresh(self) -> None:
        events = (
            [] if self.indicator_id is None else review.history(self.session, self.indicator_id)
        )
        self.model.set_events(events, self._document_text(events))
        self.table.resizeColumnsToContents()

    def _document_text(self, events: list[Event]) -> str:
        """The text of the events' document (read once per document), or "" if it is gone."""
        doc_id = next((e.document_id for e in events if e.document_id is not None), None)
        if doc_id is None:
            return ""
        if self._document is None or self._document[0] != doc_id:
            try:
                self._document = (doc_id, self.session.store.documents.get(doc_id).text)
            except IndiciteError:
                return ""
        return self._document[1]
