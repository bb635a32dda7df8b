"""The full check of the database right after the window shows, in a worker thread.

``PRAGMA quick_check`` reads the whole file (1 s for 1 GB), so the app opens with the cheap
check and this one runs while the user starts reading. If it finds damage, the window's
database refuses every write from then on and the damaged-database dialog offers a backup.
"""

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal, Slot

from indicite.core.errors import IndiciteError, StorageProblem
from indicite.services.health import check_pending, full_check, known_damage, record_health
from indicite.services.session import Session
from indicite.ui.errors import describe
from indicite.ui.workers import TaskRunner

if TYPE_CHECKING:
    from indicite.ui.damaged_dialog import DamagedDialog
    from indicite.ui.main_window import MainWindow
    from indicite.ui.start_page import DatabaseWindows


class DeferredHealthCheck(QObject):
    """Runs the full check of ``session``'s file once, off the GUI thread.

    Signals (in the GUI thread): ``sound()``; ``damaged(message)``. Nothing is emitted when the
    file was too busy to check: the check then runs before the first write instead.
    """

    sound = Signal()
    damaged = Signal(str)
    verdict_from_worker = Signal(object)

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.path = Path(session.store.path or "")
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.verdict_from_worker.connect(self._verdict)
        QCoreApplication.instance().aboutToQuit.connect(self.wait)

    def start(self) -> None:
        if not check_pending(self.session):
            damage = known_damage(self.session)
            if damage is not None:  # a write at start-up ran the check already
                self.damaged.emit(describe(damage))
            return
        if TaskRunner.force_serial:
            self._verdict(full_check(self.path))
        else:
            self.pool.start(self._check_in_worker)

    def _check_in_worker(self) -> None:
        verdict = full_check(self.path)
        with suppress(RuntimeError):  # the window closed meanwhile: nobody waits for it
            self.verdict_from_worker.emit(verdict)

    @Slot()
    def wait(self) -> None:
        self.pool.waitForDone()

    @Slot(object)
    def _verdict(self, problem: IndiciteError | None) -> None:
        if isinstance(problem, StorageProblem):
            return
        record_health(self.session, problem)
        if problem is not None:
            self.damaged.emit(describe(problem))
        else:
            self.sound.emit()


def check_each_window(windows: "DatabaseWindows") -> None:
    """Finish the check of each database whose window opens; on damage, offer a backup."""

    def opened(window: "MainWindow") -> None:
        if not window.session.store.has_file:
            return  # a team database: its server keeps its pages sound
        check = DeferredHealthCheck(window.session, window)
        check.damaged.connect(lambda message: refuse(window, message))
        check.sound.connect(window.open_first_document)  # not read before it is known sound
        QTimer.singleShot(0, check.start)  # after the first paint

    def refuse(window: "MainWindow", message: str) -> None:
        from indicite.ui.damaged_dialog import DamagedDialog

        dialog = DamagedDialog(Path(window.session.store.path or ""), message, window)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.finished.connect(lambda _result: after(window, dialog))
        dialog.open()
        window.damaged_dialog = dialog

    def after(window: "MainWindow", dialog: "DamagedDialog") -> None:
        window.session.close()  # the damaged file is set aside by a restore: let it go first
        restored = dialog.restored_session(windows.user)
        if restored is None:
            QCoreApplication.quit()
        else:
            windows.show_session(restored)

    windows.window_opened.connect(opened)
