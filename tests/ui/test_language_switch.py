"""Switching the language while the window is open renames what was set up at start too:
the Review menu and docks, the review view, the comment box, the find bar, the searches."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from workspace_helpers import make_window

from indicite.services import review
from indicite.services.indicators import create_indicator
from indicite.ui import i18n
from indicite.ui.history_panel import describe

PASSAGE = "规模以上工业增加值"


def chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def submitted_entry(session, doc_id: int) -> int:
    text = session.store.documents.get(doc_id).text
    start = text.index(PASSAGE)
    ind = create_indicator(
        session, doc_id, {"name": "规上工业增加值"}, [(start, start + len(PASSAGE))]
    )
    review.submit(session, ind.id, ind.version)
    return ind.id


def switch_to(language: str) -> None:
    i18n.install_language(language)
    QApplication.processEvents()  # the LanguageChange events are posted to the windows


def test_switching_to_chinese_renames_review_find_bar_and_searches(
    qtbot, session, sample_doc, tmp_path
):
    submitted_entry(session, sample_doc)
    window = make_window(qtbot, session, tmp_path, sample_doc)
    mode = window.review_mode
    mode.mode_action.trigger()
    view = mode.view
    assert view.progress.text() == "1 of 1"
    view.document.find_bar.open_bar()
    window.document_view.find_bar.open_bar()
    assert window.form.mode is None
    try:
        switch_to(i18n.CHINESE)
        find_bars = (view.document.find_bar, window.document_view.find_bar)
        texts = {
            "review mode action": mode.mode_action.text(),
            **{f"{key} action": a.text() for key, a in mode.transition_actions.items()},
            "users action": mode.users_action.text(),
            **{f"{key} dock": dock.windowTitle() for key, dock in mode.docks.items()},
            "refresh": view.refresh_button.text(),
            **{f"filter label {i}": label.text() for i, label in enumerate(view.filter_labels)},
            "all documents": view.document_filter.itemText(0),
            "anyone": view.person_filter.itemText(0),
            "approve selected": view.approve_selected_button.text(),
            **{f"{name} title": title.text() for name, title in view.field_titles.items()},
            "approve": view.approve_button.text(),
            "return": view.return_button.text(),
            "edit": view.edit_button.text(),
            "return reason": view.return_box.placeholderText(),
            "comments tab": view.tabs.tabText(0),
            "history tab": view.tabs.tabText(1),
            "progress": view.progress.text(),
            **{
                f"comment send {i}": panel.send_button.text()
                for i, panel in enumerate((view.comments, mode.comments))
            },
            **{
                f"comment hint {i}": panel.field.placeholderText()
                for i, panel in enumerate((view.comments, mode.comments))
            },
            **{f"find hint {i}": bar.field.placeholderText() for i, bar in enumerate(find_bars)},
            **{
                f"find tooltip {i}{j}": button.toolTip()
                for i, bar in enumerate(find_bars)
                for j, button in enumerate((bar.previous_button, bar.next_button, bar.close_button))
            },
            "document search": window.document_list.search.placeholderText(),
            "form hint": window.form.citation.text(),
        }
        still_english = {key: text for key, text in texts.items() if not chinese(text)}
        assert not still_english
        header = view.history.model.headerData(0, Qt.Orientation.Horizontal)
        assert chinese(header)
    finally:
        switch_to(i18n.ENGLISH)
    assert mode.mode_action.text() == "Review &queue"
    assert view.approve_button.text() == "&Approve (A)"
    assert window.document_view.find_bar.field.placeholderText() == "Find in document"
    assert window.form.citation.text() == "Select a passage in the document and press Ctrl+Enter."


def test_history_quotes_the_cited_passage_instead_of_offsets(qtbot, session, sample_doc, tmp_path):
    ind_id = submitted_entry(session, sample_doc)
    window = make_window(qtbot, session, tmp_path, sample_doc)
    history = window.review_mode.history
    history.set_indicator(ind_id)
    created = history.model.index(0, 3).data()
    assert f"“{PASSAGE}”" in created
    assert "[[" not in created

    (event, *_) = review.history(session, ind_id)
    start, end = event.after["citations"][0]
    assert f"characters {start}–{end}" in describe(event)  # without the document's text
