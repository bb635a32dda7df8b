"""Unexpected exceptions: the traceback goes to the log, the user gets a dialog they can act on.

``install_crash_handler()`` replaces ``sys.excepthook`` and ``threading.excepthook``. An error
in a worker thread reaches the dialog through a queued signal, so widgets are only touched in
the GUI thread. Known, environmental problems (disk full, database locked) are IndiciteErrors
shown where they happen; everything that reaches this module is a bug.
"""

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from indicite import __version__
from indicite.logs import log_file
from indicite.ui.i18n import Retranslatable

log = logging.getLogger(__name__)


def breakable(text: str) -> str:
    """``text`` with a line-break chance after each path separator: a label wraps only at
    spaces, and a long path in an error has none. Only for showing: Copy report copies the
    text as it was, and the log path (which people copy from the label) stays untouched."""
    return text.replace("/", "/\u200b").replace("\\", "\\\u200b")


class CrashDialog(Retranslatable, QDialog):
    """Says what went wrong in one line, where the log is, and copies the details on request."""

    def __init__(self, summary: str, details: str, log_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = summary
        self.details = details
        self.log_path = log_path
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.error = QLabel(breakable(summary))
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label = QLabel()
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_view = QPlainTextEdit(details)
        self.details_view.setReadOnly(True)
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.details_view.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton()
        self.open_folder_button = QPushButton()
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_report)
        self.open_folder_button.clicked.connect(self.open_log_folder)
        self.setMinimumWidth(self.fontMetrics().height() * 30)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.error, self.log_label, self.details_view, self.buttons):
            layout.addWidget(widget)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Indicite ran into a problem"))
        self.message.setText(
            self.tr(
                "Something went wrong that Indicite did not expect. What you saved is safe in "
                "the database; check the entry you were working on, then carry on. Please send "
                "the copied report or the log file to whoever supports Indicite for you."
            )
        )
        self.log_label.setText(self.tr("Log file: {path}").format(path=self.log_path))
        self.copy_button.setText(self.tr("&Copy report"))
        self.open_folder_button.setText(self.tr("Open log &folder"))

    def report_text(self) -> str:
        return f"Indicite {__version__}\n{self.summary}\nLog: {self.log_path}\n\n{self.details}"

    @Slot()
    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report_text())

    @Slot()
    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


class CrashReporter(QObject):
    """Logs an unexpected exception and shows the crash dialog in the GUI thread.

    Signals: ``crashed(summary, details)``, emitted from whichever thread failed.
    """

    crashed = Signal(str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.crashed.connect(self.show_dialog, Qt.ConnectionType.QueuedConnection)

    def report(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        log.critical("Unexpected error", exc_info=(exc_type, exc, tb))
        summary = f"{exc_type.__name__}: {exc}"
        self.crashed.emit(summary, "".join(traceback.format_exception(exc_type, exc, tb)))

    @Slot(str, str)
    def show_dialog(self, summary: str, details: str) -> None:
        # A window of its own: the window that failed may be in a broken state.
        self.dialog = CrashDialog(summary, details, log_file())
        self.dialog.show()
        self.dialog.raise_()


def install_crash_handler(reporter: CrashReporter) -> None:
    """Route uncaught exceptions, in the GUI thread and in other threads, to ``reporter``."""

    def on_exception(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            reporter.report(exc_type, exc, tb)
        except Exception:
            sys.__excepthook__(exc_type, exc, tb)
            traceback.print_exc()

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception
