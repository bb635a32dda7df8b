"""Document → Import new version… and Document → Versions… for one main window.

Importing a new version re-anchors every citation of the document, a few seconds for a big
one, so it runs in a worker (its own session) behind a progress dialog. After an ordinary
import of a file that looks like a new version of a current document (same title and issuer,
or same URL), the window offers to make it that version.
"""

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressDialog

from indicite.services.documents import ImportReport
from indicite.services.revisions import (
    RevisionReport,
    import_new_version,
    likely_earlier_version,
    link_version,
    source_changes,
)
from indicite.services.session import Session
from indicite.ui.revisions.report_dialog import RevisionReportDialog
from indicite.ui.revisions.versions_dialog import VersionsDialog
from indicite.ui.workers import Job, TaskRunner


class VersionActions(QObject):
    """The window's version actions (a child of the window, living as long as it)."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.session: Session = window.session  # type: ignore[attr-defined]
        self.runner = TaskRunner(self.session.store.location, self.session.user, self)
        menu = window.menus["document"]  # type: ignore[attr-defined]
        menu.addSeparator()
        self.import_action = QAction(window)
        self.import_action.triggered.connect(self.choose_new_version)
        self.versions_action = QAction(window)
        self.versions_action.triggered.connect(self.show_versions)
        for action in (self.import_action, self.versions_action):
            menu.addAction(action)
        self.dialog: QObject | None = None
        window.document_opened.connect(self._update)  # type: ignore[attr-defined]
        self._follow_imports()
        window.installEventFilter(self)
        self.retranslate_ui()
        self._update()

    def retranslate_ui(self) -> None:
        self.import_action.setText(self.tr("Import &new version…"))
        self.versions_action.setText(self.tr("&Versions…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().eventFilter(watched, event)

    def _current(self) -> int | None:
        return self.window.current_document_id  # type: ignore[attr-defined]

    @Slot()
    def _update(self, *_args: object) -> None:
        has_document = self._current() is not None
        self.import_action.setEnabled(has_document)
        self.versions_action.setEnabled(has_document)

    def _follow_imports(self) -> None:
        """Offer to make a just-imported file the new version of a document like it."""
        from indicite.ui.start_page import FirstRun

        first_run = self.window.findChild(FirstRun)
        if first_run is not None:
            first_run.importer.imported.connect(self.offer_link)

    @Slot()
    def choose_new_version(self) -> None:
        from indicite.ui.start_page import choose_document_files

        doc_id = self._current()
        if doc_id is None:
            return
        paths = choose_document_files(self.window)
        if len(paths) == 1:
            self.run(lambda session, _progress: import_new_version(session, paths[0], doc_id))

    @Slot(object)
    def offer_link(self, report: ImportReport) -> None:
        new = [o for o in report.outcomes if o.ok and not o.existed]
        if len(new) != 1 or new[0].document_id is None:
            return
        doc_id = new[0].document_id
        earlier = likely_earlier_version(self.session, doc_id)
        if earlier is None:
            return
        old = self.session.store.documents.get(earlier)
        answer = QMessageBox.question(
            self.window,
            self.tr("A new version?"),
            self.tr(
                "“{name}” has the same title and issuer (or URL) as document {old} “{title}”. "
                "Make it the new version of that document? Its entries move to the new text "
                "and their citations are placed in it; changed numbers go back to review."
            ).format(name=Path(new[0].path).name, old=earlier, title=old.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.run(lambda session, _progress: link_version(session, doc_id, earlier))

    def run(self, job: Job) -> None:
        dialog = QProgressDialog(
            self.tr("Placing the citations in the new text…"), "", 0, 0, self.window
        )
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        task = self.runner.task(job)
        task.finished.connect(self._done)
        task.failed.connect(
            lambda message: QMessageBox.warning(self.window, self.tr("Not imported"), message)
        )
        task.done.connect(lambda _task: dialog.deleteLater())
        self.runner.start(task)

    def _done(self, report: RevisionReport) -> None:
        window = self.window
        window.document_list.reload()  # type: ignore[attr-defined]
        window.open_document(report.document_id)  # type: ignore[attr-defined]
        dialog = RevisionReportDialog(
            report, source_changes(self.session, report.document_id), window
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    @Slot()
    def show_versions(self) -> None:
        doc_id = self._current()
        if doc_id is None:
            return
        dialog = VersionsDialog(self.session, doc_id, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
