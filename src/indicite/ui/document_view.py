"""The reading pane: a read-only text view with paragraph numbers, citation highlights and find.

Offsets outside this module are code points (Python ``str`` indices); Qt counts UTF-16 units.
The conversion happens here and nowhere else.

Signals of DocumentView: ``indicator_clicked(int)`` when a click lands inside a highlight,
``selection_changed()`` when the selected passage changes.

A document imported from PDF can be shown as its original pages instead (``page_action``):
the page view draws the same highlights, suggestions and selection, and a drag over its
characters selects the same span in the text, so every action on the selection works there.
"""

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from indicite.core.citations import Utf16Map, page_of
from indicite.core.entities import Document
from indicite.core.tables import Table, table_at
from indicite.services.ocr_confidence import low_confidence_offsets
from indicite.services.pdf_pages import PAGED_TYPES, keep_char_map, pdf_source_of
from indicite.services.session import Session
from indicite.ui.document_tables import (
    CellKeys,
    apply_tab_stops,
    header_rows,
    header_spans,
    tab_stops,
)
from indicite.ui.grid_layout import GridLayout
from indicite.ui.highlighter import CitationHighlighter, Span
from indicite.ui.i18n import Retranslatable
from indicite.ui.pages.page_view import PageView

MAX_FIND_MATCHES = 100_000
PAGE_VIEW_KEY = "Ctrl+Shift+O"
# Documents are Chinese whatever the interface language: their CJK glyphs come from the first
# Simplified Chinese font installed, not from whichever CJK font the system falls back to first
# (Noto Sans CJK JP on an English Linux desktop: Japanese glyph forms, and 25% slower shaping).
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "WenQuanYi Micro Hei",
)
# Blocks formatted ahead of the view: this many screens below it and half that above.
SCREENS_AHEAD = 1.0


class _NoAstral:
    """The map for a text without characters outside the BMP: both directions are identity."""

    @staticmethod
    def to_utf16(index: int) -> int:
        return index

    @staticmethod
    def to_code_point(utf16_index: int) -> int:
        return utf16_index


def utf16_map(text: str) -> Utf16Map | _NoAstral:
    """Scan for astral characters only when there are some (the check runs in C)."""
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return _NoAstral()
    return Utf16Map(text)


def span_label(row: dict[str, Any]) -> str:
    value = row.get("value_text") or _format_value(row.get("value"), row.get("unit") or "")
    return f"{row.get('name') or '—'}: {value}"


def _format_value(value: float | None, unit: str) -> str:
    if value is None:
        return unit
    return f"{value:g}{unit}"


class _Gutter(QWidget):
    """Paragraph numbers beside the text, painted for the visible blocks only."""

    def __init__(self, view: "DocumentTextEdit"):
        super().__init__(view)
        self.view = view

    def sizeHint(self) -> QSize:
        return QSize(self.view.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.view.paint_gutter(event)


class DocumentTextEdit(QPlainTextEdit):
    """Read-only text with highlights; positions here are Qt's (UTF-16)."""

    indicator_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        document = QTextDocument(self)
        self.grid_layout = GridLayout(document)
        document.setDocumentLayout(self.grid_layout)
        self.setDocument(document)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 11.0))
        font.setFamilies([font.family(), *CJK_FAMILIES])
        self.setFont(font)
        self.highlighter = CitationHighlighter(self.document())
        self.highlighter.visible_blocks = self.window_blocks
        self.context_actions: list[QAction] = []
        self.empty_blocks: list[int] = []
        self.cell_key_handler: Callable[[str], bool] | None = None
        self._gutter = _Gutter(self)
        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self.updateRequest.connect(self._format_window)
        self._update_gutter_width()

    def window_blocks(self) -> list[QTextBlock]:
        """The blocks on screen and a screen around them, estimated without laying any out.

        Lines per block are estimated from the width of a CJK character; a block the estimate
        misses is formatted when it paints (paintEvent), at the price of a second paint.
        """
        if not self.isVisible():
            return []
        metrics = self.fontMetrics()
        columns = max(1, self.viewport().width() // max(1, metrics.horizontalAdvance("中")))
        screen = self.viewport().height() // max(1, metrics.lineSpacing()) + 1
        first = self.firstVisibleBlock()
        above: list[QTextBlock] = []
        block, lines = first.previous(), 0
        while block.isValid() and lines < screen * SCREENS_AHEAD / 2:
            above.append(block)
            lines += 1 + block.length() // columns
            block = block.previous()
        below: list[QTextBlock] = []
        block, lines = first, 0
        while block.isValid() and lines < screen * (1 + SCREENS_AHEAD):
            below.append(block)
            lines += 1 + block.length() // columns
            block = block.next()
        return below + above  # what is on screen first

    def _format_window(self, _rect: QRect, _dy: int) -> None:
        """Before the paint that follows a scroll, format the blocks that come into view."""
        if not self.highlighter.formatting:
            self.highlighter.format_blocks(self.window_blocks())

    def _painted_blocks(self, rect: QRect) -> list[QTextBlock]:
        blocks = []
        block = self.firstVisibleBlock()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        while block.isValid() and top <= rect.bottom():
            blocks.append(block)
            top += self.blockBoundingRect(block).height()
            block = block.next()
        return blocks

    def paintEvent(self, event: QPaintEvent) -> None:
        painted = self._painted_blocks(event.rect())
        if any(self.highlighter.is_stale(b) for b in painted):
            self.highlighter.format_blocks(painted)
        super().paintEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.highlighter.format_blocks(self.window_blocks())

    def gutter_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 10 + self.fontMetrics().horizontalAdvance("9") * digits

    def _update_gutter_width(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), self.gutter_width(), cr.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        painter = QPainter(self._gutter)
        painter.fillRect(event.rect(), QColor("#f2f2f2"))
        painter.setPen(QColor("#888888"))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        width = self._gutter.width() - 5
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top() and block.length() > 1:
                number = self.paragraph_number(block.blockNumber())
                painter.drawText(0, top, width, height, Qt.AlignmentFlag.AlignRight, str(number))
            block = block.next()
            top = bottom
        painter.end()

    def paragraph_number(self, block_number: int) -> int:
        """1-based number of a paragraph, not counting the empty lines between paragraphs."""
        return block_number + 1 - bisect_left(self.empty_blocks, block_number)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            position = self.cursorForPosition(event.pos()).position()  # type: ignore[attr-defined]
            spans = self.highlighter.spans_at(position)
            if spans:
                QToolTip.showText(
                    event.globalPos(),  # type: ignore[attr-defined]
                    "\n".join(s.label for s in spans),
                    self,
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            spans = self.highlighter.spans_at(
                self.cursorForPosition(event.position().toPoint()).position()
            )
            if spans:
                self.indicator_clicked.emit(spans[0].indicator_id)

    def event(self, event: QEvent) -> bool:
        # Tab reaches keyPressEvent only if caught before QWidget turns it into a focus change.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            direction = _cell_direction(event)
            if direction and self.cell_key_handler is not None and self.cell_key_handler(direction):
                event.accept()
                return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.context_actions:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, self.context_actions)
            menu.insertSeparator(first)
        menu.exec(event.globalPos())
        menu.deleteLater()


def _cell_direction(event: QKeyEvent) -> str:
    """Tab / Shift+Tab: next / previous cell; Ctrl+Down / Ctrl+Up: the cell below / above."""
    key, mods = event.key(), event.modifiers()
    ctrl = mods & Qt.KeyboardModifier.ControlModifier
    if key == Qt.Key.Key_Tab and not ctrl:
        return "right"
    if key == Qt.Key.Key_Backtab:
        return "left"
    if ctrl and key == Qt.Key.Key_Down:
        return "down"
    if ctrl and key == Qt.Key.Key_Up:
        return "up"
    return ""


class FindBar(Retranslatable, QWidget):
    """Find in document: next/previous and "3 of 12"; Escape closes it."""

    def __init__(self, view: "DocumentView"):
        super().__init__(view)
        self.view = view
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setMinimumWidth(80)
        self.previous_button = QToolButton()
        self.previous_button.setText("↑")
        self.next_button = QToolButton()
        self.next_button.setText("↓")
        self.close_button = QToolButton()
        self.close_button.setText("×")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.field, self.count, self.previous_button, self.next_button):
            layout.addWidget(widget)
        layout.addWidget(self.close_button)
        self._matches: list[int] = []
        self._current = -1
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.find_next)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.close_button.clicked.connect(self.close_bar)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.field.setPlaceholderText(self.tr("Find in document"))
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button.setToolTip(self.tr("Next match (F3)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self._update_count()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_previous()
            return
        super().keyPressEvent(event)

    def open_bar(self) -> None:
        selected = self.view.selected_text()
        if selected and "\n" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.text.setFocus()

    def refresh(self) -> None:
        self._search(self.field.text())

    def _search(self, needle: str) -> None:
        text = self.view.plain_text()
        self._matches = []
        if needle:
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            for number, match in enumerate(pattern.finditer(text)):
                if number >= MAX_FIND_MATCHES:
                    break
                self._matches.append(match.start())
        self._current = -1
        if self._matches:
            cursor = self.view.cursor_code_point()
            self._current = bisect_left(self._matches, cursor) % len(self._matches)
            self._show_current()
        self._update_count()

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.isVisible():
            self.open_bar()
        if not self._matches:
            return
        self._current = (self._current + direction) % len(self._matches)
        self._show_current()
        self._update_count()

    def _show_current(self) -> None:
        start = self._matches[self._current]
        self.view.select_span(start, start + len(self.field.text()))

    def _update_count(self) -> None:
        needle = self.field.text()
        if not needle:
            self.count.setText("")
        elif not self._matches:
            self.count.setText(self.tr("No match"))
        else:
            self.count.setText(
                self.tr("{n} of {total}").format(n=self._current + 1, total=len(self._matches))
            )

    def match_count(self) -> int:
        return len(self._matches)


class DocumentView(Retranslatable, QWidget):
    """The document pane: text view, find bar and (for PDFs) the page of the cursor."""

    indicator_clicked = Signal(int)
    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.text = DocumentTextEdit(self)
        self.pages = PageView(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.text)
        self.stack.addWidget(self.pages)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.page_label = QLabel()
        self.page_action = QAction(self)
        self.page_action.setCheckable(True)
        self.page_action.setEnabled(False)
        self.page_action.setShortcut(QKeySequence(PAGE_VIEW_KEY))
        self.page_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.page_action.toggled.connect(self.set_page_mode)
        self.addAction(self.page_action)
        self.page_button = QToolButton()
        self.page_button.setDefaultAction(self.page_action)
        self.page_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.page_bar = QWidget()
        bar = QHBoxLayout(self.page_bar)
        bar.setContentsMargins(4, 0, 4, 0)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(self.page_button)
        self.page_bar.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.page_bar)
        self._text = ""
        self._map: Utf16Map | _NoAstral = _NoAstral()
        self._page_starts: list[int] | None = None
        self._tables: list[Table] = []
        self.cell_keys = CellKeys()
        self.text.cell_key_handler = self._move_to_cell
        self._page_of_view: tuple[int, int] = (0, 0)
        self._wants_pages = False
        self.text.indicator_clicked.connect(self.indicator_clicked)
        self.text.selectionChanged.connect(self.selection_changed)
        self.text.selectionChanged.connect(self._selection_to_pages)
        self.text.cursorPositionChanged.connect(self._show_page)
        self.pages.indicator_clicked.connect(self.indicator_clicked)
        self.pages.selection_made.connect(self._select_from_pages)
        self.pages.page_changed.connect(self._page_in_view)
        self.pages.map_made.connect(self._keep_map)
        self.pages.failed.connect(self._pages_failed)
        self._pages_broken = False
        self._session: Session | None = None
        self._pages_of: Document | None = None
        self.setFocusProxy(self.text)
        self.retranslate_ui()

    def set_document(
        self, text: str, page_starts: list[int] | None = None, tables: Sequence[Table] = ()
    ) -> None:
        """Show a new text, with no highlights until they are set.

        ``tables`` (code points) are shown as grids: aligned columns, header rows set off.
        """
        self.text.highlighter.forget()
        self._text = text
        self._map = utf16_map(text)
        self._page_starts = page_starts
        self._tables = list(tables)
        self.cell_keys.tables = self._tables
        document = self.text.document()
        bold = QFont(self.text.font())
        bold.setWeight(QFont.Weight.Bold)  # as the highlighter sets header cells
        metrics, header_metrics = QFontMetricsF(self.text.font()), QFontMetricsF(bold)
        stops = tab_stops(text, self._tables, metrics, header_metrics)
        document.setDefaultTextOption(apply_tab_stops(document.defaultTextOption(), stops))
        self.text.empty_blocks = [n for n, line in enumerate(text.split("\n")) if not line]
        self.text.grid_layout.set_rows({})  # the old rows' numbers mean nothing in the new text
        self.text.setPlainText(text)
        self.text.grid_layout.set_rows(header_rows(text, self._tables, stops, header_metrics))
        to16 = self._map.to_utf16
        self.text.highlighter.set_header_spans(
            [(to16(a), to16(b)) for a, b in header_spans(self._tables)]
        )
        self.pages.set_source(None, None)
        self._pages_of = None
        self._pages_broken = False
        self.page_action.setEnabled(False)
        self._show_pages_widget(False)
        self.page_bar.setVisible(bool(page_starts))
        self._show_page()
        if self.find_bar.isVisible():
            self.find_bar.refresh()

    def plain_text(self) -> str:
        return self._text

    def show_pages_of(self, session: Session, doc: Document) -> None:
        """Offer the original pages of a document imported from PDF or a picture (after
        set_document).

        Characters OCR read with low confidence get a dotted underline in the text. The
        file is read when the pages are first shown. A document imported before
        character maps existed gets its map made on the page view's worker thread; it is
        kept here, in the GUI thread's session.
        """
        self._session = session
        self._pages_of = doc if doc.doc_type in PAGED_TYPES else None
        if self._pages_of is not None and doc.id is not None:
            to16 = self._map.to_utf16
            low = low_confidence_offsets(session, doc.id)
            self.text.highlighter.set_uncertain([to16(offset) for offset in low])
        self.page_action.setEnabled(self._pages_of is not None)
        self._show_pages_widget(self._pages_of is not None and self._wants_pages)

    def _load_pages(self) -> None:
        if self._pages_of is not None and self._session is not None:
            source = pdf_source_of(self._session, self._pages_of, make_map=False)
            self._pages_of = None
            self.pages.set_source(source, self._page_starts)

    def _keep_map(self, doc_id: int, char_map) -> None:
        if self._session is not None and not self._session.store.closed:
            keep_char_map(self._session, doc_id, char_map)

    def set_page_mode(self, on: bool) -> None:
        """Show the original pages (on) or the reading text, keeping the place."""
        self._wants_pages = on
        self._show_pages_widget(on and self.page_action.isEnabled())

    def page_mode(self) -> bool:
        return self.stack.currentWidget() is self.pages

    def _show_pages_widget(self, on: bool) -> None:
        if on == self.page_mode():
            self.page_action.setChecked(self._wants_pages)
            return
        had_focus = self.stack.currentWidget().hasFocus()
        if on:
            self._load_pages()
            for action in self.text.actions():
                if action not in self.pages.actions():
                    self.pages.addAction(action)
            span = self.selected_span()
            position = span or (self.cursor_code_point(),) * 2
            self.stack.setCurrentWidget(self.pages)
            self.setFocusProxy(self.pages)
            self.pages.set_selection(span)
            self.pages.show_span(*position)
        else:
            offset = self.pages.visible_offset()
            span = self.selected_span()
            self.stack.setCurrentWidget(self.text)
            self.setFocusProxy(self.text)
            if span is not None and self.pages.in_sight(span[0]):
                self.text.centerCursor()  # the selection the page showed
            elif offset is not None:  # where the page was (a selection out of sight drops)
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(self._map.to_utf16(min(offset, len(self._text))))
                self.text.setTextCursor(cursor)
                self.text.centerCursor()
        self.page_action.blockSignals(True)
        self.page_action.setChecked(on or self._wants_pages)
        self.page_action.blockSignals(False)
        if had_focus:
            self.stack.currentWidget().setFocus()
        self._show_page()

    def _select_from_pages(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def _selection_to_pages(self) -> None:
        self.pages.set_selection(self.selected_span())

    def _page_in_view(self, page: int, count: int) -> None:
        self._page_of_view = (page, count)
        self._show_page()

    def set_highlights(self, rows: list[dict[str, Any]]) -> None:
        """Rows of IndicatorRepository.highlights (code points) become Qt-position spans."""
        self.pages.set_highlights(
            [(r["start"], r["end"], int(r["indicator_id"]), r["status"]) for r in rows]
        )
        to16 = self._map.to_utf16
        self.text.highlighter.set_spans(
            [
                Span(
                    to16(r["start"]),
                    to16(r["end"]),
                    int(r["indicator_id"]),
                    r["status"],
                    span_label(r),
                )
                for r in rows
            ]
        )

    def set_suggestion_spans(self, spans: list[tuple[int, int]]) -> None:
        """Underline suggested numbers; spans in code points."""
        self.pages.set_suggestions(spans)
        to16 = self._map.to_utf16
        self.text.highlighter.set_suggestion_spans([(to16(a), to16(b)) for a, b in spans])

    def set_current_indicator(self, indicator_id: int | None) -> None:
        self.text.highlighter.set_current(indicator_id)
        self.pages.set_current(indicator_id)

    def current_indicator(self) -> int | None:
        """The indicator whose passages are drawn as current (the one in the form)."""
        return self.text.highlighter.current()

    def selected_span(self) -> tuple[int, int] | None:
        """The selected passage as code-point offsets, or None when nothing is selected."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.to_code_point(cursor.selectionStart())
        end = self._map.to_code_point(cursor.selectionEnd())
        return (start, end) if end > start else None

    def selected_text(self) -> str:
        span = self.selected_span()
        return self._text[span[0] : span[1]] if span else ""

    def select_span(self, start: int, end: int, *, centre: bool = True) -> None:
        """Select text[start:end] (code points) and scroll it into the middle of the view
        (``centre=False``: only as far as needed to show it)."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        if centre:
            self.text.centerCursor()
        if self.page_mode():
            self.pages.show_span(start, end)

    def tables(self) -> list[Table]:
        return list(self._tables)

    def _move_to_cell(self, direction: str) -> bool:
        """Select the neighbouring table cell; False (key not used) outside tables."""
        span = self.selected_span()
        position = span[0] if span else self.cursor_code_point()
        cell = self.cell_keys.target(position, direction, selected=span is not None)
        if cell is None:
            return table_at(self._tables, position) is not None  # at an edge: stay put
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._map.to_utf16(cell.start))
        cursor.setPosition(self._map.to_utf16(cell.end), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        return True

    def cursor_code_point(self) -> int:
        """Where reading is: the text cursor, or on the pages the top of the page in sight
        when the cursor is on a page scrolled away (N then finds the next number there)."""
        cursor = self._map.to_code_point(self.text.textCursor().position())
        if self.page_mode() and not self.pages.in_sight(cursor):
            return self.pages.visible_offset() or cursor
        return cursor

    def page_at_cursor(self) -> int | None:
        return page_of(self._page_starts, self.cursor_code_point())

    def retranslate_ui(self) -> None:
        self.page_action.setText(self.tr("Original &page"))
        self.page_action.setToolTip(
            self.tr("Show the original PDF page instead of the text ({key})").format(
                key=QKeySequence(PAGE_VIEW_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self._show_page()

    def _pages_failed(self) -> None:
        self._pages_broken = True
        self._show_page()

    def _show_page(self) -> None:
        if self.page_mode() and self._pages_broken:
            self.page_label.setText(self.tr("The original PDF cannot be shown."))
            return
        if self.page_mode() and self._page_of_view[1]:
            page, count = self._page_of_view
            text = self.tr("Page {page} of {count}").format(page=page, count=count)
            if not self.pages.has_boxes():
                text += " · " + self.tr("no citation boxes: the text does not match this file")
            self.page_label.setText(text)
            return
        page = self.page_at_cursor()
        if page is not None:
            self.page_label.setText(self.tr("Page {page}").format(page=page))

    def spans(self) -> list[Span]:
        return self.text.highlighter.spans()
