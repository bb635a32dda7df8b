"""Team mode under load: 20 desks (processes) act at once on one PostgreSQL server (issue 20).

    .venv/bin/python bench/bench_team.py [--desks 20] [--seconds 60] [--runs 3] [--pause-ms 1000]

Each run starts from a fresh database on one throwaway local server (tests/pg_cluster.py).
Every desk does the random actions of the fault harness (tests/faults/writer.py: create,
edit, cite, uncite, delete, restore, submit, approve, return, reopen, load a table), and one
action in three is a contended edit: read one of the six shared entries, think up to 10 ms,
save with the version read. Between actions a desk pauses a random 0 to ``--pause-ms``
(``--pause-ms 0``: flat out, which measures the 2 cores more than the server). Each desk also
listens (storage.postgres.listen, on its own connection in a thread, as the GUI does) and
records when it hears each other desk's event.

Measured: actions acknowledged; conflicts (a save on a stale version refused with
ConflictError); lost or half-applied actions, checked afterwards from the events (every
acknowledged action is stored, whole: its event, the entry's version and citations, a load's
rows; no two acknowledged saves made the same version of an entry; the citations verify);
save latency (the service call of each acknowledged write); and how long after a save
returned the other desks' listeners heard of it.
"""

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests"), str(ROOT / "tests" / "faults")]

SAVE_TARGET_MS = 50
SEEN_TARGET_MS = 1000
CONTENDED_SHARE = 1 / 3
LISTEN_AFTER_S = 2.0  # a desk keeps listening this long after its last action


# --- one desk (a process) ---------------------------------------------------------------------


class Ears:
    """The desk's listener in a thread: (time heard, writer's pid, event ids) of other desks."""

    def __init__(self, session: Any):
        self.listener = session.store.listen()
        self.heard: list[tuple[float, int, list[int]]] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            for change in self.listener.wait(0.2):
                if change.table == "events" and change.ids is not None:
                    self.heard.append((time.time(), change.pid, list(change.ids)))

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        self.listener.close()


def desk(url: str, seed: int, seconds: float, pause_ms: float, folder: Path) -> None:
    """Act until ``seconds`` after the go file appears; write what happened as JSON."""
    from writer import REFUSED, SHARED_ENTRIES, Actions, last_event_id

    from indicite.core.errors import ConflictError, StorageProblem
    from indicite.services import indicators as ind_service

    rng = random.Random(seed)
    actions = Actions(url, rng, files=folder / "team")
    session = actions.session
    shared = [r[0] for r in session.store.db.execute("SELECT id FROM indicators ORDER BY id")]
    shared = shared[:SHARED_ENTRIES]
    ears = Ears(session)
    names = actions.weighted()
    done: list[dict[str, Any]] = []
    counts = {"conflicts": 0, "refused": 0, "storage_problems": 0}
    (folder / f"ready-{seed}").touch()
    while not (folder / "go").exists():
        time.sleep(0.005)
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        contended = rng.random() < CONTENDED_SHARE
        name = "contend" if contended else rng.choice(names)
        notes = f"{seed}:{n}"
        try:
            if contended:
                seen = session.store.indicators.get(rng.choice(shared))
                time.sleep(rng.uniform(0, 0.01))
                started = time.time()
                ind = ind_service.update_indicator(session, seen.id, {"notes": notes}, seen.version)
            else:
                started = time.time()
                ind = getattr(actions, name)()
            returned = time.time()
        except ConflictError:
            counts["conflicts"] += 1
            continue
        except REFUSED:
            counts["refused"] += 1
            continue
        except StorageProblem:
            counts["storage_problems"] += 1
            continue
        finally:
            if pause_ms:
                time.sleep(rng.uniform(0, pause_ms / 1000))
        record: dict[str, Any] = {"action": name.rstrip("_"), "ms": (returned - started) * 1000}
        if isinstance(ind, dict):  # a load: its file and row count
            record.update(ind)
        elif ind:
            record.update(
                indicator_id=ind.id,
                version=ind.version,
                event_id=last_event_id(session, ind.id),
                returned=returned,
            )
            if contended:
                record.update(action="edit", notes=notes, contended=True)
        else:
            continue  # nothing to act on (no entry with two citations…)
        done.append(record)
    time.sleep(LISTEN_AFTER_S)
    ears.close()
    pid = session.store.pg.conn.raw.info.backend_pid
    result = {"seed": seed, "pid": pid, "done": done, "heard": ears.heard, **counts}
    (folder / f"desk-{seed}.json").write_text(json.dumps(result), encoding="utf-8")
    session.close()


# --- checking afterwards ----------------------------------------------------------------------

# An entry's version moves once per event, and its citations are those of its create (or load)
# event plus the cite events minus the uncite events; anything else is half of an action.
# (tests/faults/conftest.py's check, in PostgreSQL's JSON functions.)
HALF_APPLIED = """
WITH per AS (
  SELECT i.id, i.version,
    (SELECT count(*) FROM citations c WHERE c.indicator_id = i.id) AS citations,
    (SELECT count(*) FROM events e WHERE e.indicator_id = i.id) AS events,
    (SELECT count(*) FROM events e
     WHERE e.indicator_id = i.id AND e.action IN ('create', 'load')) AS creates,
    (SELECT coalesce(sum(CASE
        WHEN e.action IN ('create', 'load')
        THEN jsonb_array_length(e.after::jsonb -> 'citations')
        WHEN e.action = 'cite' THEN 1 WHEN e.action = 'uncite' THEN -1 ELSE 0 END), 0)
     FROM events e WHERE e.indicator_id = i.id) AS cited
  FROM indicators i
)
SELECT * FROM per
WHERE creates != 1 OR citations < 1 OR version != events OR citations != cited
"""


def problems_after(url: str, desks: list[dict[str, Any]]) -> list[str]:
    """Lost or half-applied actions, lost updates, citations that no longer verify."""
    from indicite.services.session import Session
    from indicite.services.verify import verify_citations

    session = Session.open(url, "checker")
    try:
        db = session.store.db
        events = {
            r[0]: (r[1], r[2]) for r in db.execute("SELECT id, action, indicator_id FROM events")
        }
        stored = {
            r[0]: (r[1], r[2]) for r in db.execute("SELECT id, version, notes FROM indicators")
        }
        loaded = dict(
            db.execute(
                "SELECT after::jsonb ->> 'file', count(*) FROM events "
                "WHERE action = 'load' GROUP BY 1"
            ).fetchall()
        )
        problems: list[str] = []
        made: dict[tuple[int, int], dict[str, Any]] = {}
        for r in (r for d in desks for r in d["done"]):
            if "loaded" in r:
                if loaded.get(r["file"], 0) != r["loaded"]:
                    problems.append(f"load lost or partial: {r} (stored {loaded.get(r['file'])})")
                continue
            if events.get(r["event_id"]) != (r["action"], r["indicator_id"]):
                problems.append(f"acknowledged but lost: {r} (event {events.get(r['event_id'])})")
            key = (r["indicator_id"], r["version"])
            if key in made:
                problems.append(f"two saves made version {key[1]} of entry {key[0]}: lost update")
            made[key] = r
        for ind_id, (version, notes) in stored.items():
            last = made.get((ind_id, version))
            if last is not None and last.get("contended") and last["notes"] != notes:
                problems.append(f"entry {ind_id}: the last acknowledged edit is not stored")
            if any(v > version for (i, v) in made if i == ind_id):
                problems.append(f"entry {ind_id}: an acknowledged version is lost")
        problems += [f"half-applied: {row}" for row in db.execute(HALF_APPLIED)]
        problems += [f"citation: {p}" for p in verify_citations(session)]
    finally:
        session.close()
    return problems


# --- figures ----------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def heard_delays(desks: list[dict[str, Any]]) -> tuple[list[float], int]:
    """For each acknowledged action and each other desk: ms from the save's return until that
    desk's listener heard its event (0 when heard before the writer's call returned); and how
    many times a desk never heard one."""
    heard: dict[int, dict[tuple[int, int], float]] = {}
    for d in desks:
        first: dict[tuple[int, int], float] = {}
        for at, pid, ids in d["heard"]:
            for event_id in ids:
                first.setdefault((pid, event_id), at)
        heard[d["seed"]] = first
    delays, missed = [], 0
    for writer in desks:
        for r in writer["done"]:
            if "event_id" not in r:
                continue
            for reader in desks:
                if reader is writer:
                    continue
                at = heard[reader["seed"]].get((writer["pid"], r["event_id"]))
                if at is None:
                    missed += 1
                else:
                    delays.append(max(0.0, at - r["returned"]) * 1000)
    return delays, missed


def one_run(url: str, desks: int, seconds: float, pause_ms: float) -> dict[str, Any]:
    from writer import setup

    folder = Path(tempfile.mkdtemp(prefix="indicite-team-"))
    setup(url, files=folder / "team")
    command = [sys.executable, __file__, "desk", url]
    procs = [
        subprocess.Popen([*command, str(seed), str(seconds), str(pause_ms), str(folder)], cwd=ROOT)
        for seed in range(1, desks + 1)
    ]
    try:
        while len(list(folder.glob("ready-*"))) < desks:
            if any(p.poll() is not None for p in procs):
                raise SystemExit("a desk failed to start")
            time.sleep(0.05)
        (folder / "go").touch()
        for p in procs:
            if p.wait(timeout=seconds + 120) != 0:
                raise SystemExit(f"a desk failed (exit {p.returncode})")
    finally:
        for p in procs:  # the others, when one failed
            if p.poll() is None:
                p.kill()
                p.wait()
    results = [json.loads((folder / f"desk-{s}.json").read_text()) for s in range(1, desks + 1)]
    done = [r for d in results for r in d["done"]]
    saves = [r["ms"] for r in done if "event_id" in r]
    delays, missed = heard_delays(results)
    problems = problems_after(url, results)
    by_kind: dict[str, int] = {}
    for r in done:
        by_kind[r["action"]] = by_kind.get(r["action"], 0) + 1
    return {
        "actions": len(done),
        "per_second": len(done) / seconds,
        "by_kind": dict(sorted(by_kind.items())),
        "conflicts": sum(d["conflicts"] for d in results),
        "refused": sum(d["refused"] for d in results),
        "storage_problems": sum(d["storage_problems"] for d in results),
        "problems": problems,
        "save_p50": percentile(saves, 0.5),
        "save_p95": percentile(saves, 0.95),
        "save_max": max(saves, default=float("nan")),
        "seen_p50": percentile(delays, 0.5),
        "seen_p95": percentile(delays, 0.95),
        "seen_max": max(delays, default=float("nan")),
        "seen_pairs": len(delays),
        "missed": missed,
    }


def new_database(folder: Path, server_url: str, name: str) -> str:
    import psycopg

    import pg_cluster

    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    return pg_cluster.url(folder, name)


def server_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as conn:
        return str(conn.execute("SHOW server_version").fetchone()[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--pause-ms", type=float, default=1000, help="longest pause between actions"
    )
    args = parser.parse_args()

    import pg_cluster
    from environment import Environment

    env = Environment()
    folder, server_url = pg_cluster.start()
    runs = []
    try:
        version = server_version(server_url)
        for number in range(1, args.runs + 1):
            url = new_database(folder, server_url, f"team_bench_{number}")
            run = one_run(url, args.desks, args.seconds, args.pause_ms)
            runs.append(run)
            print(f"run {number}: {json.dumps({k: v for k, v in run.items() if k != 'problems'})}")
            for problem in run["problems"][:20]:
                print(f"  PROBLEM {problem}")
    finally:
        pg_cluster.stop(folder)
    env.finish()
    print(env.markdown())
    print(f"- PostgreSQL: {version} (throwaway cluster, Unix socket, fsync off)")
    print(
        f"\n{args.desks} desks × {args.seconds:g} s, pause 0–{args.pause_ms:g} ms between "
        f"actions, {args.runs} runs (min / median / max of the runs)\n"
    )
    rows = [
        ("actions acknowledged", "actions", "", "{:.0f}"),
        ("actions per second (all desks)", "per_second", "", "{:.1f}"),
        ("conflicts detected (ConflictError)", "conflicts", "", "{:.0f}"),
        ("lost or half-applied actions", "lost", "= 0", "{:.0f}"),
        ("save latency p50", "save_p50", "", "{:.1f} ms"),
        ("save latency p95", "save_p95", f"≤ {SAVE_TARGET_MS} ms", "{:.1f} ms"),
        ("save latency max", "save_max", "", "{:.0f} ms"),
        ("another desk hears a save, p50", "seen_p50", "", "{:.0f} ms"),
        ("another desk hears a save, p95", "seen_p95", f"≤ {SEEN_TARGET_MS} ms", "{:.0f} ms"),
        ("another desk hears a save, max", "seen_max", "", "{:.0f} ms"),
        ("saves a listening desk never heard", "missed", "= 0", "{:.0f}"),
    ]
    for run in runs:
        run["lost"] = len(run["problems"])
    print("| figure | target | min | median | max |")
    print("|---|---|---|---|---|")
    for label, key, target, fmt in rows:
        values = [run[key] for run in runs]
        cells = [fmt.format(v) for v in (min(values), statistics.median(values), max(values))]
        print(f"| {label} | {target} | {' | '.join(cells)} |")
    warning = env.busy_warning()
    if warning:
        print(f"\n{warning}")
    return 1 if any(run["problems"] for run in runs) else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["desk"]:
        url, seed, seconds, pause_ms, folder = sys.argv[2:7]
        desk(url, int(seed), float(seconds), float(pause_ms), Path(folder))
    else:
        sys.exit(main())
