"""Loading indicators from a file (our export format or a hand-kept sheet) into the database.

Each row is cited again from the document text, never trusted blindly: its position is kept
when it still selects the quote, otherwise the quote is searched for (prefix and suffix pick
among repeats). Rows that cannot be anchored, or are already present, are reported and left
out; everything else is stored in ONE transaction, so a load that dies half-way stores nothing.

A load cannot bypass review. Every entry is the loading user's, entered now; what the file
claims (created_by/at, reviewed_by/at, status) is kept only as provenance (load_provenance,
shown in History as "from file"). Draft and submitted are kept. A row marked approved is
approved only when the loading user is an editor who is not its author (four eyes: the file's
created_by, or the loader when the file names nobody), and then the approval is that user's
act, now, in the history; otherwise, like a returned row, it comes in as submitted so an
editor looks at it. No status means draft.

Hostile files: a file-level problem (unreadable, too big, broken quoting) refuses the whole
load, so the database stays as it was; a row-level one refuses that row. The report keeps the
first ``MAX_REPORTED`` problems of each kind and counts the rest.

Reading, checking and anchoring the rows is services/load_rows.py, run in a child process for a
big file (services/load_apart.py); this module carries the quotes to the current versions,
skips repeats and writes, through storage/bulk_insert.py and the batched inserts of
storage/export_queries.py.
"""

from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from pathlib import Path
from typing import Any

from indicite.core.citations import Quote
from indicite.core.entities import Document
from indicite.core.reanchor import CHANGED, ORPHANED
from indicite.core.workflow import REVIEWERS
from indicite.services.load_apart import checked_rows_apart
from indicite.services.load_rows import (
    UNSET,
    Checked,
    Context,
    Documents,
    Loader,
    RowRefused,
    load_event,
)
from indicite.services.review import four_eyes
from indicite.services.revisions import Carrier, numbers_differ
from indicite.services.safe_output import refuse_open_database_as_input
from indicite.services.session import Session
from indicite.services.users import role_of
from indicite.storage import export_queries as q
from indicite.storage.bulk_insert import bulk_insert
from indicite.storage.clock import now_iso
from indicite.storage.provenance import PROVENANCE_FIELDS

PROGRESS_EVERY = 500
MAX_REPORTED = 20  # problems listed per kind; the rest are counted


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


@dataclass
class LoadReport:
    loaded: int = 0
    refused: list[RowProblem] = field(default_factory=list)  # not loaded: the first few
    skipped: list[RowProblem] = field(default_factory=list)  # already in the database: same
    refused_count: int = 0  # all of them
    skipped_count: int = 0
    resubmitted: int = 0  # rows marked approved or returned that came in as submitted
    approved: int = 0  # rows marked approved that the loading editor approved now

    def refuse(self, problem: RowProblem) -> None:
        self.refused_count += 1
        if len(self.refused) < MAX_REPORTED:
            self.refused.append(problem)

    def skip(self, problem: RowProblem) -> None:
        self.skipped_count += 1
        if len(self.skipped) < MAX_REPORTED:
            self.skipped.append(problem)


class _Documents(Documents):
    """The database's documents, each text read once, and how to carry a quote to a newer
    version of its document."""

    def __init__(self, session: Session):
        self._store = session.store
        self._docs: dict[int, Document] = {}
        db = session.store.db
        super().__init__(q.documents_by_sha256(db), q.documents_by_title(db), self._get)
        self.carrier = Carrier(session)
        self.catalog_codes = session.store.catalog.by_code()

    def _get(self, doc_id: int) -> Document:
        if doc_id not in self._docs:
            self._docs[doc_id] = self._store.documents.get(doc_id)
        return self._docs[doc_id]


@dataclass
class _Row:
    """One row made ready to store: its document, fields, anchored citations, the file's
    claims about its past and the status it comes in with."""

    document_id: int
    fields: dict[str, Any]
    quotes: list[Quote]
    placed: list[tuple[int, str, str]]  # each quote's document version, re-anchoring state
    # and the quote as the file gave it
    claims: dict[str, Any]
    status: str
    approve_now: bool
    after: str  # its load event's ``after`` as JSON when the file side wrote it

    @property
    def source_changed(self) -> bool:
        """A quote carried to a newer version changed its number there, or was lost."""
        for (_, state, was), quote in zip(self.placed, self.quotes, strict=True):
            if state == ORPHANED:
                return True
            if state == CHANGED and numbers_differ(was, quote.exact):
                return True
        return False

    @property
    def key(self) -> tuple[str, float | None, int, int]:
        """What makes two rows the same entry (with the document): see existing_keys."""
        return (self.fields["name"], self.fields.get("value"), self.quotes[0].start,
                self.quotes[0].end)  # fmt: skip


def _prepare(row: Checked, documents: _Documents) -> _Row:
    """The checked row with each quote carried to the current version of its document
    (issue 17); RowRefused says why it cannot be loaded."""
    if row.refusal:
        raise RowRefused(row.refusal)
    quotes, placed = [], []
    for doc_id, quote in row.quotes:
        current, carried, state = documents.carrier.carry(documents.get(doc_id), quote)
        quotes.append(carried)
        placed.append((current, state, quote.exact))
    document_id = documents.carrier.current(row.document_id)
    return _Row(
        document_id, row.fields, quotes, placed, row.claims, row.status, row.approve_now, row.after
    )


def _stored(ready: _Row, user: str, at: str) -> dict[str, Any]:
    """The indicators row: entered by the loading user now, approved by them if at all."""
    return {
        **UNSET,
        **ready.fields,
        "document_id": ready.document_id,
        "status": ready.status,
        "version": 1,
        "created_by": user,
        "created_at": at,
        "updated_by": user,
        "updated_at": at,
        "reviewed_by": user if ready.approve_now else None,
        "reviewed_at": at if ready.approve_now else None,
        # a loaded submitted entry joins the review queue now, in load order
        "submitted_at": at if ready.status in ("submitted", "approved") else None,
        "source_changed": int(ready.source_changed),
    }


def load(
    session: Session,
    path: str | Path,
    progress: Callable[[int], None] | None = None,
) -> LoadReport:
    """Load every good row of ``path`` in one transaction and report the others by row number.

    ``progress(rows_read)`` is called every few hundred rows, before the row is handled.
    """
    path = Path(path)
    refuse_open_database_as_input(path)
    store = session.store
    documents = _Documents(session)
    loader = Loader(session.user, role_of(session) in REVIEWERS, four_eyes(session))
    replaced = q.replaced_documents(store.db)
    context = Context(documents, documents.catalog_codes, loader, path.name, replaced)
    rows = checked_rows_apart(path, context, partial(q.document_texts, store.db))
    report = LoadReport()
    present: dict[int, set] = {}
    at = now_iso()
    with (
        closing(rows),  # a load that stops early stops the child reading the file
        store.transaction(),
        bulk_insert(store.db),
        q.loaded_rows(store.db) as batch,
    ):
        for done, row in enumerate(rows, start=1):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done)
            number = row.number
            try:
                ready = _prepare(row, documents)
            except RowRefused as e:
                report.refuse(RowProblem(number, str(e)))
                continue
            if ready.document_id not in present:
                present[ready.document_id] = q.existing_keys(store.db, ready.document_id)
            key = ready.key
            if key in present[ready.document_id]:
                reason = f"“{ready.fields['name']}” is already in document {ready.document_id}"
                report.skip(RowProblem(number, reason))
                continue
            present[ready.document_id].add(key)
            _insert(session, batch, ready, path.name, number, at)
            report.loaded += 1
            report.approved += ready.approve_now
            report.resubmitted += ready.claims["status"] in ("approved", "returned") and (
                ready.status == "submitted"
            )
    return report


_claimed = itemgetter(*PROVENANCE_FIELDS)


def _insert(
    session: Session, rows: q.LoadedRows, ready: _Row, file: str, number: int, at: str
) -> None:
    """The entry, its citations, its load event (with the file's claims), its provenance and,
    when the loader approves it, their approve event."""
    indicator = _stored(ready, session.user, at)
    claims = ready.claims
    after = ready.after or load_event(
        ready.fields, ready.status, ready.approve_now, ready.quotes, file, number, claims
    )
    events: list[dict[str, Any]] = [
        {"at": at, "who": session.user, "action": "load", "after": after, "comment": ""}
    ]
    if ready.approve_now:
        events.append(
            {
                "at": at,
                "who": session.user,
                "action": "approve",
                "before": {"status": "submitted"},
                "after": {"status": "approved"},
            }
        )
    citations = [  # as q.LOADED_CITATION_COLUMNS
        [document_id, quote.start, quote.end, quote.exact, quote.prefix, quote.suffix,
         quote.page, position, state]
        for position, (quote, (document_id, state, _)) in enumerate(
            zip(ready.quotes, ready.placed, strict=True)
        )
    ]  # fmt: skip
    provenance = [file, number, *_claimed(claims)]  # as q.LOADED_PROVENANCE_COLUMNS
    q.insert_loaded(rows, indicator, citations, events, provenance)
