"""Named errors the user can act on; anything else is a bug for the crash dialog."""


class IndiciteError(Exception):
    """An error caused by input or environment, shown to the user as one line.

    The message is a template with named fields ("{name} is empty; …") and their values, so
    the interface can show it in the user's language: translators see ``template`` and the
    values fill it after translation. ``str(error)`` is the English sentence.
    """

    def __init__(self, template: str, **params: object):
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)


class ImportRefused(IndiciteError):
    """A file could not be imported; the message says why and what to do."""


class NotFound(IndiciteError):
    """A document, indicator or user that was asked for does not exist."""


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
