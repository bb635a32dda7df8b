"""Use cases shared by the GUI and the command line: import, cite, review, export, suggest.

``Session`` is imported when asked for, so that a child process running one service module
(services/load_apart.py) does not import the storage layer and sqlite-utils with it.
"""

from typing import Any

__all__ = ["Session"]


def __getattr__(name: str) -> Any:
    if name == "Session":
        from indicite.services.session import Session

        return Session
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
