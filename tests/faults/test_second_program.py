"""Another program opening and closing the database while the app has it open loses nothing.

On POSIX, closing any descriptor of a file drops every lock the process holds on it. If our
code ever opened the database by other means than SQLite while a connection exists (the
health check of a worker's session did), another program's close would see no reader,
checkpoint and delete the write-ahead log the app is still writing to (issue 12).
"""

import subprocess
import sys

from indicite.services.session import Session


def bare_connect_close(db) -> None:
    """What any program using SQLite does: connect, read something, close."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "c.execute('PRAGMA user_version'); c.close()"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60)


def count_in_new_process(db, sql: str) -> int:
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute(sys.argv[2]).fetchone()[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db), sql], check=True, timeout=60, capture_output=True
    )
    return int(out.stdout)


def test_a_second_session_and_a_bare_connect_do_not_lose_a_write(tmp_path):
    db = tmp_path / "b.db"
    app = Session.open(db, "app")
    Session.open(db, "worker").close()
    bare_connect_close(db)
    with app.store.transaction():
        app.store.db.execute("INSERT INTO settings (key, value) VALUES ('after', 'the close')")
    assert count_in_new_process(db, "SELECT count(*) FROM settings WHERE key = 'after'") == 1
    assert db.with_name("b.db-wal").exists()  # the other program did not take the log away
    app.close()
