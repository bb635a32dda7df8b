"""The review state machine: every allowed transition, every refusal, in core and in services."""

import pytest

from indicite.core import workflow
from indicite.core.entities import STATUSES, Indicator
from indicite.core.errors import PermissionDenied, ValidationError
from indicite.services import review
from indicite.services.indicators import (
    add_citation,
    create_indicator,
    delete_indicator,
    remove_citation,
    update_indicator,
)
from indicite.services.session import Session
from indicite.services.users import add_user, ensure_user

ALLOWED = {
    ("draft", "submit"): "submitted",
    ("returned", "submit"): "submitted",
    ("submitted", "approve"): "approved",
    ("submitted", "return"): "returned",
    ("approved", "reopen"): "draft",
    ("submitted", "withdraw"): "draft",
}


def entry(status: str, by: str = "sam") -> Indicator:
    return Indicator(id=1, document_id=1, name="x", status=status, created_by=by, updated_by=by)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", list(workflow.TRANSITIONS))
def test_transition_table(status, action):
    """An editor who did not touch the entry may do exactly the listed transitions."""
    reason = workflow.refusal(action, entry(status), "eve", "editor")
    if (status, action) in ALLOWED:
        assert reason is None
        assert workflow.target_status(action) == ALLOWED[status, action]
    else:
        assert reason is not None and status in str(reason)


@pytest.mark.parametrize("action", ["approve", "return", "reopen"])
def test_staff_cannot_review(action):
    status = "approved" if action == "reopen" else "submitted"
    with pytest.raises(PermissionDenied, match="Only an editor"):
        workflow.check(action, entry(status, by="ann"), "sam", "staff", comment="why")


def test_staff_submits_and_edits_but_does_not_approve():
    assert workflow.allowed_actions(entry("draft"), "sam", "staff") == {
        "submit",
        "edit",
        "delete",
        "comment",
    }
    assert workflow.allowed_actions(entry("submitted"), "sam", "staff") == {
        "withdraw",
        "edit",
        "delete",
        "comment",
    }


def test_approved_entry_is_locked_until_reopened():
    assert workflow.allowed_actions(entry("approved"), "eve", "editor") == {"reopen", "comment"}
    for action in ("edit", "delete"):
        with pytest.raises(PermissionDenied, match="approved and locked"):
            workflow.check(action, entry("approved"), "eve", "admin")


@pytest.mark.parametrize("field", ["created_by", "updated_by"])
def test_four_eyes_refuses_own_entry_unless_switched_off(field):
    ind = entry("submitted")
    setattr(ind, field, "eve")
    with pytest.raises(PermissionDenied, match="Four eyes"):
        workflow.check("approve", ind, "eve", "editor")
    workflow.check("approve", ind, "eve", "editor", four_eyes=False)


@pytest.mark.parametrize("action", ["return", "reopen"])
def test_return_and_reopen_need_a_comment(action):
    status = "approved" if action == "reopen" else "submitted"
    with pytest.raises(ValidationError, match="comment"):
        workflow.check(action, entry(status), "eve", "editor", comment="  ")


def test_failing_citation_cannot_be_approved_but_can_be_returned():
    ind = entry("submitted")
    facts = workflow.Facts(citations_ok=False)
    assert workflow.allowed_actions(ind, "eve", "editor", True, facts) == {
        "return",
        "withdraw",
        "edit",
        "delete",
        "comment",
    }


def test_returned_entry_is_resubmitted_only_after_a_change():
    unchanged = workflow.Facts(edited_since_return=False)
    with pytest.raises(PermissionDenied, match="not changed since"):
        workflow.check("submit", entry("returned"), "sam", "staff", True, unchanged)
    workflow.check("submit", entry("returned"), "sam", "staff", True, workflow.Facts())


def test_deleted_entry_allows_nothing():
    ind = entry("draft")
    ind.deleted_at = "2026-01-01"
    assert workflow.allowed_actions(ind, "eve", "admin") == set()


# The same rules, enforced by the services when called directly.


@pytest.fixture
def people(session):
    ensure_user(session)  # "tester", the first user, is admin
    add_user(session, "eve", "editor")
    add_user(session, "sam", "staff")
    return {name: Session(session.store, name) for name in ("tester", "eve", "sam")}


@pytest.fixture
def ind(people, sample_doc):
    return create_indicator(
        people["sam"], sample_doc, {"name": "增加值", "value": 4.2, "unit": "%"}, [(0, 4)]
    )


def status(session, ind_id):
    return session.store.indicators.get(ind_id).status


def test_services_walk_every_allowed_transition(people, ind):
    sam, eve = people["sam"], people["eve"]
    ind = review.submit(sam, ind.id, ind.version)
    ind = review.return_(eve, ind.id, ind.version, "请核对数值")
    assert ind.status == "returned"
    with pytest.raises(PermissionDenied, match="not changed since"):
        review.submit(sam, ind.id, ind.version)
    ind = update_indicator(sam, ind.id, {"value": 4.3}, ind.version)
    assert ind.status == "returned"  # an edit keeps it returned until resubmitted
    ind = review.submit(sam, ind.id, ind.version)
    ind = review.approve(eve, ind.id, ind.version)
    assert ind.status == "approved" and ind.reviewed_by == "eve"
    ind = review.reopen(eve, ind.id, ind.version, "口径有变")
    assert ind.status == "draft"
    actions = [e.action for e in review.history(sam, ind.id)]
    assert actions == ["create", "submit", "return", "edit", "submit", "approve", "reopen"]


def test_services_refuse_staff_review_and_four_eyes(people, ind):
    sam, eve, admin = people["sam"], people["eve"], people["tester"]
    ind = review.submit(sam, ind.id, ind.version)
    with pytest.raises(PermissionDenied):
        review.approve(sam, ind.id, ind.version)
    ind = update_indicator(eve, ind.id, {"notes": "编辑修正"}, ind.version)
    with pytest.raises(PermissionDenied, match="Four eyes"):
        review.approve(eve, ind.id, ind.version)
    review.set_four_eyes(admin, False)
    assert review.approve(eve, ind.id, ind.version).status == "approved"


def test_services_refuse_edits_of_an_approved_entry(people, ind):
    sam, eve = people["sam"], people["eve"]
    ind = review.submit(sam, ind.id, ind.version)
    ind = review.approve(eve, ind.id, ind.version)
    events_before = sam.store.events.count()
    with pytest.raises(PermissionDenied, match="locked"):
        update_indicator(sam, ind.id, {"value": 9.9}, ind.version)
    with pytest.raises(PermissionDenied, match="locked"):
        delete_indicator(sam, ind.id, ind.version)
    with pytest.raises(PermissionDenied, match="locked"):
        add_citation(sam, ind.id, (10, 14), ind.version)
    with pytest.raises(PermissionDenied, match="locked"):
        remove_citation(sam, ind.id, ind.citations[0].id, ind.version)
    stored = sam.store.indicators.get(ind.id)
    assert (stored.value, stored.status, stored.deleted_at) == (4.2, "approved", None)
    assert sam.store.events.count() == events_before


def test_services_refuse_wrong_status_and_missing_comment(people, ind):
    sam, eve = people["sam"], people["eve"]
    with pytest.raises(PermissionDenied):
        review.approve(eve, ind.id, ind.version)
    ind = review.submit(sam, ind.id, ind.version)
    with pytest.raises(PermissionDenied):
        review.submit(sam, ind.id, ind.version)
    with pytest.raises(ValidationError):
        review.return_(eve, ind.id, ind.version, "")
    with pytest.raises(PermissionDenied):
        review.reopen(eve, ind.id, ind.version, "too early")
    assert status(sam, ind.id) == "submitted"


def test_only_admin_changes_four_eyes(people):
    with pytest.raises(PermissionDenied):
        review.set_four_eyes(people["eve"], False)
    assert review.four_eyes(people["eve"])
    review.set_four_eyes(people["tester"], False)
    assert not review.four_eyes(people["eve"])
    (event,) = [e for e in _all_events(people["tester"]) if e["action"] == "set_four_eyes"]
    assert event["who"] == "tester"


def _all_events(session):
    return list(session.store.db.query("SELECT * FROM events ORDER BY id"))
