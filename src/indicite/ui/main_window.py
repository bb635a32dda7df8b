"""The main window: document list, document view and indicator panel side by side."""

from PySide6.QtWidgets import QLabel, QMainWindow

from indicite.services.session import Session


class MainWindow(QMainWindow):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setWindowTitle(self.tr("Indicite"))
        self.setCentralWidget(QLabel(self.tr("No document open")))
        self.resize(1200, 800)

    def open_document(self, doc_id: int) -> None:
        doc = self.session.store.documents.get(doc_id)
        self.setWindowTitle(self.tr("{title} – Indicite").format(title=doc.title))
