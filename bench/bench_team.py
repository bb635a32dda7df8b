"""Team mode under load: 20 desks (processes) act at once on one PostgreSQL server (issue 20).

    .venv/bin/python bench/bench_team.py [--desks 20] [--seconds 60] [--runs 3] [--pause-ms 1000]

Each run starts from a fresh database on one throwaway local server (tests/pg_cluster.py); the
desks are those of the fault harness (tests/faults/desks.py): the random actions of
tests/faults/writer.py plus contended edits of shared entries, each desk listening to the
others as the GUI does. Between actions a desk pauses a random 0 to ``--pause-ms``
(``--pause-ms 0``: flat out, which measures the 2 cores of this machine more than the server).

Printed, per run and as min / median / max of the runs: actions acknowledged, conflicts
detected (a save on a stale version refused with ConflictError), lost or half-applied actions
found afterwards from the events, save latency (the service call of each acknowledged save;
for the harness's random actions it includes picking the entry: the ids, then the entry), and
how long after a save returned each other desk's listener heard it.
"""

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests"), str(ROOT / "tests" / "faults")]

SAVE_TARGET_MS = 50
SEEN_TARGET_MS = 1000


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def one_run(url: str, desks: int, seconds: float, pause_ms: float) -> dict[str, Any]:
    from desks import events_by_version, heard_delays, problems_after, run_desks

    folder = Path(tempfile.mkdtemp(prefix="indicite-team-"))
    try:
        results = run_desks(url, desks, seconds, pause_ms, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    done = [r for d in results for r in d["done"]]
    saves = [r["ms"] for r in done if "version" in r]
    cpu = [r["cpu_ms"] for r in done if "version" in r]
    by_kind_p95 = {
        kind: round(percentile([r["ms"] for r in done if r["action"] == kind], 0.95), 1)
        for kind in sorted({r["action"] for r in done if "version" in r})
    }
    delays, missed = heard_delays(results, events_by_version(url))
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
        "save_cpu_p95": percentile(cpu, 0.95),
        "save_p95_by_kind": by_kind_p95,
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
        ("save: the desk's own CPU time, p95", "save_cpu_p95", "", "{:.1f} ms"),
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
    sys.exit(main())
