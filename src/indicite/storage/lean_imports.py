"""Import sqlite-utils without letting it import pandas and numpy (0.7 s at every start).

sqlite-utils imports both at import time, when they are installed, only to map their types
to column types when it creates a table from data. Indicite's tables are created by the
migrations from Python types, so that mapping is never used; pandas loads when an export or
a load first needs it.
"""

import sys

HIDDEN = ("pandas", "numpy")


def import_sqlite_utils() -> None:
    if "sqlite_utils.db" in sys.modules or any(name in sys.modules for name in HIDDEN):
        return
    for name in HIDDEN:
        sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" fails: skipped
    try:
        import sqlite_utils.db  # noqa: F401
    finally:
        for name in HIDDEN:
            del sys.modules[name]


import_sqlite_utils()
