"""The original pages of a PDF document, with its citations drawn as boxes on them.

Pages are stacked top to bottom at the width of the pane (fit-width) times the zoom. What is in
sight is painted from the tile cache; missing tiles are asked of the renderer and drawn when
they come (a blurred one of another zoom stands in meanwhile). Offsets in and out are the
document's code points; the CharMap turns them into characters on the pages.

Signals of PageView: ``indicator_clicked(int)`` when a click lands in a citation's box;
``selection_made(int, int)`` when characters are dragged over (a document span);
``page_changed(int, int)`` with the page in sight (1-based) and the number of pages;
``map_made(int, object)`` with a document id and the CharMap made for it (a document imported
before maps existed); ``failed()`` when pdfium cannot open the stored file.
"""

from bisect import bisect_right
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from indicite.core.char_map import CharMap
from indicite.core.page_boxes import char_at, from_display, line_boxes, to_display
from indicite.services.pdf_pages import PdfSource
from indicite.ui.highlighter import CURRENT_OUTLINE, STATUS_COLOURS, SUGGESTION_UNDERLINE
from indicite.ui.pages.renderer import TILE_ROWS, PageRenderer, TileCache, TileKey

GAP = 10  # pixels between pages and around them
ZOOM_STEP = 1.25
ZOOMS = (0.5, 4.0)
SELECTION = QColor(51, 120, 220, 90)
BOX_ALPHA = 110  # the page shows through a citation's box
BACKGROUND = QColor("#8a8d91")

# (left, top, right, bottom) in points on the displayed page, indicator id, status
DrawnBox = tuple[tuple[float, float, float, float], int, str]


class PageView(QAbstractScrollArea):
    indicator_clicked = Signal(int)
    selection_made = Signal(int, int)
    page_changed = Signal(int, int)
    map_made = Signal(int, object)
    failed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(False)
        self.cache = TileCache()
        self.zoom = 1.0
        self._renderer: PageRenderer | None = None
        self._source: PdfSource | None = None
        self._char_map: CharMap | None = None
        self._page_starts: list[int] = [0]
        self._sizes: list[tuple[float, float]] = []
        self._tops: list[float] = []
        self._scale = 1.0  # pixels per point
        self._geometry: dict = {}
        self._highlights: list[tuple[int, int, int, str]] = []
        self._ranges: dict[int, list[tuple[int, int, int, str]]] = {}
        self._boxes: dict[int, list[DrawnBox]] = {}
        self._suggestions: list[tuple[int, int]] = []
        self._suggestion_boxes: dict[int, list[tuple[float, float, float, float]]] = {}
        self._colours = {status: QColor(colour) for status, colour in STATUS_COLOURS.items()}
        for colour in self._colours.values():
            colour.setAlpha(BOX_ALPHA)
        self._selection: tuple[int, int] | None = None
        self._current: int | None = None
        self._pending: tuple[int, int] | None = None
        self._anchor: tuple[int, int] | None = None
        self._dragged = False
        self._page = -1
        self.painted_complete = False  # the last paint had every tile in sight (bench, tests)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)

    # --- document ------------------------------------------------------------------------

    def set_source(self, source: PdfSource | None, page_starts: list[int] | None) -> None:
        """Show a document's pages (None: none); rendering starts on the worker thread."""
        self.close_source()
        self._source = source
        self._char_map = source.char_map if source else None
        self._page_starts = page_starts or [0]
        self.set_highlights(self._highlights)  # set before the pages came: map them now
        if self.isVisible():
            self._start()

    def _start(self) -> None:
        """Open the PDF on the worker thread: only once the pages are shown."""
        if self._source is None or self._renderer is not None:
            return
        # not a child: when the view is deleted, its renderer is stopped first (destroyed)
        self._renderer = PageRenderer(self._source)
        self.destroyed.connect(self._renderer.close)
        self._renderer.opened.connect(self._opened)
        self._renderer.tile_ready.connect(self._tile_ready)
        self._renderer.geometry_ready.connect(self._geometry_ready)
        self._renderer.map_made.connect(self._map_made)
        self._renderer.failed.connect(self.failed)
        self._renderer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._start()

    def close_source(self) -> None:
        if self._renderer is not None:
            self.destroyed.disconnect(self._renderer.close)
            self._renderer.close()
            self._renderer.deleteLater()
            self._renderer = None
        self.cache.clear()
        self._sizes, self._tops, self._geometry, self._boxes = [], [], {}, {}
        self._suggestion_boxes = {}
        self._page = -1
        self.viewport().update()

    @property
    def page_count(self) -> int:
        return len(self._sizes)

    def current_page(self) -> int:
        """0-based page at the middle of the view."""
        if not self._tops:
            return 0
        middle = self.verticalScrollBar().value() + self.viewport().height() / 2
        return max(0, min(len(self._tops) - 1, bisect_right(self._tops, middle) - 1))

    # --- what is drawn -------------------------------------------------------------------

    def set_highlights(self, rows: Sequence[tuple[int, int, int, str]]) -> None:
        """Citations as (start, end, indicator id, status), in code points."""
        self._highlights = list(rows)
        self._ranges = {}
        if self._char_map is not None:
            for start, end, ind_id, status in self._highlights:
                for page, first, last in self._char_map.chars_of(start, end):
                    self._ranges.setdefault(page, []).append((first, last, ind_id, status))
        self._boxes = {}
        self.viewport().update()

    def set_suggestions(self, spans: list[tuple[int, int]]) -> None:
        self._suggestions = list(spans)
        self._suggestion_boxes = {}
        self.viewport().update()

    def set_selection(self, span: tuple[int, int] | None) -> None:
        self._selection = span
        self.viewport().update()

    def set_current(self, indicator_id: int | None) -> None:
        self._current = indicator_id
        self.viewport().update()

    def show_span(self, start: int, end: int) -> None:
        """Scroll so that the span's first box is in sight (once its page is measured)."""
        page = self._page_of(start)
        if page is None:
            self._pending = (start, end)
            return
        rects = self._span_rects(page, start, max(end, start + 1))
        if rects is None:
            self._pending = (start, end)
            self._scroll_to(self._tops[page] - GAP)
            self._request([], extra_geometry=[page])
            return
        self._pending = None
        if rects:
            top = min(r[1] for r in rects) * self._scale + self._tops[page]
            view = self.verticalScrollBar().value()
            height = self.viewport().height()
            if not view + height * 0.1 <= top <= view + height * 0.8:
                self._scroll_to(top - height / 3)
        else:
            self._scroll_to(self._tops[page] - GAP)

    def visible_offset(self) -> int | None:
        """The document offset of the first character near the top of the view."""
        if not self._tops or self._char_map is None:
            return None
        page = self.current_page()
        geometry = self._geometry.get(page)
        if geometry is None:
            return self._char_map.first_offset(page)
        top_pt = max(0.0, (self.verticalScrollBar().value() - self._tops[page]) / self._scale)
        for index, box in enumerate(geometry.boxes):
            if box is not None and self._display(geometry, box)[3] >= top_pt:
                return self._char_map.nearest_offset(page, index)
        return self._char_map.first_offset(page)

    def in_sight(self, offset: int) -> bool:
        """Whether the page showing a document offset is (partly) in the view."""
        page = self._page_of(offset)
        return page is not None and page in self._visible_pages()

    def measured(self, page: int) -> bool:
        """Whether the characters' boxes of ``page`` have come from the renderer."""
        return page in self._geometry

    def point_of(self, page: int, char: int) -> QPointF | None:
        """The middle of a character on screen (viewport coordinates), if measured."""
        geometry = self._geometry.get(page)
        if geometry is None or geometry.boxes[char] is None or not self._tops:
            return None
        left, top, right, bottom = self._display(geometry, geometry.boxes[char])
        rect = self._page_rect(page)
        return QPointF(
            rect.left() + (left + right) / 2 * self._scale,
            rect.top() + (top + bottom) / 2 * self._scale,
        )

    @property
    def char_map(self) -> CharMap | None:
        return self._char_map

    def has_boxes(self) -> bool:
        """False when the document's text could not be matched to the file's characters:
        the pages show, but without citation boxes or selection."""
        return self._char_map is not None or (self._source is not None and not self._source.mapped)

    def _page_of(self, offset: int) -> int | None:
        if not self._tops:
            return None
        if self._char_map is not None:
            chars = self._char_map.chars_of(offset, offset + 1)
            if chars:
                return chars[0][0]
        return max(0, min(len(self._tops) - 1, bisect_right(self._page_starts, offset) - 1))

    def _span_rects(self, page: int, start: int, end: int):
        geometry = self._geometry.get(page)
        if geometry is None:
            return None
        if self._char_map is None:
            return []
        out = []
        for p, first, last in self._char_map.chars_of(start, end):
            if p == page:
                out.extend(
                    self._display(geometry, box)
                    for box in line_boxes(geometry.boxes, first, last, geometry.turn)
                )
        return out

    @staticmethod
    def _display(geometry, box) -> tuple[float, float, float, float]:
        return to_display(box, geometry.rotation, geometry.media_width, geometry.media_height)

    # --- zoom and paging -----------------------------------------------------------------

    def set_zoom(self, zoom: float) -> None:
        zoom = min(ZOOMS[1], max(ZOOMS[0], zoom))
        if abs(zoom - self.zoom) < 1e-6:
            return
        bar = self.verticalScrollBar()
        total = max(1, bar.maximum() + self.viewport().height())
        middle = (bar.value() + self.viewport().height() / 2) / total
        self.zoom = zoom
        self._layout()
        total = max(1, bar.maximum() + self.viewport().height())
        self._scroll_to(middle * total - self.viewport().height() / 2)

    def go_to_page(self, page: int) -> None:
        if self._tops:
            page = max(0, min(len(self._tops) - 1, page))
            self._scroll_to(self._tops[page] - GAP)

    def event(self, event: QEvent) -> bool:
        """The page's own zoom and paging keys win over the window's shortcuts for the same
        keys (View → Zoom in zooms the text) while the page has the focus."""
        if event.type() == QEvent.Type.ShortcutOverride and self._own_key(event):
            event.accept()
            return True
        return super().event(event)

    @staticmethod
    def _own_key(event: QKeyEvent) -> bool:
        key, ctrl = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        zoom_keys = (Qt.Key.Key_Equal, Qt.Key.Key_Plus, Qt.Key.Key_Minus, Qt.Key.Key_0)
        paging = (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp, Qt.Key.Key_Home, Qt.Key.Key_End)
        return bool(ctrl and key in zoom_keys) or (not ctrl and key in paging)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, ctrl = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus):
            self.set_zoom(self.zoom * ZOOM_STEP)
        elif ctrl and key == Qt.Key.Key_Minus:
            self.set_zoom(self.zoom / ZOOM_STEP)
        elif ctrl and key == Qt.Key.Key_0:
            self.set_zoom(1.0)
        elif key == Qt.Key.Key_PageDown:
            self.go_to_page(self._page_at_top() + 1)
        elif key == Qt.Key.Key_PageUp:
            page = self._page_at_top()
            at_top = self.verticalScrollBar().value() <= self._tops[page] if self._tops else True
            self.go_to_page(page - 1 if at_top else page)
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(self.page_count - 1)
        else:
            super().keyPressEvent(event)

    def _page_at_top(self) -> int:
        if not self._tops:
            return 0
        # +1: go_to_page scrolls to a whole pixel, the tops are fractional
        value = self.verticalScrollBar().value() + GAP + 1
        return max(0, bisect_right(self._tops, value) - 1)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # --- layout --------------------------------------------------------------------------

    def _opened(self, sizes: list) -> None:
        self._sizes = [tuple(size) for size in sizes]
        self._layout()
        if self._pending is not None:
            self.show_span(*self._pending)
        self._scrolled()

    def _layout(self) -> None:
        if not self._sizes:
            return
        widest = max(width for width, _ in self._sizes)
        available = max(50, self.viewport().width() - 2 * GAP)
        self._scale = available * self.zoom / widest
        tops, y = [], float(GAP)
        for _, height in self._sizes:
            tops.append(y)
            y += height * self._scale + GAP
        self._tops = tops
        viewport = self.viewport()
        self.verticalScrollBar().setRange(0, max(0, round(y - viewport.height())))
        self.verticalScrollBar().setPageStep(viewport.height())
        self.verticalScrollBar().setSingleStep(40)
        content_width = widest * self._scale + 2 * GAP
        self.horizontalScrollBar().setRange(0, max(0, round(content_width - viewport.width())))
        self.horizontalScrollBar().setPageStep(viewport.width())
        viewport.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        bar = self.verticalScrollBar()
        total = max(1, bar.maximum() + event.oldSize().height())
        share = bar.value() / total if event.oldSize().height() > 0 else 0.0
        super().resizeEvent(event)
        self._layout()
        self._scroll_to(share * max(1, bar.maximum() + self.viewport().height()))

    def _scroll_to(self, y: float) -> None:
        self.verticalScrollBar().setValue(round(max(0.0, y)))
        self.viewport().update()

    def _scrolled(self, *_args) -> None:
        page = self.current_page()
        if page != self._page and self._sizes:
            self._page = page
            self.page_changed.emit(page + 1, len(self._sizes))

    def _page_rect(self, page: int) -> QRectF:
        width, height = self._sizes[page]
        x = GAP - self.horizontalScrollBar().value()
        viewport_width = self.viewport().width()
        content = width * self._scale
        if content + 2 * GAP < viewport_width:
            x = (viewport_width - content) / 2
        y = self._tops[page] - self.verticalScrollBar().value()
        return QRectF(x, y, content, height * self._scale)

    def _visible_pages(self) -> range:
        if not self._tops:
            return range(0)
        top = self.verticalScrollBar().value()
        first = max(0, bisect_right(self._tops, top) - 1)
        last = max(first, bisect_right(self._tops, top + self.viewport().height()) - 1)
        return range(first, min(last, len(self._tops) - 1) + 1)

    # --- painting ------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), BACKGROUND)
        wanted: list[TileKey] = []
        dpr = self.devicePixelRatioF()
        for page in self._visible_pages():
            rect = self._page_rect(page)
            painter.fillRect(rect, Qt.GlobalColor.white)
            wanted.extend(self._paint_tiles(painter, page, rect, dpr))
            self._paint_boxes(painter, page, rect)
        painter.end()
        self.painted_complete = bool(self._sizes) and not wanted
        self._request(wanted)

    def _paint_tiles(self, painter: QPainter, page: int, rect: QRectF, dpr: float) -> list:
        width = round(rect.width() * dpr)
        rows = rect.height() * dpr
        top = max(0.0, -rect.top()) * dpr
        bottom = min(rows, (self.viewport().height() - rect.top()) * dpr)
        missing = []
        for band in range(int(top // TILE_ROWS), int(max(top, bottom - 1) // TILE_ROWS) + 1):
            key = TileKey(page, width, band)
            image = self.cache.get(key)
            if image is None:
                missing.append(key)
                share = (band * TILE_ROWS / rows, min(1.0, (band + 1) * TILE_ROWS / rows))
                for start, end, stale in self.cache.any_of(page, *share):
                    target = QRectF(
                        rect.left(),
                        rect.top() + start * rect.height(),
                        rect.width(),
                        (end - start) * rect.height(),
                    )
                    painter.drawImage(target, stale)
                continue
            target = QRectF(
                rect.left(),
                rect.top() + band * TILE_ROWS / dpr,
                image.width() / dpr,
                image.height() / dpr,
            )
            painter.drawImage(target, image)
        return missing

    def page_boxes(self, page: int) -> list[DrawnBox] | None:
        """The citation boxes of a page in displayed points (None until it is measured)."""
        boxes = self._boxes.get(page)
        if boxes is not None:
            return boxes
        geometry = self._geometry.get(page)
        if geometry is None:
            return None
        boxes = [
            (self._display(geometry, box), ind_id, status)
            for first, last, ind_id, status in self._ranges.get(page, [])
            for box in line_boxes(geometry.boxes, first, last, geometry.turn)
        ]
        self._boxes[page] = boxes
        return boxes

    def _paint_boxes(self, painter: QPainter, page: int, rect: QRectF) -> None:
        boxes = self.page_boxes(page)
        if boxes is None:
            return
        scale, x, y = self._scale, rect.left(), rect.top()

        def q(box: tuple[float, float, float, float]) -> QRectF:
            return QRectF(
                x + box[0] * scale,
                y + box[1] * scale,
                (box[2] - box[0]) * scale,
                (box[3] - box[1]) * scale,
            )

        current = []
        colours = self._colours
        for box, ind_id, status in boxes:
            painter.fillRect(q(box), colours.get(status) or colours["draft"])
            if ind_id == self._current:
                current.append(box)
        if current:
            painter.setPen(QPen(CURRENT_OUTLINE, 2))
            for box in current:
                painter.drawRect(q(box))
        painter.setPen(QPen(SUGGESTION_UNDERLINE, 1.5))
        for box in self.underlines(page):
            r = q(box)
            painter.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        if self._selection is not None:
            for box in self._span_rects(page, *self._selection) or []:
                painter.fillRect(q(box), SELECTION)

    def underlines(self, page: int) -> list[tuple[float, float, float, float]]:
        """The suggested numbers' boxes on a page (kept until suggestions or page change)."""
        if page not in self._suggestion_boxes:
            boxes = []
            for start, end in self._spans_on(page, self._suggestions):
                boxes.extend(self._span_rects(page, start, end) or [])
            if page not in self._geometry:
                return boxes
            self._suggestion_boxes[page] = boxes
        return self._suggestion_boxes[page]

    def _spans_on(self, page: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if not spans or not self._page_starts:
            return []
        low = self._page_starts[page] if page < len(self._page_starts) else 0
        high = self._page_starts[page + 1] if page + 1 < len(self._page_starts) else None
        return [(a, b) for a, b in spans if b > low and (high is None or a < high)]

    # --- worker results ------------------------------------------------------------------

    def _request(self, tiles: list[TileKey], extra_geometry: Sequence[int] = ()) -> None:
        if self._renderer is None:
            return
        visible = list(self._visible_pages())
        geometry = [p for p in [*visible, *extra_geometry] if p not in self._geometry]
        ahead = []
        if visible and not tiles:
            # prefetch the first band of the next and previous page for a quick page turn
            dpr = self.devicePixelRatioF()
            for page in (visible[-1] + 1, visible[0] - 1):
                if 0 <= page < len(self._sizes):
                    key = TileKey(page, round(self._page_rect(page).width() * dpr), 0)
                    if self.cache.get(key) is None:
                        ahead.append(key)
        self._renderer.request(tiles or ahead, geometry)

    def _tile_ready(self, key: TileKey, image) -> None:
        image.setDevicePixelRatio(1.0)
        self.cache.put(key, image)
        self.viewport().update()

    def _geometry_ready(self, geometry) -> None:
        self._geometry[geometry.index] = geometry
        self._boxes.pop(geometry.index, None)
        self._suggestion_boxes.pop(geometry.index, None)
        if self._pending is not None:
            self.show_span(*self._pending)
        self.viewport().update()

    def _map_made(self, char_map) -> None:
        self._char_map = char_map
        self._suggestion_boxes = {}
        self.set_highlights(self._highlights)
        if self._source is not None:
            self.map_made.emit(self._source.document_id, char_map)

    # --- mouse ---------------------------------------------------------------------------

    def _hit(self, pos: QPointF) -> tuple[int, float, float] | None:
        """(page, x, y) in displayed points under a viewport position."""
        for page in self._visible_pages():
            rect = self._page_rect(page)
            if rect.contains(pos):
                return (
                    page,
                    (pos.x() - rect.left()) / self._scale,
                    (pos.y() - rect.top()) / self._scale,
                )
        return None

    def _char_under(self, pos: QPointF) -> tuple[int, int] | None:
        hit = self._hit(pos)
        if hit is None:
            return None
        page, x, y = hit
        geometry = self._geometry.get(page)
        if geometry is None:
            return None
        if geometry.rotation % 360:  # find it where lines run left to right
            turn = geometry.turn
            boxes = [None if box is None else turn.up(box) for box in geometry.boxes]
            index = char_at(boxes, x, geometry.height - y)
        else:
            px, py = from_display(x, y, 0, geometry.media_width, geometry.media_height)
            index = char_at(geometry.boxes, px, py)
        return None if index is None else (page, index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._anchor = self._char_under(event.position())
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return
        here = self._char_under(event.position())
        if here is None or self._char_map is None:
            return
        self._dragged = True
        low, high = sorted((self._anchor, here))
        start = self._char_map.nearest_offset(*low)
        last = self._char_map.nearest_offset(*high)
        if start is None or last is None:
            return
        end = last + 1 if self._char_map.offset_of(*high) is not None else last
        if end > start:
            self.selection_made.emit(start, end)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._dragged:
            hit = self._hit(event.position())
            if hit is not None:
                page, x, y = hit
                for box, ind_id, _status in self.page_boxes(page) or []:
                    if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                        self.indicator_clicked.emit(ind_id)
                        break
        self._anchor = None
        super().mouseReleaseEvent(event)
