"""A range is entered in the form like a single value, with its high end beside the low end."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from workspace_helpers import import_text, make_window, select_passage, type_text

TEXT = "2026年政府工作报告\n\n全省生产总值预期增长5%—5.5%，每户补贴2万至3万元。\n"


@pytest.fixture
def doc(session, tmp_path) -> int:
    return import_text(session, tmp_path, TEXT, "报告.txt")


def _cite(qtbot, session, tmp_path, doc, passage):
    """Open the document, select the passage and press Ctrl+Enter: the form it fills."""
    window = make_window(qtbot, session, tmp_path, doc)
    start = TEXT.index(passage)
    select_passage(window, start, start + len(passage))
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    return window.form


def test_a_cited_range_fills_both_ends_and_is_stored(qtbot, session, tmp_path, doc):
    form = _cite(qtbot, session, tmp_path, doc, "增长5%—5.5%")
    assert (form.fields["value"].text(), form.fields["value_high"].text()) == ("5", "5.5")
    type_text(form.fields["name"], "生产总值增速目标")
    QTest.keyClick(form.fields["name"], Qt.Key.Key_Return)
    (ind,) = session.store.indicators.for_document(doc)
    assert (ind.value, ind.value_high, ind.unit, ind.base_value_high) == (5, 5.5, "%", 5.5)
    window = form.window()
    table = window.indicator_model
    value_column = table.columns.index("value")
    assert table.index(0, value_column).data() == "5–5.5"


def test_the_suggestions_list_shows_a_range(qtbot, session, tmp_path, doc):
    window = make_window(qtbot, session, tmp_path, doc)
    model = window.suggestions_panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    texts = [s.text for s in model.suggestions()]
    row = texts.index("2万至3万元")
    assert model.index(row, model.VALUE).data() == "2–3"
    assert model.index(row, model.UNIT).data() == "万元"


def test_a_high_end_below_the_low_end_is_marked_and_not_stored(qtbot, session, tmp_path, doc):
    form = _cite(qtbot, session, tmp_path, doc, "2万至3万元")
    assert (form.fields["value_high"].text(), form.fields["unit"].text()) == ("3", "万元")
    type_text(form.fields["name"], "每户补贴")
    high = form.fields["value_high"]
    high.selectAll()
    QTest.keyClicks(high, "1")
    QTest.keyClick(high, Qt.Key.Key_Return)
    assert session.store.indicators.count() == 0
    assert form.message.isVisible() and "range" in form.message.text()
    assert "c62828" in high.styleSheet()
    high.selectAll()
    QTest.keyClicks(high, "3.5")
    QTest.keyClick(high, Qt.Key.Key_Return)
    (ind,) = session.store.indicators.for_document(doc)
    assert (ind.value, ind.value_high, ind.base_value, ind.base_value_high) == (2, 3.5, 2e4, 3.5e4)
