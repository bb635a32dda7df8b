"""What the page view of a PDF document needs: its bytes, its character map, its pages.

A document imported before character maps were recorded gets its map from the stored bytes
the first time its pages are shown (``make_char_map`` off the GUI thread, then
``keep_char_map``, one small transaction).
"""

from dataclasses import dataclass, field

from indicite.core.char_map import CharMap
from indicite.core.entities import Document
from indicite.core.errors import IndiciteError
from indicite.core.ocr_page import OcrPage
from indicite.io.pdf_pages import PdfPages
from indicite.io.pdf_reader import map_stored_text
from indicite.io.scan_reader import picture_as_pdf
from indicite.services.session import Session
from indicite.storage.clock import now_iso

# Documents shown as pages: PDFs, and pictures (one point per pixel, see io/scan_reader.py).
PAGED_TYPES = ("pdf", "image")

__all__ = [
    "PAGED_TYPES",
    "PdfPages",
    "PdfSource",
    "keep_char_map",
    "make_char_map",
    "pdf_source",
    "pdf_source_of",
]


@dataclass(frozen=True)
class PdfSource:
    """The original PDF of a document and where its text's characters sit on the pages.

    ``mapped`` is False while no map was made for the document yet; ``char_map`` stays None
    when the text could not be matched to the file's characters (pages without boxes).
    ``recognised`` holds what OCR read on scanned pages (their characters and boxes); a
    picture's ``content`` is the picture made into a PDF.
    """

    document_id: int
    content: bytes
    text: str
    char_map: CharMap | None
    mapped: bool
    recognised: dict[int, OcrPage] = field(default_factory=dict)


def pdf_source(session: Session, doc_id: int, *, make_map: bool = True) -> PdfSource | None:
    """The document's PDF and character map; None for a document not imported from a PDF.

    With ``make_map`` a missing map is made (seconds for a long PDF) and kept.
    """
    return pdf_source_of(session, session.store.documents.get(doc_id), make_map=make_map)


def pdf_source_of(session: Session, doc: Document, *, make_map: bool = True) -> PdfSource | None:
    """pdf_source for a document already read (its text is not read again)."""
    store = session.store
    doc_id = doc.id
    if doc.doc_type not in PAGED_TYPES or doc_id is None:
        return None
    original = store.documents.original_file(doc_id)
    if original is None:
        return None
    content = bytes(original["content"])
    if b"%PDF-" not in content[:1024]:
        content = _picture_pages(content)
        if content is None:
            return None
    recognised = store.ocr_pages.get(doc_id)
    known, char_map = store.char_maps.get(doc_id)
    if not known and make_map:
        char_map = make_char_map(content, doc.text)
        keep_char_map(session, doc_id, char_map)
        known = True
    return PdfSource(doc_id, content, doc.text, char_map, known, recognised)


def _picture_pages(content: bytes) -> bytes | None:
    """A picture's pages, or None (not a picture, or Pillow from the OCR extra is missing)."""
    try:
        return picture_as_pdf(content)
    except (ImportError, OSError, ValueError):
        return None


def make_char_map(content: bytes, text: str) -> CharMap | None:
    """The map of a document imported earlier (no database: safe on a worker thread)."""
    return map_stored_text(content, text)


def keep_char_map(session: Session, doc_id: int, char_map: CharMap | None) -> None:
    try:
        with session.store.transaction():
            session.store.char_maps.put(doc_id, char_map, now_iso())
    except IndiciteError:
        pass  # a read-only or damaged database: the map is made again next time


class SpanRects:
    """Rectangles of citations in one PDF document, for the export (pages measured once)."""

    def __init__(self, session: Session, doc_id: int):
        source = pdf_source(session, doc_id, make_map=False)
        self._pages: PdfPages | None = None
        self._map: CharMap | None = None
        if source is not None:
            self._map = (
                source.char_map if source.mapped else make_char_map(source.content, source.text)
            )
            if self._map is not None:
                self._pages = PdfPages(source.content, source.recognised)

    def rects(self, start: int, end: int) -> list[tuple[int, list[tuple[float, ...]]]]:
        if self._pages is None or self._map is None:
            return []
        return self._pages.span_rects(self._map, start, end)

    def close(self) -> None:
        if self._pages is not None:
            self._pages.close()
            self._pages = None
