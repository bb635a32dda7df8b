"""Errors as the user reads them: the message template translated, then filled in."""

from PySide6.QtCore import QCoreApplication

from indicite.core.errors import IndiciteError


def describe(error: BaseException) -> str:
    """One line for a message box, status bar or form, in the interface language."""
    if not isinstance(error, IndiciteError):
        return str(error)
    template = QCoreApplication.translate("Errors", error.template)
    try:
        return template.format(**error.params)
    except (KeyError, IndexError, ValueError):
        # a translation with a broken placeholder must not hide the error itself
        return str(error)
