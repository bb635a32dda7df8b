"""An unexpected error: the traceback goes to the log; the user sees where and can copy it."""

import sys
import threading

import pytest
from PySide6.QtGui import QGuiApplication

from indicite.logs import log_file, setup_logging, shutdown_logging
from indicite.ui.crash import CrashReporter, install_crash_handler


@pytest.fixture
def reporter(qtbot):
    setup_logging()
    reporter = CrashReporter()
    yield reporter
    if reporter.dialog is not None:
        reporter.dialog.close()
    shutdown_logging()


def fail_deep_down():
    raise ZeroDivisionError("the share of nothing")


def test_an_error_shows_the_log_location_and_the_report_can_be_copied(qtbot, reporter):
    try:
        fail_deep_down()
    except ZeroDivisionError:
        reporter.report(*sys.exc_info())
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    qtbot.addWidget(dialog)
    assert str(log_file()) in dialog.log_label.text()
    assert "ZeroDivisionError: the share of nothing" in dialog.error.text()

    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "ZeroDivisionError: the share of nothing" in copied
    assert "fail_deep_down" in copied
    assert str(log_file()) in copied

    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "fail_deep_down" in logged


def test_an_error_in_a_worker_thread_reaches_the_dialog(qtbot, reporter, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_crash_handler(reporter)
    worker = threading.Thread(target=fail_deep_down, name="importer")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    qtbot.addWidget(reporter.dialog)
    assert "the share of nothing" in reporter.dialog.error.text()
    assert "[importer]" in log_file().read_text(encoding="utf-8")


def test_the_log_rotates_instead_of_growing_without_end(reporter):
    import logging

    from indicite import logs

    handler = next(
        h for h in logging.getLogger().handlers if isinstance(h, logs.IndiciteLogHandler)
    )
    assert handler.maxBytes == logs.MAX_BYTES
    assert handler.backupCount == logs.BACKUPS
    assert log_file().parent.parent == logs.data_dir()
