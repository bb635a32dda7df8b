"""Rendering PDF pages off the GUI thread, and the bounded cache of rendered tiles.

One worker thread owns the open PDF (pdfium allows one thread at a time anyway). The GUI
asks for what is in sight; a newer request replaces the tiles still waiting, so paging fast
through a long report never queues up pages nobody looks at any more. Results come back as
QImages through queued signals: the GUI never waits for a render.

Signals of PageRenderer: ``opened(list)`` with the display size of each page in points;
``tile_ready(object, QImage)`` for a TileKey; ``geometry_ready(object)`` with a PageGeometry;
``map_made(object)`` with the CharMap made for a document imported earlier.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from indicite.services.pdf_pages import PdfPages, PdfSource, make_char_map

TILE_ROWS = 512  # device pixels per tile band
CACHE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class TileKey:
    """A band of device-pixel rows [band*TILE_ROWS, ...) of a page rendered ``width`` wide."""

    page: int
    width: int
    band: int


class TileCache:
    """Rendered tiles, least recently used dropped first once they pass ``limit`` bytes."""

    def __init__(self, limit: int = CACHE_BYTES):
        self.limit = limit
        self.bytes = 0
        self._tiles: OrderedDict[TileKey, QImage] = OrderedDict()

    def get(self, key: TileKey) -> QImage | None:
        image = self._tiles.get(key)
        if image is not None:
            self._tiles.move_to_end(key)
        return image

    def put(self, key: TileKey, image: QImage) -> None:
        old = self._tiles.pop(key, None)
        if old is not None:
            self.bytes -= old.sizeInBytes()
        self._tiles[key] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.limit and len(self._tiles) > 1:
            _, dropped = self._tiles.popitem(last=False)
            self.bytes -= dropped.sizeInBytes()

    def any_of(self, page: int, band_top: float, band_bottom: float) -> list[tuple]:
        """Tiles of ``page`` at other widths that cover a share of [top, bottom) (0..1 of the
        page height): drawn stretched until the sharp one arrives."""
        out = []
        for key, image in self._tiles.items():
            if key.page != page:
                continue
            height = _page_rows(image)
            if height is None:
                continue
            top = key.band * TILE_ROWS / height
            bottom = min(1.0, (key.band * TILE_ROWS + image.height()) / height)
            if bottom > band_top and top < band_bottom:
                out.append((top, bottom, image))
        return out

    def clear(self) -> None:
        self._tiles.clear()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._tiles)


def _page_rows(image: QImage) -> float | None:
    """How many pixel rows the whole page has at the width this tile was rendered at."""
    rows = image.text("page_rows")
    return float(rows) if rows else None


class PageRenderer(QObject):
    """The worker thread that opens, measures and renders one PDF; ``close()`` ends it."""

    opened = Signal(list)
    tile_ready = Signal(object, QImage)
    geometry_ready = Signal(object)
    map_made = Signal(object)
    failed = Signal()

    def __init__(self, source: PdfSource, parent: QObject | None = None):
        super().__init__(parent)
        self._source = source
        self._lock = threading.Condition()
        self._tiles: list[TileKey] = []
        self._geometry: list[int] = []
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="pdf-pages", daemon=True)

    def start(self) -> None:
        """Start the worker (after connecting to the signals: the first comes at once)."""
        self._thread.start()

    def request(self, tiles: list[TileKey], geometry: list[int]) -> None:
        """Render these tiles and measure these pages next (replacing what still waits)."""
        with self._lock:
            self._tiles = list(tiles)
            self._geometry = list(dict.fromkeys(self._geometry + geometry))
            self._lock.notify()

    @Slot()
    def close(self) -> None:
        with self._lock:
            self._stop = True
            self._lock.notify()
        if self._thread.is_alive():
            self._thread.join(5)

    def _run(self) -> None:
        try:
            pages = PdfPages(self._source.content, self._source.recognised)
        except Exception:  # the bytes were checked at import; a failure here is shown, not raised
            if shiboken6.isValid(self):
                self.failed.emit()
            return
        try:
            self._serve(pages)
        except RuntimeError:
            pass  # the view was deleted while a result was on its way
        finally:
            pages.close()

    def _serve(self, pages: PdfPages) -> None:
        self.opened.emit([pages.display_size(i) for i in range(pages.count)])
        if not self._source.mapped:
            self.map_made.emit(make_char_map(self._source.content, self._source.text))
        while True:
            with self._lock:
                while not self._stop and not self._tiles and not self._geometry:
                    # a view deleted without close() ends its renderer within a second
                    if not self._lock.wait(1.0) and not shiboken6.isValid(self):
                        return
                if self._stop:
                    return
                # what is in sight gets painted first; boxes follow
                tile = self._tiles.pop(0) if self._tiles else None
                geometry = self._geometry.pop(0) if tile is None and self._geometry else None
            if tile is not None:
                self.tile_ready.emit(tile, _render(pages, tile))
            elif geometry is not None:
                self.geometry_ready.emit(pages.geometry(geometry))


def _render(pages: PdfPages, key: TileKey) -> QImage:
    width_pt, height_pt = pages.display_size(key.page)
    scale = key.width / width_pt
    rows = height_pt * scale
    top = key.band * TILE_ROWS
    bottom = min(rows, top + TILE_ROWS)
    width, height, stride, data = pages.render(key.page, scale, (top, bottom))
    image = QImage(data, width, height, stride, QImage.Format.Format_RGB32).copy()
    image.setText("page_rows", f"{rows:.3f}")
    return image
