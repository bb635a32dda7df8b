"""Errors as the user reads them: the message template translated, then filled in."""

from PySide6.QtCore import QCoreApplication

from indicite.core.errors import IndiciteError
from indicite.ui.labels import error_param_names


def describe(error: BaseException) -> str:
    """One line for a message box, status bar or form, in the interface language."""
    if not isinstance(error, IndiciteError):
        return str(error)
    template = QCoreApplication.translate("Errors", error.template)
    if template == error.template:
        return str(error)  # untranslated: the codes in it are the English words already
    names = error_param_names()
    params = {
        key: names.get(key, {}).get(value, value) if isinstance(value, str) else value
        for key, value in error.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        # a translation with a broken placeholder must not hide the error itself
        return str(error)


def fill(context: str, template: str, params: dict[str, object], english: str) -> str:
    """``template`` translated in ``context`` and filled with ``params``; ``english`` when the
    translation is missing or has a broken placeholder (for messages that are not errors)."""
    translated = QCoreApplication.translate(context, template)
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return english
