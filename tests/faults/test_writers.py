"""Four processes edit the same entries at once: no crash, no lock error, no lost update.

Each writer reads an entry, thinks a moment, and saves with the version it read; the version
check must refuse every save based on a stale read. The default run lasts 8 s; ``-m slow``
(or bench/bench_faults.py) 60 s.
"""

import sqlite3
import subprocess
import threading
from collections import defaultdict

import pytest

from conftest import parse_reports, writer_command, writer_env
from indicite.core.errors import StorageProblem
from indicite.storage.database import transaction
from indicite.storage.retry import begin_immediate

WRITERS = 4


def run_writers(db, seconds: float) -> dict:
    with sqlite3.connect(db) as conn:
        events_before = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    procs = [
        subprocess.Popen(
            writer_command("contend", str(db), str(seed), str(seconds)),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=writer_env(),
        )
        for seed in range(1, WRITERS + 1)
    ]
    outputs = [p.communicate(timeout=seconds + 120) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    reports = [r for out, _ in outputs for r in parse_reports(out)]
    summaries = [r for r in reports if r["action"] == "summary"]
    assert len(summaries) == WRITERS
    totals = {k: sum(s[k] for s in summaries) for k in summaries[0] if k != "action"}

    edits = [r for r in reports if r["action"] == "edit"]
    assert [r for r in reports if r["action"] == "storage_problem"] == []
    assert totals["storage_problems"] == 0

    with sqlite3.connect(db) as conn:
        events_after = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        final = {
            row[0]: (row[1], row[2])
            for row in conn.execute("SELECT id, version, notes FROM indicators")
        }
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert events_after - events_before == totals["applied"]

    by_entry = defaultdict(list)
    for r in edits:
        by_entry[r["indicator_id"]].append(r)
    for ind_id, saved in by_entry.items():
        versions = sorted(r["version"] for r in saved)
        # Every save moved the version by one from the version its writer had read: two saves
        # from the same read would share a version, and one of them would be lost.
        assert len(set(versions)) == len(versions), f"entry {ind_id}: a save was lost"
        final_version, final_notes = final[ind_id]
        assert versions == list(range(final_version - len(versions) + 1, final_version + 1))
        assert max(saved, key=lambda r: r["version"])["notes"] == final_notes
    print(f"\n{WRITERS} writers, {seconds:g} s: {totals}")
    return totals


def test_four_writers_for_8_seconds(fault_db):
    totals = run_writers(fault_db, 8)
    assert totals["conflicts"] > 0  # the run really had writers colliding
    assert totals["applied"] > 100


@pytest.mark.slow
def test_four_writers_for_60_seconds(fault_db):
    run_writers(fault_db, 60)


def _hold_write_lock(db, seconds: float, started: threading.Event) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    started.set()
    threading.Event().wait(seconds)
    conn.execute("ROLLBACK")
    conn.close()


def test_a_writer_outlasting_the_busy_timeout_is_waited_for(session, db_path):
    """Another program holds the write lock longer than the busy timeout: we retry."""
    session.store.db.execute("PRAGMA busy_timeout = 100")
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db_path, 0.5, started))
    holder.start()
    started.wait()
    with transaction(session.store.db):
        session.store.db.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')")
    holder.join()
    assert session.store.settings.get("k") == "v"


def test_a_lock_that_never_ends_becomes_a_clear_message(session, db_path):
    session.store.db.execute("PRAGMA busy_timeout = 10")
    started = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(db_path, 3, started))
    holder.start()
    started.wait()
    try:
        with pytest.raises(StorageProblem, match="busy"), transaction(session.store.db):
            pass
    finally:
        holder.join()


def test_only_busy_errors_are_retried(tmp_path):
    conn = sqlite3.connect(tmp_path / "x.sqlite", isolation_level=None)
    conn.execute("BEGIN")
    pauses = []
    with pytest.raises(sqlite3.OperationalError, match="within a transaction"):
        begin_immediate(conn, sleep=pauses.append)
    assert pauses == []
    conn.close()
