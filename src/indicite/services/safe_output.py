"""Where an export may be written: never onto a database, its journals, a folder or a pipe;
and no file to import or load may be a database open here.

An export replaces its target by renaming a finished temporary file in the same folder over
it (io.writers.PendingFile), so a target that is the open database, its ``-wal``/``-shm``/
``-journal``, a backup or any other SQLite file would be destroyed or, worse, swapped under
SQLite's feet while the app writes to it. Like ``cp a a``, the comparison is by file identity
(``os.path.samefile``), so another spelling of the same path or a link to it is caught too.
"""

import os
import stat
from pathlib import Path

from indicite.core.errors import ImportRefused, IndiciteError
from indicite.storage.health import SQLITE_HEADER
from indicite.storage.open_files import SIDE_FILES, open_database_of


def refuse_open_database_as_input(path: Path) -> None:
    """Reading a database open here with Python would drop its locks (storage.open_files)."""
    database = open_database_of(path)
    if database is not None:
        raise ImportRefused(
            "{path} is the open database {database} (or its journal), not a document or "
            "table; choose the file to import.",
            path=path,
            database=database,
        )


def check_output(path: Path, fmt: str, database: Path | None) -> None:
    """Raise IndiciteError (one line, nothing written) unless an export may write ``path``."""
    targets = [Path(path)]
    if fmt == "csv":
        from indicite.io.csv_writer import citations_path

        targets.append(citations_path(Path(path)))
    for target in targets:
        check_target(target, database)


def check_target(path: Path, database: Path | None) -> None:
    """One file an export would write: refuse anything but a new or ordinary, non-SQLite file."""
    if not path.parent.is_dir():
        raise IndiciteError(
            "Cannot write {path}: there is no folder {folder}; choose an existing folder.",
            path=path,
            folder=path.parent,
        )
    live = database_at(path, database)
    if live is not None:
        raise IndiciteError(
            "Cannot write {path}: it is the database {database} (or its journal); "
            "choose another file name.",
            path=path,
            database=live,
        )
    try:
        mode = os.stat(path).st_mode
    except OSError:  # nothing there yet, or the writer's own open will say why it cannot
        return
    if stat.S_ISDIR(mode):
        raise IndiciteError("Cannot write {path}: it is a folder; choose a file name.", path=path)
    if not stat.S_ISREG(mode):
        raise IndiciteError(
            "Cannot write {path}: it is not an ordinary file (a pipe or device); "
            "choose another file name.",
            path=path,
        )
    if _is_sqlite_file(path):
        raise IndiciteError(
            "Cannot write {path}: it is a database (or a backup); an export never replaces "
            "one. Choose another file name.",
            path=path,
        )


def database_at(path: Path, database: Path | None) -> Path | None:
    """The database ``path`` is (or whose journal it is): this session's or any open here."""
    if database is not None:
        for side in ("", *SIDE_FILES):
            candidate = database.with_name(database.name + side)
            if _same_file(path, candidate):
                return database
    for side in SIDE_FILES:
        base = path.with_name(path.name.removesuffix(side))
        if path.name.endswith(side) and base.is_file():
            return base
    return open_database_of(path)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())


def _is_sqlite_file(path: Path) -> bool:
    """Read the first bytes of an existing target. Safe by the rule of storage.open_files:
    ``database_at`` has made sure that no connection of this process has it open."""
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False
