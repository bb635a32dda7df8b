"""Full-text search finds indicators by any substring of their name or of a cited quote."""

import pytest

from indicite.services.indicators import (
    add_citation,
    create_indicator,
    delete_indicator,
    remove_citation,
    restore_indicator,
    update_indicator,
)
from indicite.services.search import search_indicators


def span_of(session, doc_id, needle):
    text = session.store.documents.get(doc_id).text
    start = text.index(needle)
    return start, start + len(needle)


@pytest.fixture
def entries(session, sample_doc):
    """Three indicators cited to the sample, by name."""

    def make(name, needle, **fields):
        span = span_of(session, sample_doc, needle)
        return create_indicator(session, sample_doc, {"name": name, **fields}, [span])

    return {
        "growth": make("规模以上工业增加值", "同比增长4.2%", value=4.2, unit="%"),
        "stations": make("5G基站", "8.6万个", value=8.6, unit="万个"),
        "finance": make("专精特新企业新增融资", "115.01亿元", value=115.01, unit="亿元"),
    }


def found(session, query, **kwargs):
    return search_indicators(session, query, **kwargs).ids


def test_a_long_query_finds_names_containing_it(session, entries):
    assert found(session, "工业增加值") == [entries["growth"].id]
    assert found(session, "专精特新") == [entries["finance"].id]


def test_two_character_queries_find_every_name_holding_them(session, entries):
    assert found(session, "工业") == [entries["growth"].id]
    assert found(session, "融资") == [entries["finance"].id]
    assert found(session, "基站") == [entries["stations"].id]


def test_one_character_queries_and_whole_short_names(session, entries):
    assert found(session, "值") == [entries["growth"].id]
    assert found(session, "5") == [entries["stations"].id, entries["finance"].id]
    ind = create_indicator(
        session, entries["growth"].document_id, {"name": "工业"}, [span_of(session, 1, "工业")]
    )
    assert found(session, "工业") == [entries["growth"].id, ind.id]
    assert found(session, "业") == [entries["growth"].id, entries["finance"].id, ind.id]


def test_quotes_are_searched_as_well_as_names(session, entries):
    assert found(session, "115.01亿") == [entries["finance"].id]
    assert found(session, "同比增长") == [entries["growth"].id]
    assert found(session, "万个") == [entries["stations"].id]


def test_latin_letters_match_in_either_case(session, entries):
    assert found(session, "5g基") == [entries["stations"].id]
    assert found(session, "g") == [entries["stations"].id]


def test_every_word_of_a_query_must_match(session, entries):
    assert found(session, "工业 增加值") == [entries["growth"].id]
    assert found(session, "工业 融资") == []


def test_no_match_and_empty_queries_find_nothing(session, entries):
    assert found(session, "煤炭产量") == []
    assert found(session, "煤") == []
    assert found(session, "   ") == []
    assert found(session, '"') == []


def test_a_renamed_indicator_is_found_by_its_new_name_only(session, entries):
    ind = entries["stations"]
    update_indicator(session, ind.id, {"name": "移动通信基站"}, ind.version)
    assert found(session, "移动通信") == [ind.id]
    assert found(session, "5G") == []


def test_deleted_indicators_are_not_found_until_restored(session, entries):
    ind = entries["growth"]
    deleted = delete_indicator(session, ind.id, ind.version)
    assert found(session, "工业增加值") == []
    assert found(session, "同比增长") == []
    restore_indicator(session, ind.id, deleted.version)
    assert found(session, "工业增加值") == [ind.id]


def test_added_and_removed_citations_are_reflected(session, entries):
    ind = entries["finance"]
    cited = add_citation(session, ind.id, span_of(session, ind.document_id, "工业和信息化局"), 1)
    assert found(session, "信息化局") == [ind.id]
    extra = next(c for c in cited.citations if c.exact == "工业和信息化局")
    remove_citation(session, ind.id, extra.id, cited.version)
    assert found(session, "信息化局") == []


def test_the_limit_cuts_the_hits_and_says_so(session, entries):
    hits = search_indicators(session, "5", limit=1)
    assert (hits.ids, hits.complete) == ([entries["stations"].id], False)
    hits = search_indicators(session, "5", limit=2)
    assert (len(hits.ids), hits.complete) == (2, True)
