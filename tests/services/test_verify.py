"""Citation checks find a moved quote and a changed document text, naming both."""

from indicite.services.indicators import create_indicator
from indicite.services.verify import verify_citations


def tamper(session, sql, params):
    """What someone editing the file by hand could do; the app never does this."""
    session.store.db.execute(sql, params)


def test_clean_database_has_no_problems(session, sample_doc):
    create_indicator(session, sample_doc, {"name": "甲"}, [(0, 4)])
    assert verify_citations(session) == []


def test_moved_citation_names_document_and_indicator(session, sample_doc):
    ind = create_indicator(session, sample_doc, {"name": "增加值"}, [(0, 4)])
    tamper(session, 'UPDATE citations SET "end" = 6 WHERE indicator_id = ?', [ind.id])
    (problem,) = verify_citations(session)
    assert (problem.document_id, problem.indicator_id) == (sample_doc, ind.id)
    assert "增加值" in str(problem) and "no longer reads" in str(problem)


def test_changed_document_text_is_reported(session, sample_doc):
    tamper(session, "UPDATE documents SET text = text || '改' WHERE id = ?", [sample_doc])
    (problem,) = verify_citations(session)
    assert problem.indicator_id is None and "sha256" in problem.message
