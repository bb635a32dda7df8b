"""Shared fixtures: a fresh database per test, isolated settings and data folder, offscreen Qt."""

import os
import shutil
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
def damaged_inside(session, sample_doc, db_path) -> Path:
    """A database of 30 entries with a page of the indicators table overwritten: the header
    and the schema still read, so only the full check finds the damage.

    The page is looked up (dbstat) rather than taken from the middle of the file: where the
    schema's own pages lie depends on how many tables the migrations create.
    """
    import sqlite3
    from contextlib import closing

    from indicite.services.indicators import create_indicator

    for n in range(30):
        create_indicator(session, sample_doc, {"name": f"指标{n}", "notes": "x" * 500}, [(0, 4)])
    session.close()
    good = db_path.read_bytes()
    with closing(sqlite3.connect(db_path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        (page,) = db.execute(
            "SELECT max(pageno) FROM dbstat WHERE name = 'indicators' AND pagetype = 'leaf'"
        ).fetchone()
    at = (page - 1) * page_size
    db_path.write_bytes(good[:at] + os.urandom(page_size) + good[at + page_size :])
    return db_path
