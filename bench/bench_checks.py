"""Checks, review queue and series view at scale (issue 16): wall and CPU time per figure.

- ``indicite check`` over the big database (1,000,000 entries, bench/generate.py), in a fresh
  process: wall time and CPU time (the machine is shared; CPU time is what the check costs);
- the review queue's first page with its Check column, painted, on the big database;
- the series view of one indicator with 500 points, built and painted (a generated database).

    python bench/bench_checks.py [--repeat 3] [--seed 0]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from generate import big_database

TARGETS = {"check": 10.0, "queue": 0.2, "series": 0.2, "series_import": None}

PROBE = """
import json, os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
{body}
print(json.dumps({{"seconds": seconds, "cpu": used}}))
"""

CASES = {
    "check": (
        "from indicite.services.session import Session\n"
        "from indicite.services.checks import check_all\n"
        "session = Session.open(sys.argv[1], 'bench')\n"
        "c, t = cpu(), time.perf_counter()\n"
        "found = check_all(session)\n"
        "seconds, used = time.perf_counter() - t, cpu() - c\n"
    ),
    "queue": (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from indicite.services.session import Session\n"
        "from indicite.ui.review_view import ReviewView\n"
        "session = Session.open(sys.argv[1], 'bench')\n"
        "view = ReviewView(session, load=False)\n"
        "view.resize(1400, 800)\n"
        "view.show()\n"
        "c, t = cpu(), time.perf_counter()\n"
        "view.reload_queue()\n"
        "view.grab()\n"
        "seconds, used = time.perf_counter() - t, cpu() - c\n"
    ),
    "series": (
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from indicite.services.session import Session\n"
        "from indicite.ui.catalog.series import SeriesView\n"
        "session = Session.open(sys.argv[1], 'bench')\n"
        "import pyqtgraph  # once per app session (0.3-0.6 s), timed apart as series_import\n"
        "c, t = cpu(), time.perf_counter()\n"
        "view = SeriesView(session, 1)\n"
        "view.resize(900, 640)\n"
        "view.show()\n"
        "view.grab()\n"
        "seconds, used = time.perf_counter() - t, cpu() - c\n"
    ),
    "series_import": (
        "c, t = cpu(), time.perf_counter()\n"
        "import pyqtgraph\n"
        "seconds, used = time.perf_counter() - t, cpu() - c\n"
    ),
}


def series_database(points: int = 500) -> Path:
    """One document citing one indicator for ``points`` years (every tenth a target)."""
    from indicite.services.documents import DocumentMeta, import_file
    from indicite.services.indicators import create_indicator
    from indicite.services.session import Session

    folder = Path(tempfile.mkdtemp(prefix="indicite-series-"))
    text = "\n".join(f"{1500 + n}年全市地区生产总值{100 + n}亿元。" for n in range(points))
    source = folder / "series.txt"
    source.write_text(text, encoding="utf-8")
    session = Session.open(folder / "series.sqlite", "bench")
    doc = import_file(session, source, DocumentMeta(subject="天津")).document_id
    for n in range(points):
        start = text.index(f"{1500 + n}年")
        fields = {
            "name": "地区生产总值",
            "value": 100 + n,
            "unit": "亿元",
            "subject": "天津",
            "period_label": f"{1500 + n}年",
            "kind": "target" if n % 10 == 9 else "actual",
        }
        create_indicator(session, doc, fields, [(start, start + 14)])
    session.close()
    return folder / "series.sqlite"


def run(case: str, db: Path) -> dict:
    code = PROBE.format(body=CASES[case])
    out = subprocess.run(
        [sys.executable, "-c", code, str(db)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "INDICITE_DATA_DIR": tempfile.mkdtemp()},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    big = big_database(args.seed)
    series = series_database()
    cases = (("check", big), ("queue", big), ("series", series), ("series_import", series))
    for case, db in cases:
        results = [run(case, db) for _ in range(args.repeat)]
        wall = statistics.median(r["seconds"] for r in results)
        cpu = statistics.median(r["cpu"] for r in results)
        target = TARGETS[case]
        verdict = "info" if target is None else ("pass" if wall <= target else "FAIL")
        print(f"{case:13} wall {wall:7.3f} s  cpu {cpu:7.3f} s  target {target} s  {verdict}")


if __name__ == "__main__":
    main()
