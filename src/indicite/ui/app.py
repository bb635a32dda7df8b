"""Start the desktop app: QApplication, the database session, the main window."""

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from indicite import __version__
from indicite.core.errors import DatabaseUnusable, PasswordNeeded
from indicite.paths import default_database, resources_dir
from indicite.services.session import Session
from indicite.services.team import is_team_location
from indicite.ui.errors import describe
from indicite.ui.user_prompt import user_name

if TYPE_CHECKING:
    from indicite.ui.start_page import DatabaseWindows


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("Indicite")
        QCoreApplication.setApplicationName("Indicite")
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def open_session(args: argparse.Namespace) -> tuple[Session, int | None]:
    if args.demo:
        from indicite.services.demo import open_demo

        return open_demo(args.user)
    # The full check reads every page (1 s per GB): it runs after the window shows (health_check).
    # Only the app's own default database is created when missing: a wrong --db is an error.
    path = args.db or default_database()
    return Session.open(path, args.user, full_check=False, create=args.db is None), None


def app_icon() -> QIcon:
    icon = QIcon()
    for png in sorted((resources_dir() / "icons").glob("indicite-*.png")):
        icon.addFile(str(png))
    return icon


STARTUP_BACKUP_DELAY_MS = 1000


def start_backups(windows: "DatabaseWindows") -> QTimer:
    """A backup of each database as it opens, and after every 30 minutes of work on it.

    Each backup runs in a worker thread with its own connection: copying a big database
    takes seconds (3 s for 700 MB), during which the window must keep responding.
    """
    from indicite.services.backups import WORK_INTERVAL, back_up, back_up_if_due
    from indicite.ui.workers import TaskRunner

    def backup(action) -> None:
        window = windows.window
        # a team database's server keeps its own backups (store.has_file is False)
        if window is not None and window.session.store.has_file and not window.session.throwaway:
            session = window.session
            runner = TaskRunner(session.store.location, session.user, window)
            task = runner.task(lambda job_session, _progress: action(job_session))
            task.failed.connect(
                lambda message: logging.getLogger(__name__).warning("backup failed: %s", message)
            )
            runner.start(task)

    # After the first paint and a moment for the user to start: the backup opens the database
    # in a worker thread (Python work that takes the GUI's interpreter lock) and copies it
    # (1.3 GB for a million entries), which slowed the first paint of a big database.
    windows.window_opened.connect(
        lambda _window: QTimer.singleShot(STARTUP_BACKUP_DELAY_MS, lambda: backup(back_up))
    )
    timer = QTimer(windows)
    timer.setInterval(int(WORK_INTERVAL.total_seconds() * 1000))
    timer.timeout.connect(lambda: backup(back_up_if_due))
    timer.start()
    return timer


def run_app(args: argparse.Namespace) -> int:
    from indicite.logs import setup_logging, shutdown_logging
    from indicite.ui.comfort import follow_colour_scheme
    from indicite.ui.crash import CrashReporter, install_crash_handler
    from indicite.ui.i18n import chosen_language, install_language
    from indicite.ui.start_page import DatabaseWindows

    app = make_application()
    setup_logging()
    install_crash_handler(CrashReporter(app))
    install_language(chosen_language())
    app.setWindowIcon(app_icon())
    follow_colour_scheme(app)
    args.user = args.user or user_name()
    try:
        session, doc_id = open_session(args)
    except PasswordNeeded as e:
        from indicite.ui.team.opening import ask_at_start

        asked = ask_at_start(str(args.db), describe(e), args.user)
        if asked is None:
            return 1
        session, doc_id = asked, None
    except DatabaseUnusable as e:
        if is_team_location(args.db):
            raise  # a server's database is no file to restore: the one-line error says why
        from indicite.ui.damaged_dialog import offer_restore

        restored = offer_restore(Path(args.db or default_database()), describe(e), args.user)
        if restored is None:
            return 1
        session, doc_id = restored, None
    from indicite.ui.export_dialog import ExportAction
    from indicite.ui.health_check import check_each_window
    from indicite.ui.new_database import NewDatabaseAction
    from indicite.ui.restore_dialog import RestoreAction
    from indicite.ui.revisions.actions import VersionActions
    from indicite.ui.signed_in import offer_switch_user

    windows = DatabaseWindows(args.user, app)
    check_each_window(windows)
    windows.window_opened.connect(lambda window: RestoreAction(window))
    windows.window_opened.connect(lambda window: ExportAction(window))
    offer_switch_user(windows)
    windows.window_opened.connect(lambda window: VersionActions(window))
    windows.window_opened.connect(lambda window: NewDatabaseAction(window, windows))
    backup_timer = start_backups(windows)
    windows.show_session(session, doc_id)
    try:
        return app.exec()
    finally:
        backup_timer.stop()
        windows.close()
        if args.demo:
            from indicite.services.demo import discard_demo

            discard_demo(session)
        shutdown_logging()
