"""Shared fixtures: a fresh database per test, isolated settings and data folder, offscreen Qt."""

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "tianjin_industry_2025.txt"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory, monkeypatch):
    """No test touches the user's real data folder."""
    monkeypatch.setenv("INDICITE_DATA_DIR", str(tmp_path_factory.mktemp("data-dir")))


@pytest.fixture(scope="session", autouse=True)
def _qt_test_mode():
    """No test touches the user's real QSettings or standard paths."""
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "test.sqlite"


@pytest.fixture
def session(db_path):
    from indicite.services.session import Session

    s = Session.open(db_path, "tester")
    yield s
    s.close()


@pytest.fixture
def sample_file(tmp_path) -> Path:
    target = tmp_path / SAMPLE.name
    shutil.copy(SAMPLE, target)
    return target


@pytest.fixture
def sample_doc(session, sample_file) -> int:
    from indicite.services.documents import DocumentMeta, import_file

    outcome = import_file(
        session, sample_file, DocumentMeta(issuer="天津市工业和信息化局", subject="天津")
    )
    assert outcome.ok, outcome.error
    return outcome.document_id


@pytest.fixture
def damage_indicator_pages():
    """A function that damages a database file inside, where only a full check sees it."""
    return _damage_indicator_pages


def _damage_indicator_pages(db_path: Path, good: bytes) -> None:
    """Overwrite one page of the indicators table with noise: the header and the schema still
    read, so only a full check finds it. The page is looked up, not taken from the middle of
    the file, which holds a page of the schema whenever a migration makes the schema grow.
    (Read before the bytes are written: no other connection is open.)"""
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = [p for (p,) in db.execute("SELECT pageno FROM dbstat WHERE name = 'indicators'")]
    at = (sorted(pages)[len(pages) // 2] - 1) * page_size
    db_path.write_bytes(good[:at] + os.urandom(page_size) + good[at + page_size :])
