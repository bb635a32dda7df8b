"""The workspace: document list, document view and indicator panel side by side.

Other panels plug in through ``menus`` (keyed "file", "edit", "document", "indicator",
"review", "view", "help"), ``toolbar``, ``session``, ``current_document_id``,
``selected_indicator_id()`` and ``refresh()``.

Signals of MainWindow: ``document_opened(int)`` when a document is shown,
``indicators_changed()`` after every write (ours, or another app's on the same file).
"""

from collections.abc import Callable
from contextlib import suppress
from datetime import date
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from indicite.core.entities import STATUSES, Document, Indicator
from indicite.core.errors import ConflictError, IndiciteError, NotFound, ValidationError
from indicite.core.kinds import KINDS
from indicite.services.health import check_pending, known_damage
from indicite.services.indicator_list import indicator_queries
from indicite.services.session import Session
from indicite.services.tables import cell_fields, cell_location, tables_of
from indicite.services.team import team_label
from indicite.ui.all_indicators import AllIndicatorsMode
from indicite.ui.bulk_actions import BulkActions
from indicite.ui.catalog.actions import CatalogActions
from indicite.ui.comfort import AccessibleNames, TextZoom
from indicite.ui.document_list import DocumentList
from indicite.ui.document_view import DocumentView
from indicite.ui.errors import describe
from indicite.ui.help_pages import HelpActions
from indicite.ui.i18n import Retranslatable
from indicite.ui.indicator_form import IndicatorForm
from indicite.ui.indicator_model import COLUMNS, IndicatorTableModel, status_names
from indicite.ui.labels import kind_names
from indicite.ui.review_view import ReviewMode
from indicite.ui.signed_in import SignedInLabel
from indicite.ui.small_screens import scrolling
from indicite.ui.suggestions_panel import SuggestionsPanel
from indicite.ui.tables import select_only_row, setup_row_table
from indicite.ui.undo import Operations

MENU_KEYS = ("file", "edit", "document", "indicator", "review", "view", "help")
IDLE_REFRESH_MS = 2000
DOCK_HEIGHT = 170
PANE_SHARES = (220, 640, 580)  # documents, text, indicators (pixels of a 1440-wide window)


def prefill(doc: Document, passage: str, last: Indicator | None) -> dict[str, Any]:
    """Guesses for a new indicator cited to ``passage``: the user corrects what is wrong."""
    from indicite.core.numbers import NumberError, parse_number
    from indicite.core.suggest import suggest

    fields: dict[str, Any] = {"subject": doc.subject}
    doc_date = _iso_date(doc.published_on)
    found = suggest(passage, doc_date=doc_date, subject=doc.subject)
    if found:
        s = found[0]
        fields.update(
            value=s.value,
            value_high=s.value_high,
            unit=s.unit,
            qualifier=s.qualifier,
            measure=s.measure,
            kind=s.kind,
            value_text=s.value_text or s.text,
            period_label=s.period_label,
            period_start=s.period_start.isoformat() if s.period_start else None,
            period_end=s.period_end.isoformat() if s.period_end else None,
        )
    else:
        with suppress(NumberError, ValueError):
            fields.update(value=parse_number(passage), value_text=passage.strip())
    if last is not None and not fields.get("period_label"):  # the passage's own period wins
        fields.update(
            period_label=last.period_label,
            period_start=last.period_start,
            period_end=last.period_end,
        )
    return fields


def _iso_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def shortcut_text(action: QAction) -> str:
    shortcut = action.shortcut()
    return shortcut.toString(QKeySequence.SequenceFormat.NativeText) if shortcut else ""


class MainWindow(Retranslatable, QMainWindow):
    document_opened = Signal(int)
    indicators_changed = Signal()

    def __init__(self, session: Session, settings: QSettings | None = None):
        super().__init__()
        self.session = session
        self.settings = settings if settings is not None else QSettings()
        self.current_document_id: int | None = None
        self._highlights: tuple[int | None, list[dict[str, Any]]] = (None, [])
        self.document: Document | None = None
        self.queries = indicator_queries(session)
        self.ops = Operations(session, self)
        self.undo_stack = self.ops.stack
        self._syncing = False
        self._data_version = self.queries.data_version()

        self.document_list = DocumentList(session)
        self.document_view = DocumentView()
        self.form = IndicatorForm()
        self.suggestions_panel = SuggestionsPanel(self.ops, follow_writes=False)
        self.indicator_model = IndicatorTableModel(self.queries, self)
        self.indicator_table = QTableView()
        self.indicator_filter = QLineEdit()
        self.indicator_filter.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.kind_filter = QComboBox()
        self._build_table()
        self._build_layout()
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)

        self.actions_by_key: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self._build_actions()
        self._connect()
        self.retranslate_ui()

        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(IDLE_REFRESH_MS)
        self._idle_timer.timeout.connect(self._refresh_if_changed)
        self._idle_timer.start()
        self._first_size()
        self.review_mode = ReviewMode(self)
        self.all_indicators = AllIndicatorsMode(self)
        self.bulk_actions = BulkActions(self)
        self.signed_in = SignedInLabel(self)
        self.help_actions = HelpActions(self)
        self.text_zoom = TextZoom(self, self.settings)
        self.accessible_names = AccessibleNames(self)
        self.catalog_actions = CatalogActions(self)
        self._restore_settings()

    # --- building ------------------------------------------------------------------------

    def _build_table(self) -> None:
        table = self.indicator_table
        setup_row_table(table, self.indicator_model, COLUMNS.index("name"))
        header = table.horizontalHeader()
        for key in ("subject", "unit", "status"):
            header.setSectionResizeMode(COLUMNS.index(key), QHeaderView.ResizeMode.ResizeToContents)
        # Size those columns from the visible rows only: the default reads 1,000 rows (lazily
        # fetched pages) at every reset, 0.12 s on a big document.
        header.setResizeContentsPrecision(0)
        for key, width in (("period_label", 100), ("value", 64)):
            header.resizeSection(COLUMNS.index(key), width)
        table.setSortingEnabled(True)
        self.status_filter.addItem("", None)
        for status in STATUSES:
            self.status_filter.addItem("", status)
        self.kind_filter.addItem("", None)
        for kind in KINDS:
            self.kind_filter.addItem("", kind)

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.indicator_filter, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.kind_filter)
        table_panel = QWidget()
        table_layout = QVBoxLayout(table_panel)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(filters)
        table_layout.addWidget(self.indicator_table)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(table_panel, "")
        self.side_tabs.addTab(self.suggestions_panel, "")
        self.statusBar().addPermanentWidget(self.suggestions_panel.meter)  # always in sight
        self.right_splitter.addWidget(self.side_tabs)
        self.right_splitter.addWidget(scrolling(self.form))  # small screens: it scrolls
        self.right_splitter.setSizes([360, 460])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.document_list)
        self.splitter.addWidget(self.document_view)
        self.splitter.addWidget(self.right_splitter)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes(list(PANE_SHARES))
        self.setCentralWidget(self.splitter)

    def _build_actions(self) -> None:
        for key in MENU_KEYS:
            self.menus[key] = self.menuBar().addMenu("")
        keys = QKeySequence.StandardKey
        specs: list[tuple[str, str, Any, Any, bool]] = [
            ("quit", "file", keys.Quit, self.close, False),
            ("undo", "edit", keys.Undo, self.undo_stack.undo, True),
            (
                "redo",
                "edit",
                [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")],
                self.undo_stack.redo,
                True,
            ),
            ("find", "edit", keys.Find, self.document_view.find_bar.open_bar, True),
            ("find_next", "edit", keys.FindNext, self.document_view.find_bar.find_next, False),
            (
                "find_previous",
                "edit",
                keys.FindPrevious,
                self.document_view.find_bar.find_previous,
                False,
            ),
            (
                "search_documents",
                "document",
                QKeySequence("Ctrl+L"),
                self._focus_document_search,
                False,
            ),
            ("refresh", "document", keys.Refresh, self.refresh, False),
            (
                "document_properties",
                "document",
                [QKeySequence("Alt+Return"), QKeySequence("Ctrl+Shift+P")],
                self.show_document_properties,
                False,
            ),
            ("cite", "indicator", QKeySequence("Ctrl+Return"), self.cite_selection, True),
            (
                "add_citation",
                "indicator",
                QKeySequence("Ctrl+Shift+Return"),
                self.add_selection_as_citation,
                True,
            ),
            ("edit", "indicator", QKeySequence("F2"), self._focus_form, False),
            ("delete", "indicator", keys.Delete, self.delete_selected, True),
            (
                "next_indicator",
                "indicator",
                QKeySequence("Alt+Down"),
                lambda: self._step_indicator(1),
                False,
            ),
            (
                "previous_indicator",
                "indicator",
                QKeySequence("Alt+Up"),
                lambda: self._step_indicator(-1),
                False,
            ),
            (
                "filter_indicators",
                "indicator",
                QKeySequence("Ctrl+Shift+F"),
                self._focus_indicator_filter,
                False,
            ),
            ("focus_document", "view", QKeySequence("Ctrl+1"), self.document_view.setFocus, False),
            (
                "focus_indicators",
                "view",
                QKeySequence("Ctrl+2"),
                self.indicator_table.setFocus,
                False,
            ),
            ("about", "help", None, self._about, False),
        ]
        for key, menu, shortcut, slot, on_toolbar in specs:
            action = QAction(self)
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            elif shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.menus[menu].addAction(action)
            self.addAction(action)
            if on_toolbar:
                self.toolbar.addAction(action)
            self.actions_by_key[key] = action
        self.actions_by_key["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        delete = self.actions_by_key["delete"]
        self.removeAction(delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.indicator_table.addAction(delete)
        self.document_view.text.context_actions = [
            self.actions_by_key["cite"],
            self.actions_by_key["add_citation"],
        ]
        self.menus["view"].addAction(self.toolbar.toggleViewAction())
        self.menus["view"].addAction(self.document_view.page_action)
        self.splitter.addAction(self.document_view.page_action)  # Ctrl+Shift+O anywhere here
        self.menus["indicator"].addSeparator()
        self.menus["indicator"].addAction(self.suggestions_panel.next_action)
        self.suggestions_panel.attach_view(self.document_view)
        self._update_action_state()

    def retranslate_ui(self) -> None:
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "document": self.tr("&Document"),
            "indicator": self.tr("&Indicator"),
            "review": self.tr("&Review"),
            "view": self.tr("&View"),
            "help": self.tr("&Help"),
        }
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])
        texts = {
            "quit": self.tr("&Quit"),
            "undo": self.tr("&Undo"),
            "redo": self.tr("&Redo"),
            "find": self.tr("&Find in document"),
            "find_next": self.tr("Find &next"),
            "find_previous": self.tr("Find &previous"),
            "search_documents": self.tr("&Search documents"),
            "refresh": self.tr("&Reload from database"),
            "document_properties": self.tr("&Properties…"),
            "cite": self.tr("&Cite selection"),
            "add_citation": self.tr("&Add selection as citation"),
            "edit": self.tr("&Edit indicator"),
            "delete": self.tr("&Delete indicator"),
            "next_indicator": self.tr("&Next indicator"),
            "previous_indicator": self.tr("&Previous indicator"),
            "filter_indicators": self.tr("&Filter indicators"),
            "focus_document": self.tr("Go to &document"),
            "focus_indicators": self.tr("Go to &indicator list"),
            "about": self.tr("&About Indicite"),
        }
        for key, action in self.actions_by_key.items():
            action.setText(texts[key])
            plain = texts[key].replace("&", "")
            keys = shortcut_text(action)
            action.setToolTip(f"{plain} ({keys})" if keys else plain)
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.side_tabs.setTabText(0, self.tr("Indicators"))
        self.side_tabs.setTabText(1, self.tr("Suggestions"))
        self.indicator_filter.setPlaceholderText(self.tr("Filter by name, subject, period, unit"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for i, name in enumerate(status_names().values(), start=1):
            self.status_filter.setItemText(i, name)
        self.kind_filter.setItemText(0, self.tr("All kinds"))
        for i, name in enumerate(kind_names().values(), start=1):
            self.kind_filter.setItemText(i, name)
        self.indicator_model.retranslate()
        self._update_title()
        self._show_counts()

    def _connect(self) -> None:
        self.document_list.document_activated.connect(self.open_document)
        self.document_view.indicator_clicked.connect(self._highlight_clicked)
        self.document_view.selection_changed.connect(self._update_action_state)
        self.indicator_table.selectionModel().selectionChanged.connect(self._table_selection)
        self.indicator_filter.textChanged.connect(self._apply_filter)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.kind_filter.currentIndexChanged.connect(self._apply_filter)
        self.form.save_requested.connect(self._save_form)
        self.form.reload_requested.connect(self._reload_form)
        self.form.cancel_requested.connect(self._cancel_form)
        self.ops.changed.connect(self._after_write)
        self.document_opened.connect(self.suggestions_panel.load_document)
        self.indicators_changed.connect(self._refresh_suggestions)
        self.suggestions_panel.accepted.connect(self._suggestion_accepted)
        self.suggestions_panel.cited_rows = self._cited_rows
        self.suggestions_panel.next_action.triggered.connect(
            lambda: self.side_tabs.setCurrentWidget(self.suggestions_panel)
        )
        self.ops.failed.connect(self._write_failed)
        self.undo_stack.canUndoChanged.connect(self._update_action_state)
        self.undo_stack.canRedoChanged.connect(self._update_action_state)

    # --- documents -----------------------------------------------------------------------

    def open_document(self, doc_id: int) -> None:
        """Show a document with its highlights and indicators."""
        try:
            doc = self.session.store.documents.get(doc_id)
        except NotFound as e:
            self.statusBar().showMessage(describe(e), 5000)
            return
        self.document = doc
        self.current_document_id = doc_id
        self.form.clear()
        self.document_view.set_document(doc.text, doc.page_starts, tables_of(self.session, doc))
        self.document_view.show_pages_of(self.session, doc)
        self._show_highlights(doc_id)
        self.indicator_model.set_document(doc_id)
        self.document_list.mark_current(doc_id)
        self._update_completions()
        self._update_title()
        self._show_counts()
        self._update_action_state()
        self.settings.setValue(self._last_document_key(), doc_id)
        self.document_opened.emit(doc_id)

    def show_document_properties(self) -> None:
        """Document → Properties: title, issuer, date, subject of the open document."""
        from indicite.ui.document_properties import DocumentPropertiesDialog

        if self.current_document_id is None:
            return
        dialog = DocumentPropertiesDialog(self.session, self.current_document_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._document_edited)
        dialog.open()
        self.properties_dialog = dialog

    def _document_edited(self, doc: Document) -> None:
        """A new title shows at once; a new date or subject changes the suggested periods."""
        before, self.document = self.document, doc
        self.document_list.reload()
        self._update_title()
        read_against = (doc.published_on, doc.subject)
        if before is None or (before.published_on, before.subject) != read_against:
            assert doc.id is not None
            self.suggestions_panel.load_document(doc.id)
        self.statusBar().showMessage(
            self.tr("Saved the properties of “{title}”.").format(title=doc.title), 5000
        )

    def _focus_document_search(self) -> None:
        self.document_list.search.setFocus()
        self.document_list.search.selectAll()

    # --- reading the database again ------------------------------------------------------

    def refresh(self) -> None:
        """Reload lists, highlights and counts from the database, keeping the selection."""
        self._data_version = self.queries.data_version()
        self.document_list.reload()
        if self.current_document_id is not None:
            selected = self.selected_indicator_id()
            self._syncing = True
            try:
                self.indicator_model.reload()
                if selected is not None:
                    self._select_row(selected)
            finally:
                self._syncing = False
            self._show_highlights(self.current_document_id)
            self.document_view.set_current_indicator(self.selected_indicator_id())
        self._show_counts()
        self._update_action_state()
        self.indicators_changed.emit()

    def _show_highlights(self, doc_id: int) -> None:
        """Read the document's citations once; the view and the suggestions both use them."""
        self._highlights = (doc_id, self.session.store.indicators.highlights(doc_id))
        self.document_view.set_highlights(self._highlights[1])

    def _refresh_suggestions(self) -> None:
        self.suggestions_panel.refresh(self._cited_rows())

    def _cited_rows(self) -> list[dict[str, Any]] | None:
        """The open document's citation rows as last read, for the suggestions' coverage."""
        doc_id, rows = self._highlights
        return rows if doc_id == self.current_document_id else None

    def _refresh_if_changed(self) -> None:
        if self.queries.data_version() != self._data_version:
            self.refresh()

    def _after_write(self) -> None:
        """Show the stored state; the reading place stays (a write elsewhere — accepting or
        dismissing a suggestion — must not scroll back to the entry in the form)."""
        self.refresh()
        if self.form.mode == "edit" and self.form.indicator_id is not None:
            self._show_in_form(self.form.indicator_id, show_citation=False)

    def _write_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        self.form.show_conflict(message)

    # --- indicators ----------------------------------------------------------------------

    def selected_indicator_id(self) -> int | None:
        rows = self.indicator_table.selectionModel().selectedRows()
        return self.indicator_model.id_at(rows[0].row()) if rows else None

    def selected_indicator_ids(self) -> list[int]:
        """Every selected indicator (Shift/Ctrl-click, Ctrl+A), in list order."""
        rows = sorted(i.row() for i in self.indicator_table.selectionModel().selectedRows())
        ids = (self.indicator_model.id_at(row) for row in rows)
        return [ind_id for ind_id in ids if ind_id is not None]

    def select_indicator(self, ind_id: int, *, show_citation: bool = True) -> None:
        """Select an indicator in the list and the form; optionally scroll to its passage."""
        self._syncing = True
        try:
            self._select_row(ind_id)
        finally:
            self._syncing = False
        self._show_in_form(ind_id, show_citation=show_citation)

    def _select_row(self, ind_id: int) -> None:
        row = self.indicator_model.row_of(ind_id)
        if row < 0:
            self.indicator_table.clearSelection()
            return
        select_only_row(self.indicator_table, row)
        self.indicator_table.scrollTo(self.indicator_model.index(row, 0))

    def _table_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_action_state()
        if self._syncing:
            return
        ind_id = self.selected_indicator_id()
        if ind_id is not None:
            self._show_in_form(ind_id)

    def _show_in_form(self, ind_id: int, *, show_citation: bool = True) -> None:
        try:
            ind = self.session.store.indicators.get(ind_id, include_deleted=False)
        except NotFound:
            self.form.clear()
            self.document_view.set_current_indicator(None)
            return
        self.form.show_indicator(ind, [c.exact for c in ind.citations])
        if ind.citations and self.document is not None and self.document.id == ind.document_id:
            first = ind.citations[0]
            self.form.show_cell(cell_location(self.session, self.document, first.start, first.end))
        self.document_view.set_current_indicator(ind_id)
        if show_citation and ind.citations:
            first = ind.citations[0]
            self.document_view.select_span(first.start, first.end)

    def _suggestion_accepted(self, ind_id: int) -> None:
        """Show the new draft in the form, where a wrong guess is corrected (F2)."""
        self.select_indicator(ind_id, show_citation=False)

    def _highlight_clicked(self, ind_id: int) -> None:
        self.select_indicator(ind_id, show_citation=False)

    def _step_indicator(self, step: int) -> None:
        count = self.indicator_model.rowCount()
        if not count:
            return
        current = self.indicator_table.currentIndex()
        row = (current.row() + step) % count if current.isValid() else 0
        select_only_row(self.indicator_table, row)

    def _apply_filter(self) -> None:
        selected = self.selected_indicator_id()
        self.indicator_model.set_filter(
            self.indicator_filter.text(),
            self.status_filter.currentData(),
            self.kind_filter.currentData(),
        )
        if selected is not None:
            self._syncing = True
            try:
                self._select_row(selected)
            finally:
                self._syncing = False

    def snapped_selection(self) -> tuple[int, int] | None:
        """The selected passage widened to whole numbers (".6%" → "17.6%"), shown so."""
        from indicite.core.snapping import snap_to_numbers  # the suggester's grammar: lazily

        span = self.document_view.selected_span()
        if span is None or self.document is None:
            return span
        snapped = snap_to_numbers(self.document.text, *span)
        if snapped != span:
            self.document_view.select_span(*snapped, centre=False)
            self.statusBar().showMessage(
                self.tr("Selection widened to the whole number: “{text}”").format(
                    text=self.document.text[snapped[0] : snapped[1]]
                ),
                5000,
            )
        return snapped

    def cite_selection(self) -> None:
        """Open a new indicator cited to the selected passage, with the guesses filled in."""
        span = self.snapped_selection()
        if self.document is None or span is None:
            self.statusBar().showMessage(self.tr("Select a passage in the document first."), 5000)
            return
        start, end = span
        passage = self.document.text[start:end]
        last = self.session.store.indicators.last_in_document(self.document.id or 0)
        self.indicator_table.clearSelection()
        self.document_view.set_current_indicator(None)
        fields = prefill(self.document, passage, last)
        fields.update(cell_fields(self.session, self.document, start, end))  # a table cell
        self.form.start_new(self.document.id or 0, [span], [passage], fields)
        self.form.show_cell(cell_location(self.session, self.document, start, end))

    def add_selection_as_citation(self) -> None:
        span = self.snapped_selection()
        ind_id = self.selected_indicator_id() or (
            self.form.indicator_id if self.form.mode == "edit" else None
        )
        if span is None or ind_id is None:
            self.statusBar().showMessage(
                self.tr("Select an indicator and a passage in the document first."), 5000
            )
            return
        try:
            ind = self.session.store.indicators.get(ind_id, include_deleted=False)
            self.ops.add_citation(ind, span)
        except IndiciteError as e:
            self._write_failed(describe(e))
            return
        self.statusBar().showMessage(
            self.tr("Passage added to “{name}”.").format(name=ind.name), 5000
        )

    def delete_selected(self) -> None:
        if len(self.selected_indicator_ids()) > 1:
            self.bulk_actions.delete_selected()
            return
        ind_id = self.selected_indicator_id()
        if ind_id is None:
            return
        try:
            ind = self.session.store.indicators.get(ind_id, include_deleted=False)
            self.ops.delete(ind)
        except IndiciteError as e:
            self._write_failed(describe(e))
            return
        self.form.clear()
        self.statusBar().showMessage(
            self.tr("Deleted “{name}” ({keys} undoes).").format(
                name=ind.name, keys=shortcut_text(self.actions_by_key["undo"])
            ),
            8000,
        )

    def _save_form(self, values: dict[str, Any]) -> None:
        form = self.form
        try:
            if form.mode == "new":
                assert form.document_id is not None
                ind = self.ops.create(form.document_id, values, form.spans)
            else:
                assert form.indicator_id is not None
                before = self.session.store.indicators.get(form.indicator_id, include_deleted=False)
                if before.version != form.version:
                    raise ConflictError(
                        self.tr(
                            "Someone else changed this entry since you opened it; "
                            "reload it to see their change, then edit again."
                        )
                    )
                changes = {k: v for k, v in values.items() if getattr(before, k) != v}
                if not changes:
                    return
                ind = self.ops.edit(before, changes)
        except ValidationError as e:
            form.show_error(e.field, describe(e))
            return
        except (ConflictError, NotFound) as e:
            form.show_conflict(describe(e))
            return
        except IndiciteError as e:
            form.show_error("", describe(e))
            return
        assert ind.id is not None
        self.form.add_completions(ind.name, ind.unit)
        self.select_indicator(ind.id, show_citation=False)
        self.statusBar().showMessage(self.tr("Saved “{name}”.").format(name=ind.name), 5000)
        self.document_view.setFocus()

    def _reload_form(self) -> None:
        if self.form.indicator_id is not None:
            self._show_in_form(self.form.indicator_id, show_citation=False)

    def _cancel_form(self) -> None:
        if self.form.mode == "edit" and self.form.indicator_id is not None:
            self._show_in_form(self.form.indicator_id, show_citation=False)
        else:
            self.form.clear()
        self.document_view.setFocus()

    def _focus_form(self) -> None:
        if self.form.mode is not None:
            self.form.fields["name"].setFocus()
            self.form.fields["name"].selectAll()

    def _focus_indicator_filter(self) -> None:
        self.indicator_filter.setFocus()
        self.indicator_filter.selectAll()

    # --- status, title, completions ------------------------------------------------------

    def _update_action_state(self) -> None:
        has_doc = self.current_document_id is not None
        has_selection = has_doc and self.document_view.text.textCursor().hasSelection()
        has_indicator = self.selected_indicator_id() is not None
        actions = self.actions_by_key
        actions["cite"].setEnabled(has_selection)
        actions["document_properties"].setEnabled(has_doc)
        actions["add_citation"].setEnabled(has_selection and has_indicator)
        actions["delete"].setEnabled(has_indicator)
        actions["undo"].setEnabled(self.undo_stack.canUndo())
        actions["redo"].setEnabled(self.undo_stack.canRedo())

    def _show_counts(self) -> None:
        if self.session.store.closed:
            return  # a closed window that lingers until deleteLater still gets events
        if self.current_document_id is None:
            self.counts_label.setText(self.tr("No document open"))
            return
        counts = self.session.store.indicators.status_counts(self.current_document_id)
        parts = [f"{name} {counts.get(status, 0)}" for status, name in status_names().items()]
        self.counts_label.setText(" · ".join(parts))

    def _update_title(self) -> None:
        if self.document is None:
            self.setWindowTitle(self.tr("Indicite"))
        else:
            self.setWindowTitle(self.tr("{title} – Indicite").format(title=self.document.title))
        if not self.session.store.has_file:  # which team database: "name @ host – …"
            label = team_label(self.session.store.shown_location)
            self.setWindowTitle(f"{label} – {self.windowTitle()}")

    def _update_completions(self) -> None:
        """Names and units already used (a scan of every indicator: on opening, not per save)."""
        indicators = self.session.store.indicators
        self.form.set_completions(
            indicators.distinct_values("name"), indicators.distinct_values("unit")
        )

    def _about(self) -> None:
        from indicite.ui.about_dialog import AboutDialog

        AboutDialog(self.session.store.shown_location, self).exec()

    # --- remembering sizes and the open document -----------------------------------------

    def _last_document_key(self) -> str:
        path = self.session.store.path
        if path is None:  # a team database: its URL without a password
            return f"workspace/last_document/{self.session.store.shown_location or 'memory'}"
        return f"workspace/last_document/{path.resolve()}"

    def _restore_settings(self) -> None:
        s = self.settings
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/splitter", self._restore_splitter),
            ("window/right_splitter", self.right_splitter.restoreState),
        ):
            value = s.value(key)
            if isinstance(value, QByteArray):
                restore(value)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        else:
            self._default_dock_heights()
        last = s.value(self._last_document_key())
        if last is not None and str(last).isdigit():
            self.open_document(int(last))
        if not check_pending(self.session) and known_damage(self.session) is None:
            self.open_first_document()  # else once the full check finds the file sound

    def open_first_document(self) -> None:
        """Never a blank pane: the first listed document when none is open yet."""
        first = self.document_list.model.id_at(0)
        if self.document is None and first is not None:
            self.open_document(first)

    def _first_size(self) -> None:
        """1400×860, or the screen's available size when smaller (1024×640, 1366×700)."""
        available = self.screen().availableGeometry()
        self.resize(min(1400, available.width()), min(860, available.height()))
        self._share_width_at_show = True

    def showEvent(self, event: QShowEvent) -> None:
        """On a first start, each pane gets its share of the width the window really has:
        fitting the default sizes into a small window would take it all from the document."""
        super().showEvent(event)
        if self._share_width_at_show:
            self._share_width_at_show = False
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * share // sum(PANE_SHARES) for share in PANE_SHARES])

    def _restore_splitter(self, state: QByteArray) -> bool:
        """The widths the user left (then they are not shared out again at show)."""
        restored = self.splitter.restoreState(state)
        self._share_width_at_show = self._share_width_at_show and not restored
        return restored

    def _default_dock_heights(self) -> None:
        """On a first start, panels docked below the workspace take a strip, not half of it."""
        docks = [
            dock
            for dock in self.findChildren(QDockWidget)
            if self.dockWidgetArea(dock) == Qt.DockWidgetArea.BottomDockWidgetArea
        ]
        if docks:  # a strip of at most a sixth of a small screen (1366×768: 128 px)
            height = min(DOCK_HEIGHT, self.screen().availableGeometry().height() // 6)
            self.resizeDocks(docks, [height] * len(docks), Qt.Orientation.Vertical)

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("window/right_splitter", self.right_splitter.saveState())
        s.sync()

    def _ask_before_closing(self) -> None:
        """Save, discard or keep the unsaved entry; the window closes once it is resolved."""
        self.closing_question = self.ask_about_unsaved_entry(
            self.tr("The indicator in the form is not saved yet. Save it before closing?"),
            self.close,
        )

    def ask_about_unsaved_entry(self, question: str, then: Callable[[], Any]) -> QMessageBox:
        """Save, discard or keep (cancel) the unsaved entry; ``then()`` once it is resolved."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved indicator"),
            question,
            buttons.Save | buttons.Discard | buttons.Cancel,
            self,
        )
        box.setDefaultButton(buttons.Save)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(
            lambda _: self._resolved(box.standardButton(box.clickedButton()), then)
        )
        box.open()
        return box

    def _resolved(self, answer: QMessageBox.StandardButton, then: Callable[[], Any]) -> None:
        buttons = QMessageBox.StandardButton
        if answer == buttons.Save:
            self.form.save()
        elif answer == buttons.Discard:
            self.form.clear()
        if answer != buttons.Cancel and not self.has_unsaved_changes():
            then()

    def has_unsaved_changes(self) -> bool:
        """A new entry not yet saved, or typing in an entry's fields since it was shown."""
        form = self.form
        if form.mode == "new":
            return True
        return form.mode == "edit" and form.is_modified()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_unsaved_changes():
            event.ignore()
            self._ask_before_closing()
            return
        self._idle_timer.stop()
        self.save_settings()
        super().closeEvent(event)
