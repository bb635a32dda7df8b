"""How much of the open document is handled: "38 of 83 numbers handled"."""

from PySide6.QtWidgets import QProgressBar, QWidget


class CoverageMeter(QProgressBar):
    """A progress bar whose text counts handled numbers; full when the document is done."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextVisible(True)
        self.show_busy()

    def show_busy(self) -> None:
        """While the suggester reads the document (a busy bar, no count yet)."""
        self.setRange(0, 0)
        self.setFormat(self.tr("Finding numbers…"))

    def show_coverage(self, handled: int, total: int) -> None:
        self.setRange(0, max(total, 1))
        self.setValue(handled if total else 1)
        text = self.tr("{handled} of {total} numbers handled").format(handled=handled, total=total)
        self.setFormat(text)
        self.setToolTip(text)
