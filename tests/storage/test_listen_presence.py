"""Team databases: other desks' commits arrive as notifications, and who has which entry open.

Two Sessions on one PostgreSQL database stand for two desks.
"""

import time

import psycopg
import pytest

from indicite.core.errors import StorageProblem
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.indicators import create_indicator, update_indicator
from indicite.services.session import Session


@pytest.fixture
def desks(pg_url, sample_file):
    a, b = Session.open(pg_url, "张三"), Session.open(pg_url, "李四")
    doc_id = import_file(a, sample_file, DocumentMeta()).document_id
    assert doc_id is not None
    yield a, b, doc_id
    a.close()
    b.close()


def changes_until(listener, wanted, timeout: float = 3.0):
    """Everything the listener receives until ``wanted(changes)`` holds."""
    seen = []
    deadline = time.monotonic() + timeout
    while not wanted(seen) and time.monotonic() < deadline:
        seen += listener.wait(deadline - time.monotonic())
    return seen


def test_a_save_at_one_desk_reaches_the_other_desks_listener(desks):
    a, b, doc_id = desks
    listener = b.store.listen()
    try:
        ind = create_indicator(a, doc_id, {"name": "工业增加值", "value": 5.6}, [(0, 8)])
        update_indicator(a, ind.id, {"value": 5.7}, ind.version)
        seen = changes_until(listener, lambda s: len([c for c in s if c.table == "events"]) >= 2)
    finally:
        listener.close()
    tables = {c.table for c in seen}
    assert {"indicators", "citations", "events"} <= tables
    assert all(c.ids == (ind.id,) for c in seen if c.table in ("indicators", "citations"))
    assert {c.pid for c in seen} == {a.store.pg.conn.raw.info.backend_pid}


def test_a_desk_does_not_hear_its_own_writes(desks):
    a, b, doc_id = desks
    listener = a.store.listen()
    try:
        create_indicator(a, doc_id, {"name": "出口额"}, [(0, 4)])
        create_indicator(b, doc_id, {"name": "进口额"}, [(4, 8)])
        seen = changes_until(listener, lambda s: any(c.table == "indicators" for c in s))
    finally:
        listener.close()
    b_pid = b.store.pg.conn.raw.info.backend_pid
    assert seen and {c.pid for c in seen} == {b_pid}


def test_a_big_statement_sends_one_notification_without_its_ids(desks):
    a, b, doc_id = desks
    listener = b.store.listen()
    try:
        with a.store.transaction():
            a.store.db.execute(
                "INSERT INTO indicators (document_id, name, created_by, created_at) "
                "SELECT ?, 'n' || g, 'x', 'now' FROM generate_series(1, 500) g",
                [doc_id],
            )
            a.store.db.execute("UPDATE indicators SET notes = 'none' WHERE id < 0")
        seen = changes_until(listener, lambda s: bool(s))
        seen += listener.wait(0.3)
    finally:
        listener.close()
    assert [(c.table, c.ids) for c in seen] == [("indicators", None)]


def test_a_listener_whose_server_connection_ends_says_so(desks):
    _a, b, _doc_id = desks
    listener = b.store.listen()
    pid = listener.raw.info.backend_pid
    b.store.db.execute("SELECT pg_terminate_backend(?)", [pid])
    try:
        with pytest.raises(StorageProblem, match="could not be reached"):
            for _ in range(50):
                listener.wait(0.1)
    finally:
        listener.close()


def test_a_file_store_has_no_listener_and_no_presence(db_path):
    """Its windows poll data_version; a presence write would wake them all (see presence)."""
    session = Session.open(db_path, "张三")
    try:
        assert session.store.listen() is None
        assert session.store.presence is None
    finally:
        session.close()


def test_an_open_entry_shows_at_other_desks_until_it_is_closed(desks):
    a, b, doc_id = desks
    ind = create_indicator(a, doc_id, {"name": "工业增加值"}, [(0, 8)])
    listener = b.store.listen()
    try:
        a.store.presence.open("workspace", ind.id, a.user)
        seen = changes_until(listener, lambda s: any(c.table == "entry_presence" for c in s))
        assert ("entry_presence", (ind.id,)) in [(c.table, c.ids) for c in seen]
        assert b.store.presence.open_elsewhere() == {ind.id: ["张三"]}
        assert a.store.presence.open_elsewhere() == {}  # one's own desk is not "elsewhere"

        a.store.presence.heartbeat()  # keeping alive tells nobody
        assert not [c for c in listener.wait(0.3) if c.table == "entry_presence"]

        a.store.presence.open("workspace", None, a.user)
        seen = changes_until(listener, lambda s: any(c.table == "entry_presence" for c in s))
        assert seen
        assert b.store.presence.open_elsewhere() == {}
    finally:
        listener.close()


def test_presence_of_a_desk_that_vanished_or_went_quiet_does_not_count(desks, pg_url):
    a, b, doc_id = desks
    ind = create_indicator(a, doc_id, {"name": "工业增加值"}, [(0, 8)])
    gone = Session.open(pg_url, "王五")
    gone.store.presence.open("review", ind.id, gone.user)
    a.store.presence.open("review", ind.id, a.user)
    assert b.store.presence.open_elsewhere() == {ind.id: ["张三", "王五"]}
    gone.close()  # crashed: it never said it left
    deadline = time.monotonic() + 3  # the server notices the closed connection at once
    while len(b.store.presence.open_elsewhere()[ind.id]) > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert b.store.presence.open_elsewhere() == {ind.id: ["张三"]}

    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("UPDATE entry_presence SET seen_at = now() - interval '5 minutes'")
    assert b.store.presence.open_elsewhere() == {}
    b.store.presence.open("workspace", ind.id, b.user)  # the next opening clears the dead rows
    with psycopg.connect(pg_url, autocommit=True) as admin:
        rows = admin.execute("SELECT who FROM entry_presence").fetchall()
    assert rows == [("李四",)]
