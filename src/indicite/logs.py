"""The log file: a rotating file in the data folder that holds warnings and crash tracebacks."""

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from indicite.paths import data_dir

MAX_BYTES = 1_000_000
BACKUPS = 3


class IndiciteLogHandler(RotatingFileHandler):
    """The app's own handler, told apart from others so that setup can replace it."""


def log_file() -> Path:
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "indicite.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the root logger to the log file in the current data folder; returns its path."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, IndiciteLogHandler)]:
        root.removeHandler(old)
        old.close()
    path = log_file()
    handler = IndiciteLogHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s")
    )
    root.addHandler(handler)
    root.setLevel(level)
    return path


def shutdown_logging() -> None:
    """Close the log file (the app does this when it quits; tests between data folders)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, IndiciteLogHandler)]:
        root.removeHandler(handler)
        handler.close()
