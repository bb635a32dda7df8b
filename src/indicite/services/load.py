"""Loading indicators from a file (our export format or a hand-kept sheet) into the database.

Each row is cited again from the document text, never trusted blindly: its position is kept
when it still selects the quote, otherwise the quote is searched for (prefix and suffix pick
among repeats). Rows that cannot be anchored, or are already present, are reported and left
out; everything else is stored in ONE transaction, so a load that dies half-way stores nothing.

Status from the file: draft, submitted and returned are kept; approved is kept only when the
file also says who approved it and when (reviewed_by, reviewed_at), otherwise the entry comes
in as submitted so an editor looks at it. No status means draft.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indicite.core.citations import Quote, find_quote, is_anchored, quote_at
from indicite.core.entities import INDICATOR_FIELDS, STATUSES, Document
from indicite.core.errors import IndiciteError, ValidationError
from indicite.core.validation import check_fields, parse_value
from indicite.io.table_reader import read_table
from indicite.services.indicators import with_base
from indicite.services.session import Session
from indicite.storage import export_queries as q
from indicite.storage.clock import now_iso
from indicite.storage.indicators import citation_row

PROGRESS_EVERY = 500


class RowRefused(IndiciteError):
    """One row cannot be loaded; the message says why."""


@dataclass(frozen=True)
class RowProblem:
    row: int
    reason: str

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


@dataclass
class LoadReport:
    loaded: int = 0
    refused: list[RowProblem] = field(default_factory=list)  # not loaded: fix and load again
    skipped: list[RowProblem] = field(default_factory=list)  # already in the database
    resubmitted: int = 0  # 'approved' rows without a reviewer, loaded as submitted


def _number(name: str, value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(name, "{name} “{value}” is not a number", name=name, value=value)
    if isinstance(value, int | float):
        return float(value)
    try:
        return parse_value(str(value))
    except ValidationError:
        raise ValidationError(
            name, "{name} “{value}” is not a number", name=name, value=value
        ) from None


def _int(name: str, value: Any) -> int | None:
    number = _number(name, value)
    if number is None:
        return None
    if number != int(number):
        raise ValidationError(
            name, "{name} “{value}” is not a whole number", name=name, value=value
        )
    return int(number)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _Documents:
    """Finds the document a row cites, by sha256 or title, reading each text once."""

    def __init__(self, session: Session):
        self._store = session.store
        self._by_sha = q.documents_by_sha256(session.store.db)
        self._by_title = q.documents_by_title(session.store.db)
        self._docs: dict[int, Document] = {}
        self.catalog_codes = session.store.catalog.by_code()

    def find(self, row: dict[str, Any]) -> Document:
        sha = _text(row.get("document_sha256")).strip().lower()
        title = _text(row.get("document_title")).strip()
        if sha and sha in self._by_sha:
            return self._get(self._by_sha[sha])
        if not title:
            if sha:
                raise RowRefused(f"no document with sha256 {sha[:12]}…; import it first")
            raise RowRefused("no document_title or document_sha256 says which document it cites")
        ids = self._by_title.get(title, [])
        if not ids:
            raise RowRefused(f"no document titled “{title}”; import it first")
        if len(ids) > 1:
            raise RowRefused(f"{len(ids)} documents are titled “{title}”; add document_sha256")
        return self._get(ids[0])

    def _get(self, doc_id: int) -> Document:
        if doc_id not in self._docs:
            self._docs[doc_id] = self._store.documents.get(doc_id)
        return self._docs[doc_id]


def anchor(doc: Document, citation: dict[str, Any]) -> Quote:
    """Where the cited quote is in the document, or RowRefused saying why it is not."""
    exact = _text(citation.get("quote"))
    if not exact:
        raise RowRefused("no quote to cite")
    start, end = _int("start", citation.get("start")), _int("end", citation.get("end"))
    text = doc.text
    if start is None or end is None or not is_anchored(text, start, end, exact):
        prefix, suffix = _text(citation.get("prefix")), _text(citation.get("suffix"))
        start = find_quote(text, exact, prefix, suffix)
        if start is None:
            short = exact if len(exact) <= 30 else exact[:30] + "…"
            raise RowRefused(f"the quote “{short}” is not in document {doc.id} ({doc.title})")
        if not (prefix or suffix) and text.find(exact, start + 1) != -1:
            raise RowRefused(
                f"the quote “{exact}” occurs {text.count(exact)} times in document {doc.id}; "
                "quote a longer passage or add prefix/suffix"
            )
        end = start + len(exact)
    return quote_at(text, start, end, doc.page_starts)


def _status(row: dict[str, Any], report: LoadReport) -> tuple[str, str | None, str | None]:
    status = _text(row.get("status")).strip().lower() or "draft"
    if status not in STATUSES:
        raise RowRefused(f"unknown status “{status}”; use {', '.join(STATUSES)}")
    reviewed_by = _text(row.get("reviewed_by")) or None
    reviewed_at = _text(row.get("reviewed_at")) or None
    if status == "approved" and not (reviewed_by and reviewed_at):
        report.resubmitted += 1
        return "submitted", None, None
    return status, reviewed_by, reviewed_at


def _fields(row: dict[str, Any], catalog_codes: dict[str, int]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    code = _text(row.get("catalog_code")).strip()
    if code:
        if code not in catalog_codes:
            raise RowRefused(f"no catalog item has the code {code}; load the catalog first")
        fields["catalog_id"] = catalog_codes[code]
    for name in INDICATOR_FIELDS:
        value = row.get(name)
        if name == "catalog_id":
            continue
        if value is None or value == "":
            continue
        fields[name] = _number(name, value) if name in ("value", "base_value") else _text(value)
    fields = with_base(fields)
    check_fields({"name": "", **fields})
    return fields


@dataclass
class _Row:
    """One row made ready to store: its document, fields, anchored citations and status."""

    document_id: int
    fields: dict[str, Any]
    quotes: list[Quote]
    status: str
    reviewed_by: str | None
    reviewed_at: str | None

    @property
    def key(self) -> tuple[str, float | None, int, int]:
        """What makes two rows the same entry (with the document): see existing_keys."""
        return (self.fields["name"], self.fields.get("value"), self.quotes[0].start,
                self.quotes[0].end)  # fmt: skip


def _prepare(
    row: dict[str, Any], documents: _Documents, extras: list[dict[str, Any]], report: LoadReport
) -> _Row:
    """Check and anchor one row; RowRefused or ValidationError say why it cannot be loaded."""
    doc = documents.find(row)
    fields = _fields(row, documents.catalog_codes)
    quotes = [anchor(doc, row)]
    for i, extra in enumerate(extras, start=2):
        try:
            quotes.append(anchor(doc, extra))
        except RowRefused as e:
            raise RowRefused(f"citation {i}: {e}") from None
    assert doc.id is not None
    return _Row(doc.id, fields, quotes, *_status(row, report))


def _stored(ready: _Row, row: dict[str, Any], user: str, at: str) -> dict[str, Any]:
    """The indicators row: the file's author and creation time are kept when it has them."""
    fields = ready.fields
    return {
        **{name: fields.get(name, "") for name in INDICATOR_FIELDS},
        "value": fields.get("value"),
        "base_value": fields.get("base_value"),
        "period_start": fields.get("period_start"),
        "period_end": fields.get("period_end"),
        "measure": fields.get("measure", "level"),
        "qualifier": fields.get("qualifier", "eq"),
        "kind": fields.get("kind", "actual"),
        "catalog_id": fields.get("catalog_id"),
        "document_id": ready.document_id,
        "status": ready.status,
        "version": 1,
        "created_by": _text(row.get("created_by")) or user,
        "created_at": _text(row.get("created_at")) or at,
        "updated_by": user,
        "updated_at": at,
        "reviewed_by": ready.reviewed_by,
        "reviewed_at": ready.reviewed_at,
        # a loaded submitted entry joins the review queue now, in load order
        "submitted_at": at if ready.status == "submitted" else None,
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
    table = read_table(path)
    store = session.store
    documents = _Documents(session)
    report = LoadReport()
    present: dict[int, set] = {}
    at = now_iso()
    with store.transaction():
        for done, (number, row) in enumerate(table.rows, start=1):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done)
            extras = table.extra_citations.get(row["id"], []) if row.get("id") else []
            try:
                ready = _prepare(row, documents, extras, report)
            except (RowRefused, ValidationError) as e:
                report.refused.append(RowProblem(number, str(e)))
                continue
            if ready.document_id not in present:
                present[ready.document_id] = q.existing_keys(store.db, ready.document_id)
            if ready.key in present[ready.document_id]:
                reason = f"“{ready.fields['name']}” is already in document {ready.document_id}"
                report.skipped.append(RowProblem(number, reason))
                continue
            present[ready.document_id].add(ready.key)
            indicator = _stored(ready, row, session.user, at)
            after = {
                **{name: indicator[name] for name in INDICATOR_FIELDS},
                "status": ready.status,
                "citations": [[quote.start, quote.end] for quote in ready.quotes],
                "file": path.name,
                "row": number,
            }
            q.insert_loaded(
                store.db,
                indicator,
                [citation_row(quote, position) for position, quote in enumerate(ready.quotes)],
                {"at": at, "who": session.user, "action": "load", "after": after, "comment": ""},
            )
            report.loaded += 1
    return report
