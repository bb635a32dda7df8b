"""The stored character maps of PDF documents (see core/char_map.py)."""

from sqlite_utils import Database

from indicite.core.char_map import CharMap


class CharMapRepository:
    def __init__(self, db: Database):
        self.db = db

    def get(self, doc_id: int) -> tuple[bool, CharMap | None]:
        """(known, map): known is False when no map was ever made for the document."""
        row = self.db.execute(
            "SELECT runs FROM pdf_char_maps WHERE document_id = ?", [doc_id]
        ).fetchone()
        if row is None:
            return False, None
        return True, CharMap.from_bytes(row[0]) if row[0] is not None else None

    def put(self, doc_id: int, char_map: CharMap | None, at: str) -> None:
        runs = char_map.to_bytes() if char_map is not None else None
        self.db.table("pdf_char_maps").upsert(
            {"document_id": doc_id, "runs": runs, "made_at": at}, pk="document_id"
        )
