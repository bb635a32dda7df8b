"""`indicite copy SOURCE TARGET`: move a whole project between a file and a team database."""

import argparse
import sys

from indicite.core.errors import one_line
from indicite.services.copy import copy_project

# A progress line every this many rows of a table (and at its end).
PROGRESS_EVERY = 100_000


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "copy",
        help="copy a whole project from a database file or postgresql:// URL into an empty one",
        description="Copy every document, file, entry, citation, event, comment and the "
        "catalog from SOURCE into TARGET in one transaction, keeping ids; then check the row "
        "counts and every citation. TARGET must be empty (a new file is created; a server's "
        "database must exist). An interrupted copy leaves TARGET empty.",
    )
    cmd.add_argument("source", metavar="SOURCE", help="a database file or a postgresql:// URL")
    cmd.add_argument("target", metavar="TARGET", help="a database file or a postgresql:// URL")
    cmd.set_defaults(func=run_copy)


def run_copy(args: argparse.Namespace) -> int:
    shown: dict[str, int] = {}

    def progress(table: str, rows: int) -> None:
        if rows // PROGRESS_EVERY > shown.get(table, 0) // PROGRESS_EVERY:
            print(f"{table}: {rows:,} rows…", file=sys.stderr, flush=True)
        shown[table] = rows

    report = copy_project(args.source, args.target, progress)
    for table, rows in report.counts.items():
        print(f"{table}: {rows:,} rows")
    for problem in report.carried_problems:
        print(f"as in the source: {one_line(problem)}")
    print(
        f"Copied {sum(report.counts.values()):,} rows from {one_line(report.source)} to "
        f"{one_line(report.target)} in {report.seconds:.1f} s; the counts match and "
        f"{report.citations_checked:,} citations were checked."
    )
    return 0
