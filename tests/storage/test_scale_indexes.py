"""The partial indexes over live indicators give the same rows, in the same order, as before.

Sorted lists of all live indicators and each document's count are read from indexes that hold
only rows with ``deleted_at IS NULL``; a deleted or restored row must drop out or come back.
"""

import pytest

from indicite.core.citations import quote_at
from indicite.core.entities import Indicator
from indicite.services.indicators import delete_indicator, restore_indicator
from indicite.storage.indicator_queries import IndicatorQueries

NAMES = ("乙", "甲", "丙", "甲", "乙", "丁")
STATUSES = ("approved", "draft", "submitted", "draft", "returned", "approved")


@pytest.fixture
def rows(session, sample_doc):
    """Six indicators with repeated names and statuses; the third is deleted."""
    store = session.store
    quote = quote_at(store.documents.get(sample_doc).text, 10, 14)
    ids = []
    with store.transaction():
        for n, (name, status) in enumerate(zip(NAMES, STATUSES, strict=True)):
            ind = Indicator(
                document_id=sample_doc,
                name=name,
                subject=f"地区{5 - n}",
                period_label=f"2025年{n % 2 + 1}季度",
                status=status,
                version=1,
                created_by="tester",
                created_at="2026-01-01T00:00:00.000+00:00",
            )
            ids.append(store.indicators.insert(ind, [quote]))
    delete_indicator(session, ids[2], 1)
    return ids


def expected(session, key, status=None, descending=False):
    live = [
        r
        for r in session.store.db.query("SELECT * FROM indicators WHERE deleted_at IS NULL")
        if status is None or r["status"] == status
    ]
    live.sort(key=lambda r: (r[key], r["id"]), reverse=descending)
    return [r["id"] for r in live]


@pytest.mark.parametrize("key", ["id", "name", "subject", "period_label", "status"])
@pytest.mark.parametrize("descending", [False, True])
def test_all_live_indicators_in_column_order_with_ties_by_id(session, rows, key, descending):
    queries = IndicatorQueries(session.store.db)
    got = queries.ordered_ids(None, sort=key, descending=descending)
    assert got == expected(session, key, descending=descending)
    assert rows[2] not in got


def test_a_status_filter_lists_that_status_only(session, rows):
    queries = IndicatorQueries(session.store.db)
    assert queries.ordered_ids(None, status="draft") == [rows[1], rows[3]]
    assert queries.ordered_ids(None, status="submitted") == []


def test_the_document_list_counts_live_indicators(session, sample_doc, rows):
    (listed,) = session.store.documents.list()
    assert listed["indicators"] == 5
    restore_indicator(session, rows[2], 2)
    (listed,) = session.store.documents.list()
    assert listed["indicators"] == 6
    assert rows[2] in IndicatorQueries(session.store.db).ordered_ids(None, sort="name")
