"""Bulk changes: all stored in one transaction, refused entries skipped with their reason,
bad input leaving every entry as it was."""

import pytest

from indicite.core.errors import ValidationError
from indicite.services import bulk, review
from indicite.services.indicators import create_indicator


@pytest.fixture
def three(session, sample_doc):
    text = session.store.documents.get(sample_doc).text
    out = []
    for n, value in enumerate(("4.2%", "3.9%", "6.91%")):
        start = text.index(value)
        span = [(start, start + len(value))]
        out.append(create_indicator(session, sample_doc, {"name": f"指标{n}"}, span))
    return out


def versions(session, ids):
    return {i: session.store.indicators.get(i).version for i in ids}


def test_submit_many_then_withdraw_many_round_trips(session, three):
    ids = [i.id for i in three]
    report = bulk.submit_many(session, versions(session, ids))
    assert [i.status for i in report.done] == ["submitted"] * 3
    back = bulk.withdraw_many(session, report.versions())
    assert [i.status for i in back.done] == ["draft"] * 3
    actions = [e.action for e in review.history(session, ids[0])]
    assert actions[-2:] == ["submit", "withdraw"]


def test_an_entry_changed_meanwhile_is_skipped_and_the_rest_stored(session, three):
    ids = [i.id for i in three]
    stale = versions(session, ids)
    review.submit(session, ids[1], stale[ids[1]])  # someone else acted on it
    report = bulk.delete_many(session, stale)
    assert [i.id for i in report.done] == [ids[0], ids[2]]
    assert [i for i, _ in report.skipped] == [ids[1]]
    assert session.store.indicators.get(ids[1], include_deleted=False).status == "submitted"


def test_bad_input_stores_nothing(session, three):
    ids = [i.id for i in three]
    changes = {ids[0]: {"subject": "北京"}, ids[1]: {"subject": "北京"}, ids[2]: {"name": " "}}
    with pytest.raises(ValidationError):
        bulk.update_many(session, changes, versions(session, ids))
    assert {session.store.indicators.get(i).subject for i in ids} == {three[0].subject} != {"北京"}


def test_drafts_of_lists_only_what_can_be_submitted(session, sample_doc, three):
    review.submit(session, three[0].id, three[0].version)
    assert set(bulk.drafts_of(session, sample_doc)) == {three[1].id, three[2].id}
