"""Help → Keyboard shortcuts is read from the actions; Help → Getting started, in both
languages."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from workspace_helpers import make_window

from indicite.ui import i18n
from indicite.ui.help_pages import GettingStartedDialog, ShortcutsDialog


def test_cheat_sheet_lists_every_shortcut_and_follows_new_actions(qtbot, session, tmp_path):
    window = make_window(qtbot, session, tmp_path)
    QTest.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    dialog = window.help_actions.dialog
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitUntil(dialog.isVisible)
    rows = dialog.rows()
    native = QKeySequence.SequenceFormat.NativeText
    shown = {(what, keys) for _group, what, keys in rows}
    assert ("Cite selection", QKeySequence("Ctrl+Return").toString(native)) in shown
    assert ("Submit for review", QKeySequence("Ctrl+Shift+S").toString(native)) in shown
    assert ("Review queue: approve", "A") in shown
    assert any(group == "Edit" and what == "Undo" for group, what, _ in rows)
    dialog.close()

    extra = QAction("Count the beans", window)  # a feature added later appears by itself
    extra.setShortcut(QKeySequence("Ctrl+Alt+B"))
    window.menus["view"].addAction(extra)
    fresh = ShortcutsDialog(window)
    qtbot.addWidget(fresh)
    assert ("View", "Count the beans", QKeySequence("Ctrl+Alt+B").toString(native)) in fresh.rows()


def test_getting_started_opens_with_f1_in_both_languages(qtbot, session, tmp_path):
    window = make_window(qtbot, session, tmp_path)
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_actions.dialog
    assert isinstance(dialog, GettingStartedDialog)
    assert "Ctrl+Enter" in dialog.browser.toPlainText()
    dialog.close()
    i18n.install_language(i18n.CHINESE)
    try:
        QApplication.processEvents()
        chinese = GettingStartedDialog(window)
        qtbot.addWidget(chinese)
        assert "入门" in chinese.windowTitle()
        assert "Ctrl+Enter" in chinese.browser.toPlainText()
        assert "引用" in chinese.browser.toPlainText()
        assert window.help_actions.shortcuts.text() == "键盘快捷键(&K)"
    finally:
        i18n.install_language(i18n.ENGLISH)
        QApplication.processEvents()
