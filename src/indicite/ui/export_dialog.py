"""File → Export: the same choices as `indicite export`, run in a worker with progress and cancel.

The export itself is services.export.export in a TaskRunner job, which opens its own Session on
the database file (an SQLite connection stays in its thread), so the window keeps painting
while 100,000 rows are written. Cancel stops the job and no file is left behind.

The format, CSV encoding and folder of the last export are remembered (QSettings).

``ExportAction(window)`` puts File → Export… (Ctrl+E) into a main window.

Signals of ExportDialog: ``exported(ExportResult)`` once the files are in place.
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from indicite.core.entities import STATUSES
from indicite.core.errors import one_line
from indicite.services.export import ENCODINGS, FORMATS, ExportCancelled, ExportResult, export
from indicite.services.session import Session
from indicite.ui.i18n import Retranslatable
from indicite.ui.indicator_model import status_names
from indicite.ui.menu_actions import FileMenuAction
from indicite.ui.workers import Cancelled, Job, Progress, Task, TaskRunner

SETTINGS_FORMAT = "export/format"
SETTINGS_ENCODING = "export/encoding"
SETTINGS_FOLDER = "export/folder"
SETTINGS_HEADERS = "export/headers"
HEADERS = ("en", "zh")
SUFFIXES = {"sdmx-csv": ".sdmx.csv"}  # the others: "." + the format


def with_format_suffix(path: Path, fmt: str) -> Path:
    """``path`` named for ``fmt``: out.xlsx → out.sdmx.csv → out.json."""
    stem = path.name[: -len(".sdmx.csv")] if path.name.endswith(".sdmx.csv") else path.stem
    return path.with_name(stem + SUFFIXES.get(fmt, f".{fmt}"))


def export_job(
    path: Path,
    fmt: str,
    statuses: list[str],
    document_ids: list[int],
    encoding: str,
    headers: str = "en",
) -> Job:
    """The export as a background job returning an ExportResult."""

    def job(session: Session, progress: Progress) -> ExportResult:
        try:
            return export(
                session,
                path,
                fmt,
                statuses,
                document_ids,
                encoding,
                progress=lambda done, total: progress.report(done, total),
                cancelled=lambda: progress.cancelled,
                headers=headers,
            )
        except ExportCancelled:
            raise Cancelled from None

    return job


class ExportDialog(Retranslatable, QDialog):
    exported = Signal(object)

    def __init__(
        self,
        session: Session,
        current_document_id: int | None = None,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ):
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.runner = TaskRunner(session.store.location, session.user, self)
        self.current_document_id = current_document_id
        self.task: Task | None = None
        self.outcome: ExportResult | None = None

        self.format = QComboBox()
        self.format.addItems(["", "", "", ""])
        self.encoding = QComboBox()
        self.encoding.addItems(["", ""])
        self.headers = QComboBox()
        self.headers.addItems(["", ""])
        self.status_boxes = {status: QCheckBox() for status in STATUSES}
        for box in self.status_boxes.values():
            box.setChecked(True)
        self.all_documents = QRadioButton()
        self.this_document = QRadioButton()
        self.all_documents.setChecked(True)
        self.this_document.setEnabled(current_document_id is not None)
        self.path = QLineEdit(str(self._last_folder() / f"indicators-{date.today()}.xlsx"))
        self.browse = QPushButton()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

        self._build_layout()

        self.format.currentIndexChanged.connect(self._format_changed)
        self.browse.clicked.connect(self._browse)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self._cancel_or_close)
        self.retranslate_ui()
        self._restore_choices()
        self._format_changed()
        self.resize(560, self.sizeHint().height())

    def _build_layout(self) -> None:
        self.labels = [QLabel() for _ in range(6)]
        self.form = QFormLayout()
        self.form.addRow(self.labels[0], self.format)
        self.form.addRow(self.labels[1], self.encoding)
        self.form.addRow(self.labels[5], self.headers)
        statuses = QHBoxLayout()
        for box in self.status_boxes.values():
            statuses.addWidget(box)
        self.form.addRow(self.labels[2], statuses)
        documents = QHBoxLayout()
        documents.addWidget(self.all_documents)
        documents.addWidget(self.this_document)
        self.form.addRow(self.labels[3], documents)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.form.addRow(self.labels[4], file_row)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Export indicators"))
        for i, text in enumerate(
            [
                self.tr("Excel workbook (.xlsx)"),
                self.tr("CSV (.csv)"),
                self.tr("JSON (.json)"),
                self.tr("SDMX-CSV for statistical databases (.sdmx.csv)"),
            ]
        ):
            self.format.setItemText(i, text)
        self.encoding.setItemText(0, self.tr("UTF-8 with BOM (Excel)"))
        self.encoding.setItemText(1, self.tr("GB18030 (older Chinese software)"))
        self.headers.setItemText(0, self.tr("English column names (name, value …)"))
        self.headers.setItemText(1, self.tr("Chinese (指标名称, 数值 …)"))
        for status, name in status_names().items():
            self.status_boxes[status].setText(name)
        self.all_documents.setText(self.tr("All documents"))
        self.this_document.setText(self.tr("Only the open document"))
        self.browse.setText(self.tr("Choose…"))
        self.export_button.setText(self.tr("Export"))
        labels = [self.tr("Format:"), self.tr("CSV encoding:"), self.tr("Statuses:")]
        labels += [self.tr("Documents:"), self.tr("File:"), self.tr("Column headers:")]
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)

    def _last_folder(self) -> Path:
        """Where the last export went, else the user's Documents folder, else home: the
        first of them that exists (a USB stick is gone, Documents may never have been made)."""
        location = QStandardPaths.StandardLocation.DocumentsLocation
        candidates = [
            str(self.settings.value(SETTINGS_FOLDER, "") or ""),
            QStandardPaths.writableLocation(location),
        ]
        return next((Path(c) for c in candidates if c and Path(c).is_dir()), Path.home())

    def _restore_choices(self) -> None:
        fmt = self.settings.value(SETTINGS_FORMAT, "xlsx")
        self.format.setCurrentIndex(FORMATS.index(fmt) if fmt in FORMATS else 0)
        encoding = self.settings.value(SETTINGS_ENCODING, ENCODINGS[0])
        self.encoding.setCurrentIndex(ENCODINGS.index(encoding) if encoding in ENCODINGS else 0)
        headers = self.settings.value(SETTINGS_HEADERS, HEADERS[0])
        self.headers.setCurrentIndex(HEADERS.index(headers) if headers in HEADERS else 0)

    def _remember_choices(self, path: Path) -> None:
        self.settings.setValue(SETTINGS_FORMAT, self.chosen_format())
        self.settings.setValue(SETTINGS_ENCODING, ENCODINGS[self.encoding.currentIndex()])
        self.settings.setValue(SETTINGS_HEADERS, HEADERS[self.headers.currentIndex()])
        self.settings.setValue(SETTINGS_FOLDER, str(path.parent))

    def chosen_format(self) -> str:
        return FORMATS[self.format.currentIndex()]

    def _format_changed(self) -> None:
        fmt = self.chosen_format()
        self.encoding.setEnabled(fmt == "csv")
        self.headers.setEnabled(fmt in ("csv", "xlsx"))
        text = self.path.text().strip()
        if text:
            self.path.setText(str(with_format_suffix(Path(text), fmt)))

    def _browse(self) -> None:
        fmt = self.chosen_format()
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(), "*" + SUFFIXES.get(fmt, f".{fmt}")
        )
        if chosen:
            self.path.setText(chosen)

    def start_export(self) -> None:
        statuses = [s for s, box in self.status_boxes.items() if box.isChecked()]
        if not statuses:
            self._show_message(self.tr("Tick at least one status to export."), error=True)
            return
        if not self.path.text().strip():
            self._show_message(self.tr("Choose the file to write."), error=True)
            return
        documents = (
            [self.current_document_id]
            if self.this_document.isChecked() and self.current_document_id is not None
            else []
        )
        job = export_job(
            Path(self.path.text().strip()),
            self.chosen_format(),
            [] if len(statuses) == len(STATUSES) else statuses,
            documents,
            ENCODINGS[self.encoding.currentIndex()],
            HEADERS[self.headers.currentIndex()],
        )
        self.task = self.runner.task(job)
        self.task.progressed.connect(self._progressed)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(lambda message: self._ended(message, error=True))
        self.task.cancelled.connect(lambda: self._ended(self.tr("Export cancelled.")))
        self._set_running(True)
        self.runner.start(self.task)

    def _set_running(self, running: bool) -> None:
        for widget in (self.format, self.path, self.browse, self.export_button):
            widget.setEnabled(not running)
        for box in self.status_boxes.values():
            box.setEnabled(not running)
        self.all_documents.setEnabled(not running)
        self.this_document.setEnabled(not running and self.current_document_id is not None)
        self.encoding.setEnabled(not running and self.chosen_format() == "csv")
        self.headers.setEnabled(not running and self.chosen_format() in ("csv", "xlsx"))
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)
            self._show_message(self.tr("Exporting…"))

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        locale = QLocale()
        self.message.setText(
            self.tr("Exported {done} of {total} indicators…").format(
                done=locale.toString(done), total=locale.toString(total)
            )
        )

    def _finished(self, result: ExportResult) -> None:
        self.task = None
        self.outcome = result
        self._remember_choices(result.files[0])
        self._set_running(False)
        self.exported.emit(result)
        self.accept()

    def _ended(self, message: str, *, error: bool = False) -> None:
        self.task = None
        self._set_running(False)
        self._show_message(message, error=error)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def _cancel_or_close(self) -> None:
        """Cancel stops a running export (the dialog stays to show it); otherwise closes."""
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

    def done(self, result: int) -> None:
        if self.task is not None:  # Escape while exporting: stop, then close
            self.task.cancel()
            self.runner.wait()
        super().done(result)


class ExportAction(FileMenuAction):
    """File → Export… (Ctrl+E) for one main window (the window's child).

    The window provides ``menus["file"]``, ``session``, ``current_document_id`` and
    ``settings``; the dialog is modeless, so the user keeps working while it exports.
    """

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.dialog: ExportDialog | None = None
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.triggered.connect(self.open_dialog)
        self.retranslate_ui()

    def text(self) -> str:
        return self.tr("&Export…")

    @Slot()
    def open_dialog(self) -> None:
        if self.dialog is not None:  # one export at a time: show the one already open
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        window = self.window
        self.dialog = ExportDialog(
            window.session,  # type: ignore[attr-defined]
            window.current_document_id,  # type: ignore[attr-defined]
            window,
            getattr(window, "settings", None),
        )
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.exported.connect(self._exported)
        self.dialog.destroyed.connect(self._forget_dialog)
        self.dialog.show()

    def _forget_dialog(self) -> None:
        self.dialog = None

    def _exported(self, result: ExportResult) -> None:
        names = ", ".join(one_line(p.name) for p in result.files)
        self.window.statusBar().showMessage(
            self.tr("Exported {count} indicators to {files}").format(
                count=QLocale().toString(result.rows), files=names
            ),
            10000,
        )
