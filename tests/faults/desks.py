"""Many desks at once on one team database: the fault harness's random actions, each desk a
process with its own connection and its own listener (issue 20).

    run_desks(url, desks, seconds, pause_ms) -> one result per desk

Every desk does the random actions of ``writer.Actions`` (create, edit, cite, uncite, delete,
restore, submit, approve, return, reopen, load a table), and one action in three is a
contended edit: read one of the shared entries, think up to 10 ms, save with the version read.
Between actions it pauses a random 0 to ``pause_ms``. It also listens, as the GUI does
(``store.listen()`` on its own connection, in a thread), and records when it heard each other
desk's event. A desk reports an action only after its service call returned.

``problems_after`` checks the database afterwards: every acknowledged action is stored whole,
no two acknowledged saves made the same version of an entry (a lost update), and the citations
verify. ``heard_delays`` pairs each save with each other desk's hearing of it.

A save is told apart by the version it made: an entry's version counts its events, and the
row lock of a version-checked save orders them, so version v was made by the entry's v-th
event (``events_by_version``). Another desk may have acted on the entry by the time a desk
could ask, so the desk does not ask for "the last event" itself.

    python desks.py desk URL SEED SECONDS PAUSE_MS FOLDER     (one desk; run_desks starts them)
"""

import json
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from indicite.services.session import Session

CONTENDED_SHARE = 1 / 3
LISTEN_AFTER_S = 2.0  # a desk keeps listening this long after its last action


class Ears:
    """The desk's listener in a thread: (time heard, writer's pid, event ids) of other desks."""

    def __init__(self, session: Session):
        self.listener = session.store.listen()
        assert self.listener is not None, "desks need a team database"
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
    from writer import REFUSED, SHARED_ENTRIES, Actions

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
                started, cpu = time.time(), time.thread_time()
                ind = ind_service.update_indicator(session, seen.id, {"notes": notes}, seen.version)
            else:
                started, cpu = time.time(), time.thread_time()
                ind = getattr(actions, name)()
            returned, cpu = time.time(), time.thread_time() - cpu
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
        record: dict[str, Any] = {
            "action": name.rstrip("_"),
            "ms": (returned - started) * 1000,
            "cpu_ms": cpu * 1000,  # of the desk's thread: its share of the save, not waiting
        }
        if isinstance(ind, dict):  # a load: its file and row count
            record.update(ind)
        elif ind:
            record.update(indicator_id=ind.id, version=ind.version, returned=returned)
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


def run_desks(url: str, desks: int, seconds: float, pause_ms: float, folder: Path) -> list[dict]:
    """Set up the database, start the desks together, wait for them; their results."""
    from writer import setup

    setup(url, files=folder / "team")
    command = [sys.executable, __file__, "desk", url]
    procs = [
        subprocess.Popen([*command, str(seed), str(seconds), str(pause_ms), str(folder)])
        for seed in range(1, desks + 1)
    ]
    try:
        while len(list(folder.glob("ready-*"))) < desks:
            if any(p.poll() is not None for p in procs):
                raise RuntimeError("a desk failed to start")
            time.sleep(0.05)
        (folder / "go").touch()
        for p in procs:
            if p.wait(timeout=seconds + 120) != 0:
                raise RuntimeError(f"a desk failed (exit {p.returncode})")
    finally:
        for p in procs:  # the others, when one failed
            if p.poll() is None:
                p.kill()
                p.wait()
    return [json.loads((folder / f"desk-{s}.json").read_text()) for s in range(1, desks + 1)]


def events_by_version(url: str) -> dict[tuple[int, int], tuple[int, str]]:
    """(entry, version) -> (event id, action) of the event that made that version."""
    session = Session.open(url, "checker")
    try:
        rows = session.store.db.execute(
            "SELECT id, indicator_id, action FROM events WHERE indicator_id > 0 ORDER BY id"
        ).fetchall()
    finally:
        session.close()
    made: dict[tuple[int, int], tuple[int, str]] = {}
    versions: Counter[int] = Counter()
    for event_id, ind_id, action in rows:
        versions[ind_id] += 1
        made[(ind_id, versions[ind_id])] = (event_id, action)
    return made


def problems_after(url: str, desks: list[dict[str, Any]]) -> list[str]:
    """Lost or half-applied actions, lost updates, citations that no longer verify."""
    from indicite.services.verify import verify_citations

    events = events_by_version(url)
    session = Session.open(url, "checker")
    try:
        db = session.store.db
        stored = {
            r[0]: (r[1], r[2]) for r in db.execute("SELECT id, version, notes FROM indicators")
        }
        problems: list[str] = []
        made: dict[tuple[int, int], dict[str, Any]] = {}
        loaded = loaded_files(db)
        for r in (r for d in desks for r in d["done"]):
            if "loaded" in r:
                if loaded.get(r["file"], 0) != r["loaded"]:
                    problems.append(f"load lost or partial: {r} (stored {loaded.get(r['file'])})")
                continue
            key = (r["indicator_id"], r["version"])
            if events.get(key, (0, ""))[1] != r["action"]:
                problems.append(f"acknowledged but lost: {r} (event {events.get(key)})")
            if key in made:
                problems.append(f"two saves made version {key[1]} of entry {key[0]}: lost update")
            made[key] = r
        newest = Counter()
        for ind_id, version in made:
            newest[ind_id] = max(newest[ind_id], version)
        for ind_id, (version, notes) in stored.items():
            if newest[ind_id] > version:
                problems.append(f"entry {ind_id}: acknowledged version {newest[ind_id]} is lost")
            last = made.get((ind_id, version))
            if last is not None and last.get("contended") and last["notes"] != notes:
                problems.append(f"entry {ind_id}: the last acknowledged edit is not stored")
        problems += half_applied(db)
        problems += [f"citation: {p}" for p in verify_citations(session)]
    finally:
        session.close()
    return problems


def loaded_files(db: Any) -> dict[str, int]:
    """Rows each load file stored (all or nothing: every file holds the same rows)."""
    files: Counter[str] = Counter()
    for (after,) in db.execute("SELECT after FROM events WHERE action = 'load'"):
        files[json.loads(after)["file"]] += 1
    return dict(files)


def half_applied(db: Any) -> list[str]:
    """Entries whose stored state is part of an action: an entry's version moves once per
    event, and its citations are those of its create (or load) event plus the cite events
    minus the uncite events (the check of tests/faults/conftest.py, read in Python)."""
    events, creates, cited = Counter(), Counter(), Counter()
    rows = db.execute("SELECT indicator_id, action, after FROM events WHERE indicator_id > 0")
    for ind_id, action, after in rows:
        events[ind_id] += 1
        if action in ("create", "load"):
            creates[ind_id] += 1
            cited[ind_id] += len(json.loads(after)["citations"])
        else:
            cited[ind_id] += {"cite": 1, "uncite": -1}.get(action, 0)
    citations = Counter(
        dict(db.execute("SELECT indicator_id, count(*) FROM citations GROUP BY indicator_id"))
    )
    problems = []
    for ind_id, version in db.execute("SELECT id, version FROM indicators"):
        whole = (creates[ind_id], version, citations[ind_id]) == (1, events[ind_id], cited[ind_id])
        if not whole or citations[ind_id] < 1:
            problems.append(
                f"half-applied: entry {ind_id} version {version}, {events[ind_id]} events, "
                f"{citations[ind_id]} citations of {cited[ind_id]} recorded"
            )
    return problems


def heard_delays(
    desks: list[dict[str, Any]], events: dict[tuple[int, int], tuple[int, str]]
) -> tuple[list[float], int]:
    """For each acknowledged save and each other desk: ms from the save's return until that
    desk's listener heard its event (0 when heard before the writer's call returned); and how
    many times a desk never heard one. ``events``: ``events_by_version``."""
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
            if "version" not in r:
                continue
            event_id = events.get((r["indicator_id"], r["version"]), (0, ""))[0]
            for reader in desks:
                if reader is writer:
                    continue
                at = heard[reader["seed"]].get((writer["pid"], event_id))
                if at is None:
                    missed += 1
                else:
                    delays.append(max(0.0, at - r["returned"]) * 1000)
    return delays, missed


if __name__ == "__main__":
    if sys.argv[1:2] == ["desk"]:
        url, seed, seconds, pause_ms, folder = sys.argv[2:7]
        desk(url, int(seed), float(seconds), float(pause_ms), Path(folder))
    else:
        sys.exit(__doc__)
