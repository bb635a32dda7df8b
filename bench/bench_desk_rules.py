"""What the server's rules of team mode cost a save (issue 20, docs/team-mode-security.md).

The same edits and approvals through the services, once on the owner's connection (trusted:
the triggers let it through at once) and once from desk logins (every rule checked), on a
throwaway local cluster (tests/pg_cluster.py). Prints the median and 95th percentile of one
save and one approval, in milliseconds.

    python bench/bench_desk_rules.py [--entries 300]
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from environment import commit, cpu_model, load_average

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import pg_cluster  # noqa: E402
from desk_logins import as_login  # noqa: E402


def figures(name: str, millis: list[float]) -> None:
    p95 = statistics.quantiles(millis, n=20)[-1]
    print(f"{name:<32} median {statistics.median(millis):6.2f} ms   p95 {p95:6.2f} ms")


def run(url: str, entries: int) -> None:
    import psycopg

    from indicite.services import review
    from indicite.services.documents import DocumentMeta, import_file
    from indicite.services.indicators import create_indicator, update_indicator
    from indicite.services.session import Session
    from indicite.services.users import add_user, ensure_user

    owner = Session.open(url, "owner")
    ensure_user(owner)
    add_user(owner, "reviewer", "editor")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "公报.txt"
        source.write_text("2025年全市规模以上工业增加值增长5.2%。\n" * 20, encoding="utf-8")
        doc_id = import_file(owner, source, DocumentMeta()).document_id
    with psycopg.connect(url, autocommit=True) as admin:
        for name, role in (("bench_staff", "staff"), ("bench_editor", "editor")):
            admin.execute(f"CREATE ROLE {name} LOGIN IN ROLE indicite_role_{role}")
    sam = Session.open(as_login(url, "bench_staff"))
    eve = Session.open(as_login(url, "bench_editor"))
    pairs = {
        "owner (trusted)": (owner, Session(owner.store, "reviewer")),
        "desks (rules checked)": (sam, eve),
    }
    made = {
        label: [
            create_indicator(enterer, doc_id, {"name": f"指标{i}", "value": i}, [(0, 4)])
            for i in range(entries)
        ]
        for label, (enterer, _) in pairs.items()
    }
    saves: dict[str, list[float]] = {label: [] for label in pairs}
    approvals: dict[str, list[float]] = {label: [] for label in pairs}
    for i in range(entries):  # turn about, so that both see the same load of the machine
        for label, (enterer, reviewer) in pairs.items():
            ind = made[label][i]
            start = time.perf_counter()
            saved = update_indicator(enterer, ind.id, {"notes": "改"}, ind.version)
            saves[label].append((time.perf_counter() - start) * 1000)
            submitted = review.submit(enterer, ind.id, saved.version)
            start = time.perf_counter()
            review.approve(reviewer, submitted.id, submitted.version)
            approvals[label].append((time.perf_counter() - start) * 1000)
    for label in pairs:
        figures(f"save, {label}", saves[label])
        figures(f"approve, {label}", approvals[label])
    for session in (sam, eve, owner):
        session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=300)
    args = parser.parse_args()
    print(f"{cpu_model()}, load {load_average()}, commit {commit()}")
    folder, url = pg_cluster.start()
    try:
        run(url, args.entries)
    finally:
        pg_cluster.stop(folder)


if __name__ == "__main__":
    main()
