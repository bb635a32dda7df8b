"""Where Indicite keeps its files: the user data folder and the bundled resources."""

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Indicite"


def data_dir() -> Path:
    """The user data folder (INDICITE_DATA_DIR overrides it, e.g. for tests)."""
    override = os.environ.get("INDICITE_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> Path:
    return data_dir() / "indicite.sqlite"


def resources_dir() -> Path:
    """Bundled resources: inside the package when installed or frozen, else the checkout's."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(__file__).parent / "resources"]
    if frozen:
        candidates.insert(0, Path(frozen) / "indicite" / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError("Indicite's resources folder is missing; reinstall the app")


def sample_document() -> Path:
    return resources_dir() / "sample" / "tianjin_industry_2025.txt"
