"""`indicite catalog`: list, load and export the catalog of indicators."""

import argparse
import sys
from pathlib import Path

from indicite.cli.common import add_create_option, open_session, print_table
from indicite.services.catalog import export_catalog, items, load_catalog


def register(subparsers: argparse._SubParsersAction) -> None:
    cmd = subparsers.add_parser("catalog", help="list, load or export the catalog of indicators")
    actions = cmd.add_subparsers(dest="catalog_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="list the catalog with how many entries use each")
    listing.set_defaults(func=run_list)
    loading = actions.add_parser("load", help="add or update items from a CSV/XLSX file")
    loading.add_argument("file", type=Path, metavar="FILE")
    loading.set_defaults(func=run_load)
    add_create_option(loading)
    exporting = actions.add_parser("export", help="write the catalog to a CSV/XLSX file")
    exporting.add_argument("file", type=Path, metavar="FILE")
    exporting.add_argument("--headers", choices=["en", "zh"], default="en")
    exporting.set_defaults(func=run_export)


def run_list(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        catalog = items(session)
    finally:
        session.close()
    codes = {item.id: item.code for item in catalog}
    rows = [
        {
            "code": i.code,
            "name": i.name,
            "aliases": "|".join(i.aliases),
            "measure": i.measure,
            "unit": i.unit,
            "parent": codes.get(i.parent_id, ""),
            "entries": i.usage,
        }
        for i in catalog
    ]
    print_table(rows, ["code", "name", "aliases", "measure", "unit", "parent", "entries"])
    return 0


def run_load(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        report = load_catalog(session, args.file)
    finally:
        session.close()
    print(f"Catalog: {report.added} added, {report.updated} updated from {args.file}")
    for problem in report.refused:
        print(f"not loaded {problem}", file=sys.stderr)
    return 1 if report.refused else 0


def run_export(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        path = export_catalog(session, args.file, args.headers)
    finally:
        session.close()
    print(f"Exported the catalog to {path}")
    return 0
