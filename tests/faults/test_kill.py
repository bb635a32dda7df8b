"""SIGKILL a writer at random moments: after every kill nothing it reported is lost or half-done.

The default run kills 15 times; ``-m slow`` (or bench/bench_faults.py) kills 200 times.
"""

import random
import subprocess
import sys
import time

import pytest

from conftest import Ledger, nothing_lost, parse_reports, writer_command, writer_env


def kill_repeatedly(db, tmp_path, kills: int, seed: int) -> Ledger:
    rng = random.Random(seed)
    ledger = Ledger()
    for k in range(kills):
        out_path = tmp_path / f"writer-{k}.jsonl"
        with out_path.open("w") as out:
            proc = subprocess.Popen(
                writer_command("kill", str(db), str(seed * 1000 + k)),
                stdout=out,
                stderr=subprocess.PIPE,
                env=writer_env(),
            )
            # Some kills land while the writer is still opening (recovery, migrations).
            time.sleep(rng.uniform(0.15, 1.0))
            proc.kill()
            _, err = proc.communicate(timeout=30)
        assert proc.returncode == -9, err.decode()
        ledger.reports += parse_reports(out_path.read_text(encoding="utf-8"))
        problems = nothing_lost(db, ledger)
        assert not problems, f"after kill {k + 1}: {problems[:5]}"
    actions = ledger.actions()
    kinds = sorted({r["action"] for r in actions})
    by_kind = {kind: sum(r["action"] == kind for r in actions) for kind in kinds}
    print(f"\nkills: {kills}, reported actions: {len(actions)}, by kind: {by_kind}")
    return ledger


def verify_cli(db) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "indicite", "--db", str(db), "verify"],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_nothing_lost_over_15_kills(fault_db, tmp_path):
    ledger = kill_repeatedly(fault_db, tmp_path, kills=15, seed=9)
    assert ledger.actions()  # the writer really worked between the kills
    result = verify_cli(fault_db)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_nothing_lost_over_200_kills(fault_db, tmp_path):
    kill_repeatedly(fault_db, tmp_path, kills=200, seed=2026)
    result = verify_cli(fault_db)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_sees_a_half_applied_action(fault_db):
    """The harness would notice: an entry stripped of its citation is reported."""
    import sqlite3

    with sqlite3.connect(fault_db) as conn:
        conn.execute("DELETE FROM citations WHERE indicator_id = 1")
    assert any("half-applied" in p for p in nothing_lost(fault_db, Ledger()))


def test_the_check_sees_a_lost_action(fault_db):
    reported = {"action": "edit", "indicator_id": 1, "version": 5, "event_id": 10_000}
    assert any("lost" in p for p in nothing_lost(fault_db, Ledger([reported])))
