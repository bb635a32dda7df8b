"""Review services: queue, batch approval, comments, history and changes since approval."""

import pytest

from indicite.core.errors import PermissionDenied
from indicite.services import review
from indicite.services.indicators import create_indicator, update_indicator
from indicite.services.session import Session
from indicite.services.users import add_user, ensure_user, list_users, set_role
from indicite.storage.review_queries import QueueFilter


@pytest.fixture
def people(session):
    ensure_user(session)
    add_user(session, "eve", "editor")
    add_user(session, "sam", "staff")
    add_user(session, "ann", "staff")
    return {name: Session(session.store, name) for name in ("tester", "eve", "sam", "ann")}


def enter(session, doc_id, name, span=(0, 4), submit=True):
    ind = create_indicator(session, doc_id, {"name": name, "value": 1.0, "unit": "%"}, [span])
    return review.submit(session, ind.id, ind.version) if submit else ind


def test_first_user_is_admin_and_later_ones_staff(session, people):
    roles = {u.name: u.role for u in list_users(session)}
    assert roles == {"tester": "admin", "eve": "editor", "sam": "staff", "ann": "staff"}
    assert ensure_user(Session(session.store, "newcomer")).role == "staff"
    with pytest.raises(PermissionDenied):
        set_role(people["eve"], "sam", "admin")
    with pytest.raises(PermissionDenied, match="someone else an admin"):
        set_role(people["tester"], "tester", "staff")
    assert set_role(people["tester"], "sam", "editor").role == "editor"


def test_queue_is_oldest_first_and_filters(people, sample_doc):
    first = enter(people["sam"], sample_doc, "甲")
    second = enter(people["ann"], sample_doc, "乙")
    enter(people["sam"], sample_doc, "丙", submit=False)
    assert [e.id for e in review.review_queue(people["eve"])] == [first.id, second.id]
    by_ann = review.review_queue(people["eve"], QueueFilter(entered_by="ann"))
    assert [e.name for e in by_ann] == ["乙"]
    assert review.review_queue(people["eve"], QueueFilter(document_id=sample_doc + 1)) == []
    today = by_ann[0].submitted_at[:10]
    assert len(review.review_queue(people["eve"], QueueFilter(since=today, until=today))) == 2
    assert review.review_queue(people["eve"], QueueFilter(until="2000-01-01")) == []
    assert review.enterers(people["eve"]) == ["ann", "sam"]


def test_approve_many_reports_what_it_skipped(people, sample_doc):
    eve = people["eve"]
    mine = enter(eve, sample_doc, "自录")
    theirs = enter(people["sam"], sample_doc, "他录")
    stale = enter(people["ann"], sample_doc, "过期")
    update_indicator(people["ann"], stale.id, {"notes": "又改了"}, stale.version)
    report = review.approve_many(
        eve, {mine.id: mine.version, theirs.id: theirs.version, stale.id: stale.version}
    )
    assert report.approved == [theirs.id]
    reasons = dict(report.skipped)
    assert "Four eyes" in reasons[mine.id]
    assert "Someone else changed" in reasons[stale.id]
    assert [i.status for i in map(eve.store.indicators.get, (mine.id, theirs.id, stale.id))] == [
        "submitted",
        "approved",
        "submitted",
    ]


def test_comments_thread_and_return_comment(people, sample_doc):
    sam, eve = people["sam"], people["eve"]
    ind = enter(sam, sample_doc, "甲")
    review.add_comment(sam, ind.id, "数值取自第二段")
    ind = review.return_(eve, ind.id, ind.version, "单位应为亿元")
    assert [(c.who, c.kind, c.body) for c in review.comments(sam, ind.id)] == [
        ("sam", "comment", "数值取自第二段"),
        ("eve", "return", "单位应为亿元"),
    ]
    assert review.return_comment(sam, ind).body == "单位应为亿元"
    ind = update_indicator(sam, ind.id, {"unit": "亿元"}, ind.version)
    assert review.return_comment(sam, ind).body == "单位应为亿元"  # still returned
    ind = review.submit(sam, ind.id, ind.version)
    assert review.return_comment(sam, ind) is None
    assert [e.action for e in review.history(sam, ind.id)] == [
        "create",
        "submit",
        "comment",
        "return",
        "edit",
        "submit",
    ]


def test_changes_since_approved_gives_old_values(people, sample_doc):
    sam, eve = people["sam"], people["eve"]
    ind = enter(sam, sample_doc, "甲")
    assert review.changes_since_approved(eve, ind.id) == {}
    ind = review.approve(eve, ind.id, ind.version)
    ind = review.reopen(eve, ind.id, ind.version, "口径调整")
    ind = update_indicator(sam, ind.id, {"name": "乙"}, ind.version)
    ind = update_indicator(sam, ind.id, {"name": "丙", "notes": "x"}, ind.version)
    ind = update_indicator(sam, ind.id, {"notes": ""}, ind.version)
    assert review.changes_since_approved(eve, ind.id) == {"name": ("甲", "丙")}


def test_ten_entries_reviewed_one_returned_fixed_and_approved(people, sample_doc):
    sam, eve = people["sam"], people["eve"]
    entries = [enter(sam, sample_doc, f"指标{n}", span=(n * 10, n * 10 + 4)) for n in range(10)]
    queue = review.review_queue(eve)
    assert [e.id for e in queue] == [e.id for e in entries]
    returned = review.return_(eve, queue[3].id, queue[3].version, "期间写错了")
    report = review.approve_many(eve, {e.id: e.version for e in queue if e.id != returned.id})
    assert len(report.approved) == 9 and report.skipped == []
    assert review.return_comment(sam, returned).body == "期间写错了"
    fixed = update_indicator(sam, returned.id, {"period_label": "1—11月"}, returned.version)
    fixed = review.submit(sam, fixed.id, fixed.version)
    assert [e.id for e in review.review_queue(eve)] == [fixed.id]
    assert review.approve(eve, fixed.id, fixed.version).status == "approved"
    story = [(e.who, e.action) for e in review.history(eve, fixed.id)]
    assert story == [
        ("sam", "create"),
        ("sam", "submit"),
        ("eve", "return"),
        ("sam", "edit"),
        ("sam", "submit"),
        ("eve", "approve"),
    ]
    edit = review.history(eve, fixed.id)[3]
    assert (edit.before, edit.after) == ({"period_label": ""}, {"period_label": "1—11月"})
    assert eve.store.indicators.status_counts() == {"approved": 10}


def test_changed_document_text_flags_the_queue_and_blocks_approval(people, sample_doc):
    entry = enter(people["sam"], sample_doc, "甲")
    people["sam"].store.db.execute(
        "UPDATE documents SET text = text || '改' WHERE id = ?", [sample_doc]
    )  # what only a hand edit of the file could do
    (queued,) = review.review_queue(people["eve"])
    assert queued.problems == ("The document text changed after import.",)
    with pytest.raises(PermissionDenied, match="no longer matches"):
        review.approve(people["eve"], entry.id, entry.version)


@pytest.fixture
def clock(monkeypatch):
    """Submissions at the times a test chooses (ISO text, as stored)."""
    times: list[str] = []
    monkeypatch.setattr(review, "now_iso", lambda: times.pop(0))
    return times


def test_submitted_at_is_set_by_submit_and_orders_the_queue(people, sample_doc, clock):
    sam, ann, eve = people["sam"], people["ann"], people["eve"]
    early = enter(sam, sample_doc, "甲", submit=False)
    late = enter(ann, sample_doc, "乙", submit=False)
    clock += ["2025-03-01T09:00:00.000+00:00", "2025-02-01T09:00:00.000+00:00"]
    early = review.submit(sam, early.id, early.version)
    late = review.submit(ann, late.id, late.version)  # entered later, submitted earlier
    assert [e.id for e in review.review_queue(eve)] == [late.id, early.id]
    assert [e.submitted_at[:10] for e in review.review_queue(eve)] == ["2025-02-01", "2025-03-01"]

    clock += ["2025-03-02T09:00:00.000+00:00", "2025-03-04T09:00:00.000+00:00"]
    late = review.return_(eve, late.id, late.version, "单位不对")
    late = update_indicator(ann, late.id, {"unit": "亿元"}, late.version)
    late = review.submit(ann, late.id, late.version)  # back at the end of the queue
    assert [e.id for e in review.review_queue(eve)] == [early.id, late.id]
    assert review.review_queue(eve)[1].submitted_at == "2025-03-04T09:00:00.000+00:00"

    clock += ["2025-03-05T09:00:00.000+00:00"]
    review.approve(eve, early.id, early.version)
    stored = eve.store.db.execute(
        "SELECT submitted_at FROM indicators WHERE id = ?", [early.id]
    ).fetchone()
    assert stored == ("2025-03-01T09:00:00.000+00:00",)  # kept after the review
    assert [e.id for e in review.review_queue(eve)] == [late.id]


def test_queue_filters_by_date_both_days_included(people, sample_doc, clock):
    sam, eve = people["sam"], people["eve"]
    days = ["2025-01-31T23:59:59.999+00:00", "2025-02-01T00:00:00.000+00:00",
            "2025-02-28T23:59:59.999+00:00", "2025-03-01T00:00:00.000+00:00"]  # fmt: skip
    clock += days
    ids = [enter(sam, sample_doc, f"指标{n}").id for n in range(4)]

    def names(**where):
        return [e.name for e in review.review_queue(eve, QueueFilter(**where))]

    assert names(since="2025-02-01", until="2025-02-28") == ["指标1", "指标2"]
    assert names(since="2025-02-01") == ["指标1", "指标2", "指标3"]
    assert names(until="2025-01-31") == ["指标0"]
    assert names(since="2025-02-01", entered_by="sam", document_id=sample_doc) == [
        "指标1",
        "指标2",
        "指标3",
    ]
    assert names(since="2025-02-01", entered_by="ann") == []
    assert review.queue_ids(eve, QueueFilter(since="2025-03-01")) == ids[3:]


def test_entries_acted_on_keep_their_place(people, sample_doc):
    sam, eve = people["sam"], people["eve"]
    entries = [enter(sam, sample_doc, f"指标{n}") for n in range(4)]
    ids = [e.id for e in entries]
    review.approve(eve, ids[1], entries[1].version)
    assert review.queue_ids(eve) == [ids[0], ids[2], ids[3]]
    assert review.queue_ids(eve, keep=[ids[1]]) == ids
    assert review.queue_ids(eve, QueueFilter(entered_by="ann"), keep=[ids[1]]) == [ids[1]]


def test_a_page_of_the_queue_has_its_rows_and_their_citation_checks(people, sample_doc):
    sam, eve = people["sam"], people["eve"]
    good = enter(sam, sample_doc, "好", span=(0, 4))
    bad = enter(sam, sample_doc, "坏", span=(10, 14))
    eve.store.db.execute("UPDATE citations SET exact = '假' WHERE indicator_id = ?", [bad.id])
    page = review.queue_entries(eve, [bad.id, good.id])
    assert set(page) == {good.id, bad.id}
    assert (page[good.id].name, page[good.id].problems) == ("好", ())
    assert page[bad.id].name == "坏"
    assert len(page[bad.id].problems) == 1 and "假" in page[bad.id].problems[0]
    assert page[good.id].document_title == eve.store.documents.get(sample_doc).title


def test_document_text_is_hashed_once_per_session(people, sample_doc, monkeypatch):
    sam, eve = people["sam"], people["eve"]
    entries = [enter(sam, sample_doc, f"指标{n}", span=(n * 10, n * 10 + 4)) for n in range(3)]
    hashed = []
    real = review.text_problems
    monkeypatch.setattr(review, "text_problems", lambda doc: hashed.append(1) or real(doc))
    review.review_queue(eve)
    for entry in entries:
        assert review.problems_of(eve, eve.store.indicators.get(entry.id)) == []
    assert len(hashed) == 1
    approved = review.approve(eve, entries[0].id, entries[0].version)
    assert approved.status == "approved" and len(hashed) == 1


def test_approval_rechecks_the_stored_hash(people, sample_doc):
    sam, eve = people["sam"], people["eve"]
    entry = enter(sam, sample_doc, "甲")
    assert review.queue_entries(eve, [entry.id])[entry.id].problems == ()  # checked and kept
    eve.store.db.execute("UPDATE documents SET text_sha256 = 'tampered' WHERE id = ?", [sample_doc])
    with pytest.raises(PermissionDenied, match="no longer matches"):
        review.approve(eve, entry.id, entry.version)
