"""The full check after the window shows: damage found in the worker refuses writes and says so."""

import hashlib
import os

import pytest

from indicite.core.errors import DatabaseUnusable
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.ui.health_check import DeferredHealthCheck, check_each_window
from indicite.ui.start_page import DatabaseWindows
from indicite.ui.workers import TaskRunner


@pytest.fixture
def damaged_inside(session, sample_doc, db_path):
    # enough rows that the middle of the file is data, not the schema's pages
    for n in range(80):
        create_indicator(session, sample_doc, {"name": f"指标{n}", "notes": "x" * 500}, [(0, 4)])
    session.close()
    good = db_path.read_bytes()
    middle = len(good) // 2
    db_path.write_bytes(good[:middle] + os.urandom(8192) + good[middle + 8192 :])
    return db_path


def test_worker_finds_the_damage_and_the_session_refuses_writes(qtbot, damaged_inside):
    before = hashlib.sha256(damaged_inside.read_bytes()).hexdigest()
    session = Session.open(damaged_inside, "tester", full_check=False)
    check = DeferredHealthCheck(session)
    try:
        with qtbot.waitSignal(check.damaged, timeout=10_000) as signal:
            check.start()
        assert "damaged" in signal.args[0]
        assert not session.store.health_pending
        with pytest.raises(DatabaseUnusable):
            create_indicator(session, 1, {"name": "新指标"}, [(0, 2)])
    finally:
        check.wait()
        session.close()
    assert hashlib.sha256(damaged_inside.read_bytes()).hexdigest() == before


def test_the_window_shows_the_damaged_database_dialog(qtbot, damaged_inside, monkeypatch):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    windows = DatabaseWindows("tester")
    check_each_window(windows)
    windows.show_session(Session.open(damaged_inside, "tester", full_check=False))
    window = windows.window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: getattr(window, "damaged_dialog", None) is not None)
    dialog = window.damaged_dialog
    assert dialog.isVisible()
    assert "damaged" in dialog.text() and str(damaged_inside) in dialog.text()
    dialog.reject()
    windows.close()
