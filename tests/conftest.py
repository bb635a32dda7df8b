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
def _qt_test_mode(tmp_path_factory):
    """No test touches the user's real QSettings or standard paths, nor the settings of
    another test run on the same machine (test mode alone shares one file between runs)."""
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    folder = str(tmp_path_factory.mktemp("settings"))
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)


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


@pytest.fixture(scope="session")
def _pg_clerk(pg_server):
    """A login role that must give a password (pg_cluster's SCRAM_GROUP); superuser, so it
    reads every test database. Skips where the server trusts every login (no password asked)."""
    import psycopg
    import psycopg.sql

    from pg_cluster import SCRAM_GROUP
    from pg_logins import CLERK, CLERK_PASSWORD, as_user

    with psycopg.connect(pg_server, autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [SCRAM_GROUP]).fetchone():
            admin.execute(f"CREATE ROLE {SCRAM_GROUP} NOLOGIN")
        if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [CLERK]).fetchone():
            admin.execute(f"CREATE ROLE {CLERK} LOGIN SUPERUSER IN ROLE {SCRAM_GROUP}")
        admin.execute(
            psycopg.sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                psycopg.sql.Identifier(CLERK), psycopg.sql.Literal(CLERK_PASSWORD)
            )
        )
    try:
        psycopg.connect(as_user(pg_server, CLERK, "wrong"), connect_timeout=5).close()
    except psycopg.OperationalError:
        return CLERK
    pytest.skip("this PostgreSQL server lets every login in without a password")


@pytest.fixture
def pg_clerk_url(pg_url, _pg_clerk):
    """``pg_url`` as a user the server asks a password of; the URL holds none."""
    from pg_logins import as_user

    return as_user(pg_url, _pg_clerk)


@pytest.fixture
def memory_keychain():
    """An OS keychain in memory for ``keyring``: {(service, name): password}."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self):
            super().__init__()
            self.passwords: dict[tuple[str, str], str] = {}

        def get_password(self, service, username):
            return self.passwords.get((service, username))

        def set_password(self, service, username, password):
            self.passwords[(service, username)] = password

        def delete_password(self, service, username):
            self.passwords.pop((service, username), None)

    before = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory.passwords
    keyring.set_keyring(before)


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


def pytest_report_header(config) -> str:
    """Say at the top of the run where the team-mode (PostgreSQL) tests run, or why not."""
    import pg_cluster
    from indicite.storage.postgres.connect import without_password

    given = os.environ.get("INDICITE_TEST_PG_URL")
    if given:
        return f"postgresql: {without_password(given)} (INDICITE_TEST_PG_URL)"
    binaries = pg_cluster.bin_dir()
    if binaries is None:
        return "postgresql: not installed, the [postgres] tests are skipped (see README)"
    return f"postgresql: a throwaway cluster of {binaries}"


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL cluster for the team-mode tests: ``INDICITE_TEST_PG_URL`` (an empty
    database on a server the run may create databases on), else a throwaway cluster started
    here. Without PostgreSQL installed the team-mode tests are skipped, except under
    ``INDICITE_REQUIRE_PG=1`` (CI), where that is an error."""
    import pg_cluster

    given = os.environ.get("INDICITE_TEST_PG_URL")
    if given:
        yield given
        return
    if pg_cluster.bin_dir() is None:
        if os.environ.get("INDICITE_REQUIRE_PG") == "1":
            pytest.fail("INDICITE_REQUIRE_PG=1 but PostgreSQL is not installed")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    folder, url = pg_cluster.start()
    try:
        yield url
    finally:
        pg_cluster.stop(folder)


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A migrated database that each test's database is copied from (50 ms instead of 1 s)."""
    import psycopg

    from indicite.storage.postgres.connect import open_postgres

    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS indicite_template")
        admin.execute("CREATE DATABASE indicite_template")
    open_postgres(database_url(pg_server, "indicite_template")).close()
    return "indicite_template"


def database_url(server_url: str, name: str) -> str:
    """``server_url`` with another database name."""
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


def fresh_pg_database(server_url: str, template: str, name: str):
    """A fresh, migrated database ``name`` for one test, dropped afterwards (yields its URL)."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    yield database_url(server_url, name)
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_url(pg_server, pg_template, request):
    """The URL of a fresh, migrated database for one test, dropped afterwards."""
    name = f"t_{os.getpid()}_{abs(hash(request.node.nodeid)):x}"
    yield from fresh_pg_database(pg_server, pg_template, name)


@pytest.fixture
def empty_pg_url(pg_server, request):
    """The URL of an empty database, without Indicite's schema, dropped afterwards."""
    name = f"e_{os.getpid()}_{abs(hash(request.node.nodeid)):x}"
    yield from fresh_pg_database(pg_server, "template0", name)


@pytest.fixture
def other_pg_url(pg_server, pg_template, request):
    """A second fresh database for one test (a colleague's project, say)."""
    name = f"o_{os.getpid()}_{abs(hash(request.node.nodeid)):x}"
    yield from fresh_pg_database(pg_server, pg_template, name)


def pytest_generate_tests(metafunc):
    """Tests taking ``store_location`` run on both stores, except in modules about the
    database file itself (``FILE_STORE_ONLY = True``: health checks, backups, open files)."""
    if "store_location" in metafunc.fixturenames:
        file_only = getattr(metafunc.module, "FILE_STORE_ONLY", False)
        stores = ["sqlite"] if file_only else ["sqlite", "postgres"]
        metafunc.parametrize("store_location", stores, indirect=True)


@pytest.fixture
def store_location(request, db_path):
    """Where a parametrised test's database is: a SQLite file, or a PostgreSQL database."""
    if request.param == "sqlite":
        return db_path
    return request.getfixturevalue("pg_url")


@pytest.fixture
def other_location(store_location, tmp_path, request):
    """A second, empty database on the same kind of store as ``store_location``."""
    if isinstance(store_location, Path):
        return tmp_path / "other.sqlite"
    return request.getfixturevalue("other_pg_url")
