"""The lazy indicator table model: the same rows as the database, sorted and filtered there."""

import pytest
from PySide6.QtCore import Qt

from indicite.services.indicators import create_indicator, delete_indicator
from indicite.storage.indicator_queries import IndicatorQueries
from indicite.ui import indicator_model
from indicite.ui.document_list import DocumentListModel
from indicite.ui.indicator_model import COLUMNS, IndicatorTableModel

ENTRIES = [
    ("工业增加值增速", 4.2, "%", "2025年1—11月"),
    ("投资增速", 3.9, "%", "2025年1—11月"),
    ("营收利润率", 6.91, "%", "前三季度"),
    ("配套企业", 170, "家", "2025年"),
]


@pytest.fixture
def filled(session, sample_doc):
    ids = []
    for n, (name, value, unit, period) in enumerate(ENTRIES):
        fields = {
            "name": name,
            "value": value,
            "unit": unit,
            "period_label": period,
            "subject": "天津",
        }
        ids.append(create_indicator(session, sample_doc, fields, [(n * 10, n * 10 + 5)]).id)
    return ids


@pytest.fixture
def model(qtbot, session, sample_doc, filled):
    m = IndicatorTableModel(IndicatorQueries(session.store.db))
    m.set_document(sample_doc)
    return m


def column(model, key):
    c = COLUMNS.index(key)
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_model_passes_the_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model)
    model.sort(COLUMNS.index("value"), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_document_list_model_passes_the_qt_model_tester(qtmodeltester, session, sample_doc):
    m = DocumentListModel(session)
    m.reload()
    qtmodeltester.check(m)
    assert m.rowCount() == 1


def test_rows_are_the_live_rows_of_the_database(session, sample_doc, model, filled):
    assert column(model, "name") == [e[0] for e in ENTRIES]
    assert column(model, "value") == ["4.2", "3.9", "6.91", "170"]
    assert column(model, "status") == ["Draft"] * 4
    ind = session.store.indicators.get(filled[1])
    delete_indicator(session, ind.id, ind.version)
    model.reload()
    assert column(model, "name") == ["工业增加值增速", "营收利润率", "配套企业"]


def test_sort_by_value_and_name(model):
    model.sort(COLUMNS.index("value"), Qt.SortOrder.AscendingOrder)
    assert column(model, "value") == ["3.9", "4.2", "6.91", "170"]
    model.sort(COLUMNS.index("value"), Qt.SortOrder.DescendingOrder)
    assert column(model, "value") == ["170", "6.91", "4.2", "3.9"]
    model.sort(COLUMNS.index("period_label"), Qt.SortOrder.AscendingOrder)
    assert column(model, "period_label")[-1] == "前三季度"


def test_filter_by_text_and_status(model):
    model.set_filter("增速")
    assert column(model, "name") == ["工业增加值增速", "投资增速"]
    model.set_filter("家")  # the unit counts too
    assert column(model, "name") == ["配套企业"]
    model.set_filter("%_")  # wildcards are matched literally
    assert model.rowCount() == 0
    model.set_filter("", "submitted")
    assert model.rowCount() == 0
    model.set_filter("", "draft")
    assert model.rowCount() == 4


def test_pages_are_fetched_lazily(monkeypatch, session, sample_doc, filled):
    monkeypatch.setattr(indicator_model, "PAGE_SIZE", 2)
    asked = []
    queries = IndicatorQueries(session.store.db)
    real_rows = queries.rows
    monkeypatch.setattr(queries, "rows", lambda ids: asked.append(list(ids)) or real_rows(ids))
    model = IndicatorTableModel(queries)
    model.set_document(sample_doc)
    assert model.rowCount() == 4 and asked == []
    assert model.data(model.index(3, 0)) == "配套企业"
    assert asked == [filled[2:4]]
    model.data(model.index(2, 1))
    assert len(asked) == 1
    assert model.row_of(filled[3]) == 3
