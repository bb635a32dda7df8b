"""One measurement per fresh process: ``python bench/probes.py PROBE ARGS...`` prints JSON.

run_all.py starts each probe five times and takes the median. GUI probes run offscreen and
time what the user waits for: the call, then the paint (``grab()`` renders the widget).
"""

import time

STARTED_WALL = time.time()

import itertools  # noqa: E402 (the start time is taken before anything else loads)
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("INDICITE_DATA_DIR", tempfile.mkdtemp(prefix="indicite-bench-"))
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="indicite-bench-config-")

HEAVY_MODULES = ("pandas", "pypdfium2", "docx", "bs4", "indicite.core.suggest")
SEARCH_QUERIES = ("工业增加值", "城镇新增就业", "财政赤字", "专项债券", "工业", "就业", "煤", "5G")
SORT_KEYS = ("status", "subject", "name", "period_label")


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def emit(**figures) -> None:
    print(json.dumps(figures, ensure_ascii=False))


def rss_mb() -> float:
    """Peak resident memory of this process (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def application():
    from PySide6.QtCore import QStandardPaths

    from indicite.ui.app import make_application

    QStandardPaths.setTestModeEnabled(True)
    return make_application(["indicite-bench"])


def open_window(db_path: str):
    """The real main window on ``db_path``, shown and painted, with throwaway settings."""
    from PySide6.QtCore import QSettings

    from indicite.services.session import Session
    from indicite.ui.main_window import MainWindow

    app = application()
    session = Session.open(db_path, "bench")
    settings = QSettings(
        str(Path(tempfile.mkdtemp(prefix="indicite-bench-")) / "s.ini"), QSettings.Format.IniFormat
    )
    window = MainWindow(session, settings)
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.grab()
    return app, window


def paint(app, widget) -> None:
    app.processEvents()
    widget.grab()


# --- big document -------------------------------------------------------------------------


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10)[-1] if len(values) > 1 else values[0]


def chinese_fonts(widget) -> list[str]:
    """The fonts Qt draws a Chinese sentence with in ``widget`` (after its fallbacks)."""
    from PySide6.QtGui import QTextLayout

    layout = QTextLayout("政府工作报告：国内生产总值增长5.2%，GDP 126万亿元。", widget.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sorted({run.rawFont().familyName() for run in layout.glyphRuns()})


def big_document(db_path: str, doc_id: str) -> None:
    """Open to first paint, jumps while the suggestions are found and after, page scrolls with
    the underlines in place, memory: one window, one process.

    What it waits for: the open is timed to the painted window (call, then ``grab()``), before
    the suggester starts (300 ms later). Jumps start at once and go on until the suggestions
    arrive (``loaded``), so some run while the suggester works and one may meet the arrival;
    20 more follow. Every jump and scroll is timed to its painted viewport.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    app, window = open_window(db_path)
    cpu = time.process_time()
    started = time.perf_counter()
    window.open_document(int(doc_id))
    paint(app, window)
    opened = time.perf_counter() - started
    open_cpu = time.process_time() - cpu

    panel = window.suggestions_panel
    arrival: dict[str, float] = {}
    on_suggestions = panel._on_suggestions

    def timed_arrival(*args) -> None:
        t = time.perf_counter()
        on_suggestions(*args)
        arrival["busy"] = time.perf_counter() - t
        arrival["at"] = time.perf_counter() - started

    panel._relay.done.disconnect(on_suggestions)
    panel._relay.done.connect(timed_arrival)

    edit = window.document_view.text
    rng = random.Random(1)
    ids = [s.indicator_id for s in edit.highlighter.spans()]

    jump_cpu = []

    def jump() -> float:
        t, cpu = time.perf_counter(), time.thread_time()
        window.select_indicator(rng.choice(ids))
        paint(app, edit.viewport())
        jump_cpu.append(time.thread_time() - cpu)
        return time.perf_counter() - t

    during = []
    while "at" not in arrival and time.perf_counter() - started < 120:
        during.append(jump())
    after = [jump() for _ in range(20)]
    if "at" not in arrival:  # the suggester failed or never finished: say so, not a figure
        loop = QEventLoop()
        QTimer.singleShot(1000, loop.quit)
        loop.exec()

    bar = edit.verticalScrollBar()
    scrolls = []
    for start in sorted(rng.randrange(bar.maximum()) for _ in range(10)):
        bar.setValue(start)
        paint(app, edit.viewport())
        for _ in range(5):
            t = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            edit.viewport().repaint()
            app.processEvents()
            scrolls.append(time.perf_counter() - t)
    emit(
        open_ms=ms(opened),
        open_cpu_ms=ms(open_cpu),
        jump_ms=ms(p90(during + after)),
        jump_during_ms=ms(p90(during)),
        jump_after_ms=ms(p90(after)),
        jumps_during=len(during),
        jump_cpu_ms=ms(p90(jump_cpu)),
        suggestions_ms=ms(arrival["at"]) if "at" in arrival else None,
        arrival_ms=ms(arrival["busy"]) if "busy" in arrival else None,
        underlined=len(edit.highlighter.suggestion_spans()),
        scroll_ms=ms(p90(scrolls)),
        memory_mb=round(rss_mb()),
        highlights=len(ids),
        characters=len(window.document_view.plain_text()),
        fonts=chinese_fonts(edit),
    )


# --- big database ---------------------------------------------------------------------------


def app_start(db_path: str, wall_before_launch: str) -> None:
    """From the launch of the process to the painted main window, ready for input.

    Runs the real ``indicite --db PATH`` start (logging, crash handler, language, backup,
    first-run checks); a zero timer set before it fires once the event loop turns.
    """
    from PySide6.QtCore import QTimer

    from indicite.cli import main
    from indicite.ui.main_window import MainWindow

    app = application()
    figures = {}

    def painted() -> None:
        (window,) = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        window.grab()
        figures["start_ms"] = ms(time.time() - float(wall_before_launch))
        figures["start_cpu_ms"] = ms(time.process_time())  # this process, from its launch
        app.quit()

    QTimer.singleShot(0, painted)
    main(["--db", db_path, "--user", "bench"])
    emit(**figures, heavy_modules=[m for m in HEAVY_MODULES if m in sys.modules])


def big_database(db_path: str) -> None:
    """The indicator table, its sorts and filters, search and the review queue on 1M rows."""
    from indicite.services.search import search_indicators
    from indicite.storage.indicator_queries import IndicatorQueries

    app, window = open_window(db_path)
    doc_id = 1000
    t = time.perf_counter()
    window.open_document(doc_id)
    paint(app, window.indicator_table)
    table_ms = ms(time.perf_counter() - t)

    header = window.indicator_table.horizontalHeader()
    from indicite.ui.indicator_model import COLUMNS

    sorts = {}
    for key in SORT_KEYS:
        t = time.perf_counter()
        header.setSortIndicator(COLUMNS.index(key), header.sortIndicatorOrder())
        paint(app, window.indicator_table)
        sorts[key] = ms(time.perf_counter() - t)
    t = time.perf_counter()
    window.status_filter.setCurrentIndex(window.status_filter.findData("approved"))
    paint(app, window.indicator_table)
    sorts["status filter"] = ms(time.perf_counter() - t)

    queries = IndicatorQueries(window.session.store.db)
    all_rows = {}
    for key in ("id", *SORT_KEYS):
        t = time.perf_counter()
        ids = queries.ordered_ids(None, sort=key)
        all_rows[f"sort {key}"] = ms(time.perf_counter() - t)
    t = time.perf_counter()
    queries.ordered_ids(None, status="approved")
    all_rows["filter status"] = ms(time.perf_counter() - t)

    searches = {}
    for query in SEARCH_QUERIES:
        t = time.perf_counter()
        hits = search_indicators(window.session, query)
        searches[query] = (ms(time.perf_counter() - t), len(hits.ids))

    t = time.perf_counter()
    window.review_mode.mode_action.setChecked(True)
    paint(app, window)
    review_ms = ms(time.perf_counter() - t)
    emit(
        table_ms=table_ms,
        sort_filter_ms=max(sorts.values()),
        sorts=sorts,
        all_rows_ms=max(all_rows.values()),
        all_rows=all_rows,
        all_ids=len(ids),
        search_ms=max(s[0] for s in searches.values()),
        searches=searches,
        review_ms=review_ms,
        memory_mb=round(rss_mb()),
    )


def all_indicators(db_path: str) -> None:
    """View → All indicators on 1M rows: first paint, each sort and filter, search as typed."""
    app, window = open_window(db_path)
    mode = window.all_indicators
    view = mode.view
    t = time.perf_counter()
    mode.mode_action.trigger()
    paint(app, view.table)
    table_ms = ms(time.perf_counter() - t)

    from PySide6.QtCore import Qt

    from indicite.ui.all_indicators import ALL_COLUMNS

    header = view.table.horizontalHeader()
    changes = {}
    for key in SORT_KEYS:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            t = time.perf_counter()
            header.setSortIndicator(ALL_COLUMNS.index(key), order)
            paint(app, view.table)
            changes[f"sort {key} {order.name[:-5].lower()}"] = ms(time.perf_counter() - t)
    for status in ("returned", "approved", None):
        t = time.perf_counter()
        view.status_filter.setCurrentIndex(view.status_filter.findData(status))
        paint(app, view.table)
        changes[f"filter {status or 'none'}"] = ms(time.perf_counter() - t)
    bar = view.table.verticalScrollBar()
    t = time.perf_counter()
    bar.setValue(bar.maximum() // 2)
    paint(app, view.table)
    middle_ms = ms(time.perf_counter() - t)

    searches = {}
    for query in SEARCH_QUERIES:
        t = time.perf_counter()
        view.search.setText(query)
        paint(app, view.table)
        searches[query] = (ms(time.perf_counter() - t), view.model.rowCount())
    emit(
        table_ms=table_ms,
        sort_filter_ms=max(changes.values()),
        changes=changes,
        middle_ms=middle_ms,
        rows=view.model.rowCount(),
        search_ms=max(s[0] for s in searches.values()),
        searches=searches,
        memory_mb=round(rss_mb()),
    )


# --- throughput -----------------------------------------------------------------------------


def import_reports(folder: str) -> None:
    from indicite.services.documents import import_files
    from indicite.services.session import Session

    paths = sorted(Path(folder).glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        session = Session.open(Path(tmp) / "import.sqlite", "bench")
        t = time.perf_counter()
        report = import_files(session, paths)
        seconds = time.perf_counter() - t
        session.close()
    assert not report.failures, report.failures[:3]
    emit(import_s=round(seconds, 2), documents=len(report.outcomes))


def import_event_loop(corpus: str) -> None:
    """The longest the event loop waits while a worker thread imports the 3.3 MB report."""
    from PySide6.QtCore import QEventLoop, QTimer

    from indicite.services.session import Session
    from indicite.ui.background_import import import_job
    from indicite.ui.workers import TaskRunner

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "import.sqlite"
        Session.open(db_path, "bench").close()
        runner = TaskRunner(db_path, "bench")
        ticks: list[float] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        loop = QEventLoop()
        task = runner.task(import_job([Path(corpus)]))
        outcome = {}
        task.finished.connect(lambda report: outcome.setdefault("report", report))
        task.finished.connect(lambda _report: ticks.append(time.perf_counter()))
        task.done.connect(lambda _task: loop.quit())
        timer.start()
        ticks.append(time.perf_counter())
        runner.start(task)
        loop.exec()
        timer.stop()
        runner.wait()
    assert outcome["report"].outcomes[0].ok
    del app
    emit(gap_ms=ms(max(b - a for a, b in itertools.pairwise(ticks))), ticks=len(ticks))


# --- suggester ------------------------------------------------------------------------------


def suggester(corpus: str) -> None:
    """The suggester on a whole corpus file: the function alone, then the whole command."""
    import subprocess

    from indicite.core.suggest import suggest

    text = Path(corpus).read_text(encoding="utf-8")
    megabytes = len(text.encode("utf-8")) / 1_000_000
    cpu, t = time.process_time(), time.perf_counter()
    found = suggest(text)
    seconds = time.perf_counter() - t
    cpu = time.process_time() - cpu
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "indicite", "--db", str(Path(tmp) / "s.sqlite"), "suggest",
             corpus, "--format", "jsonl"],
            check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        command = time.perf_counter() - t
    emit(
        megabytes=round(megabytes, 2),
        suggest_s=round(seconds, 2),
        suggest_cpu_s=round(cpu, 2),
        command_s=round(command, 2),
        suggestions=len(found),
    )


PROBES = {
    "big_document": big_document,
    "app_start": app_start,
    "big_database": big_database,
    "all_indicators": all_indicators,
    "import_reports": import_reports,
    "import_event_loop": import_event_loop,
    "suggester": suggester,
}

if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])
