"""Comfort: document text zoom (remembered), a dark palette when the system is dark, and
names a screen reader can announce for the main widgets."""

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from indicite.ui.i18n import WindowHelper

ZOOM_KEY = "view/document_points"
ZOOM_STEP = 1.0
MIN_POINTS, MAX_POINTS = 7.0, 36.0


class TextZoom(WindowHelper):
    """View → Zoom in (Ctrl+=, Ctrl++), Zoom out (Ctrl+-), Actual size (Ctrl+0) for the
    document text of the workspace and the review queue; the size is kept in QSettings."""

    def __init__(self, window: Any, settings: QSettings):
        super().__init__(window)
        self.settings = settings
        self.views = [window.document_view, window.review_mode.view.document]
        self.default = self.views[0].text.font().pointSizeF()
        self.actions: dict[str, QAction] = {}
        menu = window.menus["view"]
        menu.addSeparator()
        for key, keys, step in (
            ("in", [QKeySequence("Ctrl+="), QKeySequence(QKeySequence.StandardKey.ZoomIn)], 1),
            ("out", [QKeySequence(QKeySequence.StandardKey.ZoomOut)], -1),
            ("reset", [QKeySequence("Ctrl+0")], 0),
        ):
            action = QAction(window)
            action.setShortcuts(keys)
            action.triggered.connect(lambda _=False, s=step: self.zoom(s))
            menu.addAction(action)
            window.addAction(action)
            self.actions[key] = action
        self.retranslate_ui()
        stored = settings.value(ZOOM_KEY)
        self.set_points(float(stored) if stored is not None else self.default, remember=False)

    def retranslate_ui(self) -> None:
        self.actions["in"].setText(self.tr("Zoom &in"))
        self.actions["out"].setText(self.tr("Zoom &out"))
        self.actions["reset"].setText(self.tr("&Actual size"))

    def points(self) -> float:
        return self.views[0].text.font().pointSizeF()

    def zoom(self, step: int) -> None:
        self.set_points(self.default if step == 0 else self.points() + step * ZOOM_STEP)

    def set_points(self, points: float, *, remember: bool = True) -> None:
        points = min(MAX_POINTS, max(MIN_POINTS, points))
        for view in self.views:
            font = view.text.font()
            font.setPointSizeF(points)
            view.text.setFont(font)
            view.text.setViewportMargins(view.text.gutter_width(), 0, 0, 0)
        if remember:
            self.settings.setValue(ZOOM_KEY, points)


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (the Windows Vista style cannot draw one)."""
    roles = QPalette.ColorRole
    palette = QPalette()
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#e8e8e8"),
        (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#2a2a2a"),
        (roles.Text, "#e8e8e8"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#e8e8e8"),
        (roles.BrightText, "#ff6b6b"),
        (roles.Highlight, "#3d6fb4"),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#353535"),
        (roles.ToolTipText, "#e8e8e8"),
        (roles.PlaceholderText, "#8c8c8c"),
        (roles.Link, "#7fb0ff"),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    return palette


def apply_colour_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Dark palette when the system is dark; the style's own palette otherwise."""
    if scheme == Qt.ColorScheme.Dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    else:
        app.setPalette(app.style().standardPalette())


def follow_colour_scheme(app: QApplication) -> None:
    """Follow the system's light or dark setting now and whenever it changes (Qt 6.5+)."""
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda scheme: apply_colour_scheme(app, scheme))
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        apply_colour_scheme(app, hints.colorScheme())


class AccessibleNames(WindowHelper):
    """Names and descriptions a screen reader announces for the window's main widgets."""

    def __init__(self, window: Any):
        super().__init__(window)
        self.retranslate_ui()

    def widgets(self) -> dict[str, QWidget]:
        w = self.window
        review = w.review_mode.view
        return {
            "document_search": w.document_list.search,
            "documents": w.document_list.table,
            "document_text": w.document_view.text,
            "indicator_filter": w.indicator_filter,
            "status_filter": w.status_filter,
            "indicators": w.indicator_table,
            "suggestions": w.suggestions_panel.table,
            "form": w.form,
            "review_queue": review.table,
            "review_text": review.document.text,
            "all_indicators": w.all_indicators.view.table,
        }

    def retranslate_ui(self) -> None:
        names = {
            "document_search": self.tr("Search documents"),
            "documents": self.tr("Documents"),
            "document_text": self.tr("Document text"),
            "indicator_filter": self.tr("Filter indicators"),
            "status_filter": self.tr("Show status"),
            "indicators": self.tr("Indicators of this document"),
            "suggestions": self.tr("Suggested numbers"),
            "form": self.tr("Indicator form"),
            "review_queue": self.tr("Review queue"),
            "review_text": self.tr("Cited passage in its document"),
            "all_indicators": self.tr("All indicators"),
        }
        for key, widget in self.widgets().items():
            widget.setAccessibleName(names[key])
