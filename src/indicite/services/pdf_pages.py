"""What the page view of a PDF document needs: its bytes and its character map.

A document imported before character maps were recorded gets its map here, from the stored
bytes, the first time its pages are asked for; it is kept (one small transaction).
"""

from dataclasses import dataclass

from indicite.core.char_map import CharMap
from indicite.core.errors import IndiciteError
from indicite.io.pdf_reader import map_stored_text
from indicite.services.session import Session
from indicite.storage.clock import now_iso


@dataclass(frozen=True)
class PdfSource:
    """The original PDF of a document and where its text's characters sit on the pages
    (``char_map`` is None when the text could not be matched to the file's characters)."""

    document_id: int
    content: bytes
    char_map: CharMap | None
    page_starts: list[int]


def pdf_source(session: Session, doc_id: int) -> PdfSource | None:
    """The document's PDF and character map; None for a document not imported from a PDF."""
    store = session.store
    doc = store.documents.get(doc_id)
    if doc.doc_type != "pdf":
        return None
    original = store.documents.original_file(doc_id)
    if original is None or not bytes(original["content"][:1024]).count(b"%PDF-"):
        return None
    content = bytes(original["content"])
    known, char_map = store.char_maps.get(doc_id)
    if not known:
        char_map = map_stored_text(content, doc.text)
        try:
            with store.transaction():
                store.char_maps.put(doc_id, char_map, now_iso())
        except IndiciteError:
            pass  # a read-only or damaged database: the map is made again next time
    return PdfSource(doc_id, content, char_map, doc.page_starts or [0])
