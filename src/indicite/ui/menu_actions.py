"""A File-menu action that a feature attaches to a main window from outside it."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow


class FileMenuAction(QObject):
    """One action inserted before File → Quit, renamed on a language switch.

    Subclasses set ``text()`` and connect ``action.triggered``; the object is the window's
    child, so it lives as long as the window.
    """

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.action = QAction(window)
        file_menu = window.menus["file"]  # type: ignore[attr-defined]
        last = file_menu.actions()[-1] if file_menu.actions() else None  # Quit stays last
        file_menu.insertAction(last, self.action)
        window.installEventFilter(self)

    def text(self) -> str:
        raise NotImplementedError

    def retranslate_ui(self) -> None:
        self.action.setText(self.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().eventFilter(watched, event)
