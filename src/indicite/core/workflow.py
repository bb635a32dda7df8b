"""The review workflow as one state machine with its permissions.

draft → submitted → approved; submitted → returned (comment required) → submitted once it
was changed; a submitted entry can be withdrawn to draft (how a submit is undone);
an editor reopens an approved entry (comment required), which makes it a draft again;
a new version of the document that changes a cited number sends an approved entry back to
submitted (``status_after_source_change``).
An approved entry is locked: no edit, citation change or delete until it is reopened.
Four eyes: an editor may not approve an entry they created or last changed.

The UI asks ``allowed_actions`` to decide what to offer; the services call ``check`` so the
rules hold even when a caller skips the UI.
"""

from dataclasses import dataclass

from indicite.core.entities import Indicator
from indicite.core.errors import PermissionDenied, ValidationError

REVIEWERS = frozenset({"editor", "admin"})
EVERYONE = frozenset({"staff", "editor", "admin"})


@dataclass(frozen=True, slots=True)
class Transition:
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    needs_comment: bool = False


TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(frozenset({"draft", "returned"}), "submitted", EVERYONE),
    "approve": Transition(frozenset({"submitted"}), "approved", REVIEWERS),
    "return": Transition(frozenset({"submitted"}), "returned", REVIEWERS, needs_comment=True),
    "reopen": Transition(frozenset({"approved"}), "draft", REVIEWERS, needs_comment=True),
    "withdraw": Transition(frozenset({"submitted"}), "draft", EVERYONE),
}
# Actions that change an entry's content; none of them changes its status.
CONTENT_ACTIONS = ("edit", "delete")
ACTIONS = (*TRANSITIONS, *CONTENT_ACTIONS, "comment")


def status_after_source_change(status: str) -> str:
    """A new version of the document changed a cited number: an approved entry is no longer
    checked against its source, so it goes back to the review queue (services.revisions)."""
    return "submitted" if status == "approved" else status


def target_status(action: str) -> str:
    return TRANSITIONS[action].target


def needs_comment(action: str) -> bool:
    return action in TRANSITIONS and TRANSITIONS[action].needs_comment


@dataclass(frozen=True, slots=True)
class Facts:
    """What the rules need beyond the entry itself; the caller finds them out."""

    citations_ok: bool = True  # every cited passage still reads as quoted
    edited_since_return: bool = True  # a returned entry was changed after it came back


def refusal(
    action: str,
    indicator: Indicator,
    user: str,
    role: str,
    four_eyes: bool = True,
    facts: Facts = Facts(),
) -> PermissionDenied | None:
    """Why ``user`` (with ``role``) may not do ``action`` now (the error to raise or show),
    or None when they may."""
    if action not in ACTIONS:
        raise ValueError(f"unknown workflow action: {action}")
    if indicator.deleted_at:
        return PermissionDenied("This entry was deleted; restore it first.")
    if action == "comment":
        return None
    if action in CONTENT_ACTIONS:
        if indicator.status == "approved":
            return PermissionDenied(
                "This entry is approved and locked; an editor must reopen it before it changes."
            )
        return None
    rule = TRANSITIONS[action]
    if role not in rule.roles:
        return PermissionDenied(
            "Only an editor can {action} an entry; your role is {role}.", action=action, role=role
        )
    if indicator.status not in rule.sources:
        return PermissionDenied(
            "This entry is {status}, so it cannot be {past}.",
            status=indicator.status,
            past=_past(action),
        )
    if action == "submit" and indicator.status == "returned" and not facts.edited_since_return:
        return PermissionDenied(
            "It was returned and has not changed since: fix it (or explain in Notes) "
            "before submitting it again."
        )
    if action == "approve":
        if four_eyes and user in (indicator.created_by, indicator.updated_by):
            who = "entered" if user == indicator.created_by else "last changed"
            return PermissionDenied(
                "Four eyes: you {who} this entry, so another editor must approve it.", who=who
            )
        if not facts.citations_ok:
            return PermissionDenied(
                "A cited passage no longer matches the document; fix the citation first."
            )
    return None


def allowed_actions(
    indicator: Indicator,
    user: str,
    role: str,
    four_eyes: bool = True,
    facts: Facts = Facts(),
) -> set[str]:
    """Everything the rules let this user do to this entry right now."""
    return {
        action
        for action in ACTIONS
        if refusal(action, indicator, user, role, four_eyes, facts) is None
    }


def check(
    action: str,
    indicator: Indicator,
    user: str,
    role: str,
    four_eyes: bool = True,
    facts: Facts = Facts(),
    *,
    comment: str | None = None,
) -> None:
    """Raise PermissionDenied (with the reason) unless the rules allow the action."""
    denied = refusal(action, indicator, user, role, four_eyes, facts)
    if denied is not None:
        raise denied
    if needs_comment(action) and not (comment or "").strip():
        raise ValidationError(
            "comment", "Write a comment saying why before you {action} it.", action=action
        )


def _past(action: str) -> str:
    if action == "submit":
        return "submitted"
    if action == "withdraw":
        return "withdrawn"
    return action + "d" if action.endswith("e") else action + "ed"
