"""Scans in the app: cite on the page image, see uncertain characters, review them, import
with a page count. Driven like a user."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_page_view import CTRL_SHIFT, chars_of, drag
from workspace_helpers import make_window, qt_position

from indicite.services import review
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.services.users import add_user, ensure_user
from indicite.ui.background_import import import_job
from indicite.ui.highlighter import LOW_CONFIDENCE_COLOUR
from indicite.ui.review_view import ReviewView
from indicite.ui.workers import TaskRunner
from ocr_samples import draw_page, import_scan, needs_ocr, read_uncertainly

pytestmark = needs_ocr


@pytest.fixture
def scan(session, tmp_path) -> int:
    return import_scan(session, tmp_path)


def show_pages(qtbot, view) -> None:
    view.text.setFocus()
    QTest.keyClick(view.text, Qt.Key.Key_O, CTRL_SHIFT)
    qtbot.waitUntil(lambda: view.pages.page_count > 0 and view.pages.measured(0))


def test_dragging_over_recognised_characters_and_ctrl_enter_cites_them(
    qtbot, session, tmp_path, scan
):
    window = make_window(qtbot, session, tmp_path, scan)
    view = window.document_view
    try:
        assert view.page_action.isEnabled()
        show_pages(qtbot, view)
        assert view.page_label.text() == "Page 1 of 1"
        text = window.document.text
        start, page, first, end = chars_of(view.pages, text, "4.59万亿元")
        drag(qtbot, view.pages, page, first, end - 1)
        assert view.selected_text() == "4.59万亿元"
        QTest.keyClick(view.pages, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        event = QInputMethodEvent()
        event.setCommitString("存款余额")
        QApplication.sendEvent(window.form.fields["name"], event)
        QTest.keyClick(window.form.fields["name"], Qt.Key.Key_Return)
        (ind,) = session.store.indicators.for_document(scan)
        (citation,) = session.store.indicators.get(ind.id).citations
        assert (citation.start, citation.exact, citation.page) == (start, "4.59万亿元", 1)
        window.refresh()
        qtbot.waitUntil(lambda: bool(view.pages.page_boxes(0)))
        ((_box, ind_id, status),) = view.pages.page_boxes(0)  # the citation, drawn on the scan
        assert (ind_id, status) == (ind.id, "draft")
        qtbot.waitUntil(lambda: len(view.pages.cache) > 0)
        qtbot.wait(300)
        window.grab().save(str(tmp_path / "scan_page.png"))
    finally:
        view.pages.close_source()


def test_uncertain_characters_have_a_dotted_underline_in_the_text(qtbot, session, tmp_path, scan):
    start, end = read_uncertainly(session, scan, "4.59")
    window = make_window(qtbot, session, tmp_path, scan)
    edit = window.document_view.text
    text = window.document.text
    marked = [qt_position(text, i) for i in range(start, end)]
    assert edit.highlighter.uncertain() == marked
    block = edit.document().findBlock(marked[0])

    def underline(position: int):
        at = position - block.position()
        for r in block.layout().formats():
            if r.start <= at < r.start + r.length:
                return r.format.underlineStyle()
        return QTextCharFormat.UnderlineStyle.NoUnderline

    assert all(underline(p) == QTextCharFormat.UnderlineStyle.DotLine for p in marked)
    assert underline(marked[-1] + 1) != QTextCharFormat.UnderlineStyle.DotLine  # 万
    certain = qt_position(text, text.index("16737.30"))
    assert underline(certain) != QTextCharFormat.UnderlineStyle.DotLine
    window.document_view.pages.close_source()


def test_a_suggestion_over_uncertain_characters_is_orange_and_says_why(
    qtbot, session, tmp_path, scan
):
    read_uncertainly(session, scan, "4.59")
    window = make_window(qtbot, session, tmp_path)
    panel = window.suggestions_panel
    with qtbot.waitSignal(panel.loaded, timeout=10_000):
        window.open_document(scan)
    model = panel.model
    rows = {model.suggestion(row).value_text: row for row in range(model.rowCount())}
    uncertain, sure = model.index(rows["4.59万亿元"], 0), model.index(rows["16737.30亿元"], 0)
    assert uncertain.data(Qt.ItemDataRole.ForegroundRole).name() == LOW_CONFIDENCE_COLOUR
    assert "OCR识别置信度低" in uncertain.data(Qt.ItemDataRole.ToolTipRole)
    assert sure.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "OCR" not in sure.data(Qt.ItemDataRole.ToolTipRole)
    window.document_view.pages.close_source()


def test_the_review_queue_flags_a_quote_with_uncertain_characters(qtbot, session, tmp_path, scan):
    ensure_user(session)
    add_user(session, "eve", "editor")
    read_uncertainly(session, scan, "4.59")
    text = session.store.documents.get(scan).text
    for needle in ("16737.30亿元", "4.59万亿元"):
        at = text.index(needle)
        ind = create_indicator(session, scan, {"name": needle}, [(at, at + len(needle))])
        review.submit(session, ind.id, ind.version)
    view = ReviewView(Session(session.store, "eve"))
    qtbot.addWidget(view)
    model, check = view.model, view.model.COLUMNS.index("check")
    shown = {
        model.entry(row).name: (
            model.index(row, check).data(),
            model.index(row, check).data(Qt.ItemDataRole.ToolTipRole),
        )
        for row in range(model.rowCount())
    }
    assert shown["16737.30亿元"][0] == "✓"
    mark, tip = shown["4.59万亿元"]
    assert mark == "⚠" and "OCR" in tip


def test_the_import_counts_a_scans_pages_and_cancel_stops_between_them(
    qtbot, db_path, tmp_path, monkeypatch
):
    monkeypatch.setattr(TaskRunner, "force_serial", True)
    Session.open(db_path, "tester").close()
    frames = [draw_page([line], width=400)[0] for line in ("第一页增长5.1%。", "第二页下降0.9%。")]
    path = tmp_path / "fax.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    runner = TaskRunner(db_path, "tester")
    said: list[tuple[int, int, str]] = []
    task = runner.task(import_job([path]))
    task.progressed.connect(lambda done, total, text: said.append((done, total, text)))
    reports = []
    task.finished.connect(reports.append)
    runner.start(task)
    assert said[1:4] == [
        (0, 2, "Reading fax.tiff by OCR: page 1 of 2…"),
        (1, 2, "Reading fax.tiff by OCR: page 2 of 2…"),
        (2, 2, "Reading fax.tiff by OCR: page 2 of 2…"),
    ]
    assert reports[0].outcomes[0].ok

    cancelled = tmp_path / "fax2.tiff"
    frames[1].save(cancelled, save_all=True, append_images=frames[:1])
    task = runner.task(import_job([cancelled]))
    # Cancel while the first page is read: the second is never read, nothing is stored
    task.progressed.connect(lambda done, total, text: "OCR" in text and task.cancel())
    reports.clear()
    task.finished.connect(reports.append)
    runner.start(task)
    assert reports[0].outcomes == []
    session = Session.open(db_path, "tester")
    assert session.store.documents.count() == 1
    session.close()
