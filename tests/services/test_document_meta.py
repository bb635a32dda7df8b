"""Correcting a document's metadata after import: stored, recorded, text untouched."""

import json

import pytest

from indicite.core.errors import ValidationError
from indicite.services.documents import list_documents, update_document_meta


def _events(session, action):
    return list(session.store.db.query("SELECT * FROM events WHERE action = ?", [action]))


def test_change_is_stored_with_an_event_and_the_text_stays(session, sample_doc):
    before = session.store.documents.get(sample_doc)

    after = update_document_meta(
        session,
        sample_doc,
        {
            "title": "2025年1—11月天津工业运行情况",
            "issuer": "天津市统计局",
            "published_on": "2025-12-20",
            "source_url": "https://stats.tj.gov.cn/x.html",
            "subject": "天津市",
        },
    )

    stored = session.store.documents.get(sample_doc)
    assert stored == after
    assert (stored.title, stored.issuer, stored.published_on) == (
        "2025年1—11月天津工业运行情况",
        "天津市统计局",
        "2025-12-20",
    )
    assert stored.source_url == "https://stats.tj.gov.cn/x.html"
    assert stored.subject == "天津市"
    assert (stored.text, stored.text_sha256) == (before.text, before.text_sha256)
    [event] = _events(session, "document_edit")
    assert event["document_id"] == sample_doc
    assert event["who"] == "tester"
    assert json.loads(event["before"])["issuer"] == "天津市工业和信息化局"
    assert json.loads(event["before"])["published_on"] is None
    assert json.loads(event["after"])["issuer"] == "天津市统计局"
    assert list_documents(session)[0]["issuer"] == "天津市统计局"


def test_only_changed_fields_are_recorded_and_no_change_writes_nothing(session, sample_doc):
    update_document_meta(session, sample_doc, {"issuer": "天津市工业和信息化局", "subject": "滨海"})
    [event] = _events(session, "document_edit")
    assert json.loads(event["after"]) == {"subject": "滨海"}

    update_document_meta(session, sample_doc, {"subject": "滨海"})
    assert len(_events(session, "document_edit")) == 1


def test_empty_date_clears_it(session, sample_doc):
    update_document_meta(session, sample_doc, {"published_on": "2025-12-20"})
    update_document_meta(session, sample_doc, {"published_on": "  "})
    assert session.store.documents.get(sample_doc).published_on is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"issuer": "天津市统计局", "published_on": "2025/12/20"}, "published_on"),
        ({"issuer": "天津市统计局", "published_on": "2025-02-30"}, "published_on"),
        ({"issuer": "天津市统计局", "published_on": "20251220"}, "published_on"),
        ({"issuer": "天津市统计局", "title": " "}, "title"),
        ({"text": "另一段文字"}, "text"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_stored(session, sample_doc, changes, field):
    before = session.store.documents.get(sample_doc)
    events = session.store.events.count()

    with pytest.raises(ValidationError) as refused:
        update_document_meta(session, sample_doc, changes)

    assert refused.value.field == field
    assert session.store.documents.get(sample_doc) == before
    assert session.store.events.count() == events
