"""Throughput of `indicite suggest FILE`, the whole command with its start-up; prints MB/s.

    python bench/bench_suggest.py [--runs 3] [FILE]

FILE defaults to ../shared/corpus/scale/national_gov_work_reports_1954_2025.txt (3.3 MB; the
target is >= 5 MB/s on the 2-core machine); without it, a ~3 MB document is built from the
texts in tests/data. Each run is a fresh process writing JSON lines to /dev/null; the minimum
and median wall time are reported, with the CPU time of the process (user + system), which
says more than wall time when the machine is shared.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCALE_FILE = ROOT.parent / "shared" / "corpus" / "scale" / "national_gov_work_reports_1954_2025.txt"
FALLBACK = ROOT / "tests" / "data"


def make_document(mb: float, seed: int = 1) -> str:
    """Paragraphs of the test documents shuffled with a fixed seed, up to ``mb`` megabytes."""
    paras = [
        p
        for f in sorted(FALLBACK.glob("*.txt"))
        for p in f.read_text(encoding="utf-8").split("\n")
        if p.strip()
    ]
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        p = rng.choice(paras)
        out.append(p)
        size += len(p.encode("utf-8")) + 1
    return "\n".join(out)


def command() -> list[str]:
    exe = shutil.which("indicite", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-c", "from indicite.cli import main; main()"]


def run_once(path: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one fresh `indicite suggest path`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([*command(), "suggest", str(path)], stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file or (SCALE_FILE if SCALE_FILE.is_file() else None)
        if path is None:
            path = Path(tmp) / "generated.txt"
            path.write_text(make_document(3.3), encoding="utf-8")
        size_mb = path.stat().st_size / 1_000_000
        runs = [run_once(path) for _ in range(args.runs)]
    walls = sorted(w for w, _ in runs)
    cpus = sorted(c for _, c in runs)
    print(f"{path.name}: {size_mb:.2f} MB, {args.runs} fresh runs of `indicite suggest`")
    print(
        f"wall min {walls[0]:.2f} s ({size_mb / walls[0]:.2f} MB/s), "
        f"median {statistics.median(walls):.2f} s ({size_mb / statistics.median(walls):.2f} MB/s)"
    )
    print(
        f"cpu  min {cpus[0]:.2f} s ({size_mb / cpus[0]:.2f} MB/s), "
        f"median {statistics.median(cpus):.2f} s"
    )


if __name__ == "__main__":
    main()
