"""The window opens fast because the heavy libraries load only when first needed."""

import subprocess
import sys

HEAVY = ("pandas", "numpy", "pypdfium2", "docx", "bs4", "indicite.core.suggest")

PROBE = """
import sys
from PySide6.QtWidgets import QApplication
from indicite.services.session import Session
from indicite.ui.main_window import MainWindow
from indicite.ui.start_page import DatabaseWindows
app = QApplication([])
session = Session.open(sys.argv[1], "tester")
window = MainWindow(session)
window.show()
app.processEvents()
print(" ".join(sorted(name for name in sys.argv[2:] if name in sys.modules)))
session.close()
"""


def test_opening_the_main_window_loads_no_heavy_library(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "start.sqlite"), *HEAVY],
        capture_output=True,
        text=True,
        check=True,
        env={
            "QT_QPA_PLATFORM": "offscreen",
            "INDICITE_DATA_DIR": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path),
            "HOME": str(tmp_path),
        },
    )
    assert result.stdout.strip() == ""
