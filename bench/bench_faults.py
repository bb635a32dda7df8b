"""The full fault runs: 200 SIGKILLs of a writer and 4 writers for 60 s, plus the fuzzers.

    .venv/bin/python bench/bench_faults.py [--fuzz-iterations N]

Runs the ``slow`` fault tests with pytest and prints their figures (kills, actions, conflicts,
mutants read or refused). The fuzzers include the hostile-file mutators of issue 13: lying zip
headers (.docx and our .xlsx export), damaged encodings (.txt), JSON of any shape and mutated
CSV/XLSX exports through ``load``.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fuzz-iterations", type=int, default=500)
    args = parser.parse_args()
    env = {**os.environ, "FUZZ_ITERATIONS": str(args.fuzz_iterations)}
    runs = [
        ["-m", "slow", "tests/faults/test_kill.py", "tests/faults/test_writers.py"],
        ["tests/faults/test_fuzz.py"],
    ]
    status = 0
    for selection in runs:
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", *selection],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        figures = [
            line
            for line in result.stdout.splitlines()
            if line.startswith(("kills:", "4 writers", "fuzz ")) or " passed" in line
        ]
        print(f"$ pytest {' '.join(selection)}  ({time.perf_counter() - started:.0f} s)")
        print("\n".join(figures) or result.stdout[-3000:])
        if result.returncode:
            print(result.stdout[-5000:], result.stderr[-2000:])
            status = result.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
