"""The Suggestions list beside the indicators: accept with Enter, dismiss with Delete, N for next.

The suggester runs in a worker thread on the document's text (pure Python, no database), so a
large document never freezes the window; for a big text that thread waits on a child process,
so the suggester does not hold the GUI's interpreter lock either (services.suggest_apart). What is
handled (accepted or dismissed) is read from the database on the GUI thread after every write.

Signals of SuggestionsPanel: ``loaded()`` when the suggestions of the open document are in,
``load_failed(str)`` when the suggester broke on it, ``accepted(int)`` with the id of the
draft indicator an accept created.
"""

from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from indicite.core.entities import Document, Indicator
from indicite.core.errors import IndiciteError
from indicite.services import suggestions as service
from indicite.services.suggest_apart import suggestions_apart
from indicite.services.tables import stored_tables
from indicite.ui.coverage_meter import CoverageMeter
from indicite.ui.errors import describe
from indicite.ui.i18n import Retranslatable
from indicite.ui.suggestions_model import SuggestionsModel
from indicite.ui.undo import CreateCommand, Operations

if TYPE_CHECKING:
    from indicite.core.suggest import Suggestion
    from indicite.core.tables import Table


CONTEXT_WIDTH = 190
SIZED_ROWS = 100
START_DELAY_MS = 300


class TextView(Protocol):
    """What the panel needs of the document view (offsets in code points)."""

    text: QWidget

    def cursor_code_point(self) -> int: ...

    def select_span(self, start: int, end: int) -> None: ...

    def set_suggestion_spans(self, spans: list[tuple[int, int]]) -> None: ...


class _Relay(QObject):
    """Carries a worker's result to the GUI thread (queued, since it is emitted elsewhere)."""

    done = Signal(int, object)
    failed = Signal(int, str)


class _SuggestRun(QRunnable):
    def __init__(self, relay: _Relay, generation: int, doc: Document, tables: "list[Table] | None"):
        super().__init__()
        self.relay, self.generation = relay, generation
        self.args = (doc.text, doc.published_on, doc.subject, tables)

    def run(self) -> None:
        try:
            result = suggestions_apart(*self.args)
        except Exception as e:  # a suggester bug is shown in the panel, not lost in a thread
            self._report("failed", repr(e))
        else:
            self._report("done", result)

    def _report(self, how: str, payload: object) -> None:
        # RuntimeError: the panel was closed meanwhile, and nobody waits for the result.
        with suppress(RuntimeError):
            getattr(self.relay, how).emit(self.generation, payload)


class AcceptCommand(CreateCommand):
    """Accept a suggestion: a draft indicator cited to its clause; undo deletes it again."""

    def __init__(self, ops: Operations, doc_id: int, suggestion: "Suggestion"):
        super().__init__(ops, doc_id, {"name": suggestion.indicator or suggestion.text}, [])
        self.setText(
            QCoreApplication.translate("SuggestionsPanel", "Accept “{value}”").format(
                value=suggestion.value_text
            )
        )
        self.suggestion = suggestion

    def apply(self) -> Indicator:
        if self.indicator_id is None:
            return service.accept(self.ops.session, self.doc_id, self.suggestion)
        return super().apply()


class DismissCommand(QUndoCommand):
    """Dismiss a suggestion for this document; undo brings it back. Stored before it is pushed."""

    def __init__(self, ops: Operations, doc_id: int, suggestion: "Suggestion"):
        super().__init__(
            QCoreApplication.translate("SuggestionsPanel", "Dismiss “{value}”").format(
                value=suggestion.value_text
            )
        )
        self.ops, self.doc_id, self.span = ops, doc_id, (suggestion.start, suggestion.end)
        service.dismiss(ops.session, doc_id, *self.span)
        self._done_once = True

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        self._guarded(service.dismiss)

    def undo(self) -> None:
        self._guarded(service.undismiss)

    def _guarded(self, call) -> None:
        try:
            call(self.ops.session, self.doc_id, *self.span)
        except IndiciteError as e:
            self.setObsolete(True)
            self.ops.failed.emit(describe(e))
        self.ops.changed.emit()


class SuggestionsPanel(Retranslatable, QWidget):
    loaded = Signal()
    load_failed = Signal(str)
    accepted = Signal(int)

    def __init__(
        self, ops: Operations, parent: QWidget | None = None, *, follow_writes: bool = True
    ):
        super().__init__(parent)
        self.ops = ops
        self.meter = CoverageMeter()
        self.model = SuggestionsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideLeft)
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(SIZED_ROWS)  # not all 20,000 rows of a large document
        header.setSectionResizeMode(SuggestionsModel.CONTEXT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(SuggestionsModel.CONTEXT, CONTEXT_WIDTH)
        header.setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.meter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

        self.accept_action = self._action(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)], self.accept_current
        )
        self.dismiss_action = self._action([QKeySequence(Qt.Key.Key_Delete)], self.dismiss_current)
        self.next_action = self._action([QKeySequence(Qt.Key.Key_N)], self.next_unhandled)
        self.next_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.retranslate_ui()

        self._view: TextView | None = None
        # The citation rows of the open document when the window holds them already.
        self.cited_rows: Callable[[], Sequence[dict[str, Any]] | None] = lambda: None
        self._doc: Document | None = None
        self._all: list[Suggestion] = []
        self._cursor = 0
        self._generation = 0
        self._quiet = False
        self._relay = _Relay(self)
        # The suggester is pure Python and holds the GIL while it runs: it starts once the
        # document has painted, so opening a big document is not slowed down by it.
        self._start_timer = QTimer(self)
        self._start_timer.setSingleShot(True)
        self._start_timer.setInterval(START_DELAY_MS)
        self._start_timer.timeout.connect(self._start)
        self._relay.done.connect(self._on_suggestions)
        self._relay.failed.connect(self._on_failure)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row)
        if follow_writes:  # in the main window, its reload after a write calls refresh()
            ops.changed.connect(self.refresh)
        ops.failed.connect(self._show_message)

    def _action(self, keys: list[QKeySequence], slot) -> QAction:
        action = QAction(self)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def retranslate_ui(self) -> None:
        for action, text in (
            (self.accept_action, self.tr("&Accept suggestion")),
            (self.dismiss_action, self.tr("&Dismiss suggestion")),
            (self.next_action, self.tr("Next &unhandled number")),
        ):
            action.setText(text)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '')} ({keys})")
        self.model.retranslate()

    def attach_view(self, view: TextView) -> None:
        """Follow the document view: underline there, select there, keys work there too."""
        self._view = view
        view.text.addAction(self.accept_action)
        view.text.addAction(self.dismiss_action)

    def load_document(self, doc_id: int) -> None:
        """Show the suggestions of a document; they are computed in a worker thread."""
        self._doc = self.ops.session.store.documents.get(doc_id)
        self._all = []
        self._cursor = 0
        self._generation += 1
        self._show_rows([])
        self.meter.show_busy()
        self._start_timer.start()

    def _start(self) -> None:
        if self._doc is not None and not self.ops.session.store.closed:
            tables = stored_tables(self.ops.session, self._doc)
            run = _SuggestRun(self._relay, self._generation, self._doc, tables)
            QThreadPool.globalInstance().start(run)

    def _on_suggestions(self, generation: int, suggestions: list["Suggestion"]) -> None:
        if generation != self._generation or self.ops.session.store.closed:
            return
        assert self._doc is not None and self._doc.id is not None
        self._all = service.with_ocr_warnings(self.ops.session, self._doc.id, suggestions)
        self.refresh(self.cited_rows())
        self.loaded.emit()

    def _on_failure(self, generation: int, reason: str) -> None:
        if generation == self._generation:
            self.meter.show_unavailable()
            self._show_message(self.tr("Suggestions failed: {reason}").format(reason=reason))
            self.load_failed.emit(reason)

    def refresh(self, cited: Sequence[dict[str, Any]] | None = None) -> None:
        """Re-read what is handled; the current suggestion stays (or the next one takes over).

        ``cited`` are the document's citation rows when the caller has just read them.
        """
        if self._doc is None or self._doc.id is None:
            return
        handled = (
            service.handled_spans(self.ops.session, self._doc.id, self._all, cited)
            if self._all
            else set()
        )
        current = self.current()
        anchor = current.start if current else self._cursor
        self._show_rows([s for s in self._all if (s.start, s.end) not in handled])
        self.meter.show_coverage(len(self._all) - self.model.rowCount(), len(self._all))
        row = self.model.first_row_from(anchor)
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self._quiet = True
            self.table.selectRow(row)
            self._quiet = False

    def _show_rows(self, rows: list["Suggestion"]) -> None:
        self.model.set_suggestions(self._doc.text if self._doc else "", rows)
        if self._view is not None:
            self._view.set_suggestion_spans([(s.start, s.end) for s in rows])

    def current(self) -> "Suggestion | None":
        index = self.table.currentIndex()
        return self.model.suggestion(index.row()) if index.isValid() else None

    def accept_current(self) -> None:
        """Enter: a draft indicator from the current suggestion; the next one becomes current."""
        s = self.current()
        if s is None or self._doc is None or self._doc.id is None:
            return
        command = AcceptCommand(self.ops, self._doc.id, s)
        try:
            ind = command.run_first()
        except IndiciteError as e:
            self._show_message(describe(e))
            return
        self._handled(s)
        self.ops.stack.push(command)
        self.ops.changed.emit()
        assert ind.id is not None
        self.accepted.emit(ind.id)

    def dismiss_current(self) -> None:
        """Delete: this number is not an indicator (remembered for the document, undoable)."""
        s = self.current()
        if s is None or self._doc is None or self._doc.id is None:
            return
        try:
            command = DismissCommand(self.ops, self._doc.id, s)
        except IndiciteError as e:
            self._show_message(describe(e))
            return
        self._handled(s)
        self.ops.stack.push(command)
        self.ops.changed.emit()

    def _handled(self, s: "Suggestion") -> None:
        """Leave the reading position after the handled number, so N finds the one after it."""
        self.message.hide()
        self._cursor = s.end
        if self._view is not None:
            self._view.select_span(s.end, s.end)

    def next_unhandled(self) -> None:
        """N: the first open suggestion after the cursor (from the top again at the end)."""
        position = self._view.cursor_code_point() if self._view is not None else self._cursor
        row = self.model.first_row_from(position)
        if row is None:
            row = 0 if self.model.rowCount() else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self._show_in_view(row)

    def _on_current_row(self, current, _previous) -> None:
        if not self._quiet and current.isValid():
            self._show_in_view(current.row())

    def _show_in_view(self, row: int) -> None:
        s = self.model.suggestion(row)
        self._cursor = s.end
        if self._view is not None:
            self._view.select_span(s.start, s.end)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
