"""Who is signed in: the user and role in the status bar, and File → Switch user….

Switching reopens the same database in a new window as the new user (DatabaseWindows), so
every part of the window — imports, exports, the undo stack, the review rules — works as
that person from the first click.
"""

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from indicite.services.users import role_of
from indicite.ui.i18n import Retranslatable
from indicite.ui.labels import role_names
from indicite.ui.menu_actions import FileMenuAction
from indicite.ui.user_prompt import ask_name, remember_name


class SignedInLabel(Retranslatable, QLabel):
    """ "Signed in: ann (Editor)" — read again after every write (an admin may change roles)."""

    def __init__(self, window: Any):
        super().__init__()
        self.window_ = window
        self.setObjectName("signed_in")
        window.statusBar().addPermanentWidget(self)
        window.indicators_changed.connect(self.retranslate_ui)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        session = self.window_.session
        if session.store.closed:
            return
        role = role_of(session)
        self.setText(
            self.tr("Signed in: {name} ({role})").format(
                name=session.user, role=role_names().get(role, role)
            )
        )
        self.setToolTip(self.tr("File → Switch user… signs in as someone else."))
        self.setAccessibleName(self.text())


class SwitchUserAction(FileMenuAction):
    """File → Switch user…: asks for the name (the first-run prompt); an unsaved entry in the
    form is saved, discarded or kept (cancel) first.

    Signals: ``user_chosen(str)`` with the new name.
    """

    user_chosen = Signal(str)

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.action.triggered.connect(self.switch)
        self.question: QMessageBox | None = None
        self.retranslate_ui()

    def text(self) -> str:
        return self.tr("Switch &user…")

    def switch(self) -> None:
        window: Any = self.window
        if window.has_unsaved_changes():
            self.question = window.ask_about_unsaved_entry(
                self.tr("The indicator in the form is not saved yet. Save it before switching?"),
                self._ask_name,
            )
        else:
            self._ask_name()

    def _ask_name(self) -> None:
        current = self.window.session.user  # type: ignore[attr-defined]
        name = ask_name(self.window, current)
        if name and name != current:
            remember_name(name)
            self.user_chosen.emit(name)


def offer_switch_user(windows: Any) -> None:
    """Give each database window File → Switch user…, reopening it through ``windows``."""

    def attach(window: Any) -> None:
        SwitchUserAction(window).user_chosen.connect(windows.switch_user)

    windows.window_opened.connect(attach)
