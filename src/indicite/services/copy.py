"""Moving a whole project between stores: a SQLite file to a team database and back.

Every table of the project (``storage.transfer.project_tables``) is read from one snapshot of
the source and written to the target in ONE transaction, ids kept, so citations, history,
comments and links stay as they were. Before that transaction commits, the target's row
counts must equal what was read and ``verify`` must find no problem the source did not have
already; otherwise, or when the copy is interrupted (an error, Ctrl+C, a killed process),
the transaction is rolled back and the target holds nothing. A target that holds anything is
refused untouched: a copy never merges into or replaces a project.
"""

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indicite.core.errors import StorageProblem
from indicite.services.safe_output import database_at
from indicite.services.session import Session, login_name
from indicite.services.verify import verify_citations
from indicite.storage import Store
from indicite.storage.postgres.connect import is_postgres_url
from indicite.storage.transfer import Rows, TableShape, project_tables

# (table, rows copied so far): called as the copy goes, for a progress line.
Progress = Callable[[str, int], None]


@dataclass
class CopyReport:
    source: str
    target: str
    # rows per table, as read from the source and counted again in the target
    counts: dict[str, int]
    seconds: float
    citations_checked: int
    # problems verify found in the source already, copied as they were
    carried_problems: list[str] = field(default_factory=list)


def copy_project(
    source: str | Path, target: str | Path, progress: Progress | None = None
) -> CopyReport:
    """Copy the project at ``source`` into the empty database ``target`` (a file is created
    when none is there; a server's database must exist)."""
    started = time.perf_counter()
    _refuse_source_as_target(source, target)
    src = Store.open(source, create=False)
    try:
        dst = Store.open(target, create=True)
        try:
            report = _copy(src, dst, progress or (lambda table, rows: None))
        finally:
            dst.close()
    finally:
        src.close()
    report.seconds = time.perf_counter() - started
    return report


def _refuse_source_as_target(source: str | Path, target: str | Path) -> None:
    """A target file that is the source, its journal or another open database's would be
    written over while SQLite uses it (services.safe_output)."""
    if is_postgres_url(target):
        live = source if str(source) == str(target) else None
    else:
        live = database_at(Path(target), None if is_postgres_url(source) else Path(source))
    if live is not None:
        raise StorageProblem(
            "{target} is the database {database} (or its journal); give another target.",
            target=target,
            database=live,
        )


def _copy(src: Store, dst: Store, progress: Progress) -> CopyReport:
    tables = project_tables()
    _check_columns(src, dst, tables)
    report = CopyReport(src.shown_location, dst.shown_location, {}, 0.0, 0)
    with src.transfer.snapshot(), dst.transaction():
        dst.transfer.begin_load(tables)
        _refuse_nonempty(dst, tables)
        for table in tables:
            report.counts[table.name] = _copy_table(src, dst, table, progress)
        dst.transfer.finish_load(tables)
        counted = dst.transfer.counts(tables)
        wrong = [
            f"{t} {n} of {report.counts[t]}" for t, n in counted.items() if n != report.counts[t]
        ]
        if wrong:
            raise StorageProblem(
                "The copy does not hold every row read ({details}); nothing was written to the "
                "target.",
                details=", ".join(wrong),
            )
        report.carried_problems = _verified(src, dst)
        report.citations_checked = dst.review.citation_count()
    return report


def _check_columns(src: Store, dst: Store, tables: tuple[TableShape, ...]) -> None:
    """Both stores must have every project table with its columns (the same app version)."""
    for store in (src, dst):
        for table in tables:
            if set(store.transfer.columns(table.name)) != set(table.columns):
                raise StorageProblem(
                    "Table {table} of {where} does not have the columns this version of "
                    "Indicite expects; open it with this version first. Nothing was copied.",
                    table=table.name,
                    where=store.shown_location,
                )


def _refuse_nonempty(dst: Store, tables: tuple[TableShape, ...]) -> None:
    held = {name: n for name, n in dst.transfer.counts(tables).items() if n}
    if held:
        raise StorageProblem(
            "{target} already holds data ({held}); copy into a new file or an empty database. "
            "Nothing was changed.",
            target=dst.shown_location,
            held=", ".join(f"{n} {name}" for name, n in held.items()),
        )


def _copy_table(src: Store, dst: Store, table: TableShape, progress: Progress) -> int:
    """Rows pointing into their own table go in without that link, set once all are in."""
    links: list[tuple[Any, Any]] = []
    positions = [table.columns.index(c) for c in table.self_references]
    key = table.columns.index(table.key[0]) if positions else 0
    done = 0

    def batches() -> Iterator[Rows]:
        nonlocal done
        for batch in src.transfer.read(table):
            if positions:
                batch = [_unlinked(row, positions, key, links) for row in batch]
            done += len(batch)
            progress(table.name, done)
            yield batch

    written = dst.transfer.write(table, batches())
    for column in table.self_references:
        at = table.columns.index(column)
        pairs = [(row_key, row[at]) for row_key, row in links if row[at] is not None]
        dst.transfer.relink(table, column, pairs)
    return written


def _unlinked(
    row: tuple[Any, ...], positions: list[int], key: int, links: list[tuple[Any, Any]]
) -> tuple[Any, ...]:
    if all(row[p] is None for p in positions):
        return row
    links.append((row[key], row))
    return tuple(None if i in positions else value for i, value in enumerate(row))


def _verified(src: Store, dst: Store) -> list[str]:
    """Problems of the copy's citations, which must all be the source's own already (read
    in the source's snapshot, still open)."""
    found = verify_citations(Session(dst, login_name()))
    if not found:
        return []
    before = {str(p) for p in verify_citations(Session(src, login_name()))}
    new = [str(p) for p in found if str(p) not in before]
    if new:
        raise StorageProblem(
            "The copy's citations do not check out ({problem}); nothing was written to the target.",
            problem=new[0],
        )
    return [str(p) for p in found]
