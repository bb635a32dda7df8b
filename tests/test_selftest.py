"""`indicite --self-test` on the source install: the same check the packaged app runs."""

import os
import subprocess
import sys


def test_self_test_passes_on_the_source_install(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "INDICITE_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "indicite", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for check in ("sqlite3", "resources", "Qt platform plugins", "translations", "export"):
        assert any(line.strip().startswith("ok") and check in line for line in lines), result.stdout
    assert lines[-1] == "self-test passed"
