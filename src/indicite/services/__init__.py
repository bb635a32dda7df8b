"""Use cases shared by the GUI and the command line: import, cite, review, export, suggest."""

from indicite.services.session import Session

__all__ = ["Session"]
