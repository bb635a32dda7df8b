"""Slow work (import, suggestions, export, search) off the GUI thread, with progress and cancel.

A job is a plain function ``job(session, progress) -> result``. It runs in a pooled thread
with its OWN Session on the database (an SQLite or psycopg connection stays in its thread), so
the window keeps painting. It never touches widgets: it reports through ``progress`` and its
result comes back to the GUI thread by the Task's signals (Anki's CollectionOp does the same).

Tests set ``TaskRunner.force_serial = True`` to run jobs in the calling thread, one after the
other (GitFourchette's RepoTaskRunner.ForceSerial).
"""

import atexit
import sys
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from indicite.core.errors import IndiciteError
from indicite.services.session import Session
from indicite.ui.errors import describe

Job = Callable[[Session, "Progress"], Any]


class Cancelled(Exception):
    """Raised inside a job by ``Progress.check()`` once the user pressed Cancel."""


class Progress:
    """What a job may do with the world outside it: say how far it is, and stop when asked."""

    def __init__(self, task: "Task"):
        self._task = task

    def report(self, done: int, total: int, message: str = "") -> None:
        self._task.progress_from_job.emit(done, total, message)

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_requested.is_set()

    def check(self) -> None:
        """Stop here (raise Cancelled) if the user cancelled; call it between steps."""
        if self.cancelled:
            raise Cancelled


class Task(QObject):
    """One job on its way. Exactly one of finished, failed, cancelled or crashed is emitted.

    Signals (always emitted in the GUI thread, so any slot may touch widgets):
    ``progressed(done, total, message)``; ``finished(result)``; ``failed(message)`` for an
    IndiciteError the user can act on; ``cancelled()``; ``crashed(exception)`` for a bug (also
    handed to sys.excepthook, so the crash dialog shows it); ``done(task)`` after any of these.
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    crashed = Signal(object)
    done = Signal(object)
    # Emitted in the job's thread; queued to this object's (the GUI) thread.
    progress_from_job = Signal(int, int, str)
    end_from_job = Signal(str, object)

    def __init__(self, job: Job, database: Path | str, user: str):
        super().__init__()
        self.job = job
        self.database = database
        self.user = user
        self.cancel_requested = threading.Event()
        self.progress_from_job.connect(self._relay_progress)
        self.end_from_job.connect(self._relay_end)

    def cancel(self) -> None:
        self.cancel_requested.set()

    def run(self) -> None:
        """Open a session of this thread's own, run the job, report how it ended."""
        try:
            session = Session.open(self.database, self.user, create=False)
            try:
                result = self.job(session, Progress(self))
            finally:
                session.close()
        except Cancelled:
            self.end_from_job.emit("cancelled", None)
        except IndiciteError as e:
            self.end_from_job.emit("failed", describe(e))
        except Exception as e:
            self.end_from_job.emit("crashed", e)
        else:
            self.end_from_job.emit("finished", result)

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, message: str) -> None:
        self.progressed.emit(done, total, message)

    @Slot(str, object)
    def _relay_end(self, how: str, payload: object) -> None:
        if how == "finished":
            self.finished.emit(payload)
        elif how == "failed":
            self.failed.emit(payload)
        elif how == "cancelled":
            self.cancelled.emit()
        else:
            assert isinstance(payload, BaseException)
            self.crashed.emit(payload)
            sys.excepthook(type(payload), payload, payload.__traceback__)
        self.done.emit(self)


class _Runnable(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


class TaskRunner(QObject):
    """Starts jobs on a thread pool and keeps each Task alive until it is done.

    When the app exits, jobs still running are asked to cancel and waited for, so that none
    is cut off halfway (a backup, an export) while Python shuts down.
    """

    force_serial: ClassVar[bool] = False

    def __init__(self, database: Path | str | None, user: str, parent: QObject | None = None):
        """``database``: the store's ``location``, a file or a team database's URL."""
        super().__init__(parent)
        assert database is not None, "a worker opens a database file or a server's URL"
        self.database = database
        self.user = user
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._running: set[Task] = set()
        _runners.add(self)

    def task(self, job: Job) -> Task:
        """A Task for ``job``: connect to its signals, then start() it."""
        return Task(job, self.database, self.user)

    def start(self, task: Task) -> Task:
        """Run the task in the background (in this thread when force_serial)."""
        self._running.add(task)
        task.done.connect(self._forget)
        if self.force_serial:
            task.run()
        else:
            self.pool.start(_Runnable(task))
        return task

    @Slot(object)
    def _forget(self, task: Task) -> None:
        self._running.discard(task)

    def running(self) -> int:
        return len(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job is done (at quit, after cancel_all)."""
        return self.pool.waitForDone(msecs)


_runners: "weakref.WeakSet[TaskRunner]" = weakref.WeakSet()


@atexit.register
def _finish_running_jobs() -> None:
    for runner in list(_runners):
        if shiboken6.isValid(runner) and shiboken6.isValid(runner.pool):
            runner.cancel_all()
            runner.wait()
