"""While the app has its database open, nothing but SQLite opens the file or its journals.

Every worker job the app runs (start-up and periodic backups, the full check, import, export,
load, the periodic data_version refresh, restore) runs here with ``open()``, ``io.open`` and
``os.open`` made to fail on the database and its -wal/-shm/-journal. SQLite opens its files
in C and is not affected. Such a read drops the connection's locks (storage.open_files).
"""

import builtins
import io
import os
from pathlib import Path

import pytest

from indicite.services.backups import back_up, back_up_if_due, backups_of, restore_backup
from indicite.services.documents import DocumentMeta
from indicite.services.health import full_check
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.services.verify import verify_citations
from indicite.ui.background_import import import_job
from indicite.ui.export_dialog import export_job
from indicite.ui.workers import TaskRunner

DATA = Path(__file__).parents[1] / "data"


class ForbiddenOpen:
    """Patches the ways Python opens files to refuse (and record) the watched names."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, database: Path):
        base = os.path.realpath(database)
        self.names = {base + side for side in ("", "-wal", "-shm", "-journal")}
        self.touched: list[str] = []
        self.active = False
        real_open, real_os_open = builtins.open, os.open

        def guarded_open(file, *args, **kwargs):
            self._check(file)
            return real_open(file, *args, **kwargs)

        def guarded_os_open(file, *args, **kwargs):
            self._check(file)
            return real_os_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", guarded_open)
        monkeypatch.setattr(io, "open", guarded_open)
        monkeypatch.setattr(os, "open", guarded_os_open)

    def _check(self, file) -> None:
        if not self.active or isinstance(file, int):
            return
        name = os.path.realpath(os.fsdecode(file))
        if name in self.names:
            self.touched.append(name)
            raise PermissionError(f"only SQLite may open {name} while it is open")


def finished(runner: TaskRunner, job):
    """Run ``job`` as the app does (its own session in a Task) and return its result."""
    seen: dict = {}
    task = runner.task(job)
    task.finished.connect(lambda result: seen.setdefault("result", result))
    task.failed.connect(lambda message: seen.setdefault("failed", message))
    task.crashed.connect(lambda error: seen.setdefault("crashed", error))
    runner.start(task)
    assert set(seen) == {"result"}, seen
    return seen["result"]


@pytest.fixture
def app_session(tmp_path):
    db = tmp_path / "shared.sqlite"
    session = Session.open(db, "app", full_check=False)
    yield session
    session.close()


def test_the_guard_catches_a_read_of_the_open_database(app_session, monkeypatch):
    guard = ForbiddenOpen(monkeypatch, app_session.store.path)
    guard.active = True
    with pytest.raises(PermissionError):
        app_session.store.path.read_bytes()
    with pytest.raises(PermissionError):
        open(str(app_session.store.path) + "-wal", "rb")  # noqa: SIM115
    assert len(guard.touched) == 2


def test_every_worker_job_leaves_the_open_file_to_sqlite(qtbot, app_session, tmp_path, monkeypatch):
    from indicite.ui.main_window import MainWindow

    monkeypatch.setattr(TaskRunner, "force_serial", True)
    db = app_session.store.path
    guard = ForbiddenOpen(monkeypatch, db)
    window = MainWindow(app_session)
    qtbot.addWidget(window)
    runner = TaskRunner(db, "worker")
    guard.active = True

    assert full_check(db) is None
    finished(runner, lambda session, _p: back_up(session))
    report = finished(runner, import_job([DATA / "tianjin_industry_2025.txt"], DocumentMeta()))
    assert report.outcomes[0].ok
    doc_id = report.outcomes[0].document_id
    create_indicator(app_session, doc_id, {"name": "增加值", "value": 8.6}, [(0, 10)])
    out = tmp_path / "out.csv"
    assert finished(runner, export_job(out, "csv", [], [], "utf-8-sig")).rows == 1
    for fmt in ("xlsx", "json"):
        finished(runner, export_job(tmp_path / f"out.{fmt}", fmt, [], [], "utf-8-sig"))
    from indicite.services.load import load

    finished(runner, lambda session, _p: load(session, out))
    finished(runner, lambda session, _p: back_up_if_due(session))
    assert finished(runner, lambda session, _p: verify_citations(session)) == []
    window._refresh_if_changed()  # the periodic data_version refresh sees the import
    assert window.document_list.model.rowCount() == 1
    restore_backup(app_session, backups_of(db)[-1].path)

    assert guard.touched == []
