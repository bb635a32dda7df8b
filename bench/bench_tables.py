"""Table-heavy documents: import, suggestions, and open/scroll in the app (issue 14).

    python bench/bench_tables.py

Two generated documents: ten tables of 500 rows × 8 columns with two header rows (a long
statistical release), and one table of 2,000 rows × 20 columns. Each is imported into a fresh
database (reading + inferring + storing its tables), suggested once, then opened by the
big-document probe of bench/probes.py in a new process (open to first paint, page scrolls,
jumps to 30 cited cells). Prints figures; compare open_ms with "big document: open to first
paint" in bench/RESULTS.md (≤ 500 ms).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent


def release(tables: int, rows: int, cols: int, seed: int = 0) -> str:
    rng = random.Random(seed)
    parts = []
    for t in range(1, tables + 1):
        groups = (cols - 1) // 2
        parts.append(f"表{t} 2025年1—10月份分行业工业企业主要指标")
        parts.append("\t".join(["行 业"] + [f"指标{g}" for g in range(groups)]))
        parts.append("\t".join(["1-10月（亿元）", "同比增长（%）"] * groups))
        for r in range(rows):
            values = [f"{rng.uniform(1, 99999):.1f}" for _ in range(cols - 1)]
            parts.append("\t".join([f"行业{t}-{r}", *values]))
        parts.append("注：数字为生成的示意数据。")
        parts.append("")
        parts.append("全年规模以上工业增加值比上年增长5.7%，利润总额增长3.2%。")
        parts.append("")
    return "\n".join(parts) + "\n"


def measure(name: str, text: str) -> dict:
    from indicite.services.documents import import_file
    from indicite.services.indicators import create_indicator
    from indicite.services.session import Session
    from indicite.services.suggestions import suggestions_for_document
    from indicite.services.tables import tables_of

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{name}.txt"
        source.write_text(text, encoding="utf-8")
        db = Path(tmp) / "bench.sqlite"
        session = Session.open(db, "bench")
        t = time.perf_counter()
        doc_id = import_file(session, source).document_id
        imported = time.perf_counter() - t
        doc = session.store.documents.get(doc_id)
        t = time.perf_counter()
        tables = tables_of(session, doc)
        loaded = time.perf_counter() - t
        t = time.perf_counter()
        found = [s for s in suggestions_for_document(doc, tables) if s.table]
        suggested = time.perf_counter() - t
        for s in random.Random(1).sample(found, 30):
            create_indicator(session, doc_id, {"name": s.indicator}, [(s.start, s.end)])
        session.close()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        probe = subprocess.run(
            [sys.executable, str(HERE / "probes.py"), "big_document", str(db), str(doc_id)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        app = json.loads(probe.stdout.strip().splitlines()[-1])
    return {
        "document": name,
        "chars": len(text),
        "tables": len(tables),
        "cells": sum(len(t.cells) for t in tables),
        "import_ms": round(imported * 1000, 1),
        "load_tables_ms": round(loaded * 1000, 1),
        "suggest_ms": round(suggested * 1000, 1),
        "cell_suggestions": len(found),
        **app,
    }


def main() -> None:
    print(json.dumps(measure("ten_500_row_tables", release(10, 500, 8)), ensure_ascii=False))
    print(json.dumps(measure("one_2000x20_table", release(1, 2000, 20)), ensure_ascii=False))


if __name__ == "__main__":
    main()
