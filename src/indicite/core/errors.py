"""Named errors the user can act on; anything else is a bug for the crash dialog."""

import re
from pathlib import PurePath

# Characters that would break a one-line message or drive a terminal: C0/C1 controls (newline,
# ESC …), DEL, and the bidirectional overrides that reorder what a reader sees.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def one_line(value: object) -> str:
    """``value`` as text that shows as one inert line: unsafe characters written as escapes
    (``\\n``, ``\\x1b``, ``\\u202e``), everything else (Chinese, spaces) as it is."""
    text = str(value)
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class IndiciteError(Exception):
    """An error caused by input or environment, shown to the user as one line.

    The message is a template with named fields ("{name} is empty; …") and their values, so
    the interface can show it in the user's language: translators see ``template`` and the
    values fill it after translation. ``str(error)`` is the English sentence.

    File names and other values in the message are shown with ``one_line`` (a name holding a
    newline or a terminal escape code cannot forge lines or recolour the terminal).
    """

    def __init__(self, template: str, **params: object):
        params = {
            key: one_line(value) if isinstance(value, str | PurePath) else value
            for key, value in params.items()
        }
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class ImportRefused(IndiciteError):
    """A file could not be imported; the message says why and what to do."""


class NotFound(IndiciteError):
    """A document, indicator or user that was asked for does not exist."""


class PasswordNeeded(NotFound):
    """A team database's server wants a password that libpq's places and the keychain lack,
    or refused the one given: the app asks for it."""


class ValidationError(IndiciteError):
    """A field value the rules do not accept."""

    def __init__(self, field: str, template: str, **params: object):
        super().__init__(template, **params)
        self.field = field


class DatabaseTooNew(IndiciteError):
    """The database was written by a newer version of the app and must not be altered."""


class DatabaseUnusable(IndiciteError):
    """The file is not a usable Indicite database (damaged, not SQLite, unreadable)."""


class StorageProblem(IndiciteError):
    """The disk is full, the file is read-only or locked: nothing was written."""


class ConflictError(IndiciteError):
    """Somebody else changed the entry since it was loaded; reload before saving."""


class PermissionDenied(IndiciteError):
    """The workflow rules do not allow this user to do this."""
