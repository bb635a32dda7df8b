"""The `indicite` command: opens the app, or runs a command on a database.

Each command lives in its own module with ``register(subparsers)``; the GUI and these
commands call the same services.
"""

import argparse
import importlib
import sys
from pathlib import Path
from typing import NoReturn

from indicite import __version__
from indicite.core.errors import IndiciteError, one_line
from indicite.services.team import database_location

COMMAND_MODULES = (
    "indicite.cli.documents",
    "indicite.cli.suggest",
    "indicite.cli.review",
    "indicite.cli.export",
    "indicite.cli.catalog",
    "indicite.cli.checks",
    "indicite.cli.desks",
    "indicite.cli.copy",
)


class OneLineParser(argparse.ArgumentParser):
    """Usage errors as one line that says where to read more (subcommands inherit it)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}; see {self.prog} --help\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="indicite",
        description="Enter, cite, review and export indicators from source documents. "
        "Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"indicite {__version__}")
    parser.add_argument(
        "--db",
        type=database_location,
        help="database file (default: in the user data folder), or a team database's "
        "postgresql://user@host:5432/name (its password from ~/.pgpass, PGPASSWORD or the "
        "keychain)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open a throwaway database with the sample document"
    )
    parser.add_argument("--user", help="your name in the history (default: your login name)")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation headlessly and exit"
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE", help="save a picture of the workspace and exit"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_test:
            from indicite.selftest import run_self_test

            return run_self_test()
        if args.screenshot:
            from indicite.ui.screenshot import save_screenshot

            print(save_screenshot(args.screenshot, args.user))
            return 0
        if args.command is None:
            from indicite.ui.app import run_app

            return run_app(args)
        return int(args.func(args) or 0)
    except IndiciteError as e:
        print(f"indicite: {e}", file=sys.stderr)
        return 1
    except OSError as e:
        # the disk or the folder failed us (full, read-only, gone): one line, not a traceback
        where = f"{one_line(e.filename)}: " if e.filename else ""
        print(f"indicite: {where}{one_line(e.strerror or e)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader (e.g. `| head`) stopped early; that is not an error of ours
        sys.stderr.close()
        return 0
