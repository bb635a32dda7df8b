"""Revised documents: import a new version, re-anchor its citations, send changed numbers back.

A new version is stored as a new document naming the one it replaces; the old text and its
citations stay. In the same transaction every citation of the old version's live entries is
placed in the new text (core.reanchor), the entries move to the new version, and an entry
whose cited number changed, or whose passage was lost, is flagged ``source_changed``: an
approved one goes back to the review queue through a ``source_changed`` event (never a silent
edit), the others keep their status and carry the flag until someone edits or approves them.
"""

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from indicite.core import workflow
from indicite.core.citations import Quote, quote_at
from indicite.core.entities import Document
from indicite.core.errors import ImportRefused
from indicite.core.reanchor import CHANGED, EXACT, MOVED, ORPHANED, Placement, Reanchorer
from indicite.services.documents import DocumentMeta, prepare_import, store_document
from indicite.services.session import Session
from indicite.storage.clock import now_iso

# Digits (ASCII and full width), Chinese numerals and the signs that make a number's meaning.
NUMBER_PARTS = re.compile(
    r"[0-9０-９.．%％‰〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]+"
)


@dataclass(frozen=True, slots=True)
class Flagged:
    """An entry whose cited passage changed (or was lost) in the new version."""

    indicator_id: int
    name: str
    state: str  # changed | orphaned
    old_quote: str
    new_quote: str  # "" when orphaned
    reopened: bool  # it was approved and went back to the review queue


@dataclass
class RevisionReport:
    document_id: int
    replaces_id: int
    version_no: int
    states: Counter = field(default_factory=Counter)
    flagged: list[Flagged] = field(default_factory=list)

    @property
    def citations(self) -> int:
        return sum(self.states.values())


def numbers_differ(old: str, new: str) -> bool:
    """Whether two passages state different numbers (the words around them may differ)."""
    return NUMBER_PARTS.findall(old) != NUMBER_PARTS.findall(new)


def import_new_version(
    session: Session, path: Path, replaces_id: int, meta: DocumentMeta | None = None
) -> RevisionReport:
    """Import ``path`` as the next version of document ``replaces_id``, in one transaction.

    A file already imported as a document of its own, with no entries yet, becomes that
    version instead of being refused (someone imported it before saying it is a revision).
    """
    store = session.store
    meta = meta or DocumentMeta()
    old = _replaceable(session, replaces_id)
    prepared = prepare_import(session, path, meta)
    existing = store.documents.id_for_file_sha256(prepared.file_sha256)
    if existing == replaces_id:
        raise ImportRefused(
            "{name} is the file of document {old} itself; a new version must differ from it.",
            name=Path(path).name,
            old=replaces_id,
        )
    if existing is not None:
        return link_version(session, existing, replaces_id)
    if prepared.document.text_sha256 == old.text_sha256:
        raise ImportRefused(
            "{name} has the same text as document {old}; there is nothing to re-anchor.",
            name=Path(path).name,
            old=replaces_id,
        )
    prepared = replace(prepared, document=_as_version_of(prepared.document, old, meta))
    anchorer = Reanchorer(old.text, prepared.document.text)
    with store.transaction():
        _replaceable(session, replaces_id)  # nobody replaced it meanwhile
        new_id = store_document(session, prepared)
        return _replace(session, anchorer, old, replace(prepared.document, id=new_id))


def link_version(session: Session, doc_id: int, replaces_id: int) -> RevisionReport:
    """Make an imported document, with no entries of its own yet, the next version of another."""
    store = session.store
    old = _replaceable(session, replaces_id)
    new = store.documents.get(doc_id)
    if (
        doc_id == replaces_id
        or new.replaces_id is not None
        or store.indicators.for_document(doc_id)
    ):
        raise ImportRefused(
            "Document {doc_id} already has entries or versions of its own; import the new file "
            "as the version instead.",
            doc_id=doc_id,
        )
    if new.text_sha256 == old.text_sha256:
        raise ImportRefused(
            "Document {doc_id} has the same text as document {old}; there is nothing to re-anchor.",
            doc_id=doc_id,
            old=replaces_id,
        )
    anchorer = Reanchorer(old.text, new.text)
    versioned = _as_version_of(new, old, DocumentMeta(new.title, new.issuer, new.published_on,
                                                      new.source_url, new.subject))  # fmt: skip
    with store.transaction():
        _replaceable(session, replaces_id)
        store.revisions.set_version(doc_id, replaces_id, versioned.version_no)
        return _replace(session, anchorer, old, versioned)


def _replaceable(session: Session, doc_id: int) -> Document:
    """The document, if it is the current version (only that one can be replaced)."""
    store = session.store
    doc = store.documents.get(doc_id)
    later = store.revisions.successor(doc_id)
    if later is not None:
        raise ImportRefused(
            "Document {old} was already replaced by document {later}; import the new version "
            "onto the current one, document {current}.",
            old=doc_id,
            later=later,
            current=store.revisions.current(doc_id),
        )
    return doc


def _as_version_of(doc: Document, old: Document, meta: DocumentMeta) -> Document:
    """A new version keeps what is known of the document unless the user says otherwise."""
    return replace(
        doc,
        title=meta.title or old.title,
        issuer=meta.issuer or old.issuer,
        published_on=meta.published_on or old.published_on,
        source_url=meta.source_url or old.source_url,
        subject=meta.subject or old.subject,
        replaces_id=old.id,
        version_no=old.version_no + 1,
    )


def _replace(
    session: Session, anchorer: Reanchorer, old: Document, new: Document
) -> RevisionReport:
    """Inside the transaction: re-anchor, move the entries, record the new version."""
    assert old.id is not None and new.id is not None
    at = now_iso()
    report = RevisionReport(new.id, old.id, new.version_no)
    _reanchor(session, anchorer, old, new, at, report)
    session.store.events.append(
        at=at,
        who=session.user,
        action="new_version",
        document_id=new.id,
        before={"document_id": old.id, "version_no": old.version_no},
        after={
            "document_id": new.id,
            "version_no": new.version_no,
            "citations": dict(report.states),
        },
    )
    return report


def _reanchor(
    session: Session,
    anchorer: Reanchorer,
    old: Document,
    new: Document,
    at: str,
    report: RevisionReport,
) -> None:
    store = session.store
    assert old.id is not None and new.id is not None
    changed_entries: dict[int, list[tuple[str, str, str]]] = {}
    moved, placed, orphaned = [], [], []
    for citation in store.revisions.live_citations(old.id):
        placement = anchorer.place(
            citation["start"], citation["end"], citation["exact"], citation["prefix"],
            citation["suffix"],
        )  # fmt: skip
        report.states[placement.state] += 1
        if placement.state == ORPHANED:
            orphaned.append(citation["id"])
            changed_entries.setdefault(citation["indicator_id"], []).append(
                (ORPHANED, citation["exact"], "")
            )
            continue
        quote = _quote(new, placement)
        moved.append(citation)
        placed.append((citation["id"], quote, placement.state, placement.score))
        if placement.state == CHANGED and numbers_differ(citation["exact"], quote.exact):
            changed_entries.setdefault(citation["indicator_id"], []).append(
                (CHANGED, citation["exact"], quote.exact)
            )
    store.revisions.keep_placements(moved, old.id, at)
    store.revisions.place(placed, new.id)
    store.revisions.mark_orphaned(orphaned)
    store.revisions.move_entries(old.id, new.id)
    for ind_id, changes in changed_entries.items():
        report.flagged.extend(_flag(session, ind_id, new, changes, at))


def _quote(doc: Document, placement: Placement) -> Quote:
    assert placement.start is not None and placement.end is not None
    return quote_at(doc.text, placement.start, placement.end, doc.page_starts)


def _flag(
    session: Session, ind_id: int, new: Document, changes: list[tuple[str, str, str]], at: str
) -> list[Flagged]:
    """Mark an entry whose source changed; an approved one goes back to review."""
    store = session.store
    current = store.indicators.get(ind_id)
    status = workflow.status_after_source_change(current.status)
    updates: dict[str, Any] = {"source_changed": 1}
    if status != current.status:
        updates["status"] = status
    store.indicators.update(ind_id, updates, current.version)
    if status == "submitted" and current.status != "submitted":
        store.review.mark_submitted(ind_id, at)
    store.events.append(
        at=at,
        who=session.user,
        action="source_changed",
        indicator_id=ind_id,
        document_id=new.id,
        before={"status": current.status, "quotes": [old for _, old, _ in changes]},
        after={
            "status": status,
            "quotes": [new_quote for _, _, new_quote in changes],
            "version_no": new.version_no,
        },
        comment="",
    )
    reopened = status != current.status
    return [
        Flagged(ind_id, current.name, state, old_quote, new_quote, reopened)
        for state, old_quote, new_quote in changes
    ]


def versions(session: Session, doc_id: int) -> list[dict[str, Any]]:
    """Every version in the line of a document, oldest first."""
    session.store.documents.get(doc_id)  # NotFound for a wrong id
    return session.store.revisions.versions(doc_id)


def current_version(session: Session, doc_id: int) -> int:
    return session.store.revisions.current(doc_id)


@dataclass(frozen=True, slots=True)
class SourceChange:
    """One cited passage of an entry as it read before and as it reads in the new version."""

    indicator_id: int
    name: str
    state: str  # changed | orphaned
    old: tuple[str, str, str]  # prefix, quote, suffix
    new: tuple[str, str, str] | None  # None when the passage is not in the new version


def source_changes(session: Session, doc_id: int, ind_id: int | None = None) -> list[SourceChange]:
    """The changed and orphaned citations of a document's entries (or of one entry)."""
    store = session.store
    changes = []
    for row in store.revisions.flagged(doc_id):
        if ind_id is not None and row["indicator_id"] != ind_id:
            continue
        here = (row["prefix"], row["exact"], row["suffix"])
        if row["anchor_state"] == ORPHANED:
            old, new = here, None
        else:
            before = store.revisions.placements(row["citation_id"])[-1]
            old, new = (before["prefix"], before["exact"], before["suffix"]), here
        changes.append(
            SourceChange(row["indicator_id"], row["name"], row["anchor_state"], old, new)
        )
    return changes


def state_counts(session: Session) -> list[dict[str, Any]]:
    return session.store.revisions.state_counts()


def likely_earlier_version(session: Session, doc_id: int) -> int | None:
    """Another current document that ``doc_id`` may be a new version of: the same title and
    issuer, or the same URL."""
    doc = session.store.documents.get(doc_id)
    return session.store.revisions.likely_predecessor(doc_id, doc.title, doc.issuer, doc.source_url)


class Carrier:
    """Carries quotes cited in an earlier version over to the current one, the way importing
    the new version did (``indicite load`` of an export made before the revision)."""

    def __init__(self, session: Session):
        self._store = session.store
        self._anchorers: dict[tuple[int, int], Reanchorer] = {}
        self._docs: dict[int, Document] = {}
        self._later: dict[int, int | None] = {}  # a load asks once per document, not per row

    def current(self, doc_id: int) -> int:
        while (later := self._successor(doc_id)) is not None:
            doc_id = later
        return doc_id

    def _successor(self, doc_id: int) -> int | None:
        if doc_id not in self._later:
            self._later[doc_id] = self._store.revisions.successor(doc_id)
        return self._later[doc_id]

    def carry(self, doc: Document, quote: Quote) -> tuple[int, Quote, str]:
        """(document, quote, anchor state) of ``quote`` (in ``doc``) in the current version;
        a quote lost on the way stays where it was last found, ``orphaned``."""
        assert doc.id is not None
        state = ""
        while (later := self._successor(doc.id)) is not None:
            new = self._doc(later)
            placement = self._anchorer(doc, new).place(
                quote.start, quote.end, quote.exact, quote.prefix, quote.suffix
            )
            if not placement.placed:
                return doc.id, quote, ORPHANED
            state = _worse(state, placement.state)
            doc, quote = new, _quote(new, placement)
        assert doc.id is not None
        return doc.id, quote, state

    def _doc(self, doc_id: int) -> Document:
        if doc_id not in self._docs:
            self._docs[doc_id] = self._store.documents.get(doc_id)
        return self._docs[doc_id]

    def _anchorer(self, old: Document, new: Document) -> Reanchorer:
        key = (int(old.id or 0), int(new.id or 0))
        if key not in self._anchorers:
            self._anchorers[key] = Reanchorer(old.text, new.text)
        return self._anchorers[key]


def _worse(a: str, b: str) -> str:
    """The state of a quote carried over two revisions: the less certain of the two."""
    order = ("", EXACT, MOVED, CHANGED, ORPHANED)
    return max(a, b, key=order.index)


@dataclass(frozen=True, slots=True)
class DiffHunk:
    """One edit between two versions, with the citations that touch it on either side."""

    before: str
    old: str
    new: str
    after: str
    old_citations: tuple[tuple[str, str], ...]  # (entry name, anchor state) in the old version
    new_citations: tuple[tuple[str, str], ...]


def version_diff(session: Session, doc_id: int) -> list[DiffHunk]:
    """What changed from the version ``doc_id`` replaces to ``doc_id`` (empty for a first
    version), with the citations of both versions that touch each change."""
    store = session.store
    new = store.documents.get(doc_id)
    if new.replaces_id is None:
        return []
    old = store.documents.get(new.replaces_id)
    old_cited = store.revisions.cited_spans(old.id, placements=True)
    new_cited = store.revisions.cited_spans(doc_id, placements=False)
    out = []
    for hunk in Reanchorer(old.text, new.text).hunks():
        out.append(
            DiffHunk(
                hunk.before,
                old.text[hunk.old_start : hunk.old_end],
                new.text[hunk.new_start : hunk.new_end],
                hunk.after,
                _touching(old_cited, hunk.old_start, hunk.old_end),
                _touching(new_cited, hunk.new_start, hunk.new_end),
            )
        )
    return out


def _touching(spans: list[dict[str, Any]], start: int, end: int) -> tuple[tuple[str, str], ...]:
    return tuple((s["name"], s["state"]) for s in spans if s["start"] <= end and s["end"] >= start)
