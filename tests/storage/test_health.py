"""A damaged database is refused with a clear message and never written to."""

import hashlib
import os

import pytest

from indicite.core.errors import DatabaseUnusable
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.storage.health import check_health

FILE_STORE_ONLY = True  # about the SQLite file itself


@pytest.fixture
def good_bytes(session, sample_doc, db_path) -> bytes:
    for n in range(30):
        create_indicator(session, sample_doc, {"name": f"指标{n}", "notes": "x" * 500}, [(0, 4)])
    session.close()
    return db_path.read_bytes()


def _refused(path) -> str:
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseUnusable) as info:
        Session.open(path, "tester")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    return str(info.value)


def test_sound_database_passes(good_bytes, db_path):
    check_health(db_path)


def test_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库", encoding="utf-8")
    assert "not an SQLite file" in _refused(path)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.02])
def test_truncated_file_is_refused(good_bytes, db_path, keep):
    db_path.write_bytes(good_bytes[: int(len(good_bytes) * keep)])
    message = _refused(db_path)
    assert "is cut short" in message and "restore a backup" in message


def test_overwritten_pages_fail_quick_check(good_bytes, db_path):
    middle = len(good_bytes) // 2
    db_path.write_bytes(good_bytes[:middle] + os.urandom(8192) + good_bytes[middle + 8192 :])
    assert "failed SQLite's integrity check" in _refused(db_path)


def test_zeroed_file_after_header_is_refused(good_bytes, db_path):
    db_path.write_bytes(good_bytes[:100] + bytes(len(good_bytes) - 100))
    assert "failed SQLite's integrity check" in _refused(db_path)


def test_a_busy_database_is_not_called_damaged(good_bytes, db_path, monkeypatch):
    """A writer holding an exclusive lock (rollback journal on a network folder) is not damage."""
    import sqlite3

    from indicite.core.errors import StorageProblem
    from indicite.storage import health

    monkeypatch.setattr(health, "BUSY_TIMEOUT_S", 0.05)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageProblem, match="busy"):
            check_health(db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    check_health(db_path)


def test_a_file_that_cannot_be_read_is_not_blamed(tmp_path):
    """When our checks cannot tell (here: a folder where the file should be), the message
    says what happened and does not call the file damaged."""
    folder = tmp_path / "looks-like.sqlite"
    folder.mkdir()
    (folder / "inside").write_text("x", encoding="utf-8")
    with pytest.raises(DatabaseUnusable) as info:
        Session.open(folder, "tester")
    message = str(info.value)
    assert "could not be opened" in message and "rather than the file itself" in message
    assert "damaged" not in message and "integrity" not in message
