"""Ordered ids and pages for the indicator table: right rows, right order, no injection."""

import pytest

from indicite.services.indicators import create_indicator
from indicite.storage.indicator_queries import IndicatorQueries


@pytest.fixture
def ids(session, sample_doc):
    names = ["b", "a", "c"]
    return [
        create_indicator(session, sample_doc, {"name": n, "value": v}, [(i, i + 1)]).id
        for i, (n, v) in enumerate(zip(names, [2.0, 3.0, 1.0], strict=True))
    ]


def test_ordered_ids_sort_with_ties_by_id(session, sample_doc, ids):
    q = IndicatorQueries(session.store.db)
    assert q.ordered_ids(sample_doc) == ids
    assert q.ordered_ids(sample_doc, sort="name") == [ids[1], ids[0], ids[2]]
    assert q.ordered_ids(sample_doc, sort="value", descending=True) == [ids[1], ids[0], ids[2]]
    assert q.ordered_ids(None, search="a") == [ids[1]]


def test_rows_of_a_page(session, sample_doc, ids):
    rows = IndicatorQueries(session.store.db).rows(ids[:2])
    assert {r["name"] for r in rows.values()} == {"a", "b"}


def test_unknown_sort_or_status_is_refused(session):
    q = IndicatorQueries(session.store.db)
    with pytest.raises(ValueError):
        q.ordered_ids(1, sort="name; DROP TABLE indicators")
    with pytest.raises(ValueError):
        q.ordered_ids(1, status="lost")


def test_data_version_moves_when_another_connection_writes(
    session, store_location, sample_doc, ids
):
    from indicite.services.session import Session

    q = IndicatorQueries(session.store.db)
    before = q.data_version()
    other = Session.open(store_location, "colleague")
    try:
        create_indicator(other, sample_doc, {"name": "x"}, [(0, 1)])
    finally:
        other.close()
    assert q.data_version() != before


def test_the_filter_ignores_the_case_of_latin_letters(session, sample_doc, ids):
    gdp = create_indicator(session, sample_doc, {"name": "GDP增速", "unit": "%"}, [(4, 5)]).id
    q = IndicatorQueries(session.store.db)
    assert q.ordered_ids(sample_doc, search="gdp") == [gdp]
    assert q.ordered_ids(None, search="Gdp增") == [gdp]
    assert q.ordered_ids(sample_doc, search="A") == [ids[1]]


def test_a_status_filter_within_one_document(session, sample_doc, ids):
    from indicite.services.review import submit

    submit(session, ids[2], 1)
    q = IndicatorQueries(session.store.db)
    assert q.ordered_ids(sample_doc, status="submitted") == [ids[2]]
    assert q.ordered_ids(sample_doc, status="draft", sort="name") == [ids[1], ids[0]]


@pytest.mark.parametrize("descending", [False, True])
def test_entries_without_a_value_sort_before_the_smallest(session, sample_doc, ids, descending):
    from indicite.storage.indicator_pages import AllIndicatorQueries

    blank = create_indicator(session, sample_doc, {"name": "d"}, [(5, 6)]).id
    going_up = [blank, ids[2], ids[0], ids[1]]  # no value, 1.0, 2.0, 3.0
    expected = going_up[::-1] if descending else going_up
    q = AllIndicatorQueries(session.store.db)
    assert q.ordered_ids(sample_doc, sort="value", descending=descending) == expected
    assert list(q.pages(sort="value", descending=descending)) == expected
    assert list(q.pages(status="draft", sort="value", descending=descending)) == expected


def test_completion_offers_the_names_used_most_among_recent_entries(session, sample_doc, ids):
    for _ in range(2):
        create_indicator(session, sample_doc, {"name": "c", "unit": "亿元"}, [(0, 1)])
    indicators = session.store.indicators
    most_used, *others = indicators.distinct_values("name")
    assert (most_used, sorted(others)) == ("c", ["a", "b"])
    assert indicators.distinct_values("name", recent=2) == ["c"]
    assert indicators.distinct_values("unit") == ["亿元"]
