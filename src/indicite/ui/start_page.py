"""First run: the page an empty database shows, file drops on the window, recent databases.

The widgets here only say what the user asked for (through signals); the main window's
controller does it, so they can be tested on their own.
"""

from pathlib import Path

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
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFileDialog,
    QLabel,
    QMenu,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from indicite.ui.i18n import Retranslatable

RECENT_KEY = "recent/databases"
MAX_RECENT = 8
DATABASE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
DOCUMENT_PATTERNS = "*.txt *.docx *.pdf *.html *.htm"


def recent_databases() -> list[Path]:
    """Databases opened lately, newest first; files that are gone are left out."""
    stored = QSettings().value(RECENT_KEY) or []
    paths = [Path(p) for p in ([stored] if isinstance(stored, str) else stored)]
    return [p for p in paths if p.is_file()]


def remember_database(path: Path) -> None:
    path = Path(path).resolve()
    others = [p for p in recent_databases() if p.resolve() != path]
    QSettings().setValue(RECENT_KEY, [str(p) for p in [path, *others][:MAX_RECENT]])


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
    ``database_requested(Path)``.
    """

    import_requested = Signal(list)
    sample_requested = Signal()
    database_requested = Signal(Path)

    def __init__(self, database: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = Path(database)
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.lead = QLabel()
        self.lead.setWordWrap(True)
        self.import_button = QCommandLinkButton()
        self.sample_button = QCommandLinkButton()
        self.database_button = QCommandLinkButton()
        self.database_label = QLabel()
        self.database_label.setWordWrap(True)
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.import_button.clicked.connect(self.choose_documents)
        self.sample_button.clicked.connect(self.sample_requested)
        self.database_button.clicked.connect(self.choose_database)

        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * 90)
        column.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        inner = QVBoxLayout(column)
        inner.addWidget(self.heading)
        inner.addWidget(self.lead)
        inner.addSpacing(self.fontMetrics().height())
        for button in (self.import_button, self.sample_button, self.database_button):
            inner.addWidget(button)
        inner.addSpacing(self.fontMetrics().height())
        inner.addWidget(self.database_label)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
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
        self.database_label.setText(self.tr("Database: {path}").format(path=self.database))

    @Slot()
    def choose_documents(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import documents"),
            QDir.homePath(),
            self.tr("Documents ({patterns});;All files (*)").format(patterns=DOCUMENT_PATTERNS),
        )
        if paths:
            self.import_requested.emit([Path(p) for p in paths])

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

    Signals: ``database_requested(Path)``.
    """

    database_requested = Signal(Path)

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
            action = self.addAction(f"&{number} {path.name}")
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
