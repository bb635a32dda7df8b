"""The PostgreSQL schema holds what the SQLite migrations make, and its migrations are as careful.

A project copied between the stores (``indicite copy``) and the repositories' one query text
both rely on the two schemas having the same tables, columns, keys and indexes. The migration
tests open real databases on the test server: a newer or foreign one is refused and left as it
was, an older one is brought up to date, and desks starting together do not upgrade twice.
"""

import re
import threading
from pathlib import Path

import psycopg
import pytest

from indicite.core.errors import DatabaseTooNew, DatabaseUnusable
from indicite.storage.database import open_database
from indicite.storage.postgres import schema
from indicite.storage.postgres.connect import open_postgres
from indicite.storage.store import Store

# Tables only a server database has: the migration history (SQLite's is _sqlite_migrations),
# and who has which entry open (desks connected at once: team-4's p0NN_entry_presence).
PG_ONLY_TABLES = {schema.HISTORY, "entry_presence"}
# SQLite's own bookkeeping and the FTS5 index tables; PostgreSQL searches with pg_trgm instead.
SQLITE_ONLY = re.compile(r"^(sqlite_|_sqlite_migrations$|\w+_fts($|_))")
# The declared SQLite type of a column, and the PostgreSQL types that hold the same values.
COMPATIBLE = {
    "INTEGER": {"bigint", "integer", "smallint"},
    "TEXT": {"text", "character varying"},
    "REAL": {"double precision", "real"},
    "BLOB": {"bytea"},
}


def sqlite_tables(path: Path) -> dict[str, dict[str, dict]]:
    """{table: {column: {type, notnull, default, pk}}} of a database the migrations made."""
    db = open_database(path)
    try:
        names = [
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not SQLITE_ONLY.match(row[0])
        ]
        return {
            name: {
                col: {"type": kind.upper(), "notnull": bool(notnull), "default": default, "pk": pk}
                for _, col, kind, notnull, default, pk in db.execute(f'PRAGMA table_info("{name}")')
            }
            for name in names
        }
    finally:
        db.close()


def pg_tables(conn: psycopg.Connection) -> dict[str, dict[str, dict]]:
    rows = conn.execute(
        "SELECT table_name, column_name, data_type, is_nullable = 'NO', column_default "
        "FROM information_schema.columns WHERE table_schema = current_schema() "
        "ORDER BY table_name, ordinal_position"
    ).fetchall()
    primary = {
        (table, column)
        for table, column in conn.execute(
            "SELECT t.relname, a.attname FROM pg_index i "
            "JOIN pg_class t ON t.oid = i.indrelid "
            "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
            "WHERE i.indisprimary AND t.relnamespace = current_schema()::regnamespace"
        )
    }
    tables: dict[str, dict[str, dict]] = {}
    for table, column, kind, notnull, default in rows:
        tables.setdefault(table, {})[column] = {
            "type": kind,
            "notnull": notnull,
            # '[]'::text -> '[]', as SQLite writes the default
            "default": re.sub(r"::[a-z ]+$", "", default) if default else None,
            "pk": (table, column) in primary,
        }
    return tables


@pytest.fixture
def both_schemas(tmp_path, pg_url):
    with psycopg.connect(pg_url) as conn:
        return sqlite_tables(tmp_path / "schema.sqlite"), pg_tables(conn)


def test_every_table_of_either_store_is_in_the_other(both_schemas):
    lite, pg = both_schemas
    assert sorted(lite) == sorted(set(pg) - PG_ONLY_TABLES)


def test_every_column_has_the_same_name_type_and_constraints_in_both_stores(both_schemas):
    lite, pg = both_schemas
    differences = []
    for table in sorted(lite):
        if sorted(lite[table]) != sorted(pg[table]):
            differences.append(f"{table}: columns {sorted(lite[table])} != {sorted(pg[table])}")
            continue
        for column, want in lite[table].items():
            have = pg[table][column]
            if have["type"] not in COMPATIBLE[want["type"]]:
                differences.append(f"{table}.{column}: {want['type']} is {have['type']}")
            if bool(want["pk"]) != have["pk"]:
                differences.append(f"{table}.{column}: primary key differs")
            # a primary key column is NOT NULL on PostgreSQL whatever SQLite declares
            if not want["pk"] and want["notnull"] != have["notnull"]:
                differences.append(f"{table}.{column}: NOT NULL differs")
            if want["default"] != have["default"]:
                differences.append(
                    f"{table}.{column}: default {want['default']} is {have['default']}"
                )
    assert differences == []


def test_foreign_keys_are_the_same_in_both_stores(tmp_path, pg_url):
    db = open_database(tmp_path / "schema.sqlite")
    try:
        tables = [
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not SQLITE_ONLY.match(row[0])
        ]
        lite = {
            (table, row[3], row[2], row[4] or "id")
            for table in tables
            for row in db.execute(f'PRAGMA foreign_key_list("{table}")')
        }
    finally:
        db.close()
    with psycopg.connect(pg_url) as conn:
        pg = set(
            conn.execute(
                "SELECT t.relname, a.attname, r.relname, ra.attname FROM pg_constraint c "
                "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid "
                "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
                "JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = c.confkey[1] "
                "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace"
            ).fetchall()
        )
    assert lite
    assert lite == {key for key in pg if key[0] not in PG_ONLY_TABLES}


def test_every_sqlite_index_is_on_postgresql_with_the_same_columns(tmp_path, pg_url):
    """The browse, review and checks queries at 1M rows rely on these indexes on both stores.
    (PostgreSQL has its trigram indexes besides, for search.)"""
    db = open_database(tmp_path / "schema.sqlite")
    try:
        lite = {}
        for name, table, sql in db.execute(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ):
            if SQLITE_ONLY.match(table):
                continue
            columns = [row[2] for row in db.execute(f'PRAGMA index_info("{name}")')]
            unique = sql.upper().startswith("CREATE UNIQUE")
            lite[name] = (table, columns, unique, " WHERE " in sql.upper())
    finally:
        db.close()
    with psycopg.connect(pg_url) as conn:
        pg = {
            name: (table, list(columns), unique, partial)
            for name, table, columns, unique, partial in conn.execute(
                "SELECT ic.relname, t.relname, "
                "array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o) "
                "LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n "
                "ORDER BY k.o), i.indisunique, i.indpred IS NOT NULL "
                "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                "JOIN pg_class t ON t.oid = i.indrelid "
                "WHERE NOT i.indisprimary AND t.relnamespace = current_schema()::regnamespace"
            )
        }
    assert lite
    assert {name: pg.get(name) for name in lite} == lite
    trigram = {name: pg[name][:2] for name in pg if name.endswith("_trgm")}
    assert sorted(trigram.values()) == [("citations", [None]), ("indicators", [None])]


def test_the_history_is_append_only_in_both_stores(store_location):
    store = Store.open(store_location)
    try:
        store.db.execute(
            "INSERT INTO events (at, who, action) VALUES ('2025-01-01', 'tester', 'test')"
        )
        for statement in ("UPDATE events SET who = 'someone else'", "DELETE FROM events"):
            with pytest.raises(Exception, match="append-only"):
                store.db.execute(statement)
        assert [row[0] for row in store.db.execute("SELECT who FROM events")] == ["tester"]
    finally:
        store.close()


# --- migrations -----------------------------------------------------------------------------


def snapshot(url: str) -> dict:
    """What a refused open must leave as it was: tables, extensions, history, rows."""
    with psycopg.connect(url) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "ORDER BY tablename"
            )
        ]
        return {
            "tables": tables,
            "extensions": sorted(
                row[0] for row in conn.execute("SELECT extname FROM pg_extension")
            ),
            "rows": {
                t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # noqa: S608
                for t in tables
            },
            "history": [
                row[0]
                for row in conn.execute(
                    f"SELECT name FROM {schema.HISTORY} ORDER BY name"  # noqa: S608
                )
            ]
            if schema.HISTORY in tables
            else None,
        }


def history(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [row[0] for row in conn.execute(f"SELECT name FROM {schema.HISTORY} ORDER BY name")]  # noqa: S608


def test_a_database_from_a_newer_version_is_refused_and_left_unchanged(pg_url):
    with psycopg.connect(pg_url) as conn:
        conn.execute(
            f"INSERT INTO {schema.HISTORY} (name) VALUES ('p999_from_a_newer_indicite')"  # noqa: S608
        )
        conn.execute("CREATE TABLE made_by_the_newer_version (x int)")
    before = snapshot(pg_url)

    with pytest.raises(DatabaseTooNew, match="newer version of Indicite") as refused:
        Store.open(pg_url)

    assert "p999_from_a_newer_indicite" in before["history"]
    assert snapshot(pg_url) == before
    assert "password" not in str(refused.value).lower()


def test_a_foreign_database_is_refused_and_left_unchanged(empty_pg_url):
    with psycopg.connect(empty_pg_url) as conn:
        conn.execute("CREATE TABLE customers (id int PRIMARY KEY, name text)")
        conn.execute("INSERT INTO customers VALUES (1, '张三')")
    before = snapshot(empty_pg_url)

    with pytest.raises(DatabaseUnusable, match="another program's tables"):
        Store.open(empty_pg_url)

    assert snapshot(empty_pg_url) == before
    assert before["history"] is None
    assert "pg_trgm" not in before["extensions"]


def test_an_empty_database_gets_the_whole_schema(empty_pg_url):
    store = Store.open(empty_pg_url)
    store.close()
    assert history(empty_pg_url) == [name for name, _ in schema.migration_files()]
    assert "pg_trgm" in snapshot(empty_pg_url)["extensions"]


def test_a_database_of_an_older_version_is_upgraded_keeping_its_data(empty_pg_url, monkeypatch):
    """Made by a version that had only the first migration, with an entry in it; opened by
    this version (plus a migration of a later one, so there is always something to apply)."""
    files = schema.migration_files()
    monkeypatch.setattr(schema, "migration_files", lambda: files[:1])
    open_postgres(empty_pg_url).close()
    with psycopg.connect(empty_pg_url) as conn:
        conn.execute(
            "INSERT INTO documents (title, text, text_sha256, char_count, imported_at) "
            "VALUES ('统计公报', '全市生产总值', 'x', 6, '2025-01-01')"
        )
    later = (
        "p999_later_version",
        "CREATE TABLE later_notes (id bigint PRIMARY KEY, body text NOT NULL);",
    )
    monkeypatch.setattr(schema, "migration_files", lambda: [*files, later])

    store = Store.open(empty_pg_url)
    try:
        assert [d["title"] for d in store.documents.list()] == ["统计公报"]
    finally:
        store.close()

    assert history(empty_pg_url) == sorted([name for name, _ in files] + ["p999_later_version"])
    assert "later_notes" in snapshot(empty_pg_url)["tables"]


def test_a_failing_migration_leaves_the_database_at_its_old_version(pg_url, monkeypatch):
    before = snapshot(pg_url)
    broken = ("p999_broken", "CREATE TABLE half_done (x int); SELECT no_such_function();")
    files = schema.migration_files()
    monkeypatch.setattr(schema, "migration_files", lambda: [*files, broken])

    with pytest.raises(Exception, match="no_such_function"):
        Store.open(pg_url)

    assert snapshot(pg_url) == before


def test_desks_opening_a_empty_pg_url_together_all_succeed(empty_pg_url):
    """Eight desks start at the same moment on a database nobody has opened yet: the advisory
    lock lets one create the schema and the others find it done."""
    desks = 8
    start = threading.Barrier(desks)
    outcomes: list[object] = []

    def desk() -> None:
        start.wait()
        try:
            open_postgres(empty_pg_url).close()
            outcomes.append("opened")
        except Exception as e:  # reported below, with what went wrong
            outcomes.append(e)

    threads = [threading.Thread(target=desk) for _ in range(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert outcomes == ["opened"] * desks
    assert history(empty_pg_url) == [name for name, _ in schema.migration_files()]
