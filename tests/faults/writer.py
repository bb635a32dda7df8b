"""A real writer process for the fault tests: random user actions through the services.

    python writer.py setup DB            create the users and import the sample document
    python writer.py kill DB SEED        act until killed; one JSON line per completed action
    python writer.py contend DB SEED S   edit shared entries for S seconds, then a summary line

Each action is reported on stdout (flushed) only after its service call returned, so every
reported action must be in the database, whatever moment the process is killed at.
"""

import csv
import importlib.util
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

from indicite.core.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    StorageProblem,
    ValidationError,
)
from indicite.services import indicators as ind_service
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.session import Session

WRITER, EDITOR, ADMIN = "writer", "editor", "admin"
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "tianjin_industry_2025.txt"
REFUSED = (ConflictError, NotFound, PermissionDenied, ValidationError)
HAS_REVIEW = importlib.util.find_spec("indicite.services.review") is not None
HAS_LOAD = importlib.util.find_spec("indicite.services.load") is not None


def seed_table(files: Path) -> Path:
    """An export of the shared entries, which the load action changes and loads back.

    ``files``: a path in the folder for such files (the database file; for a server's
    database, any name in a folder of the run's)."""
    return files.with_name("load-seed.csv")


SHARED_ENTRIES = 6


def report(**fields: Any) -> None:
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def setup(db: Path | str, files: Path | None = None) -> None:
    """Users with their roles, the sample document and a few entries everyone edits.

    ``db``: a database file or a server's URL; ``files``: see ``seed_table``."""
    session = Session.open(db, ADMIN)
    try:
        if HAS_REVIEW:
            from indicite.services.users import add_user, ensure_user

            ensure_user(session)
            add_user(session, WRITER, "staff")
            add_user(session, EDITOR, "editor")
        outcome = import_file(session, SAMPLE, DocumentMeta(subject="天津"))
        assert outcome.document_id is not None, outcome.error
        writer = Session(session.store, WRITER)
        for n in range(SHARED_ENTRIES):
            ind_service.create_indicator(
                writer, outcome.document_id, {"name": f"共享指标{n}"}, [(n * 10, n * 10 + 6)]
            )
        if HAS_LOAD:
            from indicite.services.export import export

            export(writer, seed_table(files or Path(db)), "csv")
    finally:
        session.close()


def random_span(rng: random.Random, text_length: int) -> tuple[int, int]:
    start = rng.randrange(0, text_length - 40)
    return start, start + rng.randint(1, 30)


class Actions:
    """The user actions the kill test draws from, each one service call."""

    def __init__(self, db: Path | str, rng: random.Random, files: Path | None = None):
        self.session = Session.open(db, WRITER)
        self.editor = Session(self.session.store, EDITOR)
        self.rng = rng
        self.doc_id = self.session.store.documents.list("")[0]["id"]
        self.text_length = len(self.session.store.documents.get(self.doc_id).text)
        self.names = ["规上工业增加值", "工业投资", "高技术制造业", "民营企业数量", "出口额"]
        self.files = files or Path(db)
        self.loads = 0

    def pick(self, include_deleted: bool = False):
        query = (
            "SELECT id FROM indicators"
            if include_deleted
            else "SELECT id FROM indicators WHERE deleted_at IS NULL"
        )
        rows = self.session.store.db.execute(query).fetchall()
        if not rows:
            return None
        return self.session.store.indicators.get(self.rng.choice(rows)[0])

    def create(self):
        spans = [random_span(self.rng, self.text_length) for _ in range(self.rng.randint(1, 2))]
        fields = {
            "name": self.rng.choice(self.names),
            "value": round(self.rng.uniform(-50, 5000), 2),
            "unit": self.rng.choice(["%", "亿元", "万个", "个百分点"]),
            "notes": "x" * self.rng.randint(0, 3000),  # some actions need new pages
        }
        return ind_service.create_indicator(self.session, self.doc_id, fields, spans)

    def edit(self):
        ind = self.pick()
        changes = {"value": round(self.rng.uniform(0, 100), 1), "notes": str(self.rng.random())}
        return ind and ind_service.update_indicator(self.session, ind.id, changes, ind.version)

    def cite(self):
        ind = self.pick()
        span = random_span(self.rng, self.text_length)
        return ind and ind_service.add_citation(self.session, ind.id, span, ind.version)

    def uncite(self):
        ind = self.pick()
        if not ind or len(ind.citations) < 2:
            return None
        return ind_service.remove_citation(self.session, ind.id, ind.citations[-1].id, ind.version)

    def delete(self):
        ind = self.pick()
        return ind and ind_service.delete_indicator(self.session, ind.id, ind.version)

    def restore(self):
        ind = self.pick(include_deleted=True)
        if not ind or not ind.deleted_at:
            return None
        return ind_service.restore_indicator(self.session, ind.id, ind.version)

    def submit(self):
        from indicite.services.review import submit

        ind = self.pick()
        return ind and submit(self.session, ind.id, ind.version)

    def approve(self):
        from indicite.services.review import approve

        ind = self.pick()
        return ind and approve(self.editor, ind.id, ind.version)

    def return_(self):
        from indicite.services.review import return_

        ind = self.pick()
        return ind and return_(self.editor, ind.id, ind.version, "请核对数值")

    def reopen(self):
        from indicite.services.review import reopen

        ind = self.pick()
        return ind and reopen(self.editor, ind.id, ind.version, "需要修改")

    def load(self) -> dict[str, Any]:
        """Load a table of new entries (the seed export under new names) in one transaction."""
        from indicite.services.load import load

        with seed_table(self.files).open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        self.loads += 1
        path = self.files.with_name(f"load-{self.rng.getrandbits(64):016x}.csv")
        for row in rows:
            row["id"] = ""
            row["name"] = f"载入{self.rng.random()}"
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        report = load(self.session, path)
        return {"file": path.name, "loaded": report.loaded}

    def weighted(self) -> list[str]:
        names = ["create"] * 4 + ["edit"] * 4 + ["cite"] * 2 + ["uncite", "delete", "restore"]
        if HAS_REVIEW:
            names += ["submit"] * 3 + ["approve"] * 2 + ["return_", "reopen"]
        if HAS_LOAD:
            names += ["load"]
        return names


def last_event_id(session: Session, ind_id: int) -> int:
    return session.store.events.for_indicator(ind_id)[-1].id


def run_kill(db: Path, seed: int) -> None:
    rng = random.Random(seed)
    actions = Actions(db, rng)
    report(action="ready")
    names = actions.weighted()
    while True:
        name = rng.choice(names)
        try:
            ind = getattr(actions, name)()
        except REFUSED:
            continue
        if isinstance(ind, dict):
            report(action=name, **ind)
        elif ind:
            report(
                action=name.rstrip("_"),
                indicator_id=ind.id,
                version=ind.version,
                citations=len(ind.citations),
                event_id=last_event_id(actions.session, ind.id),
            )


def run_contend(db: Path, seed: int, seconds: float) -> None:
    """Read an entry, think a moment, save with the version read: conflicts must be caught."""
    rng = random.Random(seed)
    actions = Actions(db, rng)
    session = actions.session
    shared = [r[0] for r in session.store.db.execute("SELECT id FROM indicators ORDER BY id")]
    shared = shared[:SHARED_ENTRIES]
    counts = {"applied": 0, "conflicts": 0, "storage_problems": 0, "created": 0}
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        try:
            if rng.random() < 0.1:
                actions.create()
                counts["created"] += 1
                counts["applied"] += 1
                continue
            ind_id = rng.choice(shared)
            seen = session.store.indicators.get(ind_id)
            time.sleep(rng.uniform(0, 0.01))
            notes = f"{seed}:{n}"
            saved = ind_service.update_indicator(session, ind_id, {"notes": notes}, seen.version)
        except ConflictError:
            counts["conflicts"] += 1
            continue
        except StorageProblem as e:
            counts["storage_problems"] += 1
            report(action="storage_problem", message=str(e))
            continue
        counts["applied"] += 1
        report(action="edit", indicator_id=ind_id, version=saved.version, notes=notes)
    report(action="summary", **counts)


def main(argv: list[str]) -> None:
    mode, db = argv[0], Path(argv[1])
    if mode == "setup":
        setup(db)
    elif mode == "kill":
        run_kill(db, int(argv[2]))
    elif mode == "contend":
        run_contend(db, int(argv[2]), float(argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
