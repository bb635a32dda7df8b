"""A throwaway PostgreSQL cluster for the tests and benchmarks: a temporary folder, a Unix
socket, no TCP port, stopped and removed at the end.

PostgreSQL refuses to run as root (CI runs as root), so there the cluster belongs to the
``postgres`` system user of Debian's package (or ``nobody``). Run as a script it prints the
URL of a started cluster (``start``), stops one (``stop FOLDER``), or says by its exit status
whether the server's programs are installed (``installed``); `.ci/run` uses that.
"""

import getpass
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SUPERUSER = "indicite_admin"
DATABASE = "indicite_test"
# Members of this role log in with a password (the rest of the cluster trusts its socket):
# the tests of asking for, remembering and refusing a password use it.
SCRAM_GROUP = "indicite_scram_login"


def bin_dir() -> Path | None:
    """Where initdb and pg_ctl are: on PATH, or in Debian's versioned folder."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return versions[-1].parent if versions else None


def _owner() -> str | None:
    """The user the server runs as: ourselves, or a system user when we are root."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root and there is no 'postgres' or 'nobody' user")


def _run(args: list[str], owner: str | None) -> None:
    if owner is not None:
        args = ["runuser", "-u", owner, "--", *args]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def start() -> tuple[Path, str]:
    """Start a cluster; returns its folder and the URL of an empty database in it."""
    binaries = bin_dir()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="indicite-pg-"))
    owner = _owner()
    if owner is not None:
        shutil.chown(folder, owner)
    data = folder / "data"
    _run(
        [
            str(binaries / "initdb"),
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ],
        owner,
    )
    _ask_password_of_scram_group(data / "pg_hba.conf")
    options = f"-c listen_addresses='' -k {folder} -c fsync=off -c max_connections=200"
    _run(
        [
            str(binaries / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        ],
        owner,
    )
    _run([str(binaries / "createdb"), "-h", str(folder), "-U", SUPERUSER, DATABASE], owner)
    return folder, url(folder)


def _ask_password_of_scram_group(hba: Path) -> None:
    """First rule of pg_hba.conf: the members of SCRAM_GROUP give a password."""
    rule = f"local all +{SCRAM_GROUP} scram-sha-256\n"
    hba.write_text(rule + hba.read_text(encoding="utf-8"), encoding="utf-8")


def url(folder: Path, database: str = DATABASE) -> str:
    return f"postgresql://{SUPERUSER}@/{database}?host={folder}"


def stop(folder: Path) -> None:
    binaries = bin_dir()
    if binaries is not None and (folder / "data").is_dir():
        _run(
            [str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "stop"],
            _owner(),
        )
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["start"]:
        print(start()[1])
    elif sys.argv[1:2] == ["stop"] and len(sys.argv) == 3:
        stop(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["installed"]:
        sys.exit(0 if bin_dir() else 1)
    else:
        sys.exit(f"usage: {sys.argv[0]} start | stop FOLDER | installed   (as {getpass.getuser()})")
