"""The record of database files open in this process, and what it keeps our code from doing."""

import os
from datetime import datetime

import pytest

from indicite.core.errors import ImportRefused, StorageProblem
from indicite.services.documents import import_file
from indicite.services.load import load
from indicite.services.session import Session
from indicite.storage import health, open_files
from indicite.storage.backups import copy_backup_to, set_aside

FILE_STORE_ONLY = True  # about the SQLite file itself


def test_a_file_is_open_while_any_session_has_it_under_any_name(session, db_path, tmp_path):
    link, symlink = tmp_path / "link.sqlite", tmp_path / "symlink.sqlite"
    os.link(db_path, link)
    symlink.symlink_to(db_path)
    assert open_files.is_open(db_path) and open_files.is_open(link)
    assert open_files.open_database_of(db_path.with_name(db_path.name + "-wal")) is not None
    second = Session.open(symlink, "worker", create=False)
    session.close()
    assert open_files.is_open(db_path)  # the second session still has it
    second.close()
    assert not open_files.is_open(db_path) and not open_files.is_open(symlink)


def test_a_worker_on_a_checked_file_reads_nothing_again(session, db_path, monkeypatch):
    checks = []
    monkeypatch.setattr(health, "_check_header", lambda path: checks.append("header"))
    monkeypatch.setattr(health, "quick_check", lambda path: checks.append("pages") or "")
    Session.open(db_path, "worker", create=False).close()
    assert checks == []


def test_a_worker_before_the_full_check_runs_it_through_sqlite_only(db_path, monkeypatch):
    Session.open(db_path, "tester").close()
    app = Session.open(db_path, "app", full_check=False)
    checks = []
    monkeypatch.setattr(health, "_check_header", lambda path: checks.append("header"))
    real = health.quick_check
    monkeypatch.setattr(health, "quick_check", lambda path: checks.append("pages") or real(path))
    Session.open(db_path, "worker", create=False).close()
    app.close()
    assert checks == ["pages"]


def test_an_open_database_is_not_set_aside_nor_overwritten(session, db_path, tmp_path):
    with pytest.raises(StorageProblem, match="only SQLite may write it"):
        set_aside(db_path, tmp_path / "aside", "x", datetime(2026, 3, 1))
    assert db_path.is_file()
    with pytest.raises(StorageProblem, match="still there"):
        copy_backup_to(db_path, db_path)


def test_the_open_database_is_not_imported_or_loaded(session, db_path):
    outcome = import_file(session, db_path)
    assert not outcome.ok and "is the open database" in outcome.error
    with pytest.raises(ImportRefused, match="is the open database"):
        load(session, db_path.with_name(db_path.name + "-wal"))
