"""Consistency checks of the entries (issue 16): every entry, or the ones on screen.

The rules are core.checks; this module feeds them series by series from storage. Checking
every entry is one ordered pass over the series index plus one query for catalog parts.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any

from indicite.core.checks import ERROR, Finding, parts_checks, period_key, row_checks, series_checks
from indicite.services.session import Session


def _series(row: dict[str, Any]) -> tuple[Any, str, str]:
    return row["series"], row["subject"], row["kind"]


def _checked(
    rows: Iterable[dict[str, Any]], *, each: bool = True, outliers: bool = True
) -> Iterator[Finding]:
    """Series checks of rows in series order; with ``each``, every row's own checks too."""
    for _key, members in groupby(rows, key=_series):
        # by id: each engine's index returns a series' rows in its own order, and which of
        # two equal values a conflict names must not depend on it
        group = sorted(members, key=lambda r: r["id"])
        if each:
            for row in group:
                yield from row_checks(row)
        if len(group) > 1:
            yield from series_checks(group, outliers=outliers)


def _parts(rows: Sequence[dict[str, Any]]) -> Iterator[Finding]:
    totals: dict[tuple, list] = defaultdict(list)
    parts: dict[tuple, list] = defaultdict(list)
    for row in rows:
        rest = (row["subject"], row["kind"], period_key(row), row["base_unit"])
        totals[(row["catalog_id"], *rest)].append(row)
        if row["parent_id"] is not None:
            parts[(row["parent_id"], *rest)].append(row)
    for key, members in parts.items():
        if key in totals:
            yield from parts_checks(totals[key], members)


def check_all(session: Session) -> list[Finding]:
    """Every failed check of every live entry, errors and warnings, series by series."""
    q = session.store.checks
    found = [f for row in q.suspect_rows() for f in row_checks(row)]
    found.extend(_checked(q.all_series_rows(), each=False))
    found.extend(_parts(q.part_rows()))
    return found


def check_entries(
    session: Session, ids: Sequence[int], *, outliers: bool = False
) -> dict[int, list[Finding]]:
    """The failed checks of the entries ``ids``, judged against the entries of the same
    series and period (and the years around it).

    Outliers need a whole series: ``outliers=True`` reads it (the series view does; a page of
    the review queue does not, and ``indicite check`` reports them).
    """
    if not ids:
        return {}
    q = session.store.checks
    wanted = set(ids)
    found = [f for row in q.entry_rows(wanted) for f in row_checks(row)]
    rows = list(q.series_rows(wanted) if outliers else q.nearby_rows(wanted))
    found.extend(_checked(rows, each=False, outliers=outliers))
    linked = {r["catalog_id"] for r in rows if r["id"] in wanted and r["catalog_id"] is not None}
    if linked:
        found.extend(_parts(q.part_rows(linked)))
    by_id: dict[int, list[Finding]] = {}
    for finding in found:
        if finding.indicator_id in wanted and finding not in by_id.get(finding.indicator_id, []):
            by_id.setdefault(finding.indicator_id, []).append(finding)
    return by_id


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.level == ERROR for f in findings)


def series(session: Session, ind_id: int) -> tuple[list[dict[str, Any]], dict[int, list[Finding]]]:
    """Every live entry of the indicator and subject of entry ``ind_id`` across documents, by
    period (all kinds), with the failed checks of each."""
    store = session.store
    ind = store.indicators.get(ind_id)
    rows = store.checks.one_series(catalog_id=ind.catalog_id, name=ind.name, subject=ind.subject)
    return rows, check_entries(session, [r["id"] for r in rows], outliers=True)
