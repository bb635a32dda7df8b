"""Review mode: the queue of submitted entries beside the cited passage and the fields.

Keys: A approve, R return (type the reason, Enter sends, Esc cancels), E edit, J/K next and
previous. Every write goes through services.review, which applies the workflow rules again.

Signals of ReviewView: ``changed()`` after any write, so other views refresh;
``retranslated()`` after a language switch (ReviewMode then renames its menu and docks);
``status_message(str)`` for the window's status bar (why a key did nothing).
"""

from array import array
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from indicite.core import workflow
from indicite.core.entities import INDICATOR_FIELDS, Indicator
from indicite.core.errors import ConflictError, IndiciteError, ValidationError
from indicite.services import review
from indicite.services.catalog import item_label
from indicite.services.checks import check_entries
from indicite.services.indicators import update_indicator
from indicite.services.presence import open_elsewhere
from indicite.services.review import QueueEntry, QueueFilter
from indicite.services.revisions import source_changes
from indicite.services.session import Session
from indicite.services.tables import tables_of
from indicite.services.users import ensure_user
from indicite.ui.catalog.check_texts import finding_text
from indicite.ui.comments_panel import CommentsPanel, StatusNotice
from indicite.ui.document_view import DocumentView
from indicite.ui.errors import describe
from indicite.ui.highlighter import LOW_CONFIDENCE_COLOUR
from indicite.ui.history_panel import HistoryPanel
from indicite.ui.i18n import Retranslatable
from indicite.ui.indicator_form import IndicatorForm, format_number
from indicite.ui.indicator_model import status_names
from indicite.ui.labels import code_names, outcome_names
from indicite.ui.presence import EntryPresence
from indicite.ui.revisions.report_dialog import changes_html
from indicite.ui.say_why import SayWhy, set_reason
from indicite.ui.small_screens import scrolling
from indicite.ui.users_dialog import UsersDialog

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
PAGE_SIZE = 128
MAX_CACHED_PAGES = 32
NO_DATE = QDate(2000, 1, 1)
CHANGED_STYLE = "background: #fff3cd; color: #1a1a1a;"
OUTCOME_COLOURS = {"approved": "#2e7d32", "returned": "#c62828"}
WARNING_COLOUR = "#8a5a00"
OPEN_BY_COLOUR = "#1565c0"
NAME_WIDTH_WITH_BADGE = 240


def check_legend() -> str:
    """What the Check column's marks mean (its header tooltip and the legend below it)."""
    return QCoreApplication.translate(
        "ReviewView",
        "Check: ✓ every cited passage matches the document · ⚠ a passage no longer "
        "matches (point at it to see why) · Approved, Returned, Edited: what you did "
        "in this pass.",
    )


class ReviewQueueModel(QAbstractTableModel):
    """The queue as a lazy model: it holds the ordered ids only, and fetches a page of entries
    (rows, citations and their checks) when Qt paints it, like IndicatorTableModel.

    Entries acted on during this pass stay in place with their outcome, so "12 of 40" holds.
    On a team database an entry open at another desk says by whom beside its name.
    """

    COLUMNS = ("check", "name", "value", "period", "document", "entered_by", "submitted")

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self._ids = array("q")
        self._outcomes: dict[int, str] = {}  # what this pass did: approved, returned, edited
        self._pages: dict[int, dict[int, QueueEntry]] = {}
        self._open_by: dict[int, list[str]] = {}

    def set_ids(self, ids: list[int], keep_outcomes: bool = True) -> None:
        """A new queue; ``ids`` must include the entries acted on when outcomes are kept."""
        self.beginResetModel()
        self._ids = array("q", ids)
        self._pages = {}
        if not keep_outcomes:
            self._outcomes = {}
        self._open_by = open_elsewhere(self.session)
        self.endResetModel()

    def ids(self) -> list[int]:
        return self._ids.tolist()

    def acted_on(self) -> list[int]:
        return list(self._outcomes)

    def invalidate(self) -> None:
        """Read the entries again when next shown (others may have changed them)."""
        self._pages = {}
        self._open_by = open_elsewhere(self.session)
        if self._ids:
            last = self.index(len(self._ids) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def reload_presence(self) -> None:
        """Who has which entry open changed (another desk opened or closed one)."""
        self._open_by = open_elsewhere(self.session)
        if self._ids:
            column = self.COLUMNS.index("name")
            last = self.index(len(self._ids) - 1, column)
            self.dataChanged.emit(self.index(0, column), last)

    def open_by(self, row: int) -> list[str]:
        return self._open_by.get(self.id_at(row) or 0, [])

    def total(self) -> int:
        return len(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def entry(self, row: int) -> QueueEntry | None:
        ind_id = self.id_at(row)
        if ind_id is None:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.clear()
            first = number * PAGE_SIZE
            page = review.queue_entries(self.session, self._ids[first : first + PAGE_SIZE])
            self._pages[number] = page
        return page.get(ind_id)

    def outcome(self, row: int) -> str:
        return self._outcomes.get(self.id_at(row) or 0, "")

    def row_of(self, ind_id: int) -> int | None:
        try:
            return self._ids.index(ind_id)
        except ValueError:
            return None

    def set_outcome(self, ind_id: int, outcome: str) -> None:
        row = self.row_of(ind_id)
        if row is None:
            return
        self._outcomes[ind_id] = outcome
        self._pages.pop(row // PAGE_SIZE, None)  # the entry changed: read it again
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return check_legend() if self.COLUMNS[section] == "check" else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Check"),
            self.tr("Indicator"),
            self.tr("Value"),
            self.tr("Period"),
            self.tr("Document"),
            self.tr("Entered by"),
            self.tr("Submitted"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        e, column = self.entry(index.row()), self.COLUMNS[index.column()]
        if e is None:
            return None
        if column == "name" and e.id in self._open_by:
            return self._open_name(e, role)
        outcome = self._outcomes.get(e.id, "")
        reasons = [*e.problems, *(finding_text(f) for f in e.findings)]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "check":
                return outcome_names().get(outcome, outcome) or (
                    f"⚠ {reasons[0]}" if reasons else "⚠" if e.low_confidence else "✓"
                )
            return {
                "name": e.name,
                "value": e.value_text or f"{format_number(e.value)}{e.unit}",
                "period": e.period_label,
                "document": e.document_title,
                "entered_by": e.created_by,
                "submitted": (e.submitted_at or "")[:16].replace("T", " "),
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column != "check":
                return None
            uncertain = self.tr(
                "The quoted passage holds characters OCR read with low confidence "
                "(dotted underline): compare it with the page image before approving."
            )
            if reasons or e.low_confidence:
                return "\n".join([*reasons, *([uncertain] if e.low_confidence else [])])
            return self.tr("Every cited passage still reads as quoted in the document.")
        if outcome:
            return QColor(OUTCOME_COLOURS.get(outcome, "#888888"))
        if reasons and column == "check":
            return QColor("#c62828" if e.has_errors else WARNING_COLOUR)
        if e.low_confidence and column == "check":
            return QColor(LOW_CONFIDENCE_COLOUR)
        return None

    def _open_name(self, e: QueueEntry, role: int) -> Any:
        """The name after a badge (first, so a narrow column still shows it): who has the
        entry open at another desk."""
        names = "、".join(self._open_by[e.id])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(OPEN_BY_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr(
                "Open now at another desk by {names}: a change of yours may meet theirs"
            ).format(names=names)
        return self.tr("[Open: {names}] {name}").format(name=e.name, names=names)


class EditDialog(QDialog):
    """Edit one entry from review with the same form the workspace uses."""

    def __init__(self, session: Session, ind: Indicator, quotes: list[str], parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Edit indicator {id}").format(id=ind.id))
        self.form = IndicatorForm(self)
        self.form.show_indicator(ind, quotes)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.form.save_requested.connect(self._save)
        self.form.cancel_requested.connect(self.reject)
        self.form.reload_requested.connect(self._reload)

    def _save(self, values: dict[str, Any]) -> None:
        ind_id, version = self.form.indicator_id, self.form.version
        assert ind_id is not None and version is not None
        try:
            update_indicator(self.session, ind_id, values, version)
        except ConflictError as e:
            self.form.show_conflict(describe(e))
        except ValidationError as e:
            self.form.show_error(e.field, describe(e))
        except IndiciteError as e:
            self.form.show_error("", describe(e))
        else:
            self.accept()

    def _reload(self) -> None:
        ind_id = self.form.indicator_id
        assert ind_id is not None
        ind = self.session.store.indicators.get(ind_id)
        self.form.show_indicator(ind, [c.exact for c in ind.citations])


class ReviewView(Retranslatable, QWidget):
    changed = Signal()
    retranslated = Signal()
    status_message = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None, *, load: bool = True):
        super().__init__(parent)
        self.session = session
        self.current: Indicator | None = None
        self._shown_document: int | None = None

        self.document_filter = QComboBox()
        self.person_filter = QComboBox()
        self.since = self._date_edit()
        self.until = self._date_edit()
        self.refresh_button = QPushButton()
        self.warnings_only = QCheckBox()
        self.warnings_only.toggled.connect(lambda _on: self.reload_queue())
        filters = QHBoxLayout()
        self.filter_labels = [QLabel() for _ in range(4)]
        for label, widget in zip(
            self.filter_labels,
            (self.document_filter, self.person_filter, self.since, self.until),
            strict=True,
        ):
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.warnings_only)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)

        self.model = ReviewQueueModel(session, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.presence = EntryPresence(session, "review", self)
        if self.presence.enabled:  # room for the badge of an entry open elsewhere
            name_column = self.model.COLUMNS.index("name")
            self.table.horizontalHeader().resizeSection(name_column, NAME_WIDTH_WITH_BADGE)
        self.approve_selected_button = QPushButton()
        self.report = QLabel()
        self.report.setWordWrap(True)
        self.report.hide()
        queue_pane = QWidget()
        queue_layout = QVBoxLayout(queue_pane)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.addWidget(self.table, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setObjectName("check_legend")
        queue_layout.addWidget(self.legend)
        queue_layout.addWidget(self.approve_selected_button)
        queue_layout.addWidget(self.report)

        self.document = DocumentView()
        self.addAction(self.document.page_action)  # Ctrl+Shift+O anywhere in the review

        self.progress = QLabel()
        self.progress.setStyleSheet("font-weight: bold;")
        self.status_label = QLabel()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c62828;")
        self.source_change = QLabel()  # a new version changed the cited number: before | now
        self.source_change.setWordWrap(True)
        self.source_change.hide()
        self.field_labels = {name: QLabel() for name in INDICATOR_FIELDS}
        self.field_labels["citations"] = QLabel()
        self.field_titles = {name: QLabel() for name in self.field_labels}
        fields = QFormLayout()
        for name, label in self.field_labels.items():
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            fields.addRow(self.field_titles[name], label)
        self.approve_button = QPushButton()
        self.return_button = QPushButton()
        self.edit_button = QPushButton()
        buttons = QHBoxLayout()
        for button in (self.approve_button, self.return_button, self.edit_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        self.return_box = QLineEdit()
        self.return_box.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        self.comments = CommentsPanel(session)
        self.history = HistoryPanel(session)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.comments, "")
        self.tabs.addTab(self.history, "")
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.progress, self.status_label, self.problems, self.source_change):
            detail_layout.addWidget(widget)
        detail_layout.addLayout(fields)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.return_box)
        detail_layout.addWidget(self.message)
        detail_layout.addWidget(self.tabs, 1)

        splitter = QSplitter()
        splitter.addWidget(queue_pane)
        splitter.addWidget(self.document)
        splitter.addWidget(scrolling(detail))
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.key_shortcuts: dict[str, QShortcut] = {}
        for key, slot in (
            ("A", self.approve_current),
            ("R", self.start_return),
            ("E", self.edit_current),
            ("J", self.next_entry),
            ("K", self.previous_entry),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.key_shortcuts[key] = shortcut
        self.approve_button.clicked.connect(self.approve_current)
        self.return_button.clicked.connect(self.start_return)
        self.edit_button.clicked.connect(self.edit_current)
        self.approve_selected_button.clicked.connect(self.approve_selected)
        self.return_box.returnPressed.connect(self.send_return)
        self.refresh_button.clicked.connect(self.refresh)
        self.comments.commented.connect(lambda _id: self._after_write())
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        for combo in (self.document_filter, self.person_filter):
            combo.activated.connect(self.reload_queue)
        for date_edit in (self.since, self.until):
            date_edit.dateChanged.connect(self.reload_queue)
        self.retranslate_ui()
        if load:
            self._fill_filters()
            self.reload_queue()

    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        for label, text in zip(
            self.filter_labels,
            (self.tr("Document"), self.tr("Entered by"), self.tr("Submitted from"), self.tr("to")),
            strict=True,
        ):
            label.setText(text)
        for date_edit in (self.since, self.until):
            date_edit.setSpecialValueText(self.tr("any"))
        self._name_unfiltered()
        self.approve_selected_button.setText(self.tr("Approve selected"))
        self.legend.setText(check_legend())
        self.warnings_only.setText(self.tr("Only entries with warnings"))
        for name, title in self.field_titles.items():
            title.setText(self._field_title(name))
        for key, text in (  # Help → Keyboard shortcuts lists them
            ("A", self.tr("Review queue: approve")),
            ("R", self.tr("Review queue: return with a comment")),
            ("E", self.tr("Review queue: edit")),
            ("J", self.tr("Review queue: next entry")),
            ("K", self.tr("Review queue: previous entry")),
        ):
            self.key_shortcuts[key].setWhatsThis(text)
        self.approve_button.setText(self.tr("&Approve (A)"))
        self.return_button.setText(self.tr("&Return (R)"))
        self.edit_button.setText(self.tr("&Edit (E)"))
        self.return_box.setPlaceholderText(
            self.tr("Why is it returned? Enter sends it back, Esc cancels")
        )
        self.tabs.setTabText(0, self.tr("Comments"))
        self.tabs.setTabText(1, self.tr("History"))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        if self.progress.text():  # the queue was shown: name its entry in the new language
            self._show(self.current)
        self.retranslated.emit()

    def _field_title(self, name: str) -> str:
        return {
            "name": self.tr("Name"),
            "subject": self.tr("Subject"),
            "period_label": self.tr("Period"),
            "period_start": self.tr("Period start"),
            "period_end": self.tr("Period end"),
            "measure": self.tr("Measure"),
            "value": self.tr("Value"),
            "unit": self.tr("Unit"),
            "base_value": self.tr("Base value"),
            "base_unit": self.tr("Base unit"),
            "value_high": self.tr("Range up to"),
            "base_value_high": self.tr("Base value up to"),
            "qualifier": self.tr("Qualifier"),
            "value_text": self.tr("As written"),
            "notes": self.tr("Notes"),
            "kind": self.tr("Kind"),
            "catalog_id": self.tr("Catalog item"),
            "citations": self.tr("Cited"),
        }[name]

    # --- queue --------------------------------------------------------------------------------

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setDate(NO_DATE)
        return edit

    def _fill_filters(self) -> None:
        """Documents and people to filter by, keeping what is chosen."""
        doc_id, person = self.document_filter.currentData(), self.person_filter.currentData()
        self.document_filter.clear()
        self.document_filter.addItem("", None)
        for document_id, title in review.document_titles(self.session):
            self.document_filter.addItem(title, document_id)
        self.person_filter.clear()
        self.person_filter.addItem("", None)
        for name in review.enterers(self.session):
            self.person_filter.addItem(name, name)
        self.document_filter.setCurrentIndex(max(0, self.document_filter.findData(doc_id)))
        self.person_filter.setCurrentIndex(max(0, self.person_filter.findData(person)))
        self._name_unfiltered()

    def _name_unfiltered(self) -> None:
        """The first entry of each filter, which filters nothing."""
        for combo, text in (
            (self.document_filter, self.tr("All documents")),
            (self.person_filter, self.tr("Anyone")),
        ):
            if combo.count():
                combo.setItemText(0, text)

    def queue_filter(self) -> QueueFilter:
        def iso(edit: QDateEdit) -> str | None:
            return None if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")

        return QueueFilter(
            document_id=self.document_filter.currentData(),
            entered_by=self.person_filter.currentData(),
            since=iso(self.since),
            until=iso(self.until),
        )

    def _queue_ids(self, keep: list[int] | None = None) -> list[int]:
        ids = review.queue_ids(self.session, self.queue_filter(), keep or [])
        if self.warnings_only.isChecked():
            found = set(review.ids_with_findings(self.session, ids))
            ids = [i for i in ids if i in found or i in (keep or [])]
        return ids

    def reload_queue(self) -> None:
        """A new pass over the queue with the chosen filters."""
        self.model.set_ids(self._queue_ids(), False)
        self._select_row(0)

    def refresh(self) -> None:
        """Show what others changed: new submissions, and the current entry as stored now."""
        current_id = self.current.id if self.current else None
        self._fill_filters()
        ids = self._queue_ids(self.model.acted_on())
        if ids == self.model.ids():
            self.model.invalidate()
            self._reload_current()  # the queue is as it was: keep the selection
            return
        self.model.set_ids(ids)
        row = self.model.row_of(current_id) if current_id is not None else None
        self._select_row(row or 0)

    def _select_row(self, row: int) -> None:
        if self.model.total() == 0:
            self._show(None)
            return
        row = max(0, min(row, self.model.total() - 1))
        self.table.selectRow(row)
        self.table.setCurrentIndex(self.model.index(row, 1))
        self._current_row_changed(self.model.index(row, 1))

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def _current_row_changed(
        self, index: QModelIndex, _previous: QModelIndex | None = None
    ) -> None:
        if not index.isValid():
            self._show(None)
            return
        try:
            ind = self.session.store.indicators.get(self.model.id_at(index.row()) or 0)
        except IndiciteError:
            ind = None
        self._show(ind)

    def next_entry(self) -> None:
        self._select_row(self.current_row() + 1)

    def previous_entry(self) -> None:
        self._select_row(self.current_row() - 1)

    # --- the current entry -------------------------------------------------------------------

    def _show(self, ind: Indicator | None) -> None:
        """Show ``ind``; when it is the entry already shown, unchanged, keep the reader's place
        (scroll position, a half-typed return comment)."""
        same = (
            ind is not None
            and self.current is not None
            and (ind.id, ind.version) == (self.current.id, self.current.version)
        )
        self.current = ind
        self.presence.show(ind.id if ind else None)
        if not same:
            self.return_box.hide()
            self.message.hide()
        total, row = self.model.total(), self.current_row()
        self.progress.setText(
            self.tr("{n} of {total}").format(n=row + 1, total=total)
            if total and ind is not None
            else self.tr("Nothing to review")
        )
        self.comments.set_indicator(ind.id if ind else None)
        self.history.set_indicator(ind.id if ind else None)
        if ind is None:
            for label in self.field_labels.values():
                label.clear()
            self.status_label.clear()
            self.problems.hide()
            self._enable(set())
            return
        if not same:
            self._show_passage(ind)
        changes = review.changes_since_approved(self.session, ind.id or 0)
        for name, label in self.field_labels.items():
            if name == "citations":
                value: Any = "; ".join(f"“{c.exact}”" for c in ind.citations)
            elif name == "catalog_id":
                value = item_label(self.session, ind.catalog_id)
            else:
                value = getattr(ind, name)
                numeric = name in ("value", "base_value", "value_high", "base_value_high")
                value = format_number(value) if numeric else value or ""
                value = code_names(name).get(value, value)
            if name in changes:
                old = changes[name][0]
                label.setText(self.tr("{new}  (was: {old})").format(new=value, old=old or "∅"))
                label.setStyleSheet(CHANGED_STYLE)
            else:
                label.setText(str(value))
                label.setStyleSheet("")
        self._show_status(ind)
        problems = review.problems_of(self.session, ind)
        assert ind.id is not None
        found = check_entries(self.session, [ind.id]).get(ind.id, [])
        problems = [*problems, *(finding_text(f) for f in found)]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        assert ind.document_id is not None
        changes = (
            source_changes(self.session, ind.document_id, ind.id) if ind.source_changed else []
        )
        self.source_change.setText(changes_html(changes) if changes else "")
        self.source_change.setVisible(bool(changes))
        self._enable(review.allowed_actions(self.session, ind))

    def _show_status(self, ind: Indicator) -> None:
        """Status and enterer, and who has the entry open at another desk (team databases)."""
        status = self.tr("{status} · entered by {who}").format(
            status=status_names().get(ind.status, ind.status), who=ind.created_by
        )
        others = self.model.open_by(self.current_row())
        if others:
            status += self.tr(" · open at another desk by {names}").format(names="、".join(others))
        self.status_label.setText(status)

    def refresh_presence(self) -> None:
        """Another desk opened or closed an entry: the queue's marks and the current entry's."""
        self.model.reload_presence()
        if self.current is not None:
            self._show_status(self.current)

    def _enable(self, allowed: set[str]) -> None:
        """Buttons the rules refuse are grey, and their tooltip says why (core.workflow)."""
        for action, button in (
            ("approve", self.approve_button),
            ("return", self.return_button),
            ("edit", self.edit_button),
        ):
            button.setEnabled(action in allowed)
            reason = (
                review.refusal_of(self.session, action, self.current)
                if self.current is not None and action not in allowed
                else None
            )
            button.setToolTip(describe(reason) if reason is not None else "")

    def _show_passage(self, ind: Indicator) -> None:
        """The document scrolled to the first cited passage, which is selected and centred."""
        assert ind.document_id is not None
        if self._shown_document != ind.document_id:
            doc = self.session.store.documents.get(ind.document_id)
            self.document.set_document(doc.text, doc.page_starts, tables_of(self.session, doc))
            self.document.show_pages_of(self.session, doc)
            self._shown_document = ind.document_id
        self.document.set_highlights(self.session.store.indicators.highlights(ind.document_id))
        self.document.set_current_indicator(ind.id)
        if ind.citations:
            first = ind.citations[0]
            self.document.select_span(first.start, first.end)

    # --- actions -----------------------------------------------------------------------------

    def approve_current(self) -> None:
        if self.current is None:
            return
        if not self.approve_button.isEnabled():
            reason = self.approve_button.toolTip()
            self._say(reason)
            self.status_message.emit(reason)
            return
        self._act("approved", review.approve, self.current.id, self.current.version)

    def start_return(self) -> None:
        if self.current is None or not self.return_button.isEnabled():
            return
        self.return_box.clear()
        self.return_box.show()
        self.return_box.setFocus()

    def send_return(self) -> None:
        if self.current is None:
            return
        comment = self.return_box.text()
        if self._act("returned", review.return_, self.current.id, self.current.version, comment):
            self.return_box.hide()
            self.table.setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.return_box.isVisible():
            self.return_box.hide()
            self.table.setFocus()
            return
        super().keyPressEvent(event)

    def edit_current(self) -> None:
        if self.current is None or not self.edit_button.isEnabled():
            return
        ind_id = self.current.id or 0
        dialog = EditDialog(
            self.session, self.current, [c.exact for c in self.current.citations], self
        )
        dialog.accepted.connect(lambda: self._edited(ind_id))
        dialog.open()

    def _edited(self, ind_id: int) -> None:
        self.model.set_outcome(ind_id, "edited")
        self._after_write()

    def _act(self, outcome: str, call, *args) -> bool:
        """Run one review service call; on success mark the row and move to the next entry."""
        try:
            ind = call(self.session, *args)
        except ConflictError as e:
            self._say(describe(e))
            self._reload_current()
            return False
        except IndiciteError as e:
            self._say(describe(e))
            return False
        self.model.set_outcome(ind.id, outcome)
        self.changed.emit()
        self._select_row(self.current_row() + 1)
        return True

    def _reload_current(self) -> None:
        message = self.message.text() if self.message.isVisible() else ""
        self._current_row_changed(self.table.currentIndex())
        if message:
            self._say(message)

    def _after_write(self) -> None:
        self.changed.emit()
        self._reload_current()
        self.message.hide()

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    def approve_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        entries = [e for e in map(self.model.entry, rows) if e is not None]
        versions = {e.id: e.version for e in entries}
        names = {e.id: e.name for e in entries}
        report = review.approve_many(self.session, versions)
        for ind_id in report.approved:
            self.model.set_outcome(ind_id, "approved")
        lines = [self.tr("Approved {n}.").format(n=len(report.approved))]
        if report.skipped:
            lines.append(self.tr("Skipped {n}:").format(n=len(report.skipped)))
            for ind_id, reason in report.skipped:
                lines.append(f"#{ind_id} {names.get(ind_id, '')}: {reason}")
        self.report.setText("\n".join(lines))
        self.report.show()
        if report.approved:
            self.changed.emit()
        self._reload_current()
        self.message.hide()


class ReviewMode(QObject):
    """Plugs review into the main window: a Review menu, the review mode beside the workspace,
    Submit/Return/Approve/Reopen for the selected entry, comments and history docks, the
    return notice above the form, and the users dialog.

    Needs of the window: ``menus["review"]``, ``actions_by_key["delete"]``, ``toolbar``,
    ``session``, ``form``,
    ``indicator_table``, ``indicators_changed``, ``selected_indicator_id()``,
    ``selected_indicator_ids()``, ``refresh()``,
    ``open_document(id)``, ``select_indicator(id)``, ``bulk_actions``, ``live_updates``.
    """

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        session = window.session
        try:
            ensure_user(session)
        except IndiciteError as e:
            window.statusBar().showMessage(describe(e), 10000)
        # The queue loads when review mode is first shown, not at every start of the app.
        self.view = ReviewView(session, load=False)
        self.stack = QStackedWidget()
        self.stack.addWidget(window.takeCentralWidget())
        self.stack.addWidget(self.view)
        window.setCentralWidget(self.stack)
        self.notice = StatusNotice(session)
        window.form.layout().insertWidget(0, self.notice)
        self.comments = CommentsPanel(session)
        self.history = HistoryPanel(session)
        self.docks: dict[str, QDockWidget] = {}
        self._panels_id: int | None = None
        for key, panel in (("comments", self.comments), ("history", self.history)):
            dock = QDockWidget(window)
            dock.setObjectName(f"review_{key}_dock")
            dock.setWidget(panel)
            window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            self.docks[key] = dock
            dock.visibilityChanged.connect(lambda on, p=panel: self._panel_shown(p, on))
        window.tabifyDockWidget(*self.docks.values())

        menu = window.menus["review"]
        self.mode_action = QAction(window)
        self.mode_action.setCheckable(True)
        self.mode_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.mode_action.toggled.connect(self.set_review_mode)
        menu.addAction(self.mode_action)
        window.toolbar.addAction(self.mode_action)
        menu.addSeparator()
        self.transition_actions: dict[str, QAction] = {}
        for action, keys in (
            ("submit", "Ctrl+Shift+S"),
            ("approve", "Ctrl+Shift+A"),
            ("return", ""),
            ("reopen", ""),
        ):
            qaction = QAction(window)
            if keys:
                qaction.setShortcut(QKeySequence(keys))
            qaction.triggered.connect(lambda _=False, a=action: self.run(a))
            menu.addAction(qaction)
            window.addAction(qaction)
            SayWhy(qaction, window)
            self.transition_actions[action] = qaction
        menu.addSeparator()
        self.users_action = QAction(window)
        self.users_action.triggered.connect(self.manage_users)
        menu.addAction(self.users_action)
        menu.aboutToShow.connect(self.update_actions)
        menu.setToolTipsVisible(True)  # a grey entry says why
        self.view.retranslated.connect(self.retranslate)
        self.retranslate()

        self.view.changed.connect(window.refresh)
        window.live_updates.presence_changed.connect(self._presence_changed)
        window.installEventFilter(self)
        self.view.status_message.connect(lambda text: window.statusBar().showMessage(text, 10000))
        window.indicators_changed.connect(self.follow_selection)
        window.indicator_table.selectionModel().selectionChanged.connect(self.follow_selection)
        self.comments.commented.connect(lambda _id: self.history.refresh())

    def retranslate(self) -> None:
        """Menu entries and dock titles in the current language (the view signals a switch)."""
        self.docks["comments"].setWindowTitle(self.tr("Comments"))
        self.docks["history"].setWindowTitle(self.tr("History"))
        self.mode_action.setText(self.tr("Review &queue"))
        texts = {
            "submit": self.tr("&Submit for review"),
            "approve": self.tr("&Approve"),
            "return": self.tr("Re&turn with comment…"),
            "reopen": self.tr("Re&open with comment…"),
        }
        for action, qaction in self.transition_actions.items():
            qaction.setText(texts[action])
        self.users_action.setText(self.tr("&Users and roles…"))

    def set_review_mode(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        self._hide_workspace_docks(on)
        if on:
            self.view.refresh()
            self.view.table.setFocus()
        else:
            self.view.presence.clear()  # the queue is hidden: its entry is no longer open

    def _presence_changed(self) -> None:
        if self.stack.currentIndex() == 1:
            self.view.refresh_presence()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The window remembers its docks as the workspace shows them, not as hidden here."""
        closing = event.type() == QEvent.Type.Close and watched is self.window
        if closing and not self.window.has_unsaved_changes():
            self._hide_workspace_docks(False)
        return super().eventFilter(watched, event)

    def _hide_workspace_docks(self, hide: bool) -> None:
        """The queue shows its own comments and history: the workspace's docks (about the
        entry selected there) step aside while it is shown, and come back as they were."""
        if hide:
            self._docks_shown = [d for d in self.docks.values() if d.isVisible()]
            for dock in self._docks_shown:
                dock.hide()
        else:
            for dock in getattr(self, "_docks_shown", []):
                dock.show()
            self._docks_shown = []

    def selected(self) -> Indicator | None:
        ind_id = self.window.selected_indicator_id()
        if ind_id is None:
            return None
        try:
            return self.window.session.store.indicators.get(ind_id, include_deleted=False)
        except IndiciteError:
            return None

    def update_actions(self) -> set[str]:
        """Enable exactly the transitions the rules allow, each refused one saying why (tooltip,
        status bar); worked out when the Review menu opens."""
        ind = self.selected()
        session = self.window.session
        allowed = review.allowed_actions(session, ind) if ind else set()
        for action, qaction in self.transition_actions.items():
            qaction.setEnabled(action in allowed)
            if action in allowed:
                reason = ""
            elif ind is None:
                reason = self.tr("Select an entry in the indicator list first.")
            else:
                refusal = review.refusal_of(session, action, ind)
                reason = describe(refusal) if refusal is not None else ""
            set_reason(qaction, reason)
        if len(self.window.selected_indicator_ids()) > 1:  # the rest may be submittable
            self.transition_actions["submit"].setEnabled(True)
            set_reason(self.transition_actions["submit"], "")
        return allowed

    def follow_selection(self, *_args: Any) -> None:
        """The notice and the form's lock follow the selected entry; so do comments and history
        when shown (a hidden panel catches up when it is shown).

        The exact transitions are worked out when the Review menu opens; until then a shortcut
        on a selected entry runs and the service says why it is refused, so a jump through a
        big document does not check citations it does not act on.
        """
        ind = self.selected()
        self.notice.show_for(ind)
        self._panels_id = ind.id if ind else None
        for panel in (self.comments, self.history):
            if panel.isVisible():
                panel.set_indicator(self._panels_id)
        session = self.window.session
        for qaction in self.transition_actions.values():
            qaction.setEnabled(ind is not None)
        if ind is not None:
            self.window.form.setEnabled(review.refusal_of(session, "edit", ind) is None)
            delete_allowed = review.refusal_of(session, "delete", ind) is None
            several = len(self.window.selected_indicator_ids()) > 1  # some may be deletable
            self.window.actions_by_key["delete"].setEnabled(delete_allowed or several)
        if self.stack.currentIndex() == 1:
            self.view.refresh()

    def _panel_shown(self, panel: "CommentsPanel | HistoryPanel", visible: bool) -> None:
        if visible:
            panel.set_indicator(self._panels_id)

    def run(self, action: str) -> None:
        """One transition of the selected entry; refusals go to the status bar."""
        if action == "submit":  # of every selected entry, as one undoable step
            self.window.bulk_actions.submit_selected()
            return
        ind = self.selected()
        if ind is None:
            return
        args: list[Any] = [ind.id, ind.version]
        if workflow.needs_comment(action):
            comment, ok = QInputDialog.getText(
                self.window, self.tr("Comment"), self.tr("Why? (the enterer will see this)")
            )
            if not ok:
                return
            args.append(comment)
        call = {
            "submit": review.submit,
            "approve": review.approve,
            "return": review.return_,
            "reopen": review.reopen,
        }[action]
        try:
            call(self.window.session, *args)
        except IndiciteError as e:
            self.window.statusBar().showMessage(describe(e), 10000)
        self.window.refresh()

    def manage_users(self) -> None:
        dialog = UsersDialog(self.window.session, self.window)
        dialog.finished.connect(lambda _r: self.view.refresh())
        dialog.open()
