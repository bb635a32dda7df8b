"""Comfort: Ctrl+= / Ctrl+- zoom the document text and the size is remembered; a dark system
gets a dark palette with readable highlights; the main widgets have accessible names."""

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from workspace_helpers import make_window

from indicite.services.indicators import create_indicator
from indicite.ui import i18n
from indicite.ui.comfort import follow_colour_scheme
from indicite.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_plus_and_minus_zoom_the_text_and_it_is_remembered(
    qtbot, session, sample_doc, tmp_path
):
    window = make_window(qtbot, session, tmp_path, sample_doc)
    text = window.document_view.text
    start = text.font().pointSizeF()
    QTest.keyClick(text, Qt.Key.Key_Equal, CTRL)
    QTest.keyClick(text, Qt.Key.Key_Equal, CTRL)
    assert text.font().pointSizeF() == start + 2
    QTest.keyClick(text, Qt.Key.Key_Minus, CTRL)
    assert text.font().pointSizeF() == start + 1
    assert window.review_mode.view.document.text.font().pointSizeF() == start + 1
    window.close()

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = MainWindow(session, settings)  # the next start
    qtbot.addWidget(again)
    with qtbot.waitActive(again):
        again.show()
        again.activateWindow()
    assert again.document_view.text.font().pointSizeF() == start + 1
    QTest.keyClick(again.document_view.text, Qt.Key.Key_0, CTRL)
    assert again.document_view.text.font().pointSizeF() == start


def test_dark_system_gets_a_dark_palette_with_readable_highlights(
    qtbot, session, sample_doc, tmp_path
):
    app = QApplication.instance()
    style, palette = app.style().name(), app.palette()
    text = session.store.documents.get(sample_doc).text
    start = text.index("4.2%")
    create_indicator(session, sample_doc, {"name": "增速"}, [(start, start + 4)])
    try:
        follow_colour_scheme(app)  # as the app does at start
        app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the system turns dark
        window = make_window(qtbot, session, tmp_path, sample_doc)
        assert window.palette().color(QPalette.ColorRole.Window).lightness() < 80
        assert window.document_view.text.palette().color(QPalette.ColorRole.Base).lightness() < 80
        column = window.indicator_model.columns.index("status")
        status = window.indicator_model.index(0, column)
        foreground = status.data(Qt.ItemDataRole.ForegroundRole)
        background = status.data(Qt.ItemDataRole.BackgroundRole)
        assert background.lightness() - foreground.lightness() > 150  # dark on light
        layout = window.document_view.text.document().findBlock(start).layout()
        ranges = layout.formats()
        on_colour = [
            r.format.foreground().color().lightness()
            for r in ranges
            if r.format.background().style() != Qt.BrushStyle.NoBrush
        ]
        assert on_colour and max(on_colour) < 60
        app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
        QApplication.processEvents()
        assert window.palette().color(QPalette.ColorRole.Window).lightness() > 180
    finally:
        app.styleHints().colorSchemeChanged.disconnect()
        app.setStyle(style)
        app.setPalette(palette)


def test_main_widgets_have_accessible_names_in_both_languages(qtbot, session, tmp_path):
    window = make_window(qtbot, session, tmp_path)
    widgets = window.accessible_names.widgets()
    english = {key: w.accessibleName() for key, w in widgets.items()}
    assert all(english.values()), english
    assert len(set(english.values())) == len(english)  # each says which one it is
    assert english["document_text"] == "Document text"
    i18n.install_language(i18n.CHINESE)
    try:
        QApplication.processEvents()
        assert widgets["document_text"].accessibleName() == "文档正文"
        assert all(w.accessibleName() != english[k] for k, w in widgets.items())
    finally:
        i18n.install_language(i18n.ENGLISH)
        QApplication.processEvents()
