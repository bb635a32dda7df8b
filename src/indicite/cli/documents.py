"""`indicite import` and `indicite docs`."""

import argparse
import sys
from pathlib import Path

from indicite.cli.common import add_create_option, iso_date, open_session, print_table
from indicite.core.errors import one_line
from indicite.core.reanchor import STATES
from indicite.services.documents import DocumentMeta, import_files, list_documents
from indicite.services.revisions import import_new_version, likely_earlier_version, versions


def register(subparsers: argparse._SubParsersAction) -> None:
    imp = subparsers.add_parser("import", help="import documents (txt, md, docx, pdf, html)")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE")
    imp.add_argument("--title", default="", help="title (default: the first line)")
    imp.add_argument("--issuer", default="", help="issuing body (发布机构)")
    imp.add_argument("--date", type=iso_date, help="publication date, YYYY-MM-DD")
    imp.add_argument("--url", default="", help="where the document was published")
    imp.add_argument("--subject", default="", help="default subject, e.g. 天津")
    imp.add_argument(
        "--replaces",
        type=int,
        metavar="DOC_ID",
        help="import FILE as a new version of document DOC_ID: its citations re-anchor",
    )
    add_create_option(imp)
    imp.set_defaults(func=run_import)

    versions = subparsers.add_parser("versions", help="list the versions of a document")
    versions.add_argument("document", type=int, metavar="DOC_ID")
    versions.set_defaults(func=run_versions)

    docs = subparsers.add_parser("docs", help="list documents")
    docs.add_argument("--search", default="", help="only titles or issuers starting with this")
    docs.set_defaults(func=run_docs)


def run_import(args: argparse.Namespace) -> int:
    meta = DocumentMeta(args.title, args.issuer, args.date, args.url, args.subject)
    if args.replaces is not None:
        return run_import_version(args, meta)
    session = open_session(args)
    try:
        report = import_files(session, args.files, meta)
        earlier = {
            o.document_id: likely_earlier_version(session, o.document_id)
            for o in report.outcomes
            if o.ok and not o.existed
        }
    finally:
        session.close()
    for outcome in report.outcomes:
        if outcome.ok:
            note = "already imported as" if outcome.existed else "imported as"
            print(f"{one_line(outcome.path.name)}: {note} document {outcome.document_id}")
            if earlier.get(outcome.document_id):
                print(
                    f"indicite: note: document {earlier[outcome.document_id]} has the same "
                    "title and issuer (or URL); if this file is its new version, "
                    f"`import FILE --replaces {earlier[outcome.document_id]}` re-anchors its "
                    "citations instead of starting a separate document",
                    file=sys.stderr,
                )
        else:
            print(f"indicite: {one_line(outcome.error)}", file=sys.stderr)
    return 1 if report.failures else 0


def run_import_version(args: argparse.Namespace, meta: DocumentMeta) -> int:
    if len(args.files) != 1:
        print(
            "indicite: --replaces takes one FILE, the new version of that document", file=sys.stderr
        )
        return 2
    session = open_session(args)
    try:
        report = import_new_version(session, args.files[0], args.replaces, meta)
    finally:
        session.close()
    states = ", ".join(f"{report.states[s]} {s}" for s in STATES if report.states[s])
    print(
        f"{one_line(args.files[0].name)}: imported as document {report.document_id}, version "
        f"{report.version_no} of document {report.replaces_id}; "
        f"{report.citations} citation{'' if report.citations == 1 else 's'} re-anchored"
        + (f" ({states})" if states else "")
    )
    for flagged in report.flagged:
        old, new = one_line(flagged.old_quote), one_line(flagged.new_quote)
        if flagged.state == "orphaned":
            what = f"«{old}» is no longer in the text: cite it again or delete it"
        else:
            what = f"«{old}» now reads «{new}»"
        back = "; back in the review queue" if flagged.reopened else ""
        print(f"  indicator {flagged.indicator_id} «{one_line(flagged.name)}»: {what}{back}")
    return 0


def run_versions(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        rows = versions(session, args.document)
    finally:
        session.close()
    for row in rows:
        row["version"] = row["version_no"]
        row["imported"] = row["imported_at"]
        row["sha256"] = row["text_sha256"][:12]
    print_table(rows, ["version", "id", "title", "imported", "characters", "citations", "sha256"])
    return 0


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
