"""`indicite import` and `indicite docs`."""

import argparse
import sys
from pathlib import Path

from indicite.cli.common import iso_date, open_session, print_table
from indicite.core.errors import one_line
from indicite.services.documents import DocumentMeta, import_files, list_documents


def register(subparsers: argparse._SubParsersAction) -> None:
    imp = subparsers.add_parser("import", help="import documents (txt, md, docx, pdf, html)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--title", default="", help="title (default: the first line)")
    imp.add_argument("--issuer", default="", help="issuing body (发布机构)")
    imp.add_argument("--date", type=iso_date, help="publication date, YYYY-MM-DD")
    imp.add_argument("--url", default="", help="where the document was published")
    imp.add_argument("--subject", default="", help="default subject, e.g. 天津")
    imp.set_defaults(func=run_import)

    docs = subparsers.add_parser("docs", help="list documents")
    docs.add_argument("--search", default="", help="only titles or issuers starting with this")
    docs.set_defaults(func=run_docs)


def run_import(args: argparse.Namespace) -> int:
    meta = DocumentMeta(args.title, args.issuer, args.date, args.url, args.subject)
    session = open_session(args)
    try:
        report = import_files(session, args.files, meta)
    finally:
        session.close()
    for outcome in report.outcomes:
        if outcome.ok:
            note = "already imported as" if outcome.existed else "imported as"
            print(f"{one_line(outcome.path.name)}: {note} document {outcome.document_id}")
        else:
            print(f"indicite: {one_line(outcome.error)}", file=sys.stderr)
    return 1 if report.failures else 0


def run_docs(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        rows = list_documents(session, args.search)
    finally:
        session.close()
    for row in rows:
        row["characters"] = row["char_count"]
        row["date"] = row["published_on"]
    print_table(rows, ["id", "title", "issuer", "date", "characters", "indicators"])
    return 0
