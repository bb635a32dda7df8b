"""The page view of a 300-page PDF (issue 15): open, page turns, memory, 2,000 boxes.

Draws a 300-page Chinese report with reportlab (the tests' builder), imports it, and shows
it in the page view of a 1920x1080 document pane (offscreen Qt), measuring:

- open to first painted page: from asking for the pages to the first paint with every tile
  in sight rendered;
- page turn: PageDown until the next page is painted sharp (median and p90 over 60 turns,
  and over 30 jumps to pages far away, which nothing prefetched);
- memory while paging through all 300 pages: the tile cache's bytes (cap 200 MB) and the
  process's resident memory;
- 2,000 citation boxes on one page: one paint of the page with them (first paint, which
  merges the characters' boxes into lines, and later paints).

    python bench/bench_pdf_pages.py [--pages 300] [json]

With ``json`` the last line printed is the figures as JSON (bench/run_all.py reads it).
"""

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TESTS = Path(__file__).resolve().parent.parent / "tests"


def _samples():
    """tests/pdf_samples.py, the builder the tests draw their PDFs with (one definition)."""
    spec = importlib.util.spec_from_file_location("pdf_samples", TESTS / "pdf_samples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("output", nargs="?", choices=["text", "json"], default="text")
    args = parser.parse_args()
    figures: dict[str, float] = {}

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from indicite.services.documents import import_file
    from indicite.services.session import Session
    from indicite.ui.document_view import DocumentView

    app = QApplication(sys.argv)
    samples = _samples()
    folder = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    pdf = folder / "report.pdf"
    started = time.perf_counter()
    pdf.write_bytes(
        samples.build([samples.Page(paragraphs=samples.PROSE * 4) for _ in range(args.pages)])
    )
    print(
        f"draw {args.pages}-page PDF: {time.perf_counter() - started:.2f} s, "
        f"{pdf.stat().st_size / 1e6:.1f} MB"
    )
    session = Session.open(folder / "bench.sqlite", "bench")
    started = time.perf_counter()
    doc_id = import_file(session, pdf).document_id
    print(f"import (reading text + character map): {time.perf_counter() - started:.2f} s")
    doc = session.store.documents.get(doc_id)

    view = DocumentView()
    view.resize(1920, 1080)
    view.show()
    app.processEvents()
    pages = view.pages

    def wait_sharp(limit: float = 10.0) -> float:
        began = time.perf_counter()
        pages.painted_complete = False
        while not pages.painted_complete and time.perf_counter() - began < limit:
            app.processEvents()
            time.sleep(0.001)
        return time.perf_counter() - began

    started = time.perf_counter()
    view.set_document(doc.text, doc.page_starts)
    view.show_pages_of(session, doc)
    view.page_action.setChecked(True)
    wait_sharp()
    figures["open_ms"] = 1000 * (time.perf_counter() - started)
    print(f"open to first painted page: {figures['open_ms']:.0f} ms (target ≤ 500 ms)")

    turns = []
    for _ in range(60):
        began = time.perf_counter()
        QTest.keyClick(pages, Qt.Key.Key_PageDown)
        wait_sharp()
        turns.append(time.perf_counter() - began)
    jumps = []
    for step in range(30):
        began = time.perf_counter()
        pages.go_to_page((97 * step + 150) % pages.page_count)
        wait_sharp()
        jumps.append(time.perf_counter() - began)
    for key, name, values in (
        ("turn", "page turn (PageDown)", turns),
        ("jump", "jump to a far page", jumps),
    ):
        values.sort()
        figures[f"{key}_p90_ms"] = 1000 * values[int(0.9 * len(values))]
        print(
            f"{name}: median {1000 * statistics.median(values):.0f} ms, "
            f"p90 {figures[f'{key}_p90_ms']:.0f} ms (target ≤ 100 ms)"
        )

    pages.go_to_page(0)
    wait_sharp()
    peak_cache, peak_rss = 0, _rss_mb()
    for _ in range(pages.page_count):
        QTest.keyClick(pages, Qt.Key.Key_PageDown)
        wait_sharp()
        peak_cache = max(peak_cache, pages.cache.bytes)
        peak_rss = max(peak_rss, _rss_mb())
    figures["cache_peak_mb"] = peak_cache / 2**20
    figures["rss_peak_mb"] = peak_rss
    print(
        f"paging all {pages.page_count} pages: tile cache peak {peak_cache / 2**20:.0f} MB "
        f"(cap {pages.cache.limit / 2**20:.0f} MB), process RSS peak {peak_rss:.0f} MB"
    )

    first_page_end = doc.page_starts[1] if len(doc.page_starts) > 1 else len(doc.text)
    rows = []
    for number in range(2000):
        start = (number * 7) % max(1, first_page_end - 8)
        status = ("draft", "submitted", "approved", "returned")[number % 4]
        rows.append(
            {
                "start": start,
                "end": start + 1 + number % 6,
                "indicator_id": number,
                "status": status,
                "name": "指标",
                "value": 1.0,
                "unit": "",
                "value_text": "",
            }
        )
    pages.go_to_page(0)
    wait_sharp()
    view.set_highlights(rows)
    timings = []
    for _ in range(11):
        began = time.perf_counter()
        pages.viewport().repaint()
        timings.append(time.perf_counter() - began)
    boxes = len(pages.page_boxes(0) or [])
    figures["boxes_first_ms"] = 1000 * timings[0]
    figures["boxes_ms"] = 1000 * statistics.median(timings[1:])
    print(
        f"{boxes} citation boxes on one page: first paint {1000 * timings[0]:.1f} ms, "
        f"then median {1000 * statistics.median(timings[1:]):.1f} ms (target ≤ 30 ms)"
    )

    pages.close_source()
    view.close()
    session.close()
    if args.output == "json":
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
