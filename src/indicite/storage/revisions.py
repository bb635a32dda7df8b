"""Versions of a document and where their citations stand (issue 17)."""

from typing import Any

from sqlite_utils import Database

from indicite.core.citations import Quote

PLACEMENT_COLUMNS = ("start", "end", "exact", "prefix", "suffix", "page", "anchor_state")


class RevisionRepository:
    def __init__(self, db: Database):
        self.db = db

    def successor(self, doc_id: int) -> int | None:
        row = self.db.execute(
            "SELECT id FROM documents WHERE replaces_id = ? ORDER BY id LIMIT 1", [doc_id]
        ).fetchone()
        return row[0] if row else None

    def current(self, doc_id: int) -> int:
        """The newest version in the line of ``doc_id``."""
        while (later := self.successor(doc_id)) is not None:
            doc_id = later
        return doc_id

    def versions(self, doc_id: int) -> list[dict[str, Any]]:
        """Every version in the line of ``doc_id``, oldest first."""
        first = doc_id
        while True:
            row = self.db.execute("SELECT replaces_id FROM documents WHERE id = ?", [first])
            earlier = row.fetchone()
            if earlier is None or earlier[0] is None:
                break
            first = earlier[0]
        line: list[dict[str, Any]] = []
        current: int | None = first
        while current is not None:
            line.extend(
                self.db.query(
                    "SELECT id, title, version_no, replaces_id, imported_at, imported_by, "
                    "text_sha256, char_count, (SELECT count(*) FROM citations c "
                    "WHERE c.document_id = documents.id) AS citations "
                    "FROM documents WHERE id = ?",
                    [current],
                )
            )
            current = self.successor(current)
        return line

    def likely_predecessor(
        self, doc_id: int, title: str, issuer: str, source_url: str
    ) -> int | None:
        row = self.db.execute(
            "SELECT id FROM documents d WHERE id != ? AND NOT EXISTS (SELECT 1 FROM documents n "
            "WHERE n.replaces_id = d.id) AND ((title = ? AND issuer = ?) "
            "OR (source_url != '' AND source_url = ?)) ORDER BY id DESC LIMIT 1",
            [doc_id, title, issuer, source_url],
        ).fetchone()
        return row[0] if row else None

    def set_version(self, doc_id: int, replaces_id: int, version_no: int) -> None:
        self.db.execute(
            "UPDATE documents SET replaces_id = ?, version_no = ? WHERE id = ?",
            [replaces_id, version_no, doc_id],
        )

    def live_citations(self, doc_id: int) -> list[dict[str, Any]]:
        """The citations of a document's live entries, with what re-anchoring needs of each."""
        return list(
            self.db.query(
                'SELECT c.id, c.indicator_id, c.start, c."end", c.exact, c.prefix, c.suffix, '
                "c.page, c.anchor_state FROM citations c "
                "JOIN indicators i ON i.id = c.indicator_id "
                "WHERE c.document_id = ? AND i.deleted_at IS NULL ORDER BY c.indicator_id, "
                "c.position, c.id",
                [doc_id],
            )
        )

    def keep_placements(self, citations: list[dict[str, Any]], doc_id: int, at: str) -> None:
        """Remember where citations stood before re-anchoring moves them."""
        self.db.conn.executemany(
            'INSERT INTO citation_placements (citation_id, document_id, start, "end", exact, '
            "prefix, suffix, page, anchor_state, replaced_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                [
                    c["id"],
                    doc_id,
                    c["start"],
                    c["end"],
                    c["exact"],
                    c["prefix"],
                    c["suffix"],
                    c["page"],
                    c["anchor_state"],
                    at,
                ]
                for c in citations
            ],
        )

    def place(self, placed: list[tuple[int, Quote, str, float | None]], doc_id: int) -> None:
        """Move citations (id, new quote, state, score) into version ``doc_id``."""
        self.db.conn.executemany(
            'UPDATE citations SET document_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?, '
            "suffix = ?, page = ?, anchor_state = ?, anchor_score = ? WHERE id = ?",
            [
                [doc_id, q.start, q.end, q.exact, q.prefix, q.suffix, q.page, state, score, cid]
                for cid, q, state, score in placed
            ],
        )

    def mark_orphaned(self, citation_ids: list[int]) -> None:
        """These citations stay on the old version (where they still read their quotes)."""
        self.db.conn.executemany(
            "UPDATE citations SET anchor_state = 'orphaned', anchor_score = NULL WHERE id = ?",
            [[cid] for cid in citation_ids],
        )

    def move_entries(self, old_doc_id: int, new_doc_id: int) -> None:
        """Live entries of the old version now belong to the new one."""
        self.db.execute(
            "UPDATE indicators SET document_id = ? WHERE document_id = ? AND deleted_at IS NULL",
            [new_doc_id, old_doc_id],
        )

    def placements(self, citation_id: int) -> list[dict[str, Any]]:
        """Where a citation stood in earlier versions, oldest first."""
        return list(
            self.db.query(
                'SELECT document_id, start, "end", exact, prefix, suffix, page, anchor_state, '
                "replaced_at FROM citation_placements WHERE citation_id = ? ORDER BY id",
                [citation_id],
            )
        )

    def cited_spans(self, doc_id: int, *, placements: bool) -> list[dict[str, Any]]:
        """Spans cited in a document version: its citations, and with ``placements`` also
        where citations stood in it before they moved to a later version."""
        sql = (
            'SELECT c.start, c."end", c.anchor_state AS state, i.name FROM citations c '
            "JOIN indicators i ON i.id = c.indicator_id WHERE c.document_id = ? "
            "AND i.deleted_at IS NULL"
        )
        if placements:
            sql += (
                ' UNION ALL SELECT p.start, p."end", p.anchor_state AS state, i.name '
                "FROM citation_placements p JOIN citations c ON c.id = p.citation_id "
                "JOIN indicators i ON i.id = c.indicator_id WHERE p.document_id = ? "
                "AND i.deleted_at IS NULL"
            )
        return list(self.db.query(sql + " ORDER BY 1", [doc_id] * (2 if placements else 1)))

    def state_counts(self) -> list[dict[str, Any]]:
        """Citations of live entries per document version and re-anchoring state."""
        return list(
            self.db.query(
                "SELECT d.id AS document_id, d.title, d.version_no, "
                "EXISTS (SELECT 1 FROM documents n WHERE n.replaces_id = d.id) AS replaced, "
                "c.anchor_state AS state, count(*) AS citations FROM citations c "
                "JOIN indicators i ON i.id = c.indicator_id "
                "JOIN documents d ON d.id = c.document_id WHERE i.deleted_at IS NULL "
                "GROUP BY d.id, c.anchor_state ORDER BY d.id, c.anchor_state"
            )
        )

    def flagged(self, doc_id: int) -> list[dict[str, Any]]:
        """Citations of a document's live entries that re-anchoring changed or orphaned."""
        return list(
            self.db.query(
                "SELECT i.id AS indicator_id, i.name, i.status, i.source_changed, "
                'c.id AS citation_id, c.document_id, c.start, c."end", c.exact, c.prefix, '
                "c.suffix, c.anchor_state FROM indicators i "
                "JOIN citations c ON c.indicator_id = i.id "
                "WHERE i.document_id = ? AND i.deleted_at IS NULL "
                "AND c.anchor_state IN ('changed', 'orphaned') ORDER BY i.id, c.position",
                [doc_id],
            )
        )
