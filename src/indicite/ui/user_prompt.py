"""Who is at the keyboard: asked once on first start (default: the login name), then remembered."""

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QInputDialog, QWidget

from indicite.services.session import login_name

SETTINGS_KEY = "user/name"


def remembered_name() -> str:
    return str(QSettings().value(SETTINGS_KEY, "") or "")


def remember_name(name: str) -> None:
    QSettings().setValue(SETTINGS_KEY, name)


def ask_name(parent: QWidget | None, default: str) -> str | None:
    """Ask who is at the keyboard (first start, File → Switch user…); None if cancelled."""
    typed, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("UserPrompt", "Your name"),
        QCoreApplication.translate(
            "UserPrompt", "Your name, as the history of each entry will show it:"
        ),
        text=default,
    )
    return typed.strip() if ok and typed.strip() else None


def user_name(parent: QWidget | None = None) -> str:
    """The remembered name, or ask for one (cancelling keeps the login name)."""
    name = remembered_name()
    if name:
        return name
    name = ask_name(parent, login_name()) or login_name()
    remember_name(name)
    return name
