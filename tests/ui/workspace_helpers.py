"""Shared helpers for the workspace tests: build the real window, select like a user."""

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from indicite.services.documents import DocumentMeta, import_file
from indicite.ui.document_view import DocumentView
from indicite.ui.main_window import MainWindow

ASTRAL_TEXT = "𠀀𠀀 前言𠀀\n\n2025年，全市规模以上工业增加值同比增长4.2%，新增企业𠀀超170家。\n"


def shown_view(qtbot) -> DocumentView:
    """A document view on screen, 600 by 400."""
    view = DocumentView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    return view


def make_window(qtbot, session, tmp_path: Path, doc_id: int | None = None) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    if doc_id is not None:
        window.open_document(doc_id)
    return window


def import_text(session, tmp_path: Path, text: str, name: str = "astral.txt") -> int:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    outcome = import_file(session, path, DocumentMeta(title=name, subject="天津"))
    assert outcome.ok, outcome.error
    return outcome.document_id


def qt_position(text: str, index: int) -> int:
    """Where Qt puts code point ``index``: UTF-16 units before it (computed independently)."""
    return len(text[:index].encode("utf-16-le")) // 2


def select_passage(window: MainWindow, start: int, end: int) -> None:
    """Select text[start:end] in the view the way a drag would leave it."""
    text = window.document.text
    edit = window.document_view.text
    cursor = QTextCursor(edit.document())
    cursor.setPosition(qt_position(text, start))
    cursor.setPosition(qt_position(text, end), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.setFocus()


def cited_then_select_another(session, window: MainWindow):
    """An indicator cited to the 4.2% of the sample, selected, and the 3.9% selected in the view.

    Returns the indicator and both spans: ready to add the selection as a second citation.
    """
    from indicite.services.indicators import create_indicator

    text = window.document.text
    first = (text.index("4.2%"), text.index("4.2%") + 4)
    ind = create_indicator(session, window.current_document_id, {"name": "增速"}, [first])
    window.refresh()
    window.select_indicator(ind.id)
    second = (text.index("3.9%"), text.index("3.9%") + 4)
    select_passage(window, *second)
    return ind, first, second


def type_text(widget, text: str) -> None:
    """Type like a Chinese input method does: the composed text arrives as one commit.

    (QTest.keyClicks only knows ASCII keys and aborts on 规.)
    """
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def cite_and_name(qtbot, window: MainWindow, start: int, end: int, name: str) -> None:
    """Select, Ctrl+Enter, type the name, Enter: the four actions of a plain entry."""
    select_passage(window, start, end)
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert window.form.mode == "new"
    type_text(window.form.fields["name"], name)
    QTest.keyClick(window.form.fields["name"], Qt.Key.Key_Return)


def window_with_suggestions(qtbot, session, tmp_path: Path, doc_id: int) -> MainWindow:
    """The workspace on ``doc_id`` once its suggestions are listed, the text in focus."""
    window = make_window(qtbot, session, tmp_path)
    with qtbot.waitSignal(window.suggestions_panel.loaded):
        window.open_document(doc_id)
    window.document_view.text.setFocus()
    return window
