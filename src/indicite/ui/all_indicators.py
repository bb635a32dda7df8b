"""View → All indicators: every indicator of every document in one lazy, sortable table.

The model is the per-document indicator model over a view of the whole database that reads its
ids a page at a time (``services.all_indicators``): a million rows paint as fast as fifty. The
search box asks the full-text index for names and quotes (Chinese, one character and up); a
query takes a few milliseconds on a million indicators, so it runs as the user types.
Enter or a double-click opens the indicator in its document.
"""

from array import array
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from indicite.core.entities import STATUSES
from indicite.services.all_indicators import AllIndicatorQueries, all_indicator_queries, search_hits
from indicite.services.session import Session
from indicite.ui.i18n import Retranslatable
from indicite.ui.indicator_model import COLUMNS, IndicatorTableModel, status_names
from indicite.ui.tables import setup_row_table

_AFTER_PERIOD = COLUMNS.index("period_label") + 1
# The measure tells apart rows that differ only by it (level and growth of one indicator).
ALL_COLUMNS = ("document", *COLUMNS[:_AFTER_PERIOD], "measure", *COLUMNS[_AFTER_PERIOD:])


class AllIndicatorsModel(IndicatorTableModel):
    """The live indicators of every document, optionally only some ids and one status."""

    columns = ALL_COLUMNS

    def __init__(self, queries: AllIndicatorQueries, parent: QObject | None = None):
        super().__init__(queries, parent)
        self.queries: AllIndicatorQueries = queries
        self.only_ids: Sequence[int] | None = None
        self.active = False  # reads nothing (a COUNT over 1M rows) until the view is shown

    def set_view(self, status: str | None = None, ids: Sequence[int] | None = None) -> None:
        """Show ``status`` only (None: all) among ``ids`` (None: every indicator)."""
        self.status, self.only_ids = status, ids
        self.active = True
        self.reload()

    def _query_ids(self) -> Sequence[int]:
        if not self.active:
            return array("q")
        return self.queries.pages(
            status=self.status, ids=self.only_ids, sort=self.sort_key, descending=self.descending
        )

    def document_at(self, row: int) -> int | None:
        data = self.row_data(row)
        return data["document_id"] if data else None


class AllIndicatorsView(Retranslatable, QWidget):
    """Search box, status filter and the table of all indicators.

    Signals: ``indicator_activated(document_id, indicator_id)`` on Enter or a double-click;
    ``retranslated()`` after a language switch.
    """

    indicator_activated = Signal(int, int)
    retranslated = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = AllIndicatorsModel(all_indicator_queries(session), self)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem("", None)
        for status in STATUSES:
            self.status_filter.addItem("", status)
        self.summary = QLabel()
        self.table = QTableView()
        self._complete = True
        self._build()
        self.search.textChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.table.activated.connect(self._activate)
        self.retranslate_ui()

    def _build(self) -> None:
        table = self.table
        setup_row_table(table, self.model, ALL_COLUMNS.index("name"))
        header = table.horizontalHeader()
        # Fixed widths: sizing columns to their contents would read pages at every reset.
        for key, width in (("document", 260), ("subject", 90), ("period_label", 120)):
            header.resizeSection(ALL_COLUMNS.index(key), width)
        for key, width in (("measure", 110), ("value", 80), ("unit", 60), ("status", 80)):
            header.resizeSection(ALL_COLUMNS.index(key), width)
        table.setSortingEnabled(True)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(table)

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(self.tr("Search names and quoted passages of all documents"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for i, name in enumerate(status_names().values(), start=1):
            self.status_filter.setItemText(i, name)
        self.model.retranslate()
        self._show_summary()
        self.retranslated.emit()

    def refresh(self) -> None:
        """Read the view again (after a write, or when shown)."""
        self.apply_filter()

    def apply_filter(self) -> None:
        query = self.search.text().strip()
        ids: list[int] | None = None
        self._complete = True
        if query:
            ids, self._complete = search_hits(self.session, query)
        self.model.set_view(self.status_filter.currentData(), ids)
        self._show_summary()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _show_summary(self) -> None:
        count = self.model.rowCount()
        if self._complete:
            text = self.tr("%n indicator(s)", "", count)
        else:
            text = self.tr("First %n matches; add words to narrow the search", "", count)
        self.summary.setText(text)

    def _activate(self, index: QModelIndex) -> None:
        ind_id = self.model.id_at(index.row())
        doc_id = self.model.document_at(index.row())
        if ind_id is not None and doc_id is not None:
            self.indicator_activated.emit(doc_id, ind_id)


class AllIndicatorsMode(QObject):
    """Plugs the view into the main window as a page of its central stack (as review mode).

    Needs of the window: ``menus["view"]``, ``toolbar``, ``session``, ``indicators_changed``,
    ``open_document(id)``, ``select_indicator(id)``, ``indicator_filter``, ``status_filter``;
    ``review_mode`` when present (its page and ours exclude each other).
    """

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.view = AllIndicatorsView(window.session)
        central = window.centralWidget()
        if isinstance(central, QStackedWidget):
            self.stack = central
        else:
            self.stack = QStackedWidget()
            self.stack.addWidget(window.takeCentralWidget())
            window.setCentralWidget(self.stack)
        self.stack.addWidget(self.view)
        self.mode_action = QAction(window)
        self.mode_action.setCheckable(True)
        self.mode_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.mode_action.toggled.connect(self.set_mode)
        self.search_action = QAction(window)
        self.search_action.setShortcut(QKeySequence("Ctrl+Alt+F"))
        self.search_action.triggered.connect(self.search)
        for action in (self.mode_action, self.search_action):
            window.menus["view"].addAction(action)
            window.addAction(action)
        window.toolbar.addAction(self.mode_action)
        self.stack.currentChanged.connect(self._page_changed)
        self.view.indicator_activated.connect(self.open_indicator)
        window.indicators_changed.connect(self._refresh_if_shown)
        self.view.retranslated.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        for action, text in (
            (self.mode_action, self.tr("&All indicators")),
            (self.search_action, self.tr("&Search all indicators")),
        ):
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '')} ({keys})")

    def shown(self) -> bool:
        return self.stack.currentWidget() is self.view

    def set_mode(self, on: bool) -> None:
        if on:
            review = getattr(self.window, "review_mode", None)
            if review is not None:
                review.mode_action.setChecked(False)
            self.stack.setCurrentWidget(self.view)
            self.view.refresh()
            self.view.table.setFocus()
        elif self.shown():
            self.stack.setCurrentIndex(0)

    def search(self) -> None:
        self.mode_action.setChecked(True)
        self.view.focus_search()

    def open_indicator(self, doc_id: int, ind_id: int) -> None:
        """Back to the workspace, with the indicator's document open and the indicator selected."""
        self.mode_action.setChecked(False)
        window = self.window
        window.indicator_filter.clear()
        window.status_filter.setCurrentIndex(0)
        if window.current_document_id != doc_id:
            window.open_document(doc_id)
        window.select_indicator(ind_id)

    def _page_changed(self, _index: int) -> None:
        if not self.shown():
            self.mode_action.setChecked(False)

    def _refresh_if_shown(self) -> None:
        if self.shown():
            self.view.refresh()
