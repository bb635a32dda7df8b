"""A PDF's pages for showing: size, characters' boxes, rendered pictures, span rectangles.

Every pdfium call goes under PDFIUM_LOCK (pdfium is not thread-safe, even across documents).
"""

from collections import OrderedDict
from dataclasses import dataclass

from indicite.core.char_map import CharMap
from indicite.core.ocr_page import OcrPage
from indicite.core.page_boxes import Box, Turn, line_boxes
from indicite.io.pdf_text import PDFIUM_LOCK

_BREAKS = "\r\n"


@dataclass(frozen=True)
class PageGeometry:
    """A page's size in points (as displayed, rotation applied) and its characters' boxes.

    ``boxes[i]`` is character i's loose box in unrotated page space, None for a break.
    """

    index: int
    width: float
    height: float
    rotation: int
    media_width: float
    media_height: float
    boxes: list[Box | None]

    @property
    def turn(self) -> Turn:
        return Turn(self.rotation, self.media_width, self.media_height)


OPEN_PAGES = 6  # loading a page (its content and fonts) costs more than rendering a band


class PdfPages:
    """One open PDF for the page view; ``close()`` when done.

    The last few pages used stay loaded: the bands of a page in sight and its characters'
    boxes are asked for one after the other, and each would load the page again.
    """

    def __init__(self, content: bytes, recognised: dict[int, OcrPage] | None = None):
        """``recognised``: the scanned pages' characters as OCR read them (by page from 0);
        their boxes stand in for pdfium's, which has no characters on a scan."""
        import pypdfium2

        self._recognised = recognised or {}

        with PDFIUM_LOCK:
            self._pdf = pypdfium2.PdfDocument(content)
            self.count = len(self._pdf)
            # read from the page tree without loading the pages (a 300-page file: a few ms)
            self.sizes = [self._pdf.get_page_size(i) for i in range(self.count)]
        self._measured: dict[int, PageGeometry] = {}
        self._open: OrderedDict[int, object] = OrderedDict()

    def _page(self, index: int):
        """A loaded page (call under PDFIUM_LOCK); the least recently used is closed."""
        page = self._open.pop(index, None)
        if page is None:
            page = self._pdf[index]
        self._open[index] = page
        while len(self._open) > OPEN_PAGES:
            _, old = self._open.popitem(last=False)
            old.close()
        return page

    def display_size(self, index: int) -> tuple[float, float]:
        """Width and height in points as displayed (the page's /Rotate applied)."""
        return self.sizes[index]

    def geometry(self, index: int) -> PageGeometry:
        with PDFIUM_LOCK:
            page = self._page(index)
            rotation = page.get_rotation()
            if index in self._recognised:
                boxes = list(self._recognised[index].boxes)
            else:
                textpage = page.get_textpage()
                try:
                    boxes = _boxes(textpage)
                finally:
                    textpage.close()
        width, height = self.display_size(index)
        media_width, media_height = (height, width) if rotation % 180 else (width, height)
        return PageGeometry(index, width, height, rotation, media_width, media_height, boxes)

    def render(self, index: int, scale: float, band: tuple[float, float] | None = None):
        """Page ``index`` at ``scale`` pixels per point as (width, height, stride, BGRx bytes);
        ``band`` = (top, bottom) pixel rows limits it to those rows."""
        import pypdfium2.raw as pdfium_c

        with PDFIUM_LOCK:
            page = self._page(index)
            crop = (0.0, 0.0, 0.0, 0.0)
            if band is not None:
                total = self.display_size(index)[1] * scale
                top, bottom = band
                crop = (0.0, (total - min(bottom, total)) / scale, 0.0, top / scale)
            bitmap = page.render(
                scale=scale,
                crop=crop,
                may_draw_forms=True,
                force_bitmap_format=pdfium_c.FPDFBitmap_BGRx,
            )
            try:
                return bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer)
            finally:
                bitmap.close()

    def measured(self, index: int) -> PageGeometry:
        """A page's geometry (kept: a page is measured once)."""
        if index not in self._measured:
            self._measured[index] = self.geometry(index)
        return self._measured[index]

    def span_rects(self, char_map: CharMap, start: int, end: int) -> list[tuple[int, list[Box]]]:
        """The rectangles (one per printed line) showing a document span: (page 1-based, boxes)
        for each page it covers, in page space (PDF points, y up)."""
        per_page: dict[int, list[Box]] = {}
        for page, first, last in char_map.chars_of(start, end):
            geometry = self.measured(page)
            per_page.setdefault(page, []).extend(
                line_boxes(geometry.boxes, first, last, geometry.turn)
            )
        return [(page + 1, rects) for page, rects in sorted(per_page.items())]

    def close(self) -> None:
        with PDFIUM_LOCK:
            for page in self._open.values():
                page.close()
            self._open.clear()
            self._pdf.close()


def _boxes(textpage) -> list[Box | None]:
    """Each character's ink from left to right and its font's height (so that boxes of one
    line line up, and a rectangle over them holds no part of the neighbouring characters)."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    count = textpage.count_chars()
    loose = pdfium_c.FS_RECTF()
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    boxes: list[Box | None] = []
    for index in range(count):
        if (
            pdfium_c.FPDFText_GetUnicode(textpage, index) in (10, 13)
            or not pdfium_c.FPDFText_GetLooseCharBox(textpage, index, loose)
            or not pdfium_c.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
        ):
            boxes.append(None)
        else:
            boxes.append((left.value, loose.bottom, max(right.value, left.value), loose.top))
    return boxes
