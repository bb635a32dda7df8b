"""Nothing is lost: an unexpected error is logged and explained; unsaved input stops a close."""

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

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


@pytest.fixture
def shown_window(qtbot, session, sample_doc):
    from indicite.ui.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.open_document(sample_doc)
    return window


def start_new_entry(window) -> None:
    """Select the 4.2% passage of the sample and press Cite: a new entry, not yet saved."""
    text = window.document.text
    start = text.index("同比增长4.2%")
    window.document_view.select_span(start, start + len("同比增长4.2%"))
    window.cite_selection()


@pytest.mark.parametrize(
    ("answer", "closes"),
    [(QMessageBox.StandardButton.Cancel, False), (QMessageBox.StandardButton.Discard, True)],
)
def test_closing_with_an_unsaved_entry_asks_first(shown_window, session, answer, closes):
    window = shown_window
    start_new_entry(window)
    assert window.has_unsaved_changes()

    assert not window.close()
    question = window.closing_question
    assert question.isVisible()
    assert window.isVisible()
    question.button(answer).click()
    assert window.isVisible() is not closes
    assert session.store.indicators.count() == 0


def test_save_in_the_question_stores_the_entry_then_closes(shown_window, session):
    window = shown_window
    start_new_entry(window)
    window.form.fields["name"].setText("Industrial value added")

    window.close()
    window.closing_question.button(QMessageBox.StandardButton.Save).click()
    assert not window.isVisible()
    assert session.store.indicators.count() == 1


def test_closing_without_an_entry_in_the_form_does_not_ask(shown_window):
    assert not shown_window.has_unsaved_changes()
    assert shown_window.close()


def test_picking_another_measure_in_a_saved_entry_counts_as_unsaved(
    qtbot, shown_window, session, sample_doc
):
    from indicite.services.indicators import create_indicator

    ind = create_indicator(
        session, sample_doc, {"name": "工业增加值", "value": 4.2, "unit": "%"}, [(0, 4)]
    )
    window = shown_window
    window.refresh()
    window.select_indicator(ind.id)
    assert not window.has_unsaved_changes()
    measure = window.form.measure
    measure.setCurrentIndex(measure.findData("growth_yoy"))
    assert window.has_unsaved_changes()
    window.form.fields["value"].setFocus()
    qtbot.keyClick(window.form.fields["value"], Qt.Key.Key_Return)
    assert session.store.indicators.get(ind.id).measure == "growth_yoy"
    assert not window.has_unsaved_changes()
