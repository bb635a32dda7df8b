"""The side-by-side workspace driven like a user: select, Ctrl+Enter, type, Enter."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from workspace_helpers import (
    ASTRAL_TEXT,
    cite_and_name,
    cited_then_select_another,
    import_text,
    make_window,
    qt_position,
    select_passage,
    type_text,
)

from indicite.services.indicators import create_indicator, update_indicator
from indicite.services.session import Session
from indicite.ui.catalog.completion import MATCH_ROLE


@pytest.fixture
def window(qtbot, session, sample_doc, tmp_path):
    return make_window(qtbot, session, tmp_path, sample_doc)


def live_indicators(session):
    return session.store.indicators.for_document(session.store.documents.list()[0]["id"])


@pytest.mark.parametrize("astral", [False, True], ids=["sample", "astral-before"])
def test_select_ctrl_enter_name_enter_stores_indicator_and_citation(
    qtbot, session, sample_doc, tmp_path, astral
):
    doc_id = import_text(session, tmp_path, ASTRAL_TEXT) if astral else sample_doc
    window = make_window(qtbot, session, tmp_path, doc_id)
    text = window.document.text
    start = text.index("全市规模以上")
    end = text.index("4.2%") + len("4.2%")
    if astral:
        assert qt_position(text, start) > start  # the 𠀀 before really shifts Qt's positions

    cite_and_name(qtbot, window, start, end, "规上工业增加值增速")

    (ind,) = session.store.indicators.for_document(doc_id)
    assert ind.name == "规上工业增加值增速"
    assert (ind.value, ind.unit, ind.value_text) == (4.2, "%", "4.2%")
    assert ind.subject == "天津"
    (citation,) = session.store.indicators.citations(ind.id)
    assert (citation.start, citation.end) == (start, end)
    assert citation.exact == text[start:end]
    assert window.indicator_model.rowCount() == 1
    assert "1" in window.counts_label.text()


def test_period_comes_from_the_last_indicator_of_the_document(qtbot, window, session):
    text = window.document.text
    first = text.index("4.2%")
    cite_and_name(qtbot, window, first, first + 4, "增速")
    ind = session.store.indicators.for_document(window.current_document_id)[0]
    update_indicator(session, ind.id, {"period_label": "2025年1—11月"}, ind.version)
    second = text.index("3.9%")
    select_passage(window, second, second + 4)
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert window.form.fields["period_label"].text() == "2025年1—11月"
    assert window.form.fields["value"].text() == "3.9"


def test_a_value_that_is_not_a_number_is_refused_in_place(qtbot, window, session):
    text = window.document.text
    start = text.index("4.2%")
    select_passage(window, start, start + 4)
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    type_text(window.form.fields["name"], "增速")
    value = window.form.fields["value"]
    value.selectAll()
    type_text(value, "四点二")
    QTest.keyClick(value, Qt.Key.Key_Return)

    assert session.store.indicators.count() == 0
    assert window.form.error_fields() == ["value"]
    assert "not a number" in window.form.message_text()
    assert window.form.mode == "new"  # still open, nothing lost


def test_a_missing_name_is_refused_in_place(qtbot, window, session):
    start = window.document.text.index("4.2%")
    select_passage(window, start, start + 4)
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    QTest.keyClick(window.form.fields["name"], Qt.Key.Key_Return)
    assert session.store.indicators.count() == 0
    assert window.form.error_fields() == ["name"]


def test_value_as_written_missing_from_passage_warns_but_saves(qtbot, window, session):
    start = window.document.text.index("4.2%")
    select_passage(window, start, start + 4)
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    written = window.form.fields["value_text"]
    written.selectAll()
    qtbot.keyClicks(written, "4.5%")
    assert "does not contain" in window.form.message_text()
    type_text(window.form.fields["name"], "增速")
    QTest.keyClick(window.form.fields["name"], Qt.Key.Key_Return)
    assert session.store.indicators.count() == 1


def click_row(qtbot, window, row):
    table = window.indicator_table
    rect = table.visualRect(window.indicator_model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_an_indicator_selects_its_citation_in_the_view(qtbot, window, session):
    text = window.document.text
    spans = [(text.index(v), text.index(v) + len(v)) for v in ("4.2%", "3.9%")]
    for n, span in enumerate(spans):
        create_indicator(session, window.current_document_id, {"name": f"i{n}"}, [span])
    window.refresh()
    click_row(qtbot, window, 1)
    assert window.document_view.selected_span() == spans[1]
    assert window.document_view.selected_text() == "3.9%"
    assert window.form.fields["name"].text() == "i1"


def test_clicking_a_highlight_selects_its_indicator(qtbot, window, session):
    text = window.document.text
    ids = []
    for n, v in enumerate(("4.2%", "3.9%")):
        span = (text.index(v), text.index(v) + len(v))
        ids.append(
            create_indicator(session, window.current_document_id, {"name": f"i{n}"}, [span]).id
        )
    window.refresh()
    view = window.document_view
    view.select_span(text.index("3.9%"), text.index("3.9%"))  # scroll it into view
    edit = view.text
    cursor = edit.textCursor()
    cursor.setPosition(qt_position(text, text.index("3.9%") + 1))
    point = edit.cursorRect(cursor).center() + QPoint(2, 0)
    qtbot.mouseClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.selected_indicator_id() == ids[1]
    assert window.form.fields["name"].text() == "i1"


def test_add_selection_as_a_second_citation(qtbot, window, session):
    ind, first, second = cited_then_select_another(session, window)
    QTest.keyClick(
        window.document_view.text,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    spans = [(c.start, c.end) for c in session.store.indicators.citations(ind.id)]
    assert spans == [first, second]
    assert len([s for s in window.document_view.spans() if s.indicator_id == ind.id]) == 2


def test_an_edit_after_someone_elses_save_offers_reload(qtbot, window, session, db_path):
    start = window.document.text.index("4.2%")
    ind = create_indicator(
        session, window.current_document_id, {"name": "增速"}, [(start, start + 4)]
    )
    window.refresh()
    window.select_indicator(ind.id)
    other = Session.open(db_path, "colleague")
    try:
        update_indicator(other, ind.id, {"name": "他们的名字"}, ind.version)
    finally:
        other.close()
    name = window.form.fields["name"]
    name.selectAll()
    type_text(name, "我的名字")
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert session.store.indicators.get(ind.id).name == "他们的名字"
    assert "reload" in window.form.message_text().lower()
    assert window.form.reload_button.isVisible()
    qtbot.mouseClick(window.form.reload_button, Qt.MouseButton.LeftButton)
    assert name.text() == "他们的名字"


def test_another_app_on_the_same_file_shows_up_without_reopening(qtbot, window, db_path):
    start = window.document.text.index("4.2%")
    other = Session.open(db_path, "colleague")
    try:
        create_indicator(
            other, window.current_document_id, {"name": "别人的"}, [(start, start + 4)]
        )
    finally:
        other.close()
    with qtbot.waitSignal(window.indicators_changed, timeout=10_000):
        pass
    assert window.indicator_model.rowCount() == 1
    assert len(window.document_view.spans()) == 1


def test_filter_by_text_and_status(qtbot, window, session):
    text = window.document.text
    for name, v in (("工业增加值增速", "4.2%"), ("投资增速", "3.9%")):
        span = (text.index(v), text.index(v) + len(v))
        create_indicator(session, window.current_document_id, {"name": name}, [span])
    window.refresh()
    type_text(window.indicator_filter, "投资")
    assert window.indicator_model.rowCount() == 1
    window.indicator_filter.clear()
    window.status_filter.setCurrentIndex(window.status_filter.findData("approved"))
    assert window.indicator_model.rowCount() == 0
    window.status_filter.setCurrentIndex(window.status_filter.findData("draft"))
    assert window.indicator_model.rowCount() == 2


def test_find_counts_matches_and_steps_through_them(qtbot, window):
    text = window.document.text
    QTest.keyClick(window.document_view.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.document_view.find_bar
    assert bar.isVisible()
    type_text(bar.field, "京津冀")
    total = text.count("京津冀")
    assert bar.match_count() == total
    assert bar.count.text() == f"1 of {total}"
    QTest.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {total}"
    assert window.document_view.selected_text() == "京津冀"
    assert window.document_view.selected_span()[0] == text.index("京津冀", text.index("京津冀") + 1)


def test_every_action_shows_its_shortcut_in_its_tooltip(window):
    for key, action in window.actions_by_key.items():
        if not action.shortcut().isEmpty():
            assert action.shortcut().toString() in action.toolTip(), key
    assert set(window.menus) == {"file", "edit", "document", "indicator", "review", "view", "help"}


def test_open_document_and_sizes_are_remembered(qtbot, session, sample_doc, tmp_path):
    window = make_window(qtbot, session, tmp_path, sample_doc)
    window.splitter.setSizes([100, 700, 500])
    window.close()
    again = make_window(qtbot, session, tmp_path)
    assert again.current_document_id == sample_doc
    sizes = again.splitter.sizes()  # the middle pane takes up any change of window width
    assert (sizes[0], sizes[2]) == (100, 500)


def test_document_list_searches_title_and_issuer_and_opens_with_enter(
    qtbot, session, sample_doc, tmp_path
):
    other = import_text(session, tmp_path, ASTRAL_TEXT, "另一份报告.txt")
    window = make_window(qtbot, session, tmp_path)
    docs = window.document_list
    assert docs.model.rowCount() == 2
    type_text(docs.search, "工业和信息化局")  # the sample's issuer
    assert docs.model.rowCount() == 1
    QTest.keyClick(docs.search, Qt.Key.Key_Return)
    assert window.current_document_id == sample_doc
    docs.search.clear()
    type_text(docs.search, "另一份")
    QTest.keyClick(docs.search, Qt.Key.Key_Return)
    assert window.current_document_id == other
    assert window.document.text == ASTRAL_TEXT


def test_entries_are_highlighted_again_after_reopening_the_app(
    qtbot, session, sample_doc, tmp_path
):
    window = make_window(qtbot, session, tmp_path, sample_doc)
    text = window.document.text
    for n, value in enumerate(("4.2%", "3.9%", "6.91%")):
        start = text.index(value)
        cite_and_name(qtbot, window, start, start + len(value), f"指标{n}")
    model = window.form.name_completer.model()
    completions = [model.index(r, 0).data(MATCH_ROLE) for r in range(model.rowCount())]
    assert sorted(completions) == ["指标0", "指标1", "指标2"]
    window.close()
    again = make_window(qtbot, session, tmp_path)
    assert again.current_document_id == sample_doc
    highlighted = sorted(text[s.start : s.end] for s in again.document_view.spans())
    assert highlighted == ["3.9%", "4.2%", "6.91%"]
    assert again.indicator_model.rowCount() == 3


def test_escape_drops_a_new_entry_and_stores_nothing(qtbot, window, session):
    start = window.document.text.index("4.2%")
    select_passage(window, start, start + 4)
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    type_text(window.form.fields["name"], "增速")
    QTest.keyClick(window.form.fields["name"], Qt.Key.Key_Escape)
    assert window.form.mode is None
    assert session.store.indicators.count() == 0


def test_a_drag_that_cuts_a_number_cites_the_whole_number(qtbot, session, sample_doc, tmp_path):
    window = make_window(qtbot, session, tmp_path, sample_doc)
    text = window.document.text
    whole = text.index("6.91%")
    cite_and_name(qtbot, window, whole + 1, whole + 4, "利润率")  # ".91" as dragged
    (ind,) = session.store.indicators.for_document(sample_doc)
    stored = session.store.indicators.get(ind.id)
    assert [c.exact for c in stored.citations] == ["6.91%"]
    assert stored.value == 6.91
    assert window.document_view.selected_text() == "6.91%"  # the view shows what is cited
