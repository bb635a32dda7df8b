"""`indicite copy`: a whole project moves between a SQLite file and a PostgreSQL database and
back, every table and byte of it, in one transaction that an interruption leaves undone."""

import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest

from indicite.core.catalog import CatalogItem
from indicite.core.char_map import CharMap, Run
from indicite.core.errors import StorageProblem
from indicite.core.ocr_page import OcrPage
from indicite.services import review
from indicite.services.catalog import add_item, edit_item
from indicite.services.copy import copy_project
from indicite.services.documents import import_file
from indicite.services.indicators import create_indicator
from indicite.services.revisions import import_new_version
from indicite.services.search import search_indicators
from indicite.services.session import Session
from indicite.services.suggestions import dismiss
from indicite.services.users import add_user, ensure_user
from indicite.services.verify import verify_citations
from indicite.storage.transfer import project_tables, quoted

DATA = Path(__file__).resolve().parents[1] / "data"
SQLITE_TYPES = {"INTEGER": "bigint", "TEXT": "text", "REAL": "double precision", "BLOB": "bytea"}


def span_of(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


@pytest.fixture
def project(tmp_path, sample_file) -> Path:
    """A SQLite project in which every table of the schema holds rows."""
    path = tmp_path / "project.sqlite"
    tester = Session.open(path, "tester")
    try:
        ensure_user(tester)
        add_user(tester, "eve", "editor")
        eve = Session(tester.store, "eve")
        review.set_four_eyes(tester, False)
        review.set_four_eyes(tester, True)
        doc = import_file(tester, sample_file).document_id
        text = tester.store.documents.get(doc).text
        # a parent added after its child: the child's row comes first and points ahead
        child = add_item(tester, CatalogItem(code="A0101", name="工业增加值增速"))
        parent = add_item(tester, CatalogItem(code="A01", name="工业增加值"))
        edit_item(tester, replace(child, parent_id=parent.id))
        grows = create_indicator(
            tester, doc, {"name": "工业增加值增速", "value": 9.2, "unit": "%"},
            [span_of(text, "9.2%")],
        )  # fmt: skip
        grows = review.submit(tester, grows.id, grows.version)
        grows = review.approve(eve, grows.id, grows.version)
        review.add_comment(eve, grows.id, "核对过，数字无误。")
        kept = create_indicator(tester, doc, {"name": "企业数"}, [span_of(text, "超170家")])
        with tester.store.transaction():
            tester.store.db.execute(
                "INSERT INTO load_provenance (indicator_id, file, row) VALUES (?, ?, ?)",
                [kept.id, "旧表.xlsx", 3],
            )
        dismiss(tester, doc, 0, 4)
        v2 = tmp_path / "v2.txt"
        v2.write_text(text.replace("9.2%", "9.4%", 1), encoding="utf-8")
        new_doc = import_new_version(tester, v2, doc).document_id
        tables_doc = import_file(tester, DATA / "daqing_2012_tables.txt").document_id
        with tester.store.transaction():
            tester.store.char_maps.put(new_doc, CharMap([Run(0, 0, 0, 10)]), "2025-01-01")
            tester.store.ocr_pages.put_all(
                new_doc, {0: OcrPage("工业增加值\n", [(1.0, 2.0, 3.0, 4.0)] * 5 + [None],
                                     bytes([255, 200, 0, 17, 99, 0]))}
            )  # fmt: skip
        assert tester.store.tables.for_document(tables_doc)
    finally:
        tester.close()
    return path


def rows_of(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table a project file holds (full-text index and migrations apart)."""
    with closing(sqlite3.connect(path)) as conn:
        names = [
            name
            for schema, name, kind, *_ in conn.execute("PRAGMA table_list")
            if schema == "main" and kind == "table" and not name.startswith("sqlite_")
        ]
        return {
            name: conn.execute(f"SELECT * FROM {quoted(name)} ORDER BY 1, 2").fetchall()  # noqa: S608
            for name in names
            if name != "_sqlite_migrations"
        }


def pg_rows(url: str, table: str) -> list[tuple]:
    columns = ", ".join(
        quoted(c) for c in next(t for t in project_tables() if t.name == table).columns
    )
    with psycopg.connect(url) as conn:
        return conn.execute(f"SELECT {columns} FROM {quoted(table)} ORDER BY 1, 2").fetchall()  # noqa: S608


def pg_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {
            t.name: conn.execute(f"SELECT count(*) FROM {quoted(t.name)}").fetchone()[0]  # noqa: S608
            for t in project_tables()
        }


def test_a_project_goes_to_postgresql_and_back_unchanged(project, pg_url, tmp_path):
    before = rows_of(project)
    assert {name for name, rows in before.items() if not rows} == set(), "fill every table"
    assert set(before) == {t.name for t in project_tables()}, "a table the copy leaves out"

    there = copy_project(project, pg_url)
    for table, rows in before.items():
        assert pg_rows(pg_url, table) == rows, table
    back = tmp_path / "back.sqlite"
    copy_project(pg_url, back)

    assert rows_of(back) == before
    assert there.counts == {name: len(rows) for name, rows in before.items()}
    assert there.carried_problems == []
    (original,) = [r for r in before["files"] if r[2] == "tianjin_industry_2025.txt"]
    session = Session.open(back, "tester")
    try:
        assert verify_citations(session) == []
        doc_id = original[1]
        assert session.store.documents.original_file(doc_id)["content"] == original[5]
        assert search_indicators(session, "增加值").ids  # the full-text index was filled
    finally:
        session.close()


def test_file_to_file_and_server_to_server_copies_are_whole(
    project, pg_url, other_pg_url, tmp_path
):
    before = rows_of(project)
    other_file = tmp_path / "other.sqlite"
    copy_project(project, other_file)
    assert rows_of(other_file) == before
    copy_project(other_file, pg_url)
    copy_project(pg_url, other_pg_url)
    for table, rows in before.items():
        assert pg_rows(other_pg_url, table) == rows, table


def test_each_table_has_the_same_columns_in_both_stores(pg_url, db_path):
    Session.open(db_path).close()
    with closing(sqlite3.connect(db_path)) as lite, psycopg.connect(pg_url) as pg:
        for table in project_tables():
            in_file = sorted(
                # a key column is never NULL on the server (SQLite allows it; we never write it)
                (name, SQLITE_TYPES.get(kind.upper(), kind), bool(notnull or key))
                for _, name, kind, notnull, _default, key in lite.execute(
                    f"PRAGMA table_info({quoted(table.name)})"
                )
            )
            on_server = sorted(
                (name, kind, nullable == "NO")
                for name, kind, nullable in pg.execute(
                    "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = %s",
                    [table.name],
                )
            )
            assert on_server == in_file, table.name


def schema_objects(url: str) -> set[tuple]:
    """The indexes, enabled triggers and constraints of a database."""
    with psycopg.connect(url) as conn:
        indexes = conn.execute("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'")
        triggers = conn.execute(
            "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal"
        ).fetchall()
        constraints = conn.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
        ).fetchall()
        return set(indexes.fetchall()) | set(triggers) | set(constraints)


def test_the_app_goes_on_with_the_copy_and_its_new_ids_follow_the_copied_ones(project, pg_url):
    fresh = schema_objects(pg_url)
    copy_project(project, pg_url)
    assert schema_objects(pg_url) == fresh  # indexes rebuilt, foreign keys and triggers back
    with psycopg.connect(pg_url) as conn, pytest.raises(psycopg.Error, match="append-only"):
        conn.execute("UPDATE events SET who = 'someone else'")
    session = Session.open(pg_url, "tester")
    try:
        ((doc, text),) = [(d["id"], d["text"]) for d in session.store.documents.iter_all()
                       if "9.4%" in d["text"]]  # fmt: skip
        highest = max(r[0] for r in pg_rows(pg_url, "indicators"))
        made = create_indicator(session, doc, {"name": "新条目"}, [span_of(text, "9.4%")])
        comment = review.add_comment(session, made.id, "复制之后新增")
        imported = import_file(session, DATA / "national_gov_work_report_2023.txt").document_id
        assert made.id == highest + 1
        assert imported == max(r[0] for r in pg_rows(pg_url, "documents"))
        assert imported > doc
        assert comment.id > max(r[0] for r in pg_rows(pg_url, "comments") if r[0] != comment.id)
        assert verify_citations(session) == []
    finally:
        session.close()


def test_a_target_holding_anything_is_refused_unchanged(project, pg_url, tmp_path):
    copy_project(project, pg_url)
    held = pg_counts(pg_url)
    with pytest.raises(StorageProblem, match="already holds data"):
        copy_project(project, pg_url)
    assert pg_counts(pg_url) == held

    other = tmp_path / "other.sqlite"
    session = Session.open(other, "someone")
    ensure_user(session)
    session.close()
    held = rows_of(other)
    with pytest.raises(StorageProblem, match=r"already holds data \(1 users, 1 events\)"):
        copy_project(pg_url, other)
    assert rows_of(other) == held


def test_a_row_the_server_refuses_leaves_the_server_database_empty(project, pg_url):
    with closing(sqlite3.connect(project)) as conn, conn:
        conn.execute("UPDATE comments SET body = ?", ["NUL \x00 inside"])  # no text on a server
    with pytest.raises(StorageProblem, match="Copying table comments failed"):
        copy_project(project, pg_url)
    assert set(pg_counts(pg_url).values()) == {0}
    with closing(sqlite3.connect(project)) as conn, conn:
        conn.execute("UPDATE comments SET body = 'fixed'")
    copy_project(project, pg_url)  # and the database can take the copy afterwards
    assert pg_counts(pg_url)["comments"] == 1


def test_a_source_referring_to_missing_rows_is_not_copied(project, pg_url, tmp_path):
    with closing(sqlite3.connect(project)) as conn, conn:  # foreign keys unchecked here
        conn.execute("UPDATE comments SET indicator_id = 99999")
    with pytest.raises(StorageProblem, match="refers to rows it does not hold"):
        copy_project(project, pg_url)
    assert set(pg_counts(pg_url).values()) == {0}
    target = tmp_path / "copy.sqlite"
    with pytest.raises(StorageProblem, match="refers to rows it does not hold"):
        copy_project(project, target)
    assert {name: rows for name, rows in rows_of(target).items() if rows} == {}


def test_a_desk_login_cannot_copy_into_the_team_database(project, pg_server, pg_url):
    from desk_logins import as_login, dropped_at_end, unique_name

    with dropped_at_end(pg_server) as made:
        name = unique_name("desk_admin")
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f"CREATE ROLE {name} LOGIN IN ROLE indicite_role_admin")
        made.append(name)
        with pytest.raises(StorageProblem, match="Only the owner of"):
            copy_project(project, as_login(pg_url, name))
    assert set(pg_counts(pg_url).values()) == {0}


@pytest.fixture
def big_project(project) -> Path:
    """The project with 300,000 events more: a copy that takes a few seconds."""
    with closing(sqlite3.connect(project)) as conn, conn:
        conn.executemany(
            "INSERT INTO events (at, who, action) VALUES (?, 'tester', 'note')",
            ((f"2025-01-01T00:00:{n % 60:02d}",) for n in range(300_000)),
        )
    return project


def start_copy(source: object, target: object) -> subprocess.Popen:
    """`indicite copy` in a process of its own, once it is writing the events."""
    process = subprocess.Popen(
        [sys.executable, "-m", "indicite", "copy", str(source), str(target)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    for line in process.stderr:
        if line.startswith("events: 100,000 rows"):
            return process
    process.wait()
    pytest.fail(f"the copy ended before it was interrupted (exit {process.returncode})")


def test_a_killed_copy_leaves_the_server_database_empty(big_project, pg_url):
    process = start_copy(big_project, pg_url)
    process.kill()
    process.wait()
    process.stderr.close()
    assert set(pg_counts(pg_url).values()) == {0}
    copy_project(big_project, pg_url)
    assert pg_counts(pg_url)["events"] == len(rows_of(big_project)["events"])


def test_ctrl_c_leaves_the_new_file_empty(big_project, pg_url, tmp_path):
    copy_project(big_project, pg_url)
    target = tmp_path / "copy.sqlite"
    process = start_copy(pg_url, target)
    process.send_signal(signal.SIGINT)
    assert process.wait() == 130
    process.stderr.close()
    assert {name: rows for name, rows in rows_of(target).items() if rows} == {}


@pytest.mark.parametrize("name", ["project.sqlite", "project.sqlite-wal", "project.sqlite-journal"])
def test_the_source_or_its_journal_is_refused_as_the_target(project, name):
    """A copy into the source's WAL would write a database where SQLite keeps the source's
    pages, and vanish when the source closes; a link to the source is the source."""
    link = project.with_name("link.sqlite")
    link.symlink_to(project)
    before = project.read_bytes()
    for target in (project.with_name(name), link):
        with pytest.raises(StorageProblem, match="or its journal"):
            copy_project(project, target)
    assert project.read_bytes() == before
    assert not project.with_name("project.sqlite-journal").exists()
