"""Queries behind export and load: streamed with a cursor, never all rows in memory.

The export reads inside one snapshot so the indicators, their extra citations and the
documents sheet agree even while others keep writing. The load writes with plain prepared
INSERTs (100,000 rows in one transaction must take seconds, not minutes).
"""

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from indicite.storage.indicators import ROW_FIELDS
from indicite.storage.rows import stream_rows

_FIRST_CITATION = (
    "(SELECT id FROM citations WHERE indicator_id = i.id ORDER BY position, id LIMIT 1)"
)

# Which version of the document a citation reads (issue 17), and how it got there.
_CITED_VERSION = (
    "c.document_id AS cited_document_id, cd.version_no AS cited_version, "
    "cd.text_sha256 AS cited_sha256, c.anchor_state"
)

_INDICATOR_SQL = (
    "SELECT i.id, i.name, i.subject, i.period_label, i.period_start, i.period_end, i.measure, "  # noqa: S608 (fixed text)
    "i.value, i.unit, i.base_value, i.base_unit, i.value_high, i.base_value_high, "
    "i.qualifier, i.value_text, i.notes, i.status, "
    "i.created_by, i.created_at, i.reviewed_by, i.reviewed_at, i.document_id, "
    "i.kind, (SELECT code FROM catalog WHERE id = i.catalog_id) AS catalog_code, "
    "(SELECT group_concat(substr(m.at, 1, 16) || ' ' || m.who || ': ' || m.body, char(10)) "
    "FROM (SELECT at, who, body FROM comments WHERE indicator_id = i.id ORDER BY id) m) "
    "AS comments, "
    "d.title AS document_title, d.issuer, d.published_on, d.source_url, "
    "d.text_sha256 AS document_sha256, c.exact AS quote, c.prefix, c.suffix, c.start, "
    f'c."end", c.page, {_CITED_VERSION} FROM indicators i JOIN documents d ON d.id = i.document_id '
    f"LEFT JOIN citations c ON c.id = {_FIRST_CITATION} "
    "LEFT JOIN documents cd ON cd.id = c.document_id "
)

_EXTRA_CITATION_SQL = (
    "SELECT c.indicator_id, c.document_id, c.exact AS quote, c.prefix, c.suffix, c.start, "  # noqa: S608
    f'c."end", c.page, {_CITED_VERSION} FROM citations c '
    "JOIN indicators i ON i.id = c.indicator_id JOIN documents cd ON cd.id = c.document_id "
    f"WHERE c.id != {_FIRST_CITATION} "
)

_DOCUMENT_SQL = (
    "SELECT d.id, d.title, d.issuer, d.published_on, d.source_url, d.doc_type, d.subject, "
    "d.text_sha256 AS sha256, d.char_count, d.imported_at, count(*) AS indicators "
    "FROM indicators i JOIN documents d ON d.id = i.document_id "
)


@contextmanager
def snapshot(db: Database) -> Iterator[None]:
    """One read transaction: every query inside sees the same state of the database.

    SQLite's read transaction is one snapshot; PostgreSQL's default (read committed) takes a
    new one per statement, so its export asks for repeatable read."""
    db.execute("BEGIN" if isinstance(db, Database) else "BEGIN ISOLATION LEVEL REPEATABLE READ")
    try:
        yield
    finally:
        db.execute("COMMIT")


def _where(statuses: Sequence[str], document_ids: Sequence[int]) -> tuple[str, list[Any]]:
    clauses = ["i.deleted_at IS NULL"]
    params: list[Any] = []
    if statuses:
        clauses.append(f"i.status IN ({', '.join('?' * len(statuses))})")
        params.extend(statuses)
    if document_ids:
        clauses.append(f"i.document_id IN ({', '.join('?' * len(document_ids))})")
        params.extend(int(d) for d in document_ids)
    return "WHERE " + " AND ".join(clauses) + " ", params


def count_indicators(db: Database, statuses: Sequence[str], document_ids: Sequence[int]) -> int:
    where, params = _where(statuses, document_ids)
    sql = "SELECT count(*) FROM indicators i " + where  # noqa: S608 (placeholders only)
    return int(db.execute(sql, params).fetchone()[0])


def iter_indicators(
    db: Database, statuses: Sequence[str], document_ids: Sequence[int]
) -> Iterator[dict[str, Any]]:
    """Indicator rows with their document and first citation, by id."""
    where, params = _where(statuses, document_ids)
    return stream_rows(db, _INDICATOR_SQL + where + "ORDER BY i.id", params)


def iter_extra_citations(
    db: Database, statuses: Sequence[str], document_ids: Sequence[int]
) -> Iterator[dict[str, Any]]:
    """Every citation but the first of each exported indicator, by indicator and position."""
    where, params = _where(statuses, document_ids)
    sql = _EXTRA_CITATION_SQL + "AND " + where[len("WHERE ") :]
    return stream_rows(db, sql + "ORDER BY c.indicator_id, c.position, c.id", params)


def iter_documents(
    db: Database, statuses: Sequence[str], document_ids: Sequence[int]
) -> Iterator[dict[str, Any]]:
    """The documents the exported indicators cite, with how many of them each holds."""
    where, params = _where(statuses, document_ids)
    return stream_rows(db, _DOCUMENT_SQL + where + "GROUP BY d.id ORDER BY d.id", params)


def missing_documents(db: Database, document_ids: Sequence[int]) -> list[int]:
    """The ids among ``document_ids`` that name no document."""
    known = {r[0] for r in db.execute("SELECT id FROM documents")}
    return [d for d in document_ids if d not in known]


def document_header(db: Database, doc_id: int) -> dict[str, Any]:
    """Title, issuer, date and type of a document, for the readable citation (and boxes)."""
    sql = "SELECT title, issuer, published_on, doc_type FROM documents WHERE id = ?"
    return next(db.query(sql, [doc_id]))


def document_text(db: Database, doc_id: int) -> str:
    return str(db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0])


def documents_by_sha256(db: Database) -> dict[str, int]:
    """Both the text's and the original file's sha256, so either identifies a document."""
    found = dict(db.execute("SELECT text_sha256, id FROM documents").fetchall())
    found.update(db.execute("SELECT sha256, document_id FROM files").fetchall())
    return found


def documents_by_title(db: Database) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for title, doc_id in db.execute("SELECT title, id FROM documents ORDER BY id"):
        found.setdefault(title, []).append(doc_id)
    return found


def existing_keys(db: Database, doc_id: int) -> set[tuple[str, float | None, int, int]]:
    """(name, value, start, end of the first citation) of the document's live indicators."""
    rows = db.execute(
        'SELECT i.name, i.value, c.start, c."end" FROM indicators i '  # noqa: S608
        f"JOIN citations c ON c.id = {_FIRST_CITATION} "
        "WHERE i.document_id = ? AND i.deleted_at IS NULL",
        [doc_id],
    )
    return {tuple(r) for r in rows}  # type: ignore[misc]


# A loaded row is a whole indicators row: the repository's columns plus its queue time.
_INDICATOR_INSERT_COLUMNS = (*(c for c in ROW_FIELDS if c != "deleted_at"), "submitted_at")
_CITATION_INSERT_COLUMNS = (
    "indicator_id",
    "document_id",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "page",
    "position",
    "anchor_state",
)
_EVENT_INSERT_COLUMNS = ("at", "who", "action", "indicator_id", "document_id", "after", "comment")


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608


# RETURNING: the new id in both engines (psycopg's cursor has no lastrowid)
_INSERT_INDICATOR = _insert_sql("indicators", _INDICATOR_INSERT_COLUMNS) + " RETURNING id"
_INSERT_CITATION = _insert_sql("citations", _CITATION_INSERT_COLUMNS)
_INSERT_EVENT = _insert_sql("events", _EVENT_INSERT_COLUMNS)


def insert_loaded(
    db: Database,
    indicator: dict[str, Any],
    citations: Sequence[dict[str, Any]],
    event: dict[str, Any],
) -> int:
    """Store one loaded indicator, its citations in order, and its event; returns its id.

    Runs inside the caller's transaction; ``event["after"]`` is stored as JSON.
    """
    conn = db.conn
    # fetchall: SQLite finishes the statement only when its one row has been read
    [(ind_id,)] = conn.execute(
        _INSERT_INDICATOR, [indicator[c] for c in _INDICATOR_INSERT_COLUMNS]
    ).fetchall()
    conn.executemany(
        _INSERT_CITATION,
        [
            [
                ind_id,
                c.get("document_id", indicator["document_id"]),
                *(
                    c.get(k, "") if k == "anchor_state" else c[k]
                    for k in _CITATION_INSERT_COLUMNS[2:]
                ),
            ]
            for c in citations
        ],
    )
    after = json.dumps(event["after"], ensure_ascii=False, sort_keys=True)
    values = {**event, "indicator_id": ind_id, "document_id": indicator["document_id"]}
    conn.execute(
        _INSERT_EVENT, [after if c == "after" else values[c] for c in _EVENT_INSERT_COLUMNS]
    )
    return ind_id
