"""Damage a database file the way a bad disk does, where the quick check at open cannot see it."""

import os
import sqlite3
from contextlib import closing
from pathlib import Path


def damage_indicator_pages(db_path: Path) -> None:
    """Overwrite two pages of the indicators table (the database must be closed).

    The header and the schema still read. The schema outgrows its first page as migrations
    are added, so the pages are picked from the indicators' own, not the middle of the file.
    """
    with closing(sqlite3.connect(db_path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        sql = "SELECT pageno FROM dbstat WHERE name = 'indicators' ORDER BY 1"
        pages = [row[0] for row in db.execute(sql)]
    good = db_path.read_bytes()
    at = (pages[len(pages) // 2] - 1) * page_size
    db_path.write_bytes(good[:at] + os.urandom(2 * page_size) + good[at + 2 * page_size :])
