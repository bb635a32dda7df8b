"""Help → Keyboard shortcuts and Help → Getting started.

The cheat sheet is read from the window's actions each time it opens (menus first, then the
keys of panels and the review queue), so it never goes stale and is in the current language.
"""

import re
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from indicite.ui.i18n import WindowHelper

Row = tuple[str, str]
MNEMONIC_IN_BRACKETS = re.compile(r"\(&[^&)]\)")  # the Chinese way: 文件(&F)


def keys_of(shortcuts: list[QKeySequence]) -> str:
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in shortcuts if not s.isEmpty())


def plain(text: str) -> str:
    """A menu text without its mnemonic and ellipsis: "&Open database…" → "Open database",
    "打开数据库(&O)…" → "打开数据库"."""
    text = MNEMONIC_IN_BRACKETS.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _menu_rows(menu: QMenu, seen: set[int]) -> list[Row]:
    rows: list[Row] = []
    for action in menu.actions():
        if action.menu() is not None:
            rows += _menu_rows(action.menu(), seen)
        elif keys_of(action.shortcuts()) and id(action) not in seen:
            seen.add(id(action))
            rows.append((plain(action.text()), keys_of(action.shortcuts())))
    return rows


def shortcut_groups(window: QWidget, other_title: str) -> list[tuple[str, list[Row]]]:
    """(group title, [(what, keys)]) for every action and named shortcut of ``window``."""
    seen: set[int] = set()
    groups: list[tuple[str, list[Row]]] = []
    for top in window.menuBar().actions():  # type: ignore[attr-defined]
        if top.menu() is not None:
            rows = _menu_rows(top.menu(), seen)
            if rows:
                groups.append((plain(top.text()), rows))
    other: list[Row] = []
    for action in window.findChildren(QAction):
        if id(action) not in seen and action.text() and keys_of(action.shortcuts()):
            seen.add(id(action))
            other.append((plain(action.text()), keys_of(action.shortcuts())))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.whatsThis():  # the review queue's single keys say what they do
            other.append((shortcut.whatsThis(), keys_of([shortcut.key()])))
    if other:
        groups.append((other_title, other))
    return groups


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for title, rows in shortcut_groups(window, self.tr("Lists and the review queue")):
            group = QTreeWidgetItem(self.tree, [title])
            group.setFirstColumnSpanned(True)
            for what, keys in rows:
                QTreeWidgetItem(group, [what, keys])
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 90, self.fontMetrics().height() * 36)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, action, keys) as shown."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                item = group.child(j)
                out.append((group.text(0), item.text(0), item.text(1)))
        return out


class GettingStartedDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting started"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("getting_started")
        self.browser.setAccessibleName(self.tr("Getting started"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.page())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().height() * 34)

    def page(self) -> str:
        steps = [
            self.tr(
                "<b>Open a document.</b> File → Import documents… (Ctrl+I) reads .txt, .md, "
                ".docx, .pdf and .html files; the list on the left opens them."
            ),
            self.tr(
                "<b>Cite a value.</b> Select the passage that states it and press Ctrl+Enter. "
                "The form fills in the value, unit and period; type the name and press Enter."
            ),
            self.tr(
                "<b>Or take a suggestion.</b> N jumps to the next number not yet handled; "
                "Enter accepts it as a draft, Delete dismisses it."
            ),
            self.tr(
                "<b>Submit for review.</b> Select entries (Shift/Ctrl-click, Ctrl+A) and press "
                "Ctrl+Shift+S, or Review → Submit all drafts of this document."
            ),
            self.tr(
                "<b>Review.</b> An editor signs in (File → Switch user…), opens Review → Review "
                "queue (Ctrl+Shift+R) and presses A to approve or R to return with a comment. "
                "Nobody approves their own entries; a grey button says why."
            ),
            self.tr("<b>Export.</b> File → Export… writes Excel, CSV or JSON for analysts."),
            self.tr(
                "Ctrl+Z undoes any change. Ctrl+= and Ctrl+- make the document text larger or "
                "smaller. Help → Keyboard shortcuts lists every key."
            ),
        ]
        title = self.tr("Getting started")
        items = "".join(f"<li style='margin-bottom:6px'>{step}</li>" for step in steps)
        return f"<h2>{title}</h2><ol>{items}</ol>"


class HelpActions(WindowHelper):
    """Help → Getting started (F1) and Help → Keyboard shortcuts, above About."""

    def __init__(self, window: Any):
        super().__init__(window)
        menu: QMenu = window.menus["help"]
        first = menu.actions()[0] if menu.actions() else None
        self.getting_started = QAction(window)
        self.getting_started.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.getting_started.triggered.connect(self.show_getting_started)
        self.shortcuts = QAction(window)
        self.shortcuts.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts.triggered.connect(self.show_shortcuts)
        for action in (self.getting_started, self.shortcuts):
            menu.insertAction(first, action)
            window.addAction(action)
        menu.insertSeparator(first)
        self.dialog: QDialog | None = None
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.getting_started.setText(self.tr("&Getting started"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))

    def show_shortcuts(self) -> None:
        self._open(ShortcutsDialog(self.window))

    def show_getting_started(self) -> None:
        self._open(GettingStartedDialog(self.window))

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
