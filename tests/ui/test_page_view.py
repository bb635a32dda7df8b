"""The original PDF page beside the text, driven like a user: toggle, drag, Ctrl+Enter, click."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from workspace_helpers import make_window

from indicite.services.documents import import_file
from indicite.services.indicators import create_indicator
from pdf_samples import PROSE, Page, build

PAGES = 4


@pytest.fixture
def pdf_doc(session, tmp_path) -> int:
    path = tmp_path / "report.pdf"
    pages = [Page(paragraphs=PROSE * 2) for _ in range(PAGES - 1)]
    note = "注：本报告数据为初步统计数。"
    path.write_bytes(build([*pages, Page(paragraphs=PROSE[2:], footnote=note)]))
    outcome = import_file(session, path)
    assert outcome.ok, outcome.error
    return outcome.document_id


@pytest.fixture
def window(qtbot, session, tmp_path, pdf_doc):
    w = make_window(qtbot, session, tmp_path, pdf_doc)
    yield w
    w.document_view.pages.close_source()


def show_pages(qtbot, view) -> None:
    view.text.setFocus()
    QTest.keyClick(view.text, Qt.Key.Key_O, CTRL_SHIFT)
    assert view.page_mode()
    assert view.pages.hasFocus()
    qtbot.waitUntil(lambda: view.pages.page_count > 0 and view.pages.measured(0))


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def drag(qtbot, pages, page: int, first: int, last: int) -> None:
    """Press on one character, move to another, release: a PDF reader's text tool."""
    qtbot.waitUntil(lambda: pages.measured(page))
    start, end = pages.point_of(page, first), pages.point_of(page, last)
    viewport = pages.viewport()
    QTest.mousePress(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start.toPoint()
    )
    QTest.mouseMove(viewport, ((start + end) / 2).toPoint())
    QTest.mouseMove(viewport, end.toPoint())
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end.toPoint()
    )


def chars_of(pages, text: str, needle: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    ((page, first, end),) = pages.char_map.chars_of(start, start + len(needle))
    return start, page, first, end


def test_the_page_view_shows_page_n_of_m_and_renders_off_the_gui_thread(qtbot, window):
    view = window.document_view
    assert view.page_action.isEnabled()
    show_pages(qtbot, view)
    assert view.page_label.text() == f"Page 1 of {PAGES}"
    qtbot.waitUntil(lambda: len(view.pages.cache) > 0)
    QTest.keyClick(view.pages, Qt.Key.Key_PageDown)
    QTest.keyClick(view.pages, Qt.Key.Key_PageDown)
    assert view.page_label.text() == f"Page 3 of {PAGES}"
    QTest.keyClick(view.pages, Qt.Key.Key_PageUp)
    assert view.page_label.text() == f"Page 2 of {PAGES}"


def test_zoom_keys_and_ctrl_wheel_change_the_scale(qtbot, window):
    view = window.document_view
    show_pages(qtbot, view)
    pages = view.pages
    before = pages.point_of(0, 5).x()
    QTest.keyClick(pages, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert pages.zoom == pytest.approx(1.25)
    assert pages.horizontalScrollBar().maximum() > 0  # wider than the pane
    QTest.keyClick(pages, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(pages, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert pages.zoom == pytest.approx(0.8)
    QTest.keyClick(pages, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert pages.point_of(0, 5).x() == pytest.approx(before)


def test_dragging_over_characters_and_ctrl_enter_cites_the_span(qtbot, window, session):
    view = window.document_view
    show_pages(qtbot, view)
    text = window.document.text
    start, page, first, end = chars_of(view.pages, text, "创建123家")
    drag(qtbot, view.pages, page, first, end - 1)
    assert view.selected_span() == (start, start + 6)
    QTest.keyClick(view.pages, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.form.mode == "new"
    event = QInputMethodEvent()
    event.setCommitString("专精特新中小企业")
    QApplication.sendEvent(window.form.fields["name"], event)
    QTest.keyClick(window.form.fields["name"], Qt.Key.Key_Return)
    (ind,) = session.store.indicators.for_document(window.current_document_id)
    (citation,) = session.store.indicators.get(ind.id).citations
    assert (citation.start, citation.end, citation.exact) == (start, start + 6, "创建123家")
    assert citation.page == 1


def test_a_drag_across_a_soft_wrap_selects_the_joined_number(qtbot, window):
    view = window.document_view
    show_pages(qtbot, view)
    text = window.document.text
    start = text.index("32.4%")
    (page, first, _), (same_page, _, end) = view.pages.char_map.chars_of(start, start + 5)
    assert same_page == page  # printed on two lines of one page, one number in the text
    drag(qtbot, view.pages, page, first, end - 1)
    assert view.selected_text() == "32.4%"


def test_citation_boxes_click_to_select_and_selecting_scrolls(qtbot, window, session):
    text = window.document.text
    doc_id = window.current_document_id
    last = text.rindex("社会消费品零售总额")
    ind = create_indicator(session, doc_id, {"name": "社零额"}, [(last, last + 9)])
    window.refresh()
    view = window.document_view
    show_pages(qtbot, view)
    pages = view.pages
    window.select_indicator(ind.id)
    qtbot.waitUntil(lambda: pages.current_page() == PAGES - 1)
    qtbot.waitUntil(lambda: bool(pages.page_boxes(PAGES - 1)))
    ((_box, ind_id, status),) = pages.page_boxes(PAGES - 1)
    assert (ind_id, status) == (ind.id, "draft")
    window.indicator_table.clearSelection()
    _, page, first, _ = chars_of(
        pages, text, "社会消费品零售总额", text.count("社会消费品零售总额") - 1
    )
    point = pages.point_of(page, first + 2).toPoint()
    QTest.mouseClick(
        pages.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
    )
    assert window.selected_indicator_id() == ind.id


def test_switching_views_keeps_the_place(qtbot, window):
    view = window.document_view
    show_pages(qtbot, view)
    QTest.keyClick(view.pages, Qt.Key.Key_End)
    assert view.page_label.text() == f"Page {PAGES} of {PAGES}"
    qtbot.waitUntil(lambda: view.pages.measured(PAGES - 1))
    QTest.keyClick(view.pages, Qt.Key.Key_O, CTRL_SHIFT)
    assert not view.page_mode()
    assert view.page_at_cursor() == PAGES
    text = window.document.text
    start = text.index("创建123家")
    view.select_span(start, start + 6)
    QTest.keyClick(view.text, Qt.Key.Key_O, CTRL_SHIFT)
    qtbot.waitUntil(lambda: view.pages.current_page() == 0)
    assert view.selected_span() == (start, start + 6)
    # scrolled away from the selection on the page: the text follows the page
    QTest.keyClick(view.pages, Qt.Key.Key_End)
    QTest.keyClick(view.pages, Qt.Key.Key_O, CTRL_SHIFT)
    assert view.page_at_cursor() == PAGES
    assert view.selected_span() is None


def test_suggestions_on_the_page_n_and_enter(qtbot, window, session):
    view = window.document_view
    show_pages(qtbot, view)
    panel = window.suggestions_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    underlined = len(view.pages.underlines(0))
    assert underlined >= panel.model.rowCount() // PAGES  # the numbers are underlined there
    QTest.keyClick(view.pages, Qt.Key.Key_N)
    span = view.selected_span()
    assert span is not None
    QTest.keyClick(view.pages, Qt.Key.Key_Return)
    (ind,) = session.store.indicators.for_document(window.current_document_id)
    ind = session.store.indicators.get(ind.id)
    assert (ind.citations[0].start <= span[0]) and (span[1] <= ind.citations[0].end)
    QTest.keyClick(view.pages, Qt.Key.Key_N)
    second = view.selected_span()
    QTest.keyClick(view.pages, Qt.Key.Key_Delete)
    assert session.store.dismissals.spans(window.current_document_id) == {second}
    assert len(view.pages.underlines(0)) < underlined  # handled numbers lose their underline
    # N on a page scrolled to: the next number from there, not from the cursor
    QTest.keyClick(view.pages, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: view.pages.measured(PAGES - 1))
    QTest.keyClick(view.pages, Qt.Key.Key_N)
    assert view.page_at_cursor() == PAGES
    assert second != span


def test_the_review_queue_shows_the_entry_on_its_page(qtbot, session, pdf_doc):
    from indicite.services import review
    from indicite.services.session import Session
    from indicite.services.users import add_user, ensure_user
    from indicite.ui.review_view import ReviewView

    ensure_user(session)
    add_user(session, "eve", "editor")
    text = session.store.documents.get(pdf_doc).text
    start = text.rindex("1,570.3亿元")
    ind = create_indicator(session, pdf_doc, {"name": "社零额"}, [(start, start + 9)])
    review.submit(session, ind.id, ind.version)
    view = ReviewView(Session(session.store, "eve"))
    qtbot.addWidget(view)
    view.resize(1400, 800)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    document = view.document
    document.text.setFocus()
    QTest.keyClick(document.text, Qt.Key.Key_O, CTRL_SHIFT)
    assert document.page_mode()
    pages = document.pages
    qtbot.waitUntil(lambda: pages.current_page() == PAGES - 1 and bool(pages.page_boxes(PAGES - 1)))
    ((_box, ind_id, status),) = pages.page_boxes(PAGES - 1)
    assert (ind_id, status) == (ind.id, "submitted")
    assert document.page_label.text() == f"Page {PAGES} of {PAGES}"
    pages.close_source()


def test_a_pdf_imported_before_maps_gets_its_boxes(qtbot, session, tmp_path, monkeypatch):
    import indicite.io.pdf_reader as reader
    from indicite.io.pdf_text import printed_text

    def read_as_before(content, name, **_ocr):
        with reader.PDFIUM_LOCK:
            text, starts, _ = printed_text(reader._read_pages(content, name))
        return text, starts, None

    monkeypatch.setattr("indicite.io.readers.read_pdf", read_as_before)
    path = tmp_path / "old.pdf"
    path.write_bytes(build([Page(paragraphs=PROSE)]))
    doc_id = import_file(session, path).document_id
    text = session.store.documents.get(doc_id).text
    start = text.index("社会消费品")
    create_indicator(session, doc_id, {"name": "社零额"}, [(start, start + 5)])
    window = make_window(qtbot, session, tmp_path, doc_id)
    view = window.document_view
    show_pages(qtbot, view)
    qtbot.waitUntil(lambda: bool(view.pages.page_boxes(0)))
    assert session.store.char_maps.get(doc_id)[0]  # kept for next time
    view.pages.close_source()


def test_selecting_on_a_turned_page(qtbot, session, tmp_path):
    path = tmp_path / "turned.pdf"
    path.write_bytes(build([Page(paragraphs=PROSE[:1]), Page(paragraphs=PROSE[1:], rotate=90)]))
    doc_id = import_file(session, path).document_id
    window = make_window(qtbot, session, tmp_path, doc_id)
    view = window.document_view
    show_pages(qtbot, view)
    text = window.document.text
    start, page, first, end = chars_of(view.pages, text, "1,570.3亿元")
    assert text[start : start + 9] == "1,570.3亿元"
    assert page == 1
    view.pages.go_to_page(1)
    drag(qtbot, view.pages, page, first, end - 1)
    assert view.selected_text() == "1,570.3亿元"
    view.pages.close_source()


def test_a_text_that_does_not_match_its_pdf_shows_pages_without_boxes(
    qtbot, session, tmp_path, pdf_doc
):
    session.store.char_maps.put(pdf_doc, None, "2026-01-01T00:00:00.000+00:00")
    window = make_window(qtbot, session, tmp_path, pdf_doc)
    view = window.document_view
    show_pages(qtbot, view)
    assert view.page_label.text().startswith(f"Page 1 of {PAGES} · no citation boxes")
    view.pages.close_source()


def test_a_stored_file_pdfium_cannot_open_says_so(qtbot, session, tmp_path, pdf_doc):
    with session.store.transaction():
        session.store.db.execute(
            "UPDATE files SET content = ? WHERE document_id = ?", [b"%PDF-1.4 broken", pdf_doc]
        )
    window = make_window(qtbot, session, tmp_path, pdf_doc)
    view = window.document_view
    view.text.setFocus()
    QTest.keyClick(view.text, Qt.Key.Key_O, CTRL_SHIFT)
    qtbot.waitUntil(lambda: view.page_label.text() == "The original PDF cannot be shown.")
    view.pages.close_source()
