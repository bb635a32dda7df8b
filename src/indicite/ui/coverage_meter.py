"""How much of the open document is handled: "38 of 83 numbers handled"."""

from PySide6.QtWidgets import QProgressBar, QWidget

from indicite.ui.i18n import Retranslatable

TEXT_MARGIN = 32  # the bar's frame and padding around its text


class CoverageMeter(Retranslatable, QProgressBar):
    """A progress bar whose text counts handled numbers; full when the document is done."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextVisible(True)
        self._state: tuple[int, int] | str = "busy"
        self.hide()  # no document, nothing to count: shown once one is read

    def show_busy(self) -> None:
        """While the suggester reads the document (an empty bar: Qt hides a busy bar's text)."""
        self._show("busy", 0, 1)

    def show_unavailable(self) -> None:
        """The suggester failed on this document: nothing to count."""
        self._show("unavailable", 0, 1)

    def show_coverage(self, handled: int, total: int) -> None:
        self._show((handled, total), handled if total else 1, max(total, 1))

    def _show(self, state: tuple[int, int] | str, value: int, maximum: int) -> None:
        self._state = state
        self.show()
        self.setRange(0, maximum)
        self.setValue(value)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self._state == "busy":
            text = self.tr("Finding numbers…")
        elif self._state == "unavailable":
            text = self.tr("No suggestions for this document")
        else:
            handled, total = self._state
            text = self.tr("{handled} of {total} numbers handled").format(
                handled=handled, total=total
            )
        self.setFormat(text)
        self.setToolTip(text)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(text) + TEXT_MARGIN)
