"""A full disk or a read-only database: a clear message, nothing half-written, and the same
action succeeds once the cause is gone."""

import sqlite3

import pytest
from sqlite_utils import Database

from indicite.core.errors import StorageProblem
from indicite.services.indicators import create_indicator, update_indicator
from indicite.services.session import Session
from indicite.storage import Store

BIG = {"name": "规上工业增加值", "value": 4.2, "unit": "%", "notes": "说明" * 20_000}


def _counts(session) -> tuple[int, int, int]:
    db = session.store.db
    return tuple(
        db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 (fixed names)
        for table in ("indicators", "citations", "events")
    )


def _fill_disk(session) -> None:
    pages = session.store.db.execute("PRAGMA page_count").fetchone()[0]
    session.store.db.execute(f"PRAGMA max_page_count = {pages:d}")


def test_full_disk_refuses_whole_action_then_succeeds(session, sample_doc):
    before = _counts(session)
    _fill_disk(session)
    with pytest.raises(StorageProblem, match=r"disk is full.*nothing was saved"):
        create_indicator(session, sample_doc, BIG, [(0, 4), (10, 14)])
    assert _counts(session) == before
    assert session.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    session.store.db.execute("PRAGMA max_page_count = 1073741823")  # space is back
    ind = create_indicator(session, sample_doc, BIG, [(0, 4), (10, 14)])
    assert len(ind.citations) == 2
    assert _counts(session) == (before[0] + 1, before[1] + 2, before[2] + 1)


def test_full_disk_during_edit_keeps_the_old_values(session, sample_doc):
    ind = create_indicator(session, sample_doc, {"name": "工业投资"}, [(0, 4)])
    _fill_disk(session)
    with pytest.raises(StorageProblem, match="disk is full"):
        update_indicator(session, ind.id, {"notes": "长" * 50_000}, ind.version)
    assert session.store.indicators.get(ind.id).notes == ""
    session.store.db.execute("PRAGMA max_page_count = 1073741823")
    assert update_indicator(session, ind.id, {"notes": "长" * 50_000}, ind.version).version == 2


def _read_only_session(path) -> Session:
    """A read-only file as SQLite sees it (chmod does not stop root, so open with mode=ro)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    return Session(Store(Database(conn), path), "tester")


def test_read_only_file_refuses_with_a_clear_message(session, sample_doc, db_path):
    before = _counts(session)
    read_only = _read_only_session(db_path)
    try:
        with pytest.raises(StorageProblem, match=r"read-only.*nothing was saved"):
            create_indicator(read_only, sample_doc, BIG, [(0, 4)])
        assert _counts(read_only) == before
    finally:
        read_only.close()
    assert create_indicator(session, sample_doc, BIG, [(0, 4)]).version == 1


def test_query_only_connection_refuses_too(session, sample_doc):
    session.store.db.execute("PRAGMA query_only = ON")
    with pytest.raises(StorageProblem, match="read-only"):
        create_indicator(session, sample_doc, {"name": "工业投资"}, [(0, 4)])
    session.store.db.execute("PRAGMA query_only = OFF")
    assert create_indicator(session, sample_doc, {"name": "工业投资"}, [(0, 4)]).version == 1
