"""Another program on the app's database, opening and closing it in a loop until told to stop.

    python other_program.py bare DB STOP       sqlite3 connect, read, close
    python other_program.py session DB STOP    a second Indicite session writing a setting
    python other_program.py cli DB STOP        `indicite docs` and `indicite export`

Runs until the file STOP exists; after its first round it creates STOP.MODE, so the test
knows it is running. A write is reported on stdout (one JSON line, flushed) only
after it was committed; the last line is ``{"rounds": N}``.
"""

import contextlib
import io
import json
import sqlite3
import sys
from pathlib import Path

from indicite.cli import main as indicite_main
from indicite.services.session import Session


def bare(db: Path) -> None:
    conn = sqlite3.connect(db, timeout=10)
    conn.execute("SELECT count(*) FROM indicators").fetchone()
    conn.close()


def session_write(db: Path, number: int) -> None:
    session = Session.open(db, "other", create=False)
    try:
        with session.store.transaction():
            session.store.settings.set(f"other-{number}", "written")
    finally:
        session.close()
    print(json.dumps({"key": f"other-{number}"}), flush=True)


def cli(db: Path, number: int) -> None:
    out = db.with_name("other-export.csv")
    command = ["docs"] if number % 2 else ["export", "--out", str(out)]
    with contextlib.redirect_stdout(io.StringIO()):
        code = indicite_main(["--db", str(db), *command])
    if code != 0:
        raise SystemExit(f"indicite {command[0]} exited {code}")


def main() -> None:
    mode, db, stop = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    number = 0
    while not stop.exists():
        if mode == "bare":
            bare(db)
        elif mode == "session":
            session_write(db, number)
        else:
            cli(db, number)
        number += 1
        if number == 1:
            stop.with_name(f"{stop.name}.{mode}").touch()
    print(json.dumps({"rounds": number}), flush=True)


if __name__ == "__main__":
    main()
