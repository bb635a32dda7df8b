"""`indicite suggest FILE|DOC_ID`: the indicator values the suggester finds."""

import argparse
import json
from pathlib import Path

from indicite.cli.common import iso_date, open_session, print_table
from indicite.services.catalog import with_catalog_names
from indicite.services.suggestions import suggestions_for_document, suggestions_for_text
from indicite.services.tables import read_with_tables, tables_of

TABLE_COLUMNS = [
    "start",
    "end",
    "text",
    "value",
    "unit",
    "qualifier",
    "measure",
    "kind",
    "indicator",
]


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("suggest", help="list the indicator values found in a document")
    cmd.add_argument("source", metavar="FILE|DOC_ID", help="a file to read, or a document id")
    cmd.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
    cmd.add_argument(
        "--date", type=iso_date, help="document date YYYY-MM-DD, for periods (files only)"
    )
    cmd.add_argument("--subject", default="", help="default subject (files only)")
    cmd.set_defaults(func=run_suggest)


def run_suggest(args: argparse.Namespace) -> int:
    path = Path(args.source)
    if args.source.isdigit() and not path.exists():
        session = open_session(args)
        try:
            doc = session.store.documents.get(int(args.source))
            suggestions = suggestions_for_document(doc, tables_of(session, doc), session)
            rows = with_catalog_names(session, [s.to_json_dict() for s in suggestions])
        finally:
            session.close()
    else:
        text, tables = read_with_tables(path)
        suggestions = suggestions_for_text(text, args.date, args.subject, tables)
        rows = [{**s.to_json_dict(), "catalog_code": ""} for s in suggestions]
    if args.format == "table":
        print_table(rows, TABLE_COLUMNS)
    else:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    return 0
