"""`indicite check`: consistency checks of every entry; exit 1 when any error-level check fails."""

import argparse
import json

from indicite.cli.common import open_session, print_table
from indicite.services.checks import check_all, has_errors

TABLE_COLUMNS = ["id", "level", "check", "other", "message"]


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser(
        "check",
        help="check entries against each other (conflicts, growth, parts, shares, cited "
        "numbers, outliers); exit 1 on any error",
    )
    cmd.add_argument("--format", choices=["table", "jsonl"], default="table")
    cmd.add_argument("--errors-only", action="store_true", help="leave warnings out of the listing")
    cmd.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        findings = check_all(session)
    finally:
        session.close()
    findings.sort(key=lambda f: (f.level != "error", f.indicator_id, f.check))
    shown = [f for f in findings if f.level == "error" or not args.errors_only]
    rows = [
        {
            "id": f.indicator_id,
            "level": f.level,
            "check": f.check,
            "other": f.other_id,
            "message": f.text,
        }
        for f in shown
    ]
    if args.format == "jsonl":
        for f, row in zip(shown, rows, strict=True):
            print(json.dumps({**row, "params": f.params}, ensure_ascii=False))
    elif rows:
        print_table(rows, TABLE_COLUMNS)
    errors = sum(1 for f in findings if f.level == "error")
    if args.format == "table":
        print(f"{errors} errors, {len(findings) - errors} warnings")
    return 1 if has_errors(findings) else 0
