"""Rows the consistency checks read, streamed in series order from one index (issue 16).

A series is every live entry of one indicator (its catalog item, or its name when it has
none), subject and kind. Reading all entries in the order of ``indicators_live_by_series``
hands each series over in one run, so checking a million entries is one pass.
"""

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

SERIES_KEY = "coalesce(i.catalog_id, i.name)"
SERIES_ORDER = f"{SERIES_KEY}, i.subject, i.kind, i.measure, i.period_end, i.period_start"
_COLUMNS = (
    "i.id, i.document_id, i.catalog_id, i.name, i.subject, i.kind, i.measure, i.period_start, "
    "i.period_end, i.period_label, i.value, i.unit, i.base_value, i.base_unit, i.qualifier, "
    "i.status, "
    "(SELECT c.exact FROM citations c WHERE c.indicator_id = i.id ORDER BY c.position, c.id "
    "LIMIT 1) AS quote"
)
_ROW_SQL = (
    f"SELECT {SERIES_KEY} AS series, {_COLUMNS} "  # noqa: S608 (fixed text)
    "FROM indicators i INDEXED BY indicators_live_by_series WHERE i.deleted_at IS NULL "
)


def _stream(db: Database, sql: str, params: Iterable[Any] = ()) -> Iterator[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, row, strict=True))


def all_rows(db: Database) -> Iterator[dict[str, Any]]:
    """Every live entry, series after series, each series by measure and period."""
    return _stream(db, _ROW_SQL + f"ORDER BY {SERIES_ORDER}")


def series_rows(db: Database, ids: Iterable[int]) -> Iterator[dict[str, Any]]:
    """Every live entry of the series the entries ``ids`` belong to, in series order."""
    sql = (
        _ROW_SQL + f"AND ({SERIES_KEY}, i.subject, i.kind) IN (SELECT "  # noqa: S608
        "coalesce(catalog_id, name), subject, kind FROM indicators "
        "WHERE id IN (SELECT value FROM json_each(?))) "
        f"ORDER BY {SERIES_ORDER}"
    )
    return _stream(db, sql, [json.dumps(list(ids))])


def one_series(
    db: Database, *, catalog_id: int | None, name: str, subject: str
) -> list[dict[str, Any]]:
    """Every live entry of one indicator and subject (all kinds), by period, with its document."""
    key: Any = catalog_id if catalog_id is not None else name
    sql = (
        f"SELECT {_COLUMNS}, d.title AS document_title, d.published_on, "  # noqa: S608
        "(SELECT c.start FROM citations c WHERE c.indicator_id = i.id "
        "ORDER BY c.position, c.id LIMIT 1) AS start "
        "FROM indicators i INDEXED BY indicators_live_by_series "
        "JOIN documents d ON d.id = i.document_id "
        f"WHERE i.deleted_at IS NULL AND {SERIES_KEY} = ? AND i.subject = ? "
        "ORDER BY coalesce(i.period_end, i.period_label), i.period_start, i.kind, i.id"
    )
    return list(_stream(db, sql, [key, subject]))


def part_rows(db: Database, catalog_ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """Level entries of catalog items that are a total or a part of one, with the parent.

    With ``catalog_ids``, only the entries of those items, their parents and their children.
    """
    sql = (
        f"SELECT {_COLUMNS}, cat.parent_id FROM indicators i "  # noqa: S608
        "INDEXED BY indicators_live_by_catalog JOIN catalog cat ON cat.id = i.catalog_id "
        "WHERE i.deleted_at IS NULL AND i.measure IN ('level', 'count') "
        "AND (cat.parent_id IS NOT NULL "
        "OR EXISTS (SELECT 1 FROM catalog k WHERE k.parent_id = i.catalog_id))"
    )
    params: list[Any] = []
    if catalog_ids is not None:
        sql += (
            " AND (cat.id IN (SELECT value FROM json_each(?1)) "
            "OR cat.parent_id IN (SELECT value FROM json_each(?1)) "
            "OR cat.id IN (SELECT parent_id FROM catalog WHERE id IN "
            "(SELECT value FROM json_each(?1))))"
        )
        params = [json.dumps(list(catalog_ids))]
    return list(_stream(db, sql, params))
