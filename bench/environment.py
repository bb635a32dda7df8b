"""What a benchmark ran on, printed with its figures: the same code gives other figures on
another CPU, under other load, with other fonts (shaping CJK text with Noto Sans CJK costs
60% more than with no CJK font at all) or without compiled bytecode (0.2 s of every start).
"""

import datetime
import os
import platform
import sqlite3
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def load_average() -> str:
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # Windows has none
        return "n/a"


def commit() -> str:
    def git(*args: str) -> str:
        result = subprocess.run(
            ["git", *args],  # noqa: S607 (the commit measured)
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        return result.stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (" (with uncommitted changes)" if git("status", "--porcelain", "src") else "")


def qt_versions() -> str:
    import PySide6
    from PySide6.QtCore import qVersion

    return f"PySide6 {PySide6.__version__}, Qt {qVersion()}"


def compile_bytecode() -> str:
    """Compile the package as ``pip install`` does, so no probe compiles it at every start.

    With PYTHONDONTWRITEBYTECODE set (as on some build machines) nothing else writes it.
    """
    import compileall

    ok = compileall.compile_dir(ROOT / "src" / "indicite", quiet=1)
    return "compiled by run_all" if ok else "compiling failed: imports compile at every start"


class Environment:
    """Taken before the runs; ``finish()`` adds the load average after them."""

    def __init__(self) -> None:
        self.started = datetime.datetime.now(datetime.UTC)
        self.bytecode = compile_bytecode()
        self.load_before = load_average()
        self.load_after = ""
        self.fonts: set[str] = set()

    def finish(self) -> None:
        self.load_after = load_average()

    def busy_warning(self) -> str:
        """A sentence when other work kept the cores busy (wall-clock figures then grow)."""
        try:
            highest = max(float(self.load_before.split(",")[0]), os.getloadavg()[0])
        except (OSError, ValueError):
            return ""
        cores = os.cpu_count() or 1
        if highest <= cores / 2:
            return ""
        return (
            f"The machine was busy (load average up to {highest:.1f} on {cores} cores): other "
            "work slows every wall-clock figure; the notes give the CPU time of the work. "
            "Compare with a run on a quiet machine."
        )

    def lines(self) -> list[tuple[str, str]]:
        return [
            ("date", f"{self.started:%Y-%m-%d %H:%M} UTC"),
            ("commit", commit()),
            ("machine", " ".join(platform.uname()[:3])),
            ("CPU", f"{cpu_model()}, {os.cpu_count()} cores"),
            ("load average before", self.load_before + " (1, 5, 15 min)"),
            ("load average after", self.load_after),
            ("Python", platform.python_version()),
            ("Qt", qt_versions()),
            ("SQLite", sqlite3.sqlite_version),
            ("Chinese text drawn with", ", ".join(sorted(self.fonts)) or "(no GUI probe ran)"),
            ("locale", os.environ.get("LC_ALL") or os.environ.get("LANG") or "unset"),
            ("bytecode", self.bytecode),
        ]

    def markdown(self) -> str:
        return "\n".join(f"- {name}: {value}" for name, value in self.lines())
