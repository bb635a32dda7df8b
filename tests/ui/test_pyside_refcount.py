"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void call and aborts.

The pin in pyproject.toml keeps us on a sound release; this test makes sure of it.
"""

import subprocess
import sys


def test_twenty_thousand_void_calls_do_not_abort():
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "w = QWidget()\n"
        "for _ in range(20000):\n"
        "    w.resize(100, 100)\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"
