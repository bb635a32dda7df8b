"""Shared fixtures: a fresh database per test, isolated settings and data folder, offscreen Qt."""

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


@pytest.fixture(autouse=True)
def _fresh_settings(_qt_test_mode):
    """Each test starts with empty app settings (recent databases, language, window state):
    the test-mode settings file would otherwise carry them from test to test, and from one
    run to the next on the same machine."""
    from PySide6.QtCore import QSettings

    QSettings().clear()


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
def overwrite_rows_page():
    """A function that overwrites one page of a table's rows in a closed database file with
    noise, so that the header and the schema still read and only a full check finds it.

    The page is looked up (dbstat), not guessed from the file size: where the schema's pages
    lie moves with every migration that adds an index."""
    import os
    from contextlib import closing

    def overwrite(db_path: Path, good: bytes, table: str = "indicators") -> None:
        with closing(sqlite3.connect(db_path)) as conn:
            size = conn.execute("PRAGMA page_size").fetchone()[0]
            (page,) = conn.execute(
                "SELECT max(pageno) FROM dbstat WHERE name = ?", [table]
            ).fetchone()
        start = (page - 1) * size
        db_path.write_bytes(good[:start] + os.urandom(size) + good[start + size :])

    return overwrite
