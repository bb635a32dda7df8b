"""First run: the page an empty database shows, file drops on the window, recent databases.

The widgets here only say what the user asked for (through signals); the main window's
controller does it, so they can be tested on their own.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDir,
    QEvent,
    QMimeData,
    QObject,
    QSettings,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from indicite.core.errors import IndiciteError
from indicite.services.session import Session
from indicite.services.team import is_team_location, team_label, without_password
from indicite.ui.background_import import ImportController
from indicite.ui.errors import describe
from indicite.ui.i18n import LanguageMenu, Retranslatable
from indicite.ui.team.opening import TeamOpener
from indicite.ui.workers import TaskRunner

if TYPE_CHECKING:
    from indicite.services.documents import ImportReport
    from indicite.ui.main_window import MainWindow

RECENT_KEY = "recent/databases"
MAX_RECENT = 8
MAX_RECENT_ON_PAGE = 3
DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def document_patterns() -> str:
    """ "*.txt *.md …": every kind import reads, from the readers themselves."""
    from indicite.services.documents import SUPPORTED_EXTENSIONS

    return " ".join(f"*{suffix}" for suffix in SUPPORTED_EXTENSIONS)


def choose_document_files(parent: QWidget) -> list[Path]:
    """Ask for documents to import; an empty list when the user cancels."""
    paths, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("StartPage", "Import documents"),
        QDir.homePath(),
        QCoreApplication.translate("StartPage", "Documents ({patterns});;All files (*)").format(
            patterns=document_patterns()
        ),
    )
    return [Path(p) for p in paths]


def recent_databases() -> list[Path | str]:
    """Databases opened lately, newest first; files that are gone are left out. A team
    database is its URL without password (str)."""
    stored = QSettings().value(RECENT_KEY) or []
    entries = [stored] if isinstance(stored, str) else stored
    return [
        entry if is_team_location(entry) else Path(entry)
        for entry in entries
        if is_team_location(entry) or Path(entry).is_file()
    ]


def remember_database(location: Path | str) -> None:
    """Put ``location`` first in Recent: a file's full path, a team database's URL without
    its password (a password is never written to the settings)."""
    entry = _recent_entry(location)
    others = [_recent_entry(e) for e in recent_databases()]
    others = [e for e in others if e != entry]
    QSettings().setValue(RECENT_KEY, [entry, *others][:MAX_RECENT])


def _recent_entry(location: Path | str) -> str:
    if is_team_location(location):
        return without_password(str(location))
    return str(Path(location).resolve())


def recent_label(location: Path | str) -> str:
    """How Recent names a database: the file's name, or "database @ server"."""
    return team_label(str(location)) if is_team_location(location) else Path(location).name


def forget_recent_databases() -> None:
    QSettings().remove(RECENT_KEY)


def is_database(path: Path) -> bool:
    return path.suffix.lower() in DATABASE_SUFFIXES


def local_files(mime: QMimeData) -> list[Path]:
    """The local files being dragged, if any (web links and text are not files)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class StartPage(Retranslatable, QWidget):
    """What an empty database shows: import a document, open the sample, open a database.

    Signals: ``import_requested(list[Path])``, ``sample_requested()``,
    ``database_requested(Path | str)`` (a file, or a team database's URL from Recent),
    ``team_database_requested()``.
    """

    import_requested = Signal(list)
    sample_requested = Signal()
    database_requested = Signal(object)
    team_database_requested = Signal()

    def __init__(self, database: Path | str, parent: QWidget | None = None):
        """``database``: the open database as shown (``store.shown_location``)."""
        super().__init__(parent)
        self.database = database
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.lead = QLabel()
        self.lead.setWordWrap(True)
        self.import_button = QCommandLinkButton()
        self.sample_button = QCommandLinkButton()
        self.database_button = QCommandLinkButton()
        self.team_button = QCommandLinkButton()
        self.team_button.clicked.connect(self.team_database_requested)
        self.recent_heading = QLabel()
        self.recent_buttons = self._recent_buttons()
        self.database_label = QLabel()
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_button.clicked.connect(self.choose_documents)
        self.sample_button.clicked.connect(self.sample_requested)
        self.database_button.clicked.connect(self.choose_database)

        column = QWidget()
        em = self.fontMetrics().height()
        column.setMinimumWidth(em * 28)
        column.setMaximumWidth(em * 44)
        inner = QVBoxLayout(column)
        inner.addWidget(self.heading)
        inner.addWidget(self.lead)
        inner.addSpacing(em)
        for button in (
            self.import_button,
            self.sample_button,
            self.database_button,
            self.team_button,
        ):
            inner.addWidget(button)
        if self.recent_buttons:  # one line, so the page fits where it fitted before
            recent_row = QHBoxLayout()
            recent_row.addWidget(self.recent_heading)
            for button in self.recent_buttons:
                recent_row.addWidget(button)
            recent_row.addStretch(1)
            inner.addLayout(recent_row)
        inner.addSpacing(em)
        inner.addWidget(self.database_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText("<h1>{}</h1>".format(self.tr("Welcome to Indicite")))
        self.lead.setText(self.tr("This database has no documents yet. Start with one of these:"))
        self.import_button.setText(self.tr("&Import a document…"))
        self.import_button.setDescription(
            self.tr("Word, PDF, web page or text file. You can also drop files on this window.")
        )
        self.sample_button.setText(self.tr("Open the &sample document"))
        self.sample_button.setDescription(
            self.tr("A report by the Tianjin industry bureau, to try Indicite out.")
        )
        self.database_button.setText(self.tr("Open another &database…"))
        self.database_button.setDescription(
            self.tr("An Indicite database file that you or a colleague made earlier.")
        )
        self.team_button.setText(self.tr("Open a &team database…"))
        self.team_button.setDescription(
            self.tr("A database on your office's PostgreSQL server that the whole team shares.")
        )
        self.recent_heading.setText(self.tr("Recent databases:"))
        self.database_label.setText(self.tr("Database: {path}").format(path=self.database))

    def _recent_buttons(self) -> list[QPushButton]:
        """One flat button per recent database other than this one (files and servers)."""
        buttons = []
        shown = str(self.database)
        widest = self.fontMetrics().height() * 12
        for location in recent_databases():
            if _recent_entry(location) in (shown, _recent_entry(shown)):
                continue
            label = self.fontMetrics().elidedText(
                recent_label(location), Qt.TextElideMode.ElideMiddle, widest
            )
            button = QPushButton(label)
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet(
                "text-align: left; color: palette(link); text-decoration: underline"
            )
            button.setToolTip(str(location))
            button.clicked.connect(lambda _=False, p=location: self.database_requested.emit(p))
            buttons.append(button)
        return buttons[:MAX_RECENT_ON_PAGE]

    @Slot()
    def choose_documents(self) -> None:
        paths = choose_document_files(self)
        if paths:
            self.import_requested.emit(paths)

    @Slot()
    def choose_database(self) -> None:
        path = choose_database_file(self)
        if path is not None:
            self.database_requested.emit(path)


def choose_database_file(parent: QWidget) -> Path | None:
    """Ask for an existing database file (the File menu's Open Database uses this too)."""
    patterns = " ".join(f"*{suffix}" for suffix in DATABASE_SUFFIXES)
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("StartPage", "Open database"),
        QDir.homePath(),
        QCoreApplication.translate(
            "StartPage", "Indicite databases ({patterns});;All files (*)"
        ).format(patterns=patterns),
    )
    return Path(path) if path else None


class RecentDatabasesMenu(Retranslatable, QMenu):
    """File → Open Recent: the databases opened lately, rebuilt each time it opens.

    Signals: ``database_requested(Path | str)``.
    """

    database_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.aboutToShow.connect(self.rebuild)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Open &Recent"))

    @Slot()
    def rebuild(self) -> None:
        self.clear()
        paths = recent_databases()
        for number, path in enumerate(paths, start=1):
            action = self.addAction(f"&{number} {recent_label(path)}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.database_requested.emit(p))
        if not paths:
            self.addAction(self.tr("No recent databases")).setEnabled(False)
            return
        self.addSeparator()
        self.addAction(self.tr("&Clear list")).triggered.connect(forget_recent_databases)


class FileDropFilter(QObject):
    """Lets a window accept files dropped on it: documents to import, or a database to open.

    Signals: ``documents_dropped(list[Path])``, ``database_dropped(Path)``.
    """

    documents_dropped = Signal(list)
    database_dropped = Signal(Path)

    def __init__(self, target: QWidget):
        super().__init__(target)
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent)
            if local_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = local_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self.take(files)
                return True
        return super().eventFilter(watched, event)

    def take(self, files: list[Path]) -> None:
        databases = [f for f in files if is_database(f)]
        documents = [f for f in files if not is_database(f)]
        if databases:
            self.database_dropped.emit(databases[0])
        if documents:
            self.documents_dropped.emit(documents)


class FirstRun(QObject):
    """Plugs the first-run pieces into one main window (it is the window's child).

    While the database holds no document, the window shows the start page; importing a
    document or opening the sample brings back the workspace. Files dropped on the window are
    imported. File gets Open Database and Open Recent, View gets Language.

    Signals: ``database_requested(Path | str)`` when the user asks for another database,
    ``team_database_requested()`` for File → Open team database….
    """

    database_requested = Signal(object)
    team_database_requested = Signal()

    def __init__(self, window: "MainWindow"):
        super().__init__(window)
        self.window = window
        self.start_page: StartPage | None = None
        self.workspace: QWidget | None = None
        self.runner = TaskRunner(window.session.store.location, window.session.user, self)
        self.importer = ImportController(self.runner, window)
        self.importer.imported.connect(self.documents_imported)
        drops = FileDropFilter(window)
        drops.documents_dropped.connect(self.importer.import_paths)
        drops.database_dropped.connect(self.database_requested)

        file_menu = window.menus["file"]
        first = file_menu.actions()[0] if file_menu.actions() else None
        self.open_database_action = QAction(window)
        self.open_database_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_database_action.triggered.connect(self.choose_database)
        self.open_team_action = QAction(window)
        self.open_team_action.triggered.connect(self.team_database_requested)
        self.import_action = QAction(window)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_documents)
        recent = RecentDatabasesMenu(window)
        recent.database_requested.connect(self.database_requested)
        file_menu.insertAction(first, self.open_database_action)
        file_menu.insertAction(first, self.open_team_action)
        file_menu.insertAction(first, self.import_action)
        file_menu.insertMenu(first, recent)
        file_menu.insertSeparator(first)
        window.menus["view"].addSeparator()
        window.menus["view"].addMenu(LanguageMenu(window))
        # After importing one file: its issuer, date and subject are a click away, not a modal.
        self.describe_button = QPushButton()
        self.describe_button.setFlat(True)
        self.describe_button.hide()
        self.describe_button.clicked.connect(self.describe_imported)
        window.statusBar().insertPermanentWidget(0, self.describe_button)
        window.document_opened.connect(self.describe_button.hide)
        window.installEventFilter(self)
        self.retranslate_ui()
        if not window.session.store.documents.count():
            self.show_start_page()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().eventFilter(watched, event)

    def retranslate_ui(self) -> None:
        self.open_database_action.setText(self.tr("&Open database…"))
        self.open_team_action.setText(self.tr("Open &team database…"))
        self.import_action.setText(self.tr("&Import documents…"))
        self.describe_button.setText(self.tr("Set issuer, date and subject…"))

    @Slot()
    def choose_database(self) -> None:
        path = choose_database_file(self.window)
        if path is not None:
            self.database_requested.emit(path)

    @Slot()
    def choose_documents(self) -> None:
        """File > Import documents: imported in the background (ImportController)."""
        paths = choose_document_files(self.window)
        if paths:
            self.importer.import_paths(paths)

    def show_start_page(self) -> None:
        page = StartPage(self.window.session.store.shown_location)
        page.import_requested.connect(self.importer.import_paths)
        page.sample_requested.connect(self.open_sample)
        page.database_requested.connect(self.database_requested)
        page.team_database_requested.connect(self.team_database_requested)
        self.workspace = self.window.takeCentralWidget()
        self.window.setCentralWidget(page)
        self.start_page = page

    def leave_start_page(self) -> None:
        if self.start_page is None:
            return
        self.window.takeCentralWidget().deleteLater()
        self.window.setCentralWidget(self.workspace)
        self.workspace.show()
        self.start_page = self.workspace = None

    def show_document(self, doc_id: int) -> None:
        self.leave_start_page()
        self.window.refresh()
        self.window.open_document(doc_id)

    @Slot()
    def open_sample(self) -> None:
        from indicite.services.demo import import_sample

        self.show_document(import_sample(self.window.session))

    @Slot(object)
    def documents_imported(self, report: "ImportReport") -> None:
        imported = [o.document_id for o in report.outcomes if o.document_id is not None]
        if imported:
            self.show_document(imported[0])
        new = [o for o in report.outcomes if o.ok and not o.existed]
        self.describe_button.setVisible(len(report.outcomes) == len(new) == 1)

    @Slot()
    def describe_imported(self) -> None:
        self.describe_button.hide()
        self.window.show_document_properties()


class DatabaseWindows(QObject):
    """The open database and its main window; opening another one replaces both.

    Signals: ``window_opened(MainWindow)`` after each database's window is shown.

    While the form holds an unsaved entry, the switch is refused with a message. Otherwise
    the new window opens first, then the old one closes.
    """

    window_opened = Signal(object)

    def __init__(self, user: str | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.user = user
        self.window: MainWindow | None = None
        self.team = TeamOpener(self)

    @Slot(object)
    def open_path(self, path: Path | str) -> bool:
        """Open a database file, or a team database's URL (``TeamOpener``)."""
        if is_team_location(path):
            return self.team.open_url(str(path))
        try:
            session = Session.open(path, self.user, create=False)
        except IndiciteError as e:
            QMessageBox.warning(self.window, self.tr("Cannot open the database"), describe(e))
            return False
        return self.show_session(session)

    def show_session(self, session: Session, doc_id: int | None = None) -> bool:
        """Show ``session`` in a new window; False (and the session closed) if the old stays."""
        from indicite.ui.main_window import MainWindow

        old = self.window
        if old is not None and old.has_unsaved_changes():
            old.statusBar().showMessage(
                self.tr("Save or cancel the indicator in the form, then open the database.")
            )
            session.close()
            return False
        window = MainWindow(session)
        first_run = FirstRun(window)
        first_run.database_requested.connect(self.open_path)
        first_run.team_database_requested.connect(self.team.choose)
        window.show()
        if old is not None:
            old.close()
            old.session.close()
            old.deleteLater()
        self.window = window
        if session.store.location is not None and not session.throwaway:
            remember_database(session.store.location)
        if doc_id is not None:
            window.open_document(doc_id)
        self.window_opened.emit(window)
        return True

    @Slot(str)
    def switch_user(self, name: str) -> bool:
        """Reopen the current database as ``name`` (File → Switch user…), same document."""
        old = self.window
        if old is None or old.session.store.location is None:
            return False
        self.user = name
        try:
            session = Session.open(old.session.store.location, name, full_check=False)
        except IndiciteError as e:
            QMessageBox.warning(old, self.tr("Cannot open the database"), describe(e))
            return False
        return self.show_session(session, old.current_document_id)

    def close(self) -> None:
        """Close the current database (when the app quits)."""
        if self.window is not None:
            self.window.session.close()
