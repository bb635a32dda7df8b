"""Throughput of the suggester on a seeded ~5 MB document; prints MB/s (target >= 2 on one core).

    python bench/bench_suggest.py [--mb 5] [--seed 1]

Paragraphs of the large corpus (../shared/corpus/scale/*.txt if present, else tests/data) are
shuffled with a fixed seed so every run measures the same text.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from indicite.core.suggest import suggest
from indicite.core.text import normalize_newlines

ROOT = Path(__file__).resolve().parents[1]
SCALE = ROOT.parent / "shared" / "corpus" / "scale"
FALLBACK = ROOT / "tests" / "data"


def source_paragraphs() -> list[str]:
    files = sorted(SCALE.glob("*.txt")) if SCALE.is_dir() else []
    if not files:
        files = sorted(FALLBACK.glob("*.txt"))
    paras: list[str] = []
    for f in files:
        text = normalize_newlines(f.read_text(encoding="utf-8"))
        paras.extend(p for p in text.split("\n") if p.strip())
    return paras


def make_document(mb: float, seed: int) -> str:
    paras = source_paragraphs()
    rng = random.Random(seed)
    target = int(mb * 1_000_000)
    out: list[str] = []
    size = 0
    while size < target:
        p = rng.choice(paras)
        out.append(p)
        size += len(p.encode("utf-8")) + 1
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    doc = make_document(args.mb, args.seed)
    size_mb = len(doc.encode("utf-8")) / 1_000_000
    t0 = time.perf_counter()
    found = suggest(doc)
    elapsed = time.perf_counter() - t0
    print(f"{size_mb:.2f} MB, {len(doc)} chars, {len(found)} suggestions, {elapsed:.2f} s")
    print(f"{size_mb / elapsed:.2f} MB/s")


if __name__ == "__main__":
    main()
