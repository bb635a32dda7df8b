"""Print the schema the migrations produce: `python -m indicite.storage.dump_schema`."""

import sys
import tempfile
from pathlib import Path

from indicite.storage.database import open_database, schema_sql


def current_schema() -> str:
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "schema.sqlite")
        try:
            return schema_sql(db)
        finally:
            db.close()


if __name__ == "__main__":
    sys.stdout.write(current_schema())
