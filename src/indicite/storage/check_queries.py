"""Rows the consistency checks read, streamed in series order from one index (issue 16).

A series is every live entry of one indicator (its catalog item, or its name when it has
none), subject and kind. ``indicators_live_by_series`` holds every column the series checks
read, in series order: checking a million entries is one walk of it, and the neighbours of a
few entries are a few seeks in it.

The series key is the one thing the engines spell differently: SQLite's index mixes the
integer catalog id with the text name, PostgreSQL's (p001) needs one type, the id as text.
Each store picks its ``CheckQueries`` (``Store.checks``); every query text is shared.
"""

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlite_utils import Database

from indicite.storage.rows import stream_rows

_COLUMNS = (
    "i.id, i.document_id, i.catalog_id, i.name, i.subject, i.kind, i.measure, i.period_start, "
    "i.period_end, i.period_label, i.value, i.unit, i.base_value, i.base_unit, i.qualifier, "
    "i.value_high, i.base_value_high, i.status, "
    "(SELECT c.exact FROM citations c WHERE c.indicator_id = i.id ORDER BY c.position, c.id "
    "LIMIT 1) AS quote"
)
_SERIES_COLUMNS = (
    "i.id, i.catalog_id, i.subject, i.kind, i.measure, i.period_start, i.period_end, "
    "i.period_label, i.value, i.unit, i.base_value, i.base_unit, i.qualifier, i.value_high, "
    "i.base_value_high"
)
# The value as text (4.2, 105), the same in both engines: whole values from a BIGINT, the
# others with 15 significant digits (SQLite's CAST of a REAL to TEXT and PostgreSQL's float to
# NUMERIC both print "%.15g"). An entry whose cited passage holds that text has the right
# number, and only the others are read to be checked in Python. NULL (read and checked) where
# the engines would print it differently: past a BIGINT (where PostgreSQL's CAST fails), and
# where SQLite prints an exponent (1.0e-05).
_VALUE_TEXT = (
    "CASE WHEN abs(i.value) >= 9.2e18 THEN NULL "
    "WHEN i.value = CAST(i.value AS BIGINT) THEN CAST(CAST(abs(i.value) AS BIGINT) AS TEXT) "
    "WHEN abs(i.value) >= 1e15 OR abs(i.value) < 1e-4 THEN NULL "
    "ELSE CAST(CAST(abs(i.value) AS NUMERIC) AS TEXT) END"
)
_SUSPECT_SQL = (
    f"SELECT * FROM (SELECT {_COLUMNS} FROM indicators i WHERE i.deleted_at IS NULL) i "  # noqa: S608
    "WHERE (i.measure = 'share' AND i.value > 100) OR (i.measure = 'count' AND i.value < 0) "
    "OR (i.measure = 'change_pp' AND i.base_unit = '%') "
    "OR (i.measure IN ('growth_yoy', 'growth', 'share', 'rate') AND i.base_unit = '百分点') "
    "OR (i.value IS NOT NULL AND i.quote IS NOT NULL "
    f"AND coalesce(instr(i.quote, {_VALUE_TEXT}), 0) = 0)"
)


def _around(period: str) -> list[str]:
    """A period end and the same day a year before and after."""
    if len(period) != 10 or period[4] != "-":
        return [period]
    year, rest = int(period[:4]), period[4:]
    rest_other = "-02-28" if rest == "-02-29" else rest
    return [period, f"{year - 1:04d}{rest_other}", f"{year + 1:04d}{rest_other}"]


class CheckQueries:
    """The checks' reads of one database, with SQLite's series key."""

    # The expression of ``indicators_live_by_series``: the planner only uses the index for
    # the very same expression.
    series_key = "coalesce(i.catalog_id, i.name)"

    def __init__(self, db: Database):
        self.db = db

    def series_of(self, catalog_id: int | None, name: str) -> Any:
        """The series key of an entry, as ``series_key`` gives it."""
        return catalog_id if catalog_id is not None else name

    def suspect_rows(self) -> Iterator[dict[str, Any]]:
        """The live entries a check of one entry may fail: shares, counts, units, cited
        numbers."""
        return stream_rows(self.db, _SUSPECT_SQL)

    def all_series_rows(self) -> Iterator[dict[str, Any]]:
        """Every live entry without its citation, series after series.

        Read from the covering series index in its order: no sort and no table reads (sorting
        the table instead costs twice the CPU on 1,000,000 entries).
        """
        key = self.series_key
        sql = (
            f"SELECT {key} AS series, {_SERIES_COLUMNS} FROM indicators i "  # noqa: S608
            "INDEXED BY indicators_live_by_series "
            f"WHERE i.deleted_at IS NULL ORDER BY {key}, i.subject, i.kind"
        )
        return stream_rows(self.db, sql)

    def series_rows(self, ids: Iterable[int]) -> Iterator[dict[str, Any]]:
        """Every live entry of the series the entries ``ids`` belong to, in series order."""
        key = self.series_key
        sql = (
            f"SELECT {key} AS series, {_COLUMNS} "  # noqa: S608
            "FROM indicators i INDEXED BY indicators_live_by_series WHERE i.deleted_at IS NULL "
            f"AND ({key}, i.subject, i.kind) IN (SELECT {key}, i.subject, i.kind "
            "FROM indicators i WHERE i.id IN (SELECT value FROM json_each(?))) "
            f"ORDER BY {key}, i.subject, i.kind, i.period_end, i.measure, i.period_start"
        )
        return stream_rows(self.db, sql, [json.dumps(list(ids))])

    def entry_rows(self, ids: Iterable[int]) -> list[dict[str, Any]]:
        """The entries ``ids`` with their first cited passage, for the checks of one entry."""
        sql = f"SELECT {_COLUMNS} FROM indicators i WHERE i.id IN (SELECT value FROM json_each(?))"  # noqa: S608
        return list(self.db.query(sql, [json.dumps(list(ids))]))

    def nearby_rows(self, ids: Iterable[int]) -> list[dict[str, Any]]:
        """The live entries that share a series and period, or the year before or after, with
        one of the entries ``ids``: what conflicts and growth are judged against (series
        order, without their citations).

        Each (series, period) is a seek in ``indicators_live_by_series``, so a page of the
        review queue costs the same on a million entries as on a thousand.
        """
        key = self.series_key
        keys = self.db.execute(
            f"SELECT {key}, i.subject, i.kind, i.period_end, i.period_label "  # noqa: S608
            "FROM indicators i WHERE i.id IN (SELECT value FROM json_each(?))",
            [json.dumps(list(ids))],
        ).fetchall()
        dated = [[k, s, kind, when] for k, s, kind, end, _ in keys if end for when in _around(end)]
        undated = [[k, s, kind, label] for k, s, kind, end, label in keys if not end]
        join = (
            f"SELECT DISTINCT {key} AS series, {_SERIES_COLUMNS} FROM json_each(?) w "  # noqa: S608
            "JOIN indicators i INDEXED BY indicators_live_by_series "
            f"ON {key} = w.value ->> 0 AND i.subject = w.value ->> 1 "
            "AND i.kind = w.value ->> 2 AND "
        )
        rows = [
            *self.db.query(join + "i.period_end = w.value ->> 3 WHERE i.deleted_at IS NULL",
                           [json.dumps(dated, ensure_ascii=False)]),
            *self.db.query(join + "i.period_end IS NULL AND i.period_label = w.value ->> 3 "
                           "WHERE i.deleted_at IS NULL", [json.dumps(undated, ensure_ascii=False)]),
        ]  # fmt: skip
        unique = {r["id"]: r for r in rows}
        return sorted(
            unique.values(),
            key=lambda r: (isinstance(r["series"], str), r["series"], r["subject"], r["kind"]),
        )

    def one_series(
        self, *, catalog_id: int | None, name: str, subject: str
    ) -> list[dict[str, Any]]:
        """Every live entry of one indicator and subject (all kinds), by period, with its
        document."""
        sql = (
            f"SELECT {_COLUMNS}, d.title AS document_title, d.published_on, "  # noqa: S608
            "(SELECT c.start FROM citations c WHERE c.indicator_id = i.id "
            "ORDER BY c.position, c.id LIMIT 1) AS start "
            "FROM indicators i INDEXED BY indicators_live_by_series "
            "JOIN documents d ON d.id = i.document_id "
            f"WHERE i.deleted_at IS NULL AND {self.series_key} = ? AND i.subject = ? "
            "ORDER BY coalesce(i.period_end, i.period_label), i.period_start, i.kind, i.id"
        )
        return list(self.db.query(sql, [self.series_of(catalog_id, name), subject]))

    def part_rows(self, catalog_ids: Iterable[int] | None = None) -> list[dict[str, Any]]:
        """Level entries of catalog items that are a total or a part of one, with the parent.

        With ``catalog_ids``, only the entries of those items, their parents and their
        children.
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
        return list(self.db.query(sql, params))


class TextKeyCheckQueries(CheckQueries):
    """A PostgreSQL database's: its series index (p001) keys the catalog id as text."""

    series_key = "coalesce(CAST(i.catalog_id AS TEXT), i.name)"

    def series_of(self, catalog_id: int | None, name: str) -> Any:
        return str(catalog_id) if catalog_id is not None else name
