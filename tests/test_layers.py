"""core, storage, io and services must run without Qt (the CLI and a future server use them)."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "indicite.core",
        "indicite.storage",
        "indicite.io",
        "indicite.services",
        "indicite.services.documents",
        "indicite.services.indicators",
        "indicite.cli",
    ],
)
def test_module_does_not_import_qt(module):
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = [m for m in sys.modules if m.startswith('PySide6')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts_hold():
    """The layer order of DESIGN.md, checked by import-linter over the whole package."""
    from pathlib import Path

    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports")],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[1],
    )
    assert result.returncode == 0, result.stdout[-2000:]
