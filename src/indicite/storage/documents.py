"""Documents and the original files they were imported from."""

import json
from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from indicite.core.entities import Document
from indicite.core.errors import NotFound
from indicite.storage.rows import insert_row

LIST_SQL = (
    "SELECT d.id, d.title, d.issuer, d.published_on, d.subject, d.char_count, d.imported_at, "
    "d.doc_type, d.version_no, (SELECT count(*) FROM indicators i WHERE i.document_id = d.id "
    "AND i.deleted_at IS NULL) AS indicators FROM documents d "
)
# The list shows the current version of each document; earlier ones are under Versions.
CURRENT = "NOT EXISTS (SELECT 1 FROM documents n WHERE n.replaces_id = d.id)"


# What may change after import; the text (and so every citation) never does.
EDITABLE_COLUMNS = ("title", "issuer", "published_on", "source_url", "doc_type", "subject")


class DocumentRepository:
    def __init__(self, db: Database):
        self.db = db

    def add(self, doc: Document, file_name: str, file_sha256: str, content: bytes) -> int:
        row = {
            "title": doc.title,
            "issuer": doc.issuer,
            "published_on": doc.published_on,
            "source_url": doc.source_url,
            "doc_type": doc.doc_type,
            "subject": doc.subject,
            "text": doc.text,
            "text_sha256": doc.text_sha256,
            "page_starts": json.dumps(doc.page_starts) if doc.page_starts else None,
            "char_count": len(doc.text),
            "imported_at": doc.imported_at,
            "imported_by": doc.imported_by,
            "replaces_id": doc.replaces_id,
            "version_no": doc.version_no,
        }
        doc_id = insert_row(self.db, "documents", row)
        self.db.table("files").insert(
            {
                "document_id": doc_id,
                "name": file_name,
                "sha256": file_sha256,
                "size": len(content),
                "content": content,
                "imported_at": doc.imported_at,
            }
        )
        return doc_id

    def id_for_file_sha256(self, sha256: str) -> int | None:
        row = self.db.execute("SELECT document_id FROM files WHERE sha256 = ?", [sha256]).fetchone()
        return row[0] if row else None

    def get(self, doc_id: int) -> Document:
        rows = list(self.db.query("SELECT * FROM documents WHERE id = ?", [doc_id]))
        if not rows:
            raise NotFound(
                "There is no document {doc_id}; `indicite docs` lists them.", doc_id=doc_id
            )
        row = rows[0]
        row["page_starts"] = json.loads(row["page_starts"]) if row["page_starts"] else None
        return Document.from_row(row)

    def published_on(self, doc_id: int) -> str | None:
        row = self.db.execute(
            "SELECT published_on FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise NotFound(
                "There is no document {doc_id}; `indicite docs` lists them.", doc_id=doc_id
            )
        return row[0]

    def update_meta(self, doc_id: int, changes: dict[str, Any]) -> None:
        """Write metadata columns of one document (only those in EDITABLE_COLUMNS)."""
        refused = set(changes) - set(EDITABLE_COLUMNS)
        if refused:
            raise ValueError(f"not editable document columns: {sorted(refused)}")
        if changes:
            assigned = ", ".join(f'"{c}" = ?' for c in changes)
            self.db.execute(
                f"UPDATE documents SET {assigned} WHERE id = ?",  # noqa: S608 (checked names)
                [*changes.values(), doc_id],
            )

    def distinct_issuers(self) -> list[str]:
        """Issuers already used, most used first (completion in the properties dialog)."""
        sql = (
            "SELECT issuer FROM documents WHERE issuer != '' "
            "GROUP BY issuer ORDER BY count(*) DESC, issuer"
        )
        return [row[0] for row in self.db.execute(sql).fetchall()]

    def list(self, search: str = "") -> list[dict[str, Any]]:
        """Documents for the list screen, newest first, with indicator counts."""
        where, params = f"WHERE {CURRENT}", []
        if search:
            # LIKE ignores ASCII case in SQLite, not in PostgreSQL; lower() on both sides does
            # in both (the engine's own lower(), so a letter it cannot fold still matches itself)
            where += (
                " AND (lower(d.title) LIKE lower(?) ESCAPE '\\' "
                "OR lower(d.issuer) LIKE lower(?) ESCAPE '\\')"
            )
            pattern = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params = [pattern + "%", pattern + "%"]
        sql = LIST_SQL + where + " ORDER BY d.id DESC"
        return list(self.db.query(sql, params))

    def iter_all(self) -> Iterator[dict[str, Any]]:
        yield from self.db.query("SELECT id, title, text, text_sha256 FROM documents ORDER BY id")

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])

    def original_file(self, doc_id: int) -> dict[str, Any] | None:
        rows = list(
            self.db.query(
                "SELECT name, sha256, size, content FROM files WHERE document_id = ? "
                "ORDER BY id LIMIT 1",
                [doc_id],
            )
        )
        return rows[0] if rows else None
