"""Re-anchoring (issue 17): placement quality on generated revisions, and the speed of
importing a new version of the 3.3 MB document with 20,000 citations.

    python bench/bench_reanchor.py [--revisions 1000] [--repeat 3] [--citations 20000]

Quality: revisions of the documents in tests/data with every character's origin known
(tests/core/revision_generator.py): inserted, deleted and moved passages, changed digits,
whitespace and punctuation, 10% of the text rewritten. Prints how many citations were placed
on text other than their own while called ``exact`` or ``moved`` (target 0) and the share of
unchanged quotes found ``exact`` or ``moved`` (target >= 98%).

Speed: each repeat runs in a fresh process: a database with the scale corpus (3.3 MB, or a
generated text of that size) and 20,000 cited entries, then ``indicite import REVISED
--replaces 1`` through the service, timed (target <= 10 s).
"""

import argparse
import importlib.util
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from environment import Environment
from generate import corpus_text
from indicite.core.citations import quote_at
from indicite.core.reanchor import EXACT, MOVED, Reanchorer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DOCUMENTS = (
    "tianjin_industry_2025",
    "national_gov_work_report_2023",
    "daqing_economic_analysis_2017",
)


def generator():
    """The test suite's revision generator (a test helper, loaded from its file)."""
    path = ROOT / "tests" / "core" / "revision_generator.py"
    spec = importlib.util.spec_from_file_location("revision_generator", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quality(revisions: int) -> dict:
    gen = generator()
    texts = [(DATA / f"{n}.txt").read_text(encoding="utf-8") for n in DOCUMENTS]
    wrong = unchanged = found = placed_total = 0
    started = time.perf_counter()
    for k in range(revisions):
        rnd = random.Random(k)
        old = texts[k % 3]
        revision = gen.revise(old, texts[(k + 1) % 3], rnd)
        anchorer = Reanchorer(old, revision.text)
        for start, end in gen.citations_of(old, rnd, 50):
            q = quote_at(old, start, end)
            placed = anchorer.place(q.start, q.end, q.exact, q.prefix, q.suffix)
            placed_total += 1
            truth = revision.true_start(start, end)
            if truth is not None:
                unchanged += 1
                found += placed.state in (EXACT, MOVED)
            if placed.state in (EXACT, MOVED) and not revision.placed_right(
                old, start, end, placed.start
            ):
                wrong += 1
    return {
        "revisions": revisions,
        "citations": placed_total,
        "wrong_exact_or_moved": wrong,
        "unchanged_quotes": unchanged,
        "unchanged_found": round(found / unchanged, 4),
        "seconds": round(time.perf_counter() - started, 1),
    }


def one_import(citations: int) -> dict:
    """In this (fresh) process: build the database, then time the import of the revision."""
    from indicite.services.documents import import_file
    from indicite.services.revisions import import_new_version
    from indicite.services.session import Session

    gen = generator()
    folder = Path(tempfile.mkdtemp(prefix="bench-reanchor-"))
    text = corpus_text()
    (folder / "v1.txt").write_text(text, encoding="utf-8")
    filler = "".join((DATA / f"{n}.txt").read_text(encoding="utf-8") for n in DOCUMENTS)
    rnd = random.Random(0)
    revision = gen.revise(text, filler * 20, rnd)
    (folder / "v2.txt").write_text(revision.text, encoding="utf-8")
    session = Session.open(folder / "bench.sqlite", "bench")
    doc = import_file(session, folder / "v1.txt").document_id
    spans = gen.citations_of(text, rnd, citations)[:citations]
    db = session.store.db
    with session.store.transaction():
        for n, (start, end) in enumerate(spans):
            q = quote_at(text, start, end)
            ind = db.execute(
                "INSERT INTO indicators (document_id, name, status, version, created_by, "
                "created_at) VALUES (?, ?, 'draft', 1, 'bench', '2026-01-01T00:00:00+00:00')",
                [doc, f"指标{n}"],
            ).lastrowid
            db.execute(
                'INSERT INTO citations (indicator_id, document_id, start, "end", exact, prefix, '
                "suffix, position) VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                [ind, doc, q.start, q.end, q.exact, q.prefix, q.suffix],
            )
    started = time.perf_counter()
    report = import_new_version(session, folder / "v2.txt", doc)
    seconds = time.perf_counter() - started
    session.close()
    return {"seconds": seconds, "citations": report.citations, "states": dict(report.states),
            "characters": len(text)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revisions", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--citations", type=int, default=20_000)
    parser.add_argument("--one-import", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_import:
        print(json.dumps(one_import(args.citations), ensure_ascii=False))
        return
    environment = Environment()
    print(json.dumps({"quality": quality(args.revisions)}, ensure_ascii=False))
    runs = []
    for _ in range(args.repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--one-import", "--citations", str(args.citations)],
            capture_output=True, text=True, check=True, cwd=Path(__file__).parent,
        ).stdout  # fmt: skip
        runs.append(json.loads(out.strip().splitlines()[-1]))
    times = [r["seconds"] for r in runs]
    print(json.dumps({"import_new_version": runs[-1] | {"seconds": None}}, ensure_ascii=False))
    print(
        f"re-anchor {runs[-1]['citations']} citations on {runs[-1]['characters']:,} characters: "
        f"min {min(times):.2f} s, median {statistics.median(times):.2f} s "
        f"(target <= 10 s; ratio {statistics.median(times) / 10:.2f})"
    )
    environment.finish()
    print(environment.markdown())


if __name__ == "__main__":
    main()
