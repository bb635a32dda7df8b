"""The entry this desk shows in one place (the workspace's form, the review queue), told to a
team database so that other desks' review queues show it as open (services.presence).

The record is written when the shown entry changes, kept alive by a heartbeat while an entry
is shown, and removed when none is. Presence is a courtesy: when the server cannot be reached
the failure is logged and the user's work goes on. On a SQLite file nothing is written.
"""

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from indicite.core.errors import IndiciteError
from indicite.services import presence
from indicite.services.session import Session

log = logging.getLogger(__name__)


class EntryPresence(QObject):
    def __init__(self, session: Session, place: str, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.place = place
        self.enabled = presence.has_presence(session)
        self.shown: int | None = None
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(presence.HEARTBEAT_S * 1000)
        self._heartbeat.timeout.connect(lambda: self._tell(presence.keep_alive))

    def show(self, indicator_id: int | None) -> None:
        """``indicator_id`` is now open here (None: nothing is)."""
        if not self.enabled or indicator_id == self.shown:
            return
        self.shown = indicator_id
        self._tell(lambda session: presence.open_entry(session, self.place, indicator_id))
        if indicator_id is None:
            self._heartbeat.stop()
        else:
            self._heartbeat.start()

    def clear(self) -> None:
        self.show(None)

    def leave(self) -> None:
        """The window closes: nothing of this desk is open, in any place."""
        if self.enabled:
            self._heartbeat.stop()
            self.shown = None
            self._tell(presence.leave)

    def _tell(self, call: Callable[[Session], None]) -> None:
        if self.session.store.closed:
            return
        try:
            call(self.session)
        except IndiciteError as e:
            log.warning("could not tell the server which entry is open: %s", e)
