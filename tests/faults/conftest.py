"""The fault harness: run the writer process, kill it, and check that nothing was lost."""

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

WRITER = Path(__file__).with_name("writer.py")


def pytest_collection_modifyitems(config, items):
    """The long runs (200 kills, 60 s of writers) only when asked for with ``-m slow``."""
    if "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="long fault run; run with -m slow or bench/bench_faults.py")
    for item in items:
        if "slow" in item.keywords and Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(skip)


def writer_command(*args: str) -> list[str]:
    return [sys.executable, str(WRITER), *args]


def writer_env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1"}


def run_setup(db: Path) -> None:
    subprocess.run(writer_command("setup", str(db)), check=True, env=writer_env(), timeout=60)


def parse_reports(stdout: str) -> list[dict]:
    """Complete JSON lines; a line cut by the kill was never a report."""
    reports = []
    for line in stdout.splitlines():
        try:
            reports.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return reports


@dataclass
class Ledger:
    """Everything the writers reported as done, across all kills."""

    reports: list[dict] = field(default_factory=list)

    def actions(self) -> list[dict]:
        return [r for r in self.reports if "event_id" in r or "loaded" in r]


@pytest.fixture
def fault_db(tmp_path) -> Path:
    db = tmp_path / "faults.sqlite"
    run_setup(db)
    return db


def nothing_lost(db: Path, ledger: Ledger) -> list[str]:
    """What is wrong with the database after a kill: integrity, lost or half-applied actions.

    The database is opened as the app opens it (health check, then recovery of the journal).
    """
    from indicite.services.session import Session
    from indicite.services.verify import verify_citations

    session = Session.open(db, "checker")
    try:
        conn = session.store.db.conn
        problems = [f"integrity_check: {r[0]}" for r in conn.execute("PRAGMA integrity_check")]
        problems = [p for p in problems if p != "integrity_check: ok"]
        events = {
            row[0]: (row[1], row[2])
            for row in conn.execute("SELECT id, action, indicator_id FROM events")
        }
        versions = dict(conn.execute("SELECT id, version FROM indicators").fetchall())
        loaded = dict(
            conn.execute(
                "SELECT json_extract(after, '$.file'), count(*) FROM events "
                "WHERE action = 'load' GROUP BY 1"
            ).fetchall()
        )
        if len(set(loaded.values())) > 1:  # every load file holds the same rows: all or nothing
            problems.append(f"a load was stored in part: {loaded}")
        for r in ledger.actions():
            if "loaded" in r:
                if loaded.get(r["file"], 0) != r["loaded"]:
                    problems.append(f"reported load lost: {r} (stored: {loaded.get(r['file'])})")
                continue
            if events.get(r["event_id"]) != (r["action"], r["indicator_id"]):
                problems.append(f"reported but lost: {r} (event: {events.get(r['event_id'])})")
            if versions.get(r["indicator_id"], 0) < r["version"]:
                problems.append(f"reported version lost: {r}")
        problems += [f"half-applied: {row}" for row in conn.execute(HALF_APPLIED)]
        problems += [f"citation: {p}" for p in verify_citations(session)]
    finally:
        session.close()
    return problems


# An entry's version moves once per event, and its citations are those of its create (or load)
# event plus the cite events minus the uncite events; anything else is half of an action.
HALF_APPLIED = """
WITH per AS (
  SELECT i.id, i.version,
    (SELECT count(*) FROM citations c WHERE c.indicator_id = i.id) AS citations,
    (SELECT count(*) FROM events e WHERE e.indicator_id = i.id) AS events,
    (SELECT count(*) FROM events e
     WHERE e.indicator_id = i.id AND e.action IN ('create', 'load')) AS creates,
    (SELECT coalesce(sum(CASE
        WHEN e.action IN ('create', 'load')
        THEN json_array_length(json_extract(e.after, '$.citations'))
        WHEN e.action = 'cite' THEN 1 WHEN e.action = 'uncite' THEN -1 ELSE 0 END), 0)
     FROM events e WHERE e.indicator_id = i.id) AS cited
  FROM indicators i
)
SELECT * FROM per
WHERE creates != 1 OR citations < 1 OR version != events OR citations != cited
"""
