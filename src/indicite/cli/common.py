"""What every command needs: the session for --db, and plain table printing."""

import argparse
import getpass
import sys
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any

from indicite.core.errors import PasswordNeeded, one_line
from indicite.paths import default_database
from indicite.services.session import Session
from indicite.services.team import with_password, without_password


def open_session(args: argparse.Namespace) -> Session:
    """The database of --db; a path where none is is an error unless the command has --create.

    A team database that wants a password none of libpq's places nor the keychain has asks
    for it on the terminal, as psql does (not when the input is a pipe or a file)."""
    location = args.db or default_database()
    user = getattr(args, "user", None)
    try:
        return Session.open(location, user, create=getattr(args, "create", False))
    except PasswordNeeded:
        if not sys.stdin.isatty():
            raise
        password = getpass.getpass(f"Password for {without_password(str(location))}: ")
        if not password:
            raise
        return Session.open(with_password(str(location), password), user, create=False)


def add_create_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--create",
        action="store_true",
        help="create the database if there is none at --db (its folder must exist)",
    )


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """Align columns by display width, counting a Chinese character as two."""
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    print("  ".join(_pad(c, w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return one_line(str(value).replace("\n", " "))


def iso_date(text: str) -> str:
    """argparse type for --date: refuse anything but YYYY-MM-DD before touching the database."""
    try:
        if len(text) == 10 and text[4] == text[7] == "-":
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
