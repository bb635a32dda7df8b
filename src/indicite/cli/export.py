"""`indicite export` and `indicite load`."""

import argparse
import sys
from datetime import date
from pathlib import Path

from indicite.cli.common import add_create_option, open_session
from indicite.core.entities import STATUSES
from indicite.core.errors import one_line
from indicite.services.export import ENCODINGS, FORMATS, export
from indicite.services.load import load


def register(subparsers: argparse._SubParsersAction) -> None:
    exp = subparsers.add_parser("export", help="export indicators to XLSX, CSV or JSON")
    exp.add_argument(
        "--format", choices=FORMATS, help="file format (default: from --out, else xlsx)"
    )
    exp.add_argument(
        "--status",
        action="append",
        choices=STATUSES,
        default=[],
        help="only indicators with this status (repeat for several; default: all)",
    )
    exp.add_argument(
        "--document",
        action="append",
        type=int,
        default=[],
        metavar="ID",
        help="only indicators of this document (repeat for several; default: all)",
    )
    exp.add_argument("--out", type=Path, help="file to write (default: indicators-DATE.FORMAT)")
    exp.add_argument(
        "--headers",
        choices=["en", "zh"],
        default="en",
        help="column headers of XLSX/CSV: column names (en) or Chinese (zh); load reads both",
    )
    exp.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="utf-8-sig",
        help="CSV text encoding (default: UTF-8 with BOM, which Excel reads)",
    )
    exp.set_defaults(func=run_export)

    lod = subparsers.add_parser("load", help="load indicators from a CSV/XLSX/JSON file")
    lod.add_argument("file", type=Path, metavar="FILE")
    add_create_option(lod)
    lod.set_defaults(func=run_load)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    suffix = args.out.suffix.lower().lstrip(".") if args.out else ""
    return suffix if suffix in FORMATS else "xlsx"


def run_export(args: argparse.Namespace) -> int:
    fmt = _format(args)
    suffix = "sdmx.csv" if fmt == "sdmx-csv" else fmt
    out = args.out or Path(f"indicators-{date.today().isoformat()}.{suffix}")
    session = open_session(args)
    try:
        result = export(
            session, out, fmt, args.status, args.document, args.encoding, headers=args.headers
        )
    finally:
        session.close()
    names = ", ".join(one_line(p) for p in result.files)
    print(f"Exported {result.rows} indicators to {names}")
    return 0


def run_load(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        report = load(session, args.file)
    finally:
        session.close()
    print(f"Loaded {report.loaded} indicators from {one_line(args.file)}")
    if report.approved:
        print(f"{report.approved} rows marked approved were approved by you now")
    if report.resubmitted:
        print(
            f"{report.resubmitted} rows marked approved or returned came in as submitted "
            "(only an editor who did not enter them approves them)"
        )
    _print_problems("skipped", report.skipped, report.skipped_count)
    _print_problems("not loaded", report.refused, report.refused_count)
    return 1 if report.refused_count else 0


def _print_problems(what: str, listed: list, count: int) -> None:
    """The first few problems, then how many more: a 3-million-row mistake stays readable."""
    for problem in listed:
        print(f"{what} {one_line(problem)}", file=sys.stderr)
    if count > len(listed):
        print(f"… and {count - len(listed)} more rows {what}", file=sys.stderr)
