"""`indicite team`: the desk users of a team database (docs/team-mode-security.md).

A password is asked at the prompt or read from a file, never taken from the command line,
where other users of the machine and the shell's history would see it.
"""

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from indicite.cli.common import open_session, print_table
from indicite.core.entities import ROLES
from indicite.core.errors import ValidationError
from indicite.services.session import Session
from indicite.services.users import add_desk_user, desk_users, set_role

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("team", help="the desk users of a team database (admins)")
    actions = cmd.add_subparsers(dest="team_command", metavar="ACTION", required=True)
    adding = actions.add_parser(
        "add-user",
        help="give a person a login of their own on the server, with a role",
        description="Creates the person's login on the PostgreSQL server, in the group of "
        "their role, and records them as a user. The password is asked for, or read from "
        "--password-file.",
    )
    adding.add_argument("name", metavar="NAME", help="their login name on the server")
    adding.add_argument("--role", choices=ROLES, required=True)
    secret = adding.add_mutually_exclusive_group()
    secret.add_argument(
        "--password-file",
        type=Path,
        metavar="FILE",
        help="read the password from the first line of FILE instead of asking",
    )
    secret.add_argument(
        "--no-password",
        action="store_true",
        help="no password: they sign in as the server's pg_hba.conf says (certificate, peer)",
    )
    adding.set_defaults(func=run_add_user)
    changing = actions.add_parser(
        "set-role", help="change a person's role (on the server too: their login's group)"
    )
    changing.add_argument("name", metavar="NAME")
    changing.add_argument("--role", choices=ROLES, required=True)
    changing.set_defaults(func=run_set_role)
    listing = actions.add_parser("list", help="list the desk users and their roles")
    listing.set_defaults(func=run_list)


def run_add_user(args: argparse.Namespace) -> int:
    password = _password(args)
    user = _on_database(args, lambda s: add_desk_user(s, args.name, args.role, password))
    print(f"{user.name} can now sign in as {user.role}")
    return 0


def run_set_role(args: argparse.Namespace) -> int:
    user = _on_database(args, lambda s: set_role(s, args.name, args.role))
    print(f"{user.name} is now {user.role}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    rows = [
        {"name": d.name, "role": d.role, "users row": "yes" if d.recorded else "not yet"}
        for d in _on_database(args, desk_users)
    ]
    print_table(rows, ["name", "role", "users row"])
    return 0


def _on_database(args: argparse.Namespace, action: Callable[[Session], T]) -> T:
    session = open_session(args)
    try:
        return action(session)
    finally:
        session.close()


def _password(args: argparse.Namespace) -> str | None:
    if args.no_password:
        return None
    if args.password_file is not None:
        lines = args.password_file.read_text(encoding="utf-8").splitlines()
        password = lines[0] if lines else ""
    else:
        password = getpass.getpass(f"Password for {args.name}: ")
        if sys.stdin.isatty() and getpass.getpass("Again: ") != password:
            raise ValidationError("password", "The two passwords differ; nothing was changed.")
    if not password:
        raise ValidationError("password", "The password is empty; type one, or give --no-password.")
    return password
