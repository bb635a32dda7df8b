"""Queries behind export and load: streamed with a cursor, never all rows in memory.

The export reads inside one snapshot so the indicators, their extra citations and the
documents sheet agree even while others keep writing. The load writes with plain prepared
INSERTs in batches (100,000 rows in one transaction must take seconds, not minutes).
"""

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

import orjson
from sqlite_utils import Database

from indicite.storage.bulk_insert import indicator_ids
from indicite.storage.indicators import ROW_FIELDS
from indicite.storage.provenance import PROVENANCE_FIELDS
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


def document_texts(
    db: Database, max_chars: int
) -> dict[int, tuple[str, str, list[int] | None]] | None:
    """(title, text, page starts) of every document by id, for a load that anchors its rows in
    a child process; None when their texts hold more than ``max_chars`` characters."""
    total = db.execute("SELECT coalesce(sum(char_count), 0) FROM documents").fetchone()[0]
    if total > max_chars:
        return None
    rows = db.execute("SELECT id, title, text, page_starts FROM documents")
    return {
        doc_id: (title, text, json.loads(pages) if pages else None)
        for doc_id, title, text, pages in rows
    }


def replaced_documents(db: Database) -> frozenset[int]:
    """The documents a later version replaces (a quote cited in them is carried over)."""
    rows = db.execute("SELECT replaces_id FROM documents WHERE replaces_id IS NOT NULL")
    return frozenset(row[0] for row in rows)


def existing_keys(db: Database, doc_id: int) -> set[tuple[str, float | None, int, int]]:
    """(name, value, start, end of the first citation) of the document's live indicators."""
    rows = db.execute(
        'SELECT i.name, i.value, c.start, c."end" FROM indicators i '  # noqa: S608
        f"JOIN citations c ON c.id = {_FIRST_CITATION} "
        "WHERE i.document_id = ? AND i.deleted_at IS NULL",
        [doc_id],
    )
    return {tuple(r) for r in rows}  # type: ignore[misc]


# A loaded row is a whole indicators row: the repository's columns plus its queue time and
# whether a newer version changed the number it cites.
_INDICATOR_INSERT_COLUMNS = (
    "id",
    *(c for c in ROW_FIELDS if c != "deleted_at"),
    "submitted_at",
    "source_changed",
)
# What the load gives for each citation and for its provenance (the indicator's id is added).
LOADED_CITATION_COLUMNS = (
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
LOADED_PROVENANCE_COLUMNS = ("file", "row", *PROVENANCE_FIELDS)
_CITATION_INSERT_COLUMNS = ("indicator_id", *LOADED_CITATION_COLUMNS)
_EVENT_INSERT_COLUMNS = (
    "at",
    "who",
    "action",
    "indicator_id",
    "document_id",
    "before",
    "after",
    "comment",
)


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608


_INSERT_INDICATOR = _insert_sql("indicators", _INDICATOR_INSERT_COLUMNS)
_indicator_values = itemgetter(*_INDICATOR_INSERT_COLUMNS[1:])
_INSERT_CITATION = _insert_sql("citations", _CITATION_INSERT_COLUMNS)
_INSERT_EVENT = _insert_sql("events", _EVENT_INSERT_COLUMNS)
_INSERT_PROVENANCE = _insert_sql("load_provenance", ("indicator_id", *LOADED_PROVENANCE_COLUMNS))
# An event's JSON with sorted keys, as the event repository writes it (without its spaces):
# orjson writes a load's 100,000 events three times faster than the json module.
_SORTED = orjson.OPT_SORT_KEYS


def _json(value: dict[str, Any] | str | None) -> str | None:
    """An event's ``before`` or ``after`` as JSON (text given is JSON already)."""
    if value is None or value.__class__ is str:
        return value  # type: ignore[return-value]
    return orjson.dumps(value, option=_SORTED).decode()


class LoadedRows:
    """Loaded entries waiting to be written, ``BATCH`` at a time with one executemany per table:
    one INSERT per row and table cost more than all of SQLite's own work for a big load.

    The ids are given here (``bulk_insert.indicator_ids``): the rows' citations and events
    name them before they are written.
    """

    BATCH = 2000

    def __init__(self, db: Database):
        self._conn = db.conn
        self.new_id = indicator_ids(db)
        self._indicators: list[list[Any]] = []
        self._citations: list[list[Any]] = []
        self._events: list[list[Any]] = []
        self._provenance: list[list[Any]] = []

    def add(
        self,
        indicator: list[Any],
        citations: list[list[Any]],
        events: list[list[Any]],
        provenance: list[Any],
    ) -> None:
        self._indicators.append(indicator)
        self._citations += citations
        self._events += events
        self._provenance.append(provenance)
        if len(self._indicators) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        """Write what waits, entries first (their citations, events and provenance name them)."""
        conn = self._conn
        conn.executemany(_INSERT_INDICATOR, self._indicators)
        conn.executemany(_INSERT_CITATION, self._citations)
        conn.executemany(_INSERT_EVENT, self._events)
        conn.executemany(_INSERT_PROVENANCE, self._provenance)
        self._indicators, self._citations, self._events, self._provenance = [], [], [], []


@contextmanager
def loaded_rows(db: Database) -> Iterator[LoadedRows]:
    """Inside the caller's transaction: the buffer for ``insert_loaded``, written at the end
    (an exception leaves the rest unwritten; the caller's transaction rolls back)."""
    rows = LoadedRows(db)
    yield rows
    rows.flush()


def insert_loaded(
    rows: LoadedRows,
    indicator: dict[str, Any],
    citations: Sequence[Sequence[Any]],
    events: Sequence[dict[str, Any]],
    provenance: Sequence[Any],
) -> int:
    """Store one loaded indicator, its citations in order, its events in order and its
    provenance; returns its id.

    ``citations`` are the values of LOADED_CITATION_COLUMNS, ``provenance`` those of
    LOADED_PROVENANCE_COLUMNS, each without the indicator's id. Each event's ``before`` and
    ``after`` are stored as JSON (given as dicts, or as JSON text already). Written by ``rows``
    in batches.
    """
    ind_id = rows.new_id()
    document_id = indicator["document_id"]
    rows.add(
        [ind_id, *_indicator_values(indicator)],
        [[ind_id, *c] for c in citations],
        [
            [
                e["at"],
                e["who"],
                e["action"],
                ind_id,
                document_id,
                _json(e.get("before")),
                _json(e.get("after")),
                e.get("comment", ""),
            ]
            for e in events
        ],
        [ind_id, *provenance],
    )
    return ind_id
