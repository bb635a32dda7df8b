"""Suggestion services: accept cites the clause, dismissals are remembered, coverage counts."""

from indicite.services.indicators import create_indicator, delete_indicator
from indicite.services.suggestions import (
    accept,
    citation_span,
    coverage,
    dismiss,
    open_suggestions,
    suggestions_for_document,
    undismiss,
)


def doc_of(session, doc_id):
    return session.store.documents.get(doc_id)


def suggestion_at(session, doc_id, needle):
    doc = doc_of(session, doc_id)
    start = doc.text.index(needle)
    return next(s for s in suggestions_for_document(doc) if s.start >= start)


def test_accept_makes_a_draft_cited_to_the_clause_with_the_fields(session, sample_doc):
    s = suggestion_at(session, sample_doc, "4.2%")
    ind = accept(session, sample_doc, s)
    stored = session.store.indicators.get(ind.id)
    (citation,) = stored.citations
    assert stored.status == "draft"
    assert (stored.name, stored.value, stored.unit, stored.measure) == (
        s.indicator,
        4.2,
        "%",
        s.measure,
    )
    assert stored.period_label == s.period_label
    assert citation.exact == "全市规模以上工业增加值同比增长4.2%"
    assert doc_of(session, sample_doc).text[citation.start : citation.end] == citation.exact


def test_a_falling_value_keeps_its_words_inside_the_citation(session, sample_doc):
    s = suggestion_at(session, sample_doc, "13.5%")
    ind = session.store.indicators.get(accept(session, sample_doc, s).id)
    assert ind.value == -13.5
    assert ind.value_text in ind.citations[0].exact


def test_dismissed_and_accepted_numbers_count_as_handled(session, sample_doc):
    doc = doc_of(session, sample_doc)
    total = len(suggestions_for_document(doc))
    assert coverage(session, doc).handled == 0
    first, second, third = open_suggestions(session, doc)[:3]
    accept(session, sample_doc, first)
    dismiss(session, sample_doc, second.start, second.end)
    assert coverage(session, doc).handled == 2
    assert open_suggestions(session, doc)[0] == third
    undismiss(session, sample_doc, second.start, second.end)
    assert (coverage(session, doc).handled, coverage(session, doc).total) == (1, total)


def test_a_deleted_indicator_no_longer_handles_its_number(session, sample_doc):
    doc = doc_of(session, sample_doc)
    ind = accept(session, sample_doc, open_suggestions(session, doc)[0])
    delete_indicator(session, ind.id, ind.version)
    assert coverage(session, doc).handled == 0


def test_a_citation_over_two_numbers_handles_the_one_its_value_states(session, sample_doc):
    doc = doc_of(session, sample_doc)
    second = suggestion_at(session, sample_doc, "728家")
    first = suggestion_at(session, sample_doc, "44家")
    create_indicator(
        session,
        sample_doc,
        {"name": "市级企业技术中心", "value": 728.0, "unit": "家"},
        [(first.start, second.end)],
    )
    still_open = open_suggestions(session, doc)
    assert first in still_open
    assert second not in still_open


def test_a_citation_that_states_none_of_its_numbers_handles_them_all(session, sample_doc):
    doc = doc_of(session, sample_doc)
    second = suggestion_at(session, sample_doc, "728家")
    first = suggestion_at(session, sample_doc, "44家")
    create_indicator(
        session, sample_doc, {"name": "技术中心", "value": 1.0}, [(first.start, second.end)]
    )
    assert coverage(session, doc).handled == 2


def test_citation_span_stops_at_the_comma_before_the_value(session, sample_doc):
    doc = doc_of(session, sample_doc)
    s = suggestion_at(session, sample_doc, "728家")
    start, end = citation_span(doc.text, s)
    assert doc.text[start:end] == "累计达到728家"
