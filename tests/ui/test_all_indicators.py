"""View → All indicators: every document's indicators, searched, sorted, filtered, opened."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from workspace_helpers import import_text, make_window, type_text

from indicite.services.indicators import create_indicator, delete_indicator
from indicite.services.review import submit
from indicite.ui.all_indicators import ALL_COLUMNS, AllIndicatorsModel
from indicite.ui.main_window import MainWindow

OTHER_TEXT = "2024年，全省粮食总产量达到1300万吨，煤炭产量增长5%。\n"


@pytest.fixture
def entries(session, sample_doc, tmp_path):
    """Indicators in two documents; the sample's text is cited by position, the other's by quote."""
    other = import_text(session, tmp_path, OTHER_TEXT, "省报告.txt")
    text = session.store.documents.get(sample_doc).text
    start = text.index("工业")
    made = {
        "industry": create_indicator(
            session,
            sample_doc,
            {"name": "规上工业增加值增速", "value": 4.2, "unit": "%"},
            [(start, start + 6)],
        ),
        "firms": create_indicator(
            session, sample_doc, {"name": "配套企业", "value": 170, "unit": "家"}, [(0, 4)]
        ),
        "grain": create_indicator(
            session, other, {"name": "粮食总产量", "value": 1300, "unit": "万吨"}, [(3, 12)]
        ),
        "coal": create_indicator(
            session,
            other,
            {"name": "产量增速", "value": 5, "unit": "%"},
            [(OTHER_TEXT.index("煤炭"), OTHER_TEXT.index("5%") + 2)],
        ),
        "gone": create_indicator(
            session, other, {"name": "粮食播种面积", "value": 1, "unit": "万亩"}, [(3, 5)]
        ),
    }
    delete_indicator(session, made["gone"].id, made["gone"].version)
    submit(session, made["grain"].id, made["grain"].version)
    return {key: ind.id for key, ind in made.items()} | {"other_doc": other}


@pytest.fixture
def window(qtbot, session, tmp_path, entries) -> MainWindow:
    return make_window(qtbot, session, tmp_path)


def shown(view, key="name"):
    model = view.model
    c = ALL_COLUMNS.index(key)
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_model_passes_the_qt_model_tester(qtmodeltester, session, entries):
    from indicite.services.all_indicators import all_indicator_queries

    model = AllIndicatorsModel(all_indicator_queries(session))
    model.set_view()
    qtmodeltester.check(model)
    model.sort(ALL_COLUMNS.index("value"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_view("submitted", [entries["grain"], entries["coal"]])
    qtmodeltester.check(model)


def test_lists_every_live_indicator_with_its_document(qtbot, window, entries):
    QTest.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    view = window.all_indicators.view
    assert view.isVisible()
    assert sorted(shown(view)) == sorted(
        ["规上工业增加值增速", "配套企业", "粮食总产量", "产量增速"]
    )
    documents = dict(zip(shown(view), shown(view, "document"), strict=True))
    assert documents["粮食总产量"] == "省报告.txt"
    assert "(Ctrl+Shift+I)" in window.all_indicators.mode_action.toolTip()


def test_search_finds_names_and_quotes_with_short_chinese_queries(qtbot, window, entries):
    window.all_indicators.search_action.trigger()
    view = window.all_indicators.view
    assert view.search.hasFocus()
    type_text(view.search, "工业")  # two characters, in a name
    assert shown(view) == ["规上工业增加值增速"]
    view.search.clear()
    type_text(view.search, "煤")  # one character, only in the cited passage
    assert shown(view) == ["产量增速"]
    view.search.clear()
    type_text(view.search, "播种面积")  # the deleted entry stays hidden
    assert shown(view) == []
    view.search.clear()
    assert len(shown(view)) == 4


def test_sort_by_clicking_headers_and_filter_by_status(qtbot, window, entries):
    window.all_indicators.mode_action.trigger()
    view = window.all_indicators.view
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(ALL_COLUMNS.index("value")) + 5
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    values = [view.model.row_data(r)["value"] for r in range(view.model.rowCount())]
    assert values == sorted(values)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    values = [view.model.row_data(r)["value"] for r in range(view.model.rowCount())]
    assert values == sorted(values, reverse=True)

    view.status_filter.setCurrentIndex(view.status_filter.findData("submitted"))
    assert shown(view) == ["粮食总产量"]
    type_text(view.search, "产量")
    assert shown(view) == ["粮食总产量"]
    view.status_filter.setCurrentIndex(view.status_filter.findData("draft"))
    assert shown(view) == ["产量增速"]


def test_enter_opens_the_indicator_in_its_document(qtbot, window, entries, session):
    window.all_indicators.search_action.trigger()
    view = window.all_indicators.view
    type_text(view.search, "煤炭")
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert not view.isVisible()
    assert not window.all_indicators.mode_action.isChecked()
    assert window.current_document_id == entries["other_doc"]
    assert window.selected_indicator_id() == entries["coal"]
    start, end = OTHER_TEXT.index("煤炭"), OTHER_TEXT.index("5%") + 2
    assert window.document_view.selected_span() == (start, end)


def test_double_click_opens_and_other_pages_take_the_place(qtbot, window, entries):
    mode = window.all_indicators
    mode.mode_action.trigger()
    mode.stack.setCurrentIndex(0)  # another mode (the workspace) takes the central page
    assert not mode.mode_action.isChecked()
    assert not mode.view.isVisible()
    mode.mode_action.trigger()
    assert mode.view.isVisible()
    view = mode.view
    row = shown(view).index("配套企业")
    rect = view.table.visualRect(view.model.index(row, ALL_COLUMNS.index("name")))
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selected_indicator_id() == entries["firms"]
