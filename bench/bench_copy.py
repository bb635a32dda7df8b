"""`indicite copy` of the 1M-entry database to PostgreSQL, and browsing it there (issue 20).

    python bench/bench_copy.py [--repeat 3] [--seed 0] [--back] [--write] [--searches]

Starts a throwaway PostgreSQL cluster (tests/pg_cluster.py: a temporary folder, a Unix
socket, fsync off), then in fresh processes:

- copies the 1M-entry database of bench/generate.py into a new, empty server database
  (``services.copy.copy_project``, as `indicite copy` runs it): wall time, CPU time and peak
  memory of the copying process; ``--back`` also copies one of those back into a new file;
- on the last copy and on the SQLite file, times what the GUI's views ask the services for:
  the per-document table's first page and its sorts and filter (after the VACUUM that
  autovacuum would run within a minute of the copy), the first page of View → All
  indicators and each sort and filter over the 1M rows, the page in the middle, the search
  box (1–5-character queries) and the review queue's first page. These are the services'
  times without the paint (bench/probes.py times the windows on the file: RESULTS.md).

Each figure is the min and median of the runs; ``--write`` adds the section to RESULTS.md.
``--searches`` copies once and times only the search box, ``--repeat`` times on each store
(for tuning search: a table per query, nothing written).
The cluster is stopped and removed at the end, also after an error.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

SORT_KEYS = ("status", "subject", "name", "period_label")
SEARCH_QUERIES = ("工业增加值", "城镇新增就业", "财政赤字", "专项债券", "工业", "就业", "煤", "5G")
DOCUMENT = 1000
MARK = "## indicite copy and browsing on PostgreSQL (issue 20)"


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


# --- probes: one per fresh process, printing one JSON line ---------------------------------


def probe_copy(source: str, target: str) -> None:
    from indicite.services.copy import copy_project

    cpu = time.process_time()
    report = copy_project(source, target)
    print(
        json.dumps(
            {
                "copy_s": round(report.seconds, 1),
                "cpu_s": round(time.process_time() - cpu, 1),
                "memory_mb": peak_mb(),
                "rows": sum(report.counts.values()),
                "counts": report.counts,
                "citations_checked": report.citations_checked,
            },
            ensure_ascii=False,
        )
    )


def timed(action) -> tuple[float, object]:
    t = time.perf_counter()
    result = action()
    return ms(time.perf_counter() - t), result


def probe_browse(location: str) -> None:
    from indicite.services import review
    from indicite.services.all_indicators import all_indicator_queries
    from indicite.services.indicator_list import indicator_queries
    from indicite.services.session import Session

    figures: dict[str, object] = {}
    figures["open_ms"], session = timed(lambda: Session.open(location, "bench"))
    table = indicator_queries(session)

    def document_page(**view) -> int:
        ids = table.ordered_ids(DOCUMENT, **view)
        table.rows(ids[:64])
        return len(ids)

    figures["table_ms"], _ = timed(document_page)
    sorts = {key: timed(lambda key=key: document_page(sort=key))[0] for key in SORT_KEYS}
    sorts["status filter"] = timed(lambda: document_page(status="approved"))[0]
    figures["sorts"] = sorts

    everything = all_indicator_queries(session)

    def all_page(**view) -> int:
        pages = everything.pages(**view)
        everything.rows(pages[:64])
        return len(pages)

    figures["all_ms"], figures["all_rows"] = timed(all_page)
    changes = {}
    for key in SORT_KEYS:
        for descending in (False, True):
            name = f"sort {key} {'descending' if descending else 'ascending'}"
            changes[name] = timed(lambda k=key, d=descending: all_page(sort=k, descending=d))[0]
    for status in ("returned", "approved"):
        changes[f"filter {status}"] = timed(lambda s=status: all_page(status=s))[0]
    figures["changes"] = changes
    pages = everything.pages()
    middle = len(pages) // 2
    figures["middle_ms"], _ = timed(lambda: everything.rows(pages[middle : middle + 64]))

    figures["searches"] = search_times(session)

    def queue() -> int:
        ids = review.queue_ids(session)
        review.queue_entries(session, ids[:128])
        return len(ids)

    try:
        figures["review_ms"], figures["queue"] = timed(queue)
    except Exception as e:  # a service not yet working on this store: say so, measure the rest
        figures["review_error"] = str(e).splitlines()[0]
    figures["memory_mb"] = peak_mb()
    session.close()
    print(json.dumps(figures, ensure_ascii=False))


def search_times(session) -> dict[str, list]:
    """{query: [ms to the search box's first page of hits, hits]} for each query."""
    from indicite.services.all_indicators import all_indicator_queries, search_hits

    everything = all_indicator_queries(session)
    searches = {}
    for query in SEARCH_QUERIES:
        took, (ids, _complete) = timed(lambda q=query: search_hits(session, q))
        page, _ = timed(lambda ids=ids: everything.rows(everything.pages(ids=ids)[:64]))
        searches[query] = [round(took + page, 1), len(ids)]
    return searches


def probe_search(location: str) -> None:
    from indicite.services.session import Session

    session = Session.open(location, "bench", full_check=False)
    print(json.dumps({"searches": search_times(session)}, ensure_ascii=False))
    session.close()


PROBES = {"copy": probe_copy, "browse": probe_browse, "search": probe_search}


# --- the run ------------------------------------------------------------------------------


def run_probe(*args: str) -> dict:
    result = subprocess.run(
        [sys.executable, __file__, "--probe", *args], capture_output=True, text=True, check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        tail = (result.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"{args[0]}: {tail}")
    return json.loads(lines[-1])


def new_database(server: str, name: str) -> str:
    import psycopg

    from conftest import database_url

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    return database_url(server, name)


def drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def vacuum(url: str) -> None:
    """What autovacuum does within a minute of the copy's commit, done before the browse
    probes so that each sees the same database (visibility map set: index-only scans)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")


def server_version(url: str) -> str:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def spread(values: list[float]) -> str:
    return f"{min(values):g} / {statistics.median(values):g}"


def worst(result: dict, key: str) -> float:
    values = result[key].values()
    return max(v[0] if isinstance(v, list) else v for v in values)


def table(copies: list[dict], back: list[dict], on_pg: list[dict], on_file: list[dict]) -> str:
    """Markdown rows: figure, target, min / median on each store."""
    rows = [
        ("copy of the 1M database to PostgreSQL (wall)", "≤ 300 s",
         spread([c["copy_s"] for c in copies]) + " s", ""),
        ("copy: CPU of the copying process", "", spread([c["cpu_s"] for c in copies]) + " s", ""),
        ("copy: peak memory of the copying process", "",
         spread([c["memory_mb"] for c in copies]) + " MB", ""),
    ]  # fmt: skip
    if back:
        rows.append(
            ("copy back from PostgreSQL to a new file (wall)", "",
             spread([c["copy_s"] for c in back]) + " s", "")
        )  # fmt: skip
    browse = [
        ("open the database (Session.open)", "", lambda r: r["open_ms"]),
        ("document table: first page", "≤ 100 ms", lambda r: r["table_ms"]),
        ("document table: sort/filter (worst)", "≤ 300 ms", lambda r: worst(r, "sorts")),
        ("all indicators: first page of 1M", "≤ 200 ms", lambda r: r["all_ms"]),
        ("all indicators: sort/filter over 1M (worst)", "≤ 300 ms", lambda r: worst(r, "changes")),
        ("all indicators: page in the middle", "", lambda r: r["middle_ms"]),
        ("search box, 1–5 characters (worst query)", "≤ 200 ms", lambda r: worst(r, "searches")),
        ("review queue: first page", "≤ 200 ms", lambda r: r["review_ms"]),
        ("browsing process: peak memory (MB)", "", lambda r: r["memory_mb"]),
    ]
    for name, target, read in browse:
        unit = "" if "MB" in name else " ms"
        rows.append((name, target, _spread_of(on_pg, read, unit), _spread_of(on_file, read, unit)))
    lines = [
        "| figure | target | PostgreSQL min / median | SQLite min / median |",
        "|---|---|---|---|",
    ]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines)


def search_table(on_pg: list[dict], on_file: list[dict]) -> str:
    """Markdown rows: each query's min / median time and hits on each store."""
    lines = [
        "| query | PostgreSQL min / median | SQLite min / median | hits |",
        "|---|---|---|---|",
    ]
    for query in SEARCH_QUERIES:
        pg = spread([r["searches"][query][0] for r in on_pg])
        file = spread([r["searches"][query][0] for r in on_file])
        lines.append(f"| {query} | {pg} ms | {file} ms | {on_pg[-1]['searches'][query][1]} |")
    return "\n".join(lines)


def _spread_of(results: list[dict], read, unit: str) -> str:
    try:
        return spread([read(r) for r in results]) + unit
    except KeyError:
        return "error: " + next((r["review_error"] for r in results if "review_error" in r), "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--back", action="store_true", help="also copy back into a new file")
    parser.add_argument("--write", action="store_true", help="add the section to RESULTS.md")
    parser.add_argument(
        "--searches", action="store_true", help="copy once, then time only the search box"
    )
    parser.add_argument("--probe", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        PROBES[args.probe[0]](*args.probe[1:])
        return

    import generate
    import pg_cluster
    from environment import Environment

    source = str(generate.big_database(args.seed))
    environment = Environment()
    started = time.perf_counter()
    folder, server = pg_cluster.start()
    copies, back, on_pg, on_file = [], [], [], []
    try:
        version = server_version(server)
        copy_runs = 1 if args.searches else args.repeat
        for n in range(copy_runs):
            url = new_database(server, f"copy_{n}")
            copies.append(run_probe("copy", source, url))
            print("copy", n + 1, json.dumps(copies[-1], ensure_ascii=False), flush=True)
            if n + 1 < copy_runs:
                drop_database(server, f"copy_{n}")
        if args.back:
            with tempfile.TemporaryDirectory(prefix="indicite-back-") as tmp:
                back.append(run_probe("copy", url, str(Path(tmp) / "back.sqlite")))
                print("back", json.dumps(back[-1], ensure_ascii=False), flush=True)
        vacuum(url)
        if args.searches:
            for n in range(args.repeat):
                on_pg.append(run_probe("search", url))
                on_file.append(run_probe("search", source))
                print("searches", n + 1, on_pg[-1], on_file[-1], flush=True)
            print(search_table(on_pg, on_file))
            return
        for n in range(args.repeat):
            on_pg.append(run_probe("browse", url))
            print("browse pg", n + 1, json.dumps(on_pg[-1], ensure_ascii=False), flush=True)
            on_file.append(run_probe("browse", source))
            print("browse file", n + 1, json.dumps(on_file[-1], ensure_ascii=False), flush=True)
    finally:
        pg_cluster.stop(folder)
    environment.finish()
    took = time.perf_counter() - started
    section = "\n\n".join(
        [
            MARK,
            environment.markdown()
            + f"\n- PostgreSQL: {version} (tests/pg_cluster.py: local socket, fsync off)",
            table(copies, back, on_pg, on_file),
            f"`python bench/bench_copy.py --repeat {args.repeat}"
            + (" --back" if args.back else "")
            + f"` took {took:.0f} s; each figure is the min / median of {args.repeat} fresh "
            "processes. " + environment.busy_warning(),
            notes(copies, on_pg, on_file),
        ]
    )
    print(section)
    if args.write:
        results = HERE / "RESULTS.md"
        results.write_text(results.read_text(encoding="utf-8") + "\n" + section + "\n")


def notes(copies: list[dict], on_pg: list[dict], on_file: list[dict]) -> str:
    last_pg, last_file = on_pg[-1], on_file[-1]

    def searches(result: dict) -> str:
        return ", ".join(f"{q} {t:g} ms/{n}" for q, (t, n) in result["searches"].items())

    return "\n".join(
        [
            f"- copied rows: {json.dumps(copies[-1]['counts'], ensure_ascii=False)}; "
            f"{copies[-1]['citations_checked']:,} citations verified in the target before commit",
            f"- search on PostgreSQL (last run): {searches(last_pg)}",
            f"- search on SQLite (last run): {searches(last_file)}",
            f"- all indicators on PostgreSQL (last run): "
            f"{json.dumps(last_pg['changes'], ensure_ascii=False)}",
            f"- all indicators on SQLite (last run): "
            f"{json.dumps(last_file['changes'], ensure_ascii=False)}",
            f"- review queue: {last_pg.get('queue', 'error')} entries on PostgreSQL, "
            f"{last_file.get('queue', 'error')} on SQLite",
        ]
    )


if __name__ == "__main__":
    main()
