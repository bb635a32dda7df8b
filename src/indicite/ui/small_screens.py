"""Panes that keep every field at its full height on a small screen (1024×640, 1366×700).

A form squeezed below its size hint cuts its text in half; in a scroll area it keeps its
height and the pane scrolls instead, so the window also fits on a 1280×720 projector.
"""

from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that scrolls only when the pane is too small."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setMinimumHeight(0)
    return area
