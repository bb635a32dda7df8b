"""Why a button is grey: a disabled action's shortcut says why in the status bar.

Qt ignores the shortcut of a disabled action, so the key seems broken. Here a stand-in
shortcut is live exactly while the action is disabled and shows the action's status tip (the
refusal, set by whoever disables it) in the status bar.
"""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QMainWindow

STATUS_MS = 10000


class SayWhy(QObject):
    def __init__(self, action: QAction, window: QMainWindow):
        super().__init__(action)
        self.action = action
        self.window = window
        self.shortcuts = [QShortcut(keys, window) for keys in action.shortcuts()]
        for shortcut in self.shortcuts:
            shortcut.activated.connect(self.explain)
        action.enabledChanged.connect(self._follow)
        self._follow(action.isEnabled())

    def _follow(self, enabled: bool) -> None:
        for shortcut in self.shortcuts:
            shortcut.setEnabled(not enabled)

    def explain(self) -> None:
        reason = self.action.statusTip()
        if reason:
            self.window.statusBar().showMessage(reason, STATUS_MS)


def set_reason(action: QAction, reason: str) -> None:
    """The tooltip and status tip of ``action``: its name and, when refused, why."""
    name = action.text().replace("&", "")
    action.setToolTip(f"{name}: {reason}" if reason else name)
    action.setStatusTip(reason)
