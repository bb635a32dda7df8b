"""Export and load throughput (issue 5, issue 8 point 5): time and peak memory, fresh processes.

Builds a seeded database of 100,000 indicators over 100 documents (one in ten cites a second
passage), then measures, each in a new Python process (median of --repeat runs):
export to CSV and XLSX, pandas read_csv / read_excel of the result, and ``indicite load`` of
the CSV and of the XLSX into a database holding only the same documents.

    python bench/bench_export.py [--rows 100000] [--repeat 3] [--only load]
"""

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path

from environment import Environment
from generate import NAMES, NUMBER, SUBJECTS, USERS, corpus_text
from indicite.core.citations import quote_at
from indicite.core.magnitudes import to_base
from indicite.core.text import sha256_text
from indicite.storage.database import open_database

OUT = Path(__file__).parent / "out" / "export"
DOCUMENTS = 100
SLICE_CHARS = 3_000

TARGETS = {  # issue 8, point 5; load csv: issue 22
    "export csv": (3.0, 300),
    "export xlsx": (12.0, 300),
    "load csv": (5.0, None),
    "load xlsx": (20.0, None),
}

MEASURE = """
import json, resource, sys, time
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu_before = usage.ru_utime + usage.ru_stime
started = time.perf_counter()
{body}
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu = usage.ru_utime + usage.ru_stime - cpu_before
# a load of a big file reads it in a child process (services/load_apart.py)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
child_cpu = usage.ru_utime + usage.ru_stime
# ru_maxrss survives exec (it would report the parent's peak); VmHWM is this process's own.
status = open("/proc/self/status").read()
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({{"seconds": seconds, "cpu": cpu, "child_cpu": child_cpu, "peak_mb": peak}}))
"""

# Each runs in a fresh process: sys.argv[1] database, [2] file, [3] format, engine or rows.
CASES = {
    "export": (
        "from indicite.services.session import Session\n"
        "from indicite.services.export import export\n"
        "export(Session.open(sys.argv[1], 'bench'), sys.argv[2], sys.argv[3])"
    ),
    "read_csv": "import pandas as pd\npd.read_csv(sys.argv[2])",
    "read_excel": (
        "import pandas as pd\npd.read_excel(sys.argv[2], sheet_name=None, engine=sys.argv[3])"
    ),
    "load": (
        "import shutil\n"
        "shutil.copy(sys.argv[1], sys.argv[1] + '.run')\n"
        "from indicite.services.session import Session\n"
        "from indicite.services.load import load\n"
        "r = load(Session.open(sys.argv[1] + '.run', 'bench'), sys.argv[2])\n"
        "assert r.loaded == int(sys.argv[3]), r.refused[:3]"
    ),
}


def build(rows: int, seed: int) -> tuple[Path, Path]:
    """(database with documents and indicators, database with the documents only)."""
    full = OUT / f"export-{rows}-{seed}.sqlite"
    empty = OUT / f"documents-{seed}.sqlite"
    if full.exists() and empty.exists():
        return full, empty
    OUT.mkdir(parents=True, exist_ok=True)
    for leftover in OUT.glob("*.sqlite*"):
        leftover.unlink()
    building = full.with_suffix(".building")
    rng = random.Random(seed)
    text = corpus_text(seed)
    docs = []
    for n in range(1, DOCUMENTS + 1):
        start = rng.randrange(len(text) - SLICE_CHARS)
        body = text[start : start + SLICE_CHARS]
        year = rng.randint(2000, 2025)
        subject = rng.choice(SUBJECTS)
        docs.append(
            (n, f"{subject}{year}年政府工作报告（摘录{n}）", f"{subject}人民政府",
             f"{year}-03-05", "", "txt", subject, body, sha256_text(body), None, len(body),
             f"{year}-03-06T09:00:00.000+00:00", rng.choice(USERS))
        )  # fmt: skip
    db = open_database(empty)
    with db.conn:
        db.conn.executemany(
            "INSERT INTO documents (id, title, issuer, published_on, source_url, doc_type, "
            "subject, text, text_sha256, page_starts, char_count, imported_at, imported_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            docs,
        )
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    shutil.copy(empty, building)
    conn = sqlite3.connect(building, isolation_level=None)
    conn.execute("BEGIN")
    indicators, citations = [], []
    spans = {d[0]: [m.span() for m in NUMBER.finditer(d[7])] or [(0, 4)] for d in docs}
    for ind_id in range(1, rows + 1):
        doc = docs[(ind_id - 1) * DOCUMENTS // rows]
        body, year = doc[7], doc[3][:4]
        cited = [quote_at(body, *rng.choice(spans[doc[0]])) for _ in range(1 + (ind_id % 10 == 0))]
        # Values drawn at random (not read from the quote) keep every row distinct for load.
        value = round(rng.uniform(-100, 10_000), 2)
        unit = rng.choice(("亿元", "万人", "%", "个", "万吨"))
        base_value, base_unit = to_base(value, unit)
        who, status = rng.choice(USERS), rng.choice(("draft", "submitted", "approved"))
        at = f"{year}-05-{rng.randint(1, 28):02d}T10:00:00.000+00:00"
        reviewer = rng.choice(USERS) if status == "approved" else None
        indicators.append(
            (ind_id, doc[0], rng.choice(NAMES), doc[6], f"{year}年", f"{year}-01-01",
             f"{year}-12-31", "level", value, unit, base_value, base_unit, "eq", cited[0].exact,
             "", status, 1, who, at, who, at, reviewer, at if reviewer else None)
        )  # fmt: skip
        for position, quote in enumerate(cited):
            citations.append(
                (ind_id, doc[0], quote.start, quote.end, quote.exact, quote.prefix,
                 quote.suffix, position)
            )  # fmt: skip
    conn.executemany(
        "INSERT INTO indicators (id, document_id, name, subject, period_label, period_start, "
        "period_end, measure, value, unit, base_value, base_unit, qualifier, value_text, notes, "
        "status, version, created_by, created_at, updated_by, updated_at, reviewed_by, "
        "reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        indicators,
    )
    conn.executemany(
        'INSERT INTO citations (indicator_id, document_id, start, "end", exact, prefix, suffix, '
        "position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        citations,
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    building.rename(full)  # last, so an interrupted build is never taken for a finished one
    return full, empty


def measure(case: str, *args: str) -> dict[str, float]:
    code = MEASURE.format(body=CASES[case])
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"{case} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", help="the figures whose name starts with this (e.g. load)")
    args = parser.parse_args()
    full, empty = build(args.rows, args.seed)
    csv_out, xlsx_out = OUT / "bench.csv", OUT / "bench.xlsx"
    rows = str(args.rows)
    plan = [
        ("export csv", "export", (str(full), str(csv_out), "csv")),
        ("export xlsx", "export", (str(full), str(xlsx_out), "xlsx")),
        ("pandas read_csv", "read_csv", ("", str(csv_out))),
        ("pandas read_excel", "read_excel", ("", str(xlsx_out), "openpyxl")),
        ("  engine=calamine", "read_excel", ("", str(xlsx_out), "calamine")),
        ("load csv", "load", (str(empty), str(csv_out), rows)),
        ("load xlsx", "load", (str(empty), str(xlsx_out), rows)),
    ]
    plan = [step for step in plan if step[0].startswith(args.only or "")]
    environment = Environment()
    print(f"{args.rows:,} indicators, median (and min) of {args.repeat} fresh processes")
    print("wall seconds compete with whatever else runs; CPU seconds are this process's own")
    print("(+ its child's, for a load that reads the file in a second process)")
    print(
        f"{'figure':<20}{'wall s':>8}{'min s':>7}{'CPU s':>12}{'peak MB':>9}   {'target':<18}result"
    )
    for figure, case, case_args in plan:
        runs = [measure(case, *case_args) for _ in range(args.repeat)]
        seconds = statistics.median(r["seconds"] for r in runs)
        fastest = min(r["seconds"] for r in runs)
        cpu = statistics.median(r["cpu"] for r in runs)
        child = statistics.median(r.get("child_cpu", 0) for r in runs)
        cpus = f"{cpu:.2f}" + (f"+{child:.2f}" if child >= 0.01 else "")
        peak = statistics.median(r["peak_mb"] for r in runs)
        target = TARGETS.get(figure)
        verdict, wanted = "", ""
        if target:
            max_s, max_mb = target
            wanted = f"≤ {max_s:g} s" + (f", ≤ {max_mb} MB" if max_mb else "")
            ok = seconds <= max_s and (max_mb is None or peak <= max_mb)
            verdict = "pass" if ok else "FAIL"
        print(
            f"{figure:<20}{seconds:>8.2f}{fastest:>7.2f}{cpus:>12}{peak:>9.0f}   "
            f"{wanted:<18}{verdict}"
        )
    Path(str(empty) + ".run").unlink(missing_ok=True)
    environment.finish()
    if warning := environment.busy_warning():
        print(warning)
    print(environment.markdown())


if __name__ == "__main__":
    main()
