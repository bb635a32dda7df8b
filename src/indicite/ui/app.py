"""Start the desktop app: QApplication, the database session, the main window."""

import argparse
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from indicite import __version__
from indicite.paths import default_database
from indicite.services.session import Session


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
    return Session.open(args.db or default_database(), args.user), None


def run_app(args: argparse.Namespace) -> int:
    app = make_application()
    session, doc_id = open_session(args)
    from indicite.ui.main_window import MainWindow

    window = MainWindow(session)
    if doc_id is not None:
        window.open_document(doc_id)
    window.show()
    try:
        return app.exec()
    finally:
        session.close()
