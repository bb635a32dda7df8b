"""Another program opening and closing the database while the app has it open loses nothing.

On POSIX, closing any descriptor of a file drops every lock the process holds on it. If our
code ever opened the database by other means than SQLite while a connection exists (the
health check of a worker's session did), another program's close would see no reader,
checkpoint and delete the write-ahead log the app is still writing to (issue 12).
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indicite.services.backups import back_up, back_up_if_due
from indicite.services.documents import DocumentMeta
from indicite.services.export import export
from indicite.services.health import full_check
from indicite.services.load import load
from indicite.services.session import Session
from indicite.storage.open_files import file_key
from indicite.ui.background_import import import_job
from indicite.ui.workers import TaskRunner


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


OTHER = Path(__file__).with_name("other_program.py")
OTHERS = ("bare", "session", "cli")


def keys_missing_in_new_process(db, keys: list[str]) -> list[str]:
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print('\\n'.join(r[0] for r in c.execute('SELECT key FROM settings')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db)],
        check=True,
        timeout=60,
        capture_output=True,
        text=True,
    )
    stored = set(out.stdout.split())
    return [k for k in keys if k not in stored]


def start_others(db, stop) -> list[subprocess.Popen]:
    procs = [
        subprocess.Popen(
            [sys.executable, str(OTHER), mode, str(db), str(stop)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for mode in OTHERS
    ]
    deadline = time.monotonic() + 120
    while not all(stop.with_name(f"{stop.name}.{m}").exists() for m in OTHERS):
        dead = [p for p in procs if p.poll() is not None]
        assert not dead, dead[0].communicate()
        assert time.monotonic() < deadline, "the other programs did not start"
        time.sleep(0.05)
    return procs


def stop_others(procs, stop) -> tuple[list[str], int]:
    """The keys the other programs reported written, and how often they opened the file."""
    stop.touch()
    keys, opens = [], 0
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        for line in out.splitlines():
            report = json.loads(line)
            keys += [report["key"]] if "key" in report else []
            opens += report.get("rounds", 0)
    return keys, opens


def worker_jobs(tmp_path, window):
    """The app's background work, one kind per round, in turn."""
    out = tmp_path / "app-export.csv"
    jobs = [
        lambda session, _p: back_up(session),
        lambda session, _p: export(session, out, "csv"),
        lambda session, _p: load(session, out) if out.exists() else None,
        lambda session, _p: back_up_if_due(session),
        lambda session, _p: full_check(session.store.path),
    ]

    def import_one(number: int):
        doc = tmp_path / f"note-{number}.txt"
        doc.write_text(f"第{number}号：规模以上工业增加值增长{number}.5%。\n", encoding="utf-8")
        return import_job([doc], DocumentMeta(subject="天津"))

    def job(number: int):
        if number % (len(jobs) + 1) == len(jobs):
            return import_one(number)
        return jobs[number % (len(jobs) + 1)]

    return job


def interleave(qtbot, tmp_path, monkeypatch, rounds: int, check_every: int) -> dict:
    """The app writes and runs its workers while three other programs use the file."""
    from indicite.ui.main_window import MainWindow

    monkeypatch.setattr(TaskRunner, "force_serial", True)
    db = tmp_path / "shared.sqlite"
    app = Session.open(db, "app", full_check=False)
    window = MainWindow(app)
    qtbot.addWidget(window)
    runner = TaskRunner(db, "app")
    wal = db.with_name(db.name + "-wal")
    wal_file = file_key(wal)
    job = worker_jobs(tmp_path, window)
    stop = tmp_path / "stop"
    procs = start_others(db, stop)
    written: list[str] = []
    try:
        for number in range(rounds):
            with app.store.transaction():
                app.store.settings.set(f"app-{number}", "written")
            written.append(f"app-{number}")
            task = runner.task(job(number))
            failures = []
            task.failed.connect(failures.append)
            task.crashed.connect(failures.append)
            runner.start(task)
            assert not failures, f"round {number}: {failures}"
            window._refresh_if_changed()
            assert file_key(wal) == wal_file, f"round {number}: the WAL was removed under the app"
            if number % check_every == check_every - 1:
                assert keys_missing_in_new_process(db, written) == [], f"round {number}"
    finally:
        other_keys, opens = stop_others(procs, stop)
    assert keys_missing_in_new_process(db, written + other_keys) == []
    check = subprocess.run(
        [sys.executable, "-m", "indicite", "--db", str(db), "verify"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    integrity = count_in_new_process(
        db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'"
    )
    assert integrity == 0
    window.live_updates.stop()  # the window's data_version poll must not outlive its session
    app.close()
    print(
        f"\nrounds: {rounds}, app writes: {len(written)}, other writes: {len(other_keys)}, "
        f"other programs' opens: {opens}"
    )
    return {"opens": opens, "other_writes": len(other_keys)}


def test_app_and_other_programs_interleave_without_loss(qtbot, tmp_path, monkeypatch):
    seen = interleave(qtbot, tmp_path, monkeypatch, rounds=30, check_every=10)
    assert seen["opens"] > 3 and seen["other_writes"] > 0


@pytest.mark.slow
def test_hundreds_of_interleavings_without_loss(qtbot, tmp_path, monkeypatch):
    seen = interleave(qtbot, tmp_path, monkeypatch, rounds=400, check_every=20)
    assert seen["opens"] > 300
