"""Review: submit, approve, return and reopen entries, comment on them, and read their history.

Every call is one transaction that writes its event; the rules come from core.workflow and are
checked here, so a caller that skips the UI is refused too.
"""

from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from weakref import WeakKeyDictionary

from indicite.core import workflow
from indicite.core.checks import ERROR, Finding
from indicite.core.entities import Document, Event, Indicator
from indicite.core.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from indicite.services.checks import check_entries
from indicite.services.ocr_confidence import holds_low, low_confidence_offsets
from indicite.services.session import Session
from indicite.services.users import role_of
from indicite.services.verify import citation_problems, text_problems
from indicite.storage import Store
from indicite.storage.clock import now_iso
from indicite.storage.comments import Comment
from indicite.storage.review_queries import QueueFilter

FOUR_EYES_KEY = "four_eyes"
# Document texts kept for citation checks, per open database (code points; the 3.3 MB
# report is 1.1 million).
TEXT_CACHE_CHARS = 16_000_000


@dataclass(frozen=True, slots=True)
class QueueEntry:
    """One submitted entry in the review queue; ``problems`` lists failing citations."""

    id: int
    document_id: int
    document_title: str
    name: str
    subject: str
    period_label: str
    value: float | None
    unit: str
    value_text: str
    created_by: str
    updated_by: str
    version: int
    submitted_at: str | None
    source_changed: int = 0  # a new version of the document changed a cited number
    problems: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()  # failed consistency checks (issue 16)
    # a quoted passage holds characters OCR read with low confidence: look at the page image
    low_confidence: bool = False

    @property
    def has_errors(self) -> bool:
        return bool(self.problems) or any(f.level == ERROR for f in self.findings)


@dataclass
class ApproveReport:
    approved: list[int] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)


SOURCE_CHANGED = (
    "A new version of the document changed or lost a cited number: compare the passages "
    "before approving."
)
# A person who edits, re-cites or approves an entry has looked at it: a changed source
# (services.revisions) is dealt with.
SEEN = {"source_changed": 0}


def four_eyes(session: Session) -> bool:
    return session.store.settings.get(FOUR_EYES_KEY, "on") == "on"


def set_four_eyes(session: Session, on: bool) -> None:
    """Admins only; the change is itself an event."""
    store = session.store
    with store.transaction():
        if role_of(session) != "admin":
            raise PermissionDenied("Only an admin can change the four-eyes rule.")
        before = four_eyes(session)
        if before == on:
            return
        store.settings.set(FOUR_EYES_KEY, "on" if on else "off")
        store.events.append(
            at=now_iso(),
            who=session.user,
            action="set_four_eyes",
            before={"four_eyes": before},
            after={"four_eyes": on},
        )


def require(session: Session, action: str, ind: Indicator, comment: str | None = None) -> None:
    """Refuse ``action`` on ``ind`` unless the workflow rules allow it for the session's user."""
    workflow.check(
        action,
        ind,
        session.user,
        role_of(session),
        four_eyes(session),
        facts_for(session, ind, action),
        comment=comment,
    )


def allowed_actions(session: Session, ind: Indicator) -> set[str]:
    """What the UI may offer for this entry now."""
    return workflow.allowed_actions(
        ind, session.user, role_of(session), four_eyes(session), facts_for(session, ind)
    )


def refusal_of(session: Session, action: str, ind: Indicator) -> PermissionDenied | None:
    """Why the UI does not offer ``action`` (shown as a tooltip), or None when it may."""
    return workflow.refusal(
        action,
        ind,
        session.user,
        role_of(session),
        four_eyes(session),
        facts_for(session, ind, action),
    )


def facts_for(session: Session, ind: Indicator, action: str | None = None) -> workflow.Facts:
    """What the rules need to know about ``ind``, looked up only when ``action`` needs it."""
    citations_ok = action not in (None, "approve") or not problems_of(session, ind)
    edited = True
    if ind.status == "returned" and action in (None, "submit") and ind.id is not None:
        actions = [e.action for e in history(session, ind.id)]
        since_return = actions[len(actions) - actions[::-1].index("return") :]
        edited = any(a in ("edit", "cite", "uncite") for a in since_return)
    return workflow.Facts(citations_ok=citations_ok, edited_since_return=edited)


class DocumentChecks:
    """Each document's text checked against its sha256 once, and recent texts kept to check
    citations against, for one open database.

    A document's text never changes after import, so a verdict holds as long as the stored
    sha256 it was checked against does; every check compares that stored hash afresh.
    """

    def __init__(self) -> None:
        self._verdicts: dict[int, tuple[str, list[str]]] = {}  # id -> (stored sha256, problems)
        self._texts: OrderedDict[int, str] = OrderedDict()
        self._chars = 0

    def texts(self, store: Store, doc_ids: Iterable[int]) -> dict[int, str]:
        """The texts of these documents, reading (and hashing) only those not held yet."""
        wanted = set(doc_ids)
        missing = wanted - self._texts.keys()
        for doc_id, (text, sha256) in store.review.document_texts(missing).items():
            self._verdicts[doc_id] = sha256, text_problems(Document(text=text, text_sha256=sha256))
            self._texts[doc_id] = text
            self._chars += len(text)
        for doc_id in wanted & self._texts.keys():
            self._texts.move_to_end(doc_id)
        while self._chars > TEXT_CACHE_CHARS and len(self._texts) > len(wanted):
            self._forget(next(iter(self._texts)))
        return {doc_id: self._texts[doc_id] for doc_id in wanted if doc_id in self._texts}

    def text_problems(self, store: Store, doc_id: int, stored_sha256: str | None) -> list[str]:
        """Whether the document's text still hashes to ``stored_sha256`` (as stored now)."""
        verdict = self._verdicts.get(doc_id)
        if verdict is None or verdict[0] != stored_sha256:
            self._forget(doc_id)  # its stored hash changed: read and hash it again
            self.texts(store, [doc_id])
            verdict = self._verdicts.get(doc_id, (stored_sha256, []))
        return list(verdict[1])

    def _forget(self, doc_id: int) -> None:
        text = self._texts.pop(doc_id, None)
        if text is not None:
            self._chars -= len(text)


_CHECKS: "WeakKeyDictionary[Store, DocumentChecks]" = WeakKeyDictionary()


def document_checks(session: Session) -> DocumentChecks:
    """The checks of the session's database, made once per open database."""
    return _CHECKS.setdefault(session.store, DocumentChecks())


def problems_of(session: Session, ind: Indicator) -> list[str]:
    """Why the entry's citations cannot be trusted now (empty when they all hold).

    The citations are the entry's as stored now and the document's stored sha256 is read
    again, so approval stays authoritative; the text itself is hashed once per session.
    """
    assert ind.document_id is not None
    store, checks = session.store, document_checks(session)
    doc_id = ind.document_id
    texts = checks.texts(store, [doc_id])
    problems = checks.text_problems(store, doc_id, store.review.text_sha256(doc_id))
    return problems + citation_problems(Document(text=texts.get(doc_id, "")), ind)


def submit(session: Session, ind_id: int, expected_version: int) -> Indicator:
    return _transition(session, "submit", ind_id, expected_version)


def approve(session: Session, ind_id: int, expected_version: int) -> Indicator:
    return _transition(session, "approve", ind_id, expected_version)


def return_(session: Session, ind_id: int, expected_version: int, comment: str) -> Indicator:
    """Send back to the enterer; the comment says what to fix."""
    return _transition(session, "return", ind_id, expected_version, comment)


def reopen(session: Session, ind_id: int, expected_version: int, comment: str) -> Indicator:
    """Unlock an approved entry (back to draft); the comment says why."""
    return _transition(session, "reopen", ind_id, expected_version, comment)


def withdraw(session: Session, ind_id: int, expected_version: int) -> Indicator:
    """Take a submitted entry back to draft before it is reviewed (undoes a submit)."""
    return _transition(session, "withdraw", ind_id, expected_version)


def approve_many(session: Session, versions: Mapping[int, int]) -> ApproveReport:
    """Approve each entry (id -> version as loaded) the rules allow; report the others and why."""
    report = ApproveReport()
    with session.store.transaction():
        for ind_id, version in versions.items():
            try:
                approve(session, ind_id, version)
            except (PermissionDenied, ConflictError, NotFound) as e:
                report.skipped.append((ind_id, str(e)))
            else:
                report.approved.append(ind_id)
    return report


def add_comment(session: Session, ind_id: int, body: str) -> Comment:
    body = body.strip()
    if not body:
        raise ValidationError("comment", "Type a comment first.")
    store = session.store
    at = now_iso()
    with store.transaction():
        ind = store.indicators.get(ind_id)
        require(session, "comment", ind)
        comment_id = store.comments.add(ind_id, at, session.user, "comment", body)
        store.events.append(
            at=at,
            who=session.user,
            action="comment",
            indicator_id=ind_id,
            document_id=ind.document_id,
            comment=body,
        )
    return Comment(comment_id, ind_id, at, session.user, "comment", body)


def comments(session: Session, ind_id: int) -> list[Comment]:
    """The thread: remarks and the reasons given for returns and reopens, oldest first."""
    return session.store.comments.for_indicator(ind_id)


def return_comment(session: Session, ind: Indicator) -> Comment | None:
    """The editor's reason, while the entry is returned (shown at the top of the form)."""
    if ind.status != "returned" or ind.id is None:
        return None
    return session.store.comments.latest(ind.id, "return")


def history(session: Session, ind_id: int) -> list[Event]:
    """Every event of the entry, in the order it happened."""
    return session.store.events.for_indicator(ind_id)


def changes_since_approved(session: Session, ind_id: int) -> dict[str, tuple[Any, Any]]:
    """Fields changed since the last approval: name -> (approved value, current value)."""
    events = history(session, ind_id)
    approvals = [i for i, e in enumerate(events) if e.action == "approve"]
    if not approvals:
        return {}
    later = events[approvals[-1] + 1 :]
    current = session.store.indicators.get(ind_id)
    approved: dict[str, Any] = {}
    for event in later:
        if event.action == "edit" and event.before:
            for name, value in event.before.items():
                approved.setdefault(name, value)
    changed = {
        name: (old, getattr(current, name))
        for name, old in approved.items()
        if old != getattr(current, name)
    }
    spans = {(c.start, c.end) for c in current.citations}
    old_spans = set(spans)
    for event in reversed(later):
        if event.action == "cite" and event.after:
            old_spans.discard((event.after["start"], event.after["end"]))
        elif event.action == "uncite" and event.before:
            old_spans.add((event.before["start"], event.before["end"]))
    if old_spans != spans:
        changed["citations"] = (sorted(old_spans), sorted(spans))
    return changed


def queue_ids(
    session: Session, where: QueueFilter | None = None, keep: Iterable[int] = ()
) -> list[int]:
    """Ids of the submitted entries, oldest submission first; ``keep`` adds entries acted on
    during this pass, each in its place."""
    return session.store.review.queue_ids(where or QueueFilter(), keep)


def queue_entries(session: Session, ids: Sequence[int]) -> dict[int, QueueEntry]:
    """These entries (a page of the queue) with their citation problems, keyed by id.

    One query for the rows and one for their citations; each document's text is hashed once
    per session, not once per entry.
    """
    store, checks = session.store, document_checks(session)
    rows = store.review.queue_rows(ids)
    found = check_entries(session, list(rows))
    cited = store.review.citations_of(list(rows))
    texts = checks.texts(store, {row["document_id"] for row in rows.values()})
    low = {doc_id: low_confidence_offsets(session, doc_id) for doc_id in texts}
    entries = {}
    for ind_id, row in rows.items():
        doc_id, stored_sha256 = row["document_id"], row.pop("text_sha256")
        uncertain = any(holds_low(low.get(doc_id, []), c.start, c.end) for c in cited[ind_id])
        problems = checks.text_problems(store, doc_id, stored_sha256) + citation_problems(
            Document(text=texts.get(doc_id, "")), Indicator(citations=cited[ind_id])
        )
        if row["source_changed"]:  # a warning in the Check column; it does not block approval
            problems.append(SOURCE_CHANGED)
        entries[ind_id] = QueueEntry(
            **row,
            problems=tuple(problems),
            findings=tuple(found.get(ind_id, ())),
            low_confidence=uncertain,
        )
    return entries


def ids_with_findings(session: Session, ids: Sequence[int]) -> list[int]:
    """Those of ``ids`` (in their order) that fail a consistency check ("has warnings")."""
    found = check_entries(session, ids)
    return [ind_id for ind_id in ids if found.get(ind_id)]


def review_queue(session: Session, where: QueueFilter | None = None) -> list[QueueEntry]:
    """The whole queue of submitted entries, oldest submission first (for a report or a test;
    the review view pages through ``queue_ids`` with ``queue_entries``)."""
    ids = queue_ids(session, where)
    entries = queue_entries(session, ids)
    return [entries[ind_id] for ind_id in ids]


def enterers(session: Session) -> list[str]:
    return session.store.review.enterers()


def document_titles(session: Session) -> list[tuple[int, str]]:
    """Every document (id, title), newest first, for the queue's filter."""
    return session.store.review.document_titles()


def _transition(
    session: Session, action: str, ind_id: int, expected_version: int, comment: str = ""
) -> Indicator:
    store = session.store
    at = now_iso()
    with store.transaction():
        current = store.indicators.get(ind_id)
        require(session, action, current, comment)
        changes: dict[str, Any] = {"status": workflow.target_status(action)}
        if action in ("approve", "return"):
            changes |= {"reviewed_by": session.user, "reviewed_at": at}
        if action == "approve":
            changes |= SEEN
        store.indicators.update(ind_id, changes, expected_version)
        if action == "submit":
            store.review.mark_submitted(ind_id, at)
        comment = comment.strip()
        if comment:
            store.comments.add(ind_id, at, session.user, action, comment)
        store.events.append(
            at=at,
            who=session.user,
            action=action,
            indicator_id=ind_id,
            document_id=current.document_id,
            before={"status": current.status},
            after={"status": changes["status"]},
            comment=comment,
        )
        return store.indicators.get(ind_id)
