"""`indicite --self-test`: proves an installed or frozen app has everything it needs, headless.

Each check prints one line; the run exits 0 when all pass, else 1. It opens a temporary
database, imports the bundled sample, saves one indicator through the services and exports it,
and checks that resources, translations, Qt's platform plugins and sqlite3 are present.
"""

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from indicite import __version__

SAMPLE_QUOTE = "同比增长4.2%"


def check_sqlite() -> str:
    import sqlite3

    connection = sqlite3.connect(":memory:")
    (version,) = connection.execute("select sqlite_version()").fetchone()
    connection.close()
    return f"SQLite {version}"


def check_resources() -> str:
    from indicite.paths import resources_dir, sample_document

    folder = resources_dir()
    needed = [sample_document(), folder / "icons" / "indicite-256.png"]
    missing = [str(path) for path in needed if not path.is_file()]
    if missing:
        raise FileNotFoundError("missing: " + ", ".join(missing))
    return str(folder)


def check_qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    from indicite.ui.app import make_application

    app = make_application()
    native = {"win32": "qwindows", "darwin": "qcocoa"}.get(sys.platform, "qxcb")
    plugin_dirs = [Path(p) / "platforms" for p in QCoreApplication.libraryPaths()]
    if not any(
        d.is_dir() and any(f.stem.endswith(native) for f in d.iterdir()) for d in plugin_dirs
    ):
        raise FileNotFoundError(f"the {native} platform plugin is missing from {plugin_dirs}")
    platform = QGuiApplication.platformName()
    return f"QApplication {app.applicationVersion()} on '{platform}', {native} present"


def check_translations() -> str:
    from indicite.ui import i18n

    found = []
    for language in i18n.LANGUAGE_NAMES:
        translators = i18n.load_translators(language)
        if language != i18n.ENGLISH and len(translators) < 2:
            raise FileNotFoundError(f"Qt's own qtbase_{language}.qm is missing")
        found += [t.filePath() for t in translators]
    return ", ".join(Path(p).name for p in found)


def read_back(path: Path) -> str:
    """All cell texts of an exported workbook, to find the saved indicator in it."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return " ".join(
            str(cell)
            for sheet in workbook
            for row in sheet.iter_rows(values_only=True)
            for cell in row
        )
    finally:
        workbook.close()


def check_workflow() -> str:
    from indicite.services.demo import import_sample
    from indicite.services.export import export
    from indicite.services.indicators import create_indicator
    from indicite.services.session import Session

    with tempfile.TemporaryDirectory(prefix="indicite-selftest-") as tmp:
        folder = Path(tmp)
        session = Session.open(folder / "selftest.sqlite", "self-test")
        try:
            doc_id = import_sample(session)
            text = session.store.documents.get(doc_id).text
            start = text.index(SAMPLE_QUOTE)
            indicator = create_indicator(
                session,
                doc_id,
                {
                    "name": "规模以上工业增加值",
                    "subject": "天津",
                    "measure": "growth_yoy",
                    "value": 4.2,
                    "unit": "%",
                    "value_text": "增长4.2%",
                },
                [(start, start + len(SAMPLE_QUOTE))],
            )
            result = export(session, folder / "indicators.xlsx", fmt="xlsx")
            exported = result.files[0]
            if result.rows != 1 or "规模以上工业增加值" not in read_back(exported):
                raise AssertionError(f"the export {exported.name} lacks the saved indicator")
        finally:
            session.close()
    return f"imported the sample, saved indicator #{indicator.id}, exported {exported.name}"


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("sqlite3", check_sqlite),
    ("resources", check_resources),
    ("Qt platform plugins", check_qt),
    ("translations", check_translations),
    ("import, save, export", check_workflow),
]


def run_self_test() -> int:
    print(f"Indicite {__version__} self-test (Python {sys.version.split()[0]}, {sys.platform})")
    failures = 0
    for name, check in CHECKS:
        try:
            print(f"  ok    {name}: {check()}")
        except Exception as e:  # every failure is reported, then the next check runs
            failures += 1
            print(f"  FAIL  {name}: {type(e).__name__}: {e}")
            traceback.print_exc(file=sys.stderr)
    print("self-test passed" if not failures else f"self-test FAILED ({failures} checks)")
    return 1 if failures else 0
