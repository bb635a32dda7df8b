"""`indicite --demo` is throwaway: no backups, not in Recent, its folder removed on exit."""

import argparse

import pytest

from indicite.services.backups import backups_of
from indicite.services.demo import discard_demo
from indicite.ui.app import open_session, start_backups
from indicite.ui.start_page import DatabaseWindows, forget_recent_databases, recent_databases
from indicite.ui.workers import TaskRunner


@pytest.fixture
def windows(qtbot, monkeypatch):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    forget_recent_databases()
    windows = DatabaseWindows("tester")
    timer = start_backups(windows)
    yield windows
    timer.stop()
    if windows.window is not None:
        windows.window.close()
        windows.close()
    forget_recent_databases()


def opened(qtbot, windows, args):
    session, doc_id = open_session(args)
    windows.show_session(session, doc_id)
    qtbot.addWidget(windows.window)
    return session


def test_the_demo_takes_no_backup_is_not_recent_and_is_removed(qtbot, windows):
    session = opened(qtbot, windows, argparse.Namespace(demo=True, db=None, user="tester"))
    path = session.store.path
    assert windows.window.document_list.model.rowCount() == 1  # the sample document
    qtbot.wait(1500)  # the start-up backup of an ordinary database comes within a second
    assert backups_of(path) == []
    assert recent_databases() == []
    windows.close()
    discard_demo(session)
    assert not path.parent.exists()


def test_an_ordinary_database_is_backed_up_and_remembered(qtbot, windows, db_path):
    session = opened(qtbot, windows, argparse.Namespace(demo=False, db=None, user="tester"))
    qtbot.waitUntil(lambda: len(backups_of(session.store.path)) == 1, timeout=5000)
    assert recent_databases() == [session.store.path.resolve()]
    windows.close()
    discard_demo(session)  # not a demo: nothing is removed
    assert session.store.path.is_file()
