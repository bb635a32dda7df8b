"""`indicite verify`: check every citation against its document."""

import argparse

from indicite.cli.common import open_session
from indicite.core.errors import one_line
from indicite.services.verify import citations_by_version, verify_citations


def register(subparsers: argparse._SubParsersAction) -> None:
    verify = subparsers.add_parser("verify", help="check every citation; exit 1 on any problem")
    verify.set_defaults(func=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        problems = verify_citations(session)
        citations = session.store.review.citation_count()
        documents = session.store.documents.count()
        by_version = citations_by_version(session)
    finally:
        session.close()
    for line in by_version:
        print(line)
    for problem in problems:
        print(one_line(problem))
    if problems:
        return 1
    print(f"OK: {_count(citations, 'citation')} in {_count(documents, 'document')} check out.")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
