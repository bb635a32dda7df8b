"""How a window learns that another desk or program wrote to its database.

A team database tells: the window's listener (services.listen) has its own connection, whose
socket a QSocketNotifier watches, so a commit elsewhere reaches the window within a few tens
of milliseconds, without a thread and without a query every few seconds. A burst of commits
becomes one reload (``GATHER_MS``), and a desk that writes flat out is followed at most twice
a second (``MIN_GAP_MS``). When the server drops the listener's connection, it is opened again
every ``RECONNECT_MS`` and the window then reads everything again.

A SQLite file cannot tell: its ``data_version`` is polled every ``POLL_MS``, as before.

Signals: ``data_changed()`` (read everything again), ``presence_changed()`` (only who has
which entry open changed: the review queue's marks).
"""

import logging
import time

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from indicite.core.errors import IndiciteError
from indicite.services.indicator_list import indicator_queries
from indicite.services.listen import Change, Listener, listen, presence_only
from indicite.services.session import Session

POLL_MS = 2000
GATHER_MS = 50
MIN_GAP_MS = 500
RECONNECT_MS = 5000

log = logging.getLogger(__name__)


class LiveUpdates(QObject):
    data_changed = Signal()
    presence_changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.queries = indicator_queries(session)
        self.listener: Listener | None = None
        self._notifier: QSocketNotifier | None = None
        self._version: int | None = None
        self._data = self._presence = False  # what arrived and is not shown yet
        self._delivered_at = 0.0
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.check_now)
        self._deliver_timer = QTimer(self)
        self._deliver_timer.setSingleShot(True)
        self._deliver_timer.timeout.connect(self._deliver)
        self._reconnect = QTimer(self)
        self._reconnect.setInterval(RECONNECT_MS)
        self._reconnect.timeout.connect(self._reconnected)

    @property
    def listening(self) -> bool:
        return self.listener is not None

    def start(self) -> None:
        """Listen to the server, or poll the file."""
        try:
            self.listener = listen(self.session)
        except IndiciteError as e:
            log.warning("not listening for other desks' changes: %s", e)
            self._reconnect.start()
            return
        if self.listener is None:
            self._version = self.queries.data_version()
            self._poll.start()
            return
        self._notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._arrived)

    def stop(self) -> None:
        for timer in (self._poll, self._deliver_timer, self._reconnect):
            timer.stop()
        self._drop_listener()

    def mark_seen(self) -> None:
        """The window is about to read everything: what was committed so far is covered."""
        if self.listener is not None:
            self._take()
            self._data = self._presence = False
            self._deliver_timer.stop()
        elif self._version is not None:
            self._version = self.queries.data_version()

    def check_now(self) -> None:
        """Tell the window at once if others wrote (the poll's tick; tests)."""
        if self.listener is not None:
            self._take()
            self._deliver()
        elif self._version is not None and self.queries.data_version() != self._version:
            self.data_changed.emit()

    # --- a team database --------------------------------------------------------------------

    def _arrived(self) -> None:
        if not self._take() or self._deliver_timer.isActive():
            return
        since_last_ms = (time.monotonic() - self._delivered_at) * 1000
        self._deliver_timer.start(int(max(GATHER_MS, MIN_GAP_MS - since_last_ms)))

    def _take(self) -> bool:
        """Read what arrived into the pending flags; True if anything did."""
        assert self.listener is not None
        try:
            changes: list[Change] = self.listener.poll()
        except IndiciteError as e:
            log.warning("lost the server's notifications: %s", e)
            self._drop_listener()
            self._reconnect.start()
            return False
        if not changes:
            return False
        if presence_only(changes):
            self._presence = True
        else:
            self._data = True
        return True

    def _deliver(self) -> None:
        data, presence = self._data, self._presence
        self._data = self._presence = False
        if data or presence:
            self._delivered_at = time.monotonic()
        if data:
            self.data_changed.emit()
        elif presence:
            self.presence_changed.emit()

    def _drop_listener(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    def _reconnected(self) -> None:
        self.start()
        if self.listener is not None:
            self._reconnect.stop()
            self.data_changed.emit()  # what was committed while deaf
