"""Importing files in a worker thread, with a progress dialog the user can cancel.

Reading and storing a 300-page report takes a second or more, and OCR of a scan a second or
two a page; done on the GUI thread it would freeze the window. Here each file is one
transaction in the worker's own session; the dialog counts files, and the pages of a scan
while OCR reads them. Cancel stops before the next file or the next scanned page (files
already imported stay, like an import of fewer files; the file being read is not imported).

Signals of ImportController: ``imported(ImportReport)`` when the import ended, cancelled or not.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from indicite.core.errors import one_line
from indicite.services.documents import DocumentMeta, ImportReport, import_file
from indicite.services.session import Session
from indicite.ui.workers import Job, Progress, Task, TaskRunner


class _StopReading(Exception):
    """Cancel pressed while OCR reads the pages of a file."""


def import_job(paths: list[Path], meta: DocumentMeta | None = None) -> Job:
    """The import of ``paths`` as a background job returning an ImportReport.

    Progress is (done, total, what the dialog says): files, or a scan's pages."""

    def job(session: Session, progress: Progress) -> ImportReport:
        report = ImportReport()
        for number, path in enumerate(paths):
            if progress.cancelled:
                break
            name = one_line(Path(path).name)  # a name may hold line breaks or escape codes
            text = QCoreApplication.translate("ImportController", "Importing {name}…")
            progress.report(number, len(paths), text.format(name=name))

            def page_read(done: int, pages: int, name: str = name) -> None:
                if progress.cancelled:
                    raise _StopReading
                text = QCoreApplication.translate(
                    "ImportController", "Reading {name} by OCR: page {page} of {pages}…"
                )
                page = min(done + 1, pages)
                progress.report(done, pages, text.format(name=name, page=page, pages=pages))

            try:
                outcome = import_file(session, Path(path), meta or DocumentMeta(), page_read)
            except _StopReading:
                break
            report.outcomes.append(outcome)
        progress.report(len(report.outcomes), len(paths), "")
        return report

    return job


class ImportController(QObject):
    imported = Signal(object)

    def __init__(self, runner: TaskRunner, window: QWidget):
        super().__init__(window)
        self.runner = runner
        self.window = window

    def import_paths(self, paths: list[Path], meta: DocumentMeta | None = None) -> Task:
        dialog = QProgressDialog(
            self.tr("Importing…"), self.tr("Cancel"), 0, len(paths), self.window
        )
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        task = self.runner.task(import_job(paths, meta))
        task.progressed.connect(lambda done, total, text: self._show(dialog, done, total, text))
        dialog.canceled.connect(task.cancel)
        task.finished.connect(self._report)
        task.failed.connect(self._refused)
        task.done.connect(lambda _task: self._close(dialog))
        return self.runner.start(task)

    def _show(self, dialog: QProgressDialog, done: int, total: int, text: str) -> None:
        if text:
            dialog.setLabelText(text)
        dialog.setMaximum(total)
        dialog.setValue(done)

    def _close(self, dialog: QProgressDialog) -> None:
        dialog.reset()
        dialog.deleteLater()

    def _report(self, report: ImportReport) -> None:
        if report.failures:
            QMessageBox.warning(
                self.window,
                self.tr("Some files were not imported"),
                "\n".join(o.error for o in report.failures),
            )
        self.imported.emit(report)

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self.window, self.tr("Import failed"), message)
