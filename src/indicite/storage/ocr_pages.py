"""What OCR read on the scanned pages of documents (see core/ocr_page.py)."""

from sqlite_utils import Database

from indicite.core.ocr_page import OcrPage


class OcrPageRepository:
    def __init__(self, db: Database):
        self.db = db

    def get(self, doc_id: int) -> dict[int, OcrPage]:
        """Page number (from 0) -> what OCR read there; empty for a document without scans."""
        rows = self.db.execute(
            "SELECT page, chars, boxes, confidence FROM ocr_pages WHERE document_id = ?",
            [doc_id],
        ).fetchall()
        return {page: OcrPage.from_stored(chars, boxes, conf) for page, chars, boxes, conf in rows}

    def confidence(self, doc_id: int) -> dict[int, OcrPage]:
        """Like get, without the boxes (``boxes`` empty): for marking uncertain characters,
        which happens whenever a document or a page of the review queue is shown."""
        rows = self.db.execute(
            "SELECT page, chars, confidence FROM ocr_pages WHERE document_id = ?", [doc_id]
        ).fetchall()
        return {page: OcrPage(chars, [], bytes(conf)) for page, chars, conf in rows}

    def put_all(self, doc_id: int, pages: dict[int, OcrPage]) -> None:
        self.db.table("ocr_pages").insert_all(
            {
                "document_id": doc_id,
                "page": number,
                "chars": page.chars,
                "boxes": page.boxes_bytes(),
                "confidence": page.confidence,
            }
            for number, page in sorted(pages.items())
        )
