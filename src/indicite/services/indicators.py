"""Creating, editing, citing and deleting indicators: one transaction and one event each."""

from dataclasses import replace
from datetime import date
from typing import Any

from indicite.core.citations import Quote, quote_at
from indicite.core.entities import INDICATOR_FIELDS, Indicator
from indicite.core.errors import ValidationError
from indicite.core.magnitudes import with_base
from indicite.core.validation import check_fields
from indicite.services.catalog import with_catalog_link
from indicite.services.review import SEEN, require
from indicite.services.session import Session
from indicite.storage.clock import now_iso


def with_period_dates(fields: dict[str, Any], published_on: str | None) -> dict[str, Any]:
    """Resolve the period as written (2025年1—11月, 前三季度) to dates the user left empty,
    against the document's date."""
    label = fields.get("period_label")
    if not label or fields.get("period_start") or fields.get("period_end"):
        return fields
    from indicite.core.periods import find_period

    period = find_period(label, date.fromisoformat(published_on) if published_on else None)
    if period is None or period.start is None or period.end is None:
        return fields
    return {
        **fields,
        "period_start": period.start.isoformat(),
        "period_end": period.end.isoformat(),
    }


def quotes_for(session: Session, doc_id: int, spans: list[tuple[int, int]]) -> list[Quote]:
    doc = session.store.documents.get(doc_id)
    return [quote_at(doc.text, start, end, doc.page_starts) for start, end in spans]


def create_indicator(
    session: Session, doc_id: int, fields: dict[str, Any], spans: list[tuple[int, int]]
) -> Indicator:
    """A new draft cited to ``spans`` (code-point offsets into the document's text)."""
    fields = with_base({k: v for k, v in fields.items() if k in INDICATOR_FIELDS})
    doc = session.store.documents.get(doc_id)
    fields = with_period_dates(fields, doc.published_on)
    fields = with_catalog_link(session, fields)
    check_fields({"name": "", **fields})
    if not spans:
        raise ValidationError("citation", "Select the passage that states the value first")
    store = session.store
    quotes = [quote_at(doc.text, start, end, doc.page_starts) for start, end in spans]
    at = now_iso()
    ind = replace(
        Indicator(**fields),
        document_id=doc_id,
        status="draft",
        version=1,
        created_by=session.user,
        created_at=at,
        updated_by=session.user,
        updated_at=at,
    )
    with store.transaction():
        ind_id = store.indicators.insert(ind, quotes)
        store.events.append(
            at=at,
            who=session.user,
            action="create",
            indicator_id=ind_id,
            document_id=doc_id,
            after={**ind.editable_fields(), "citations": [[q.start, q.end] for q in quotes]},
        )
        return store.indicators.get(ind_id)


def update_indicator(
    session: Session, ind_id: int, changes: dict[str, Any], expected_version: int
) -> Indicator:
    """Store the changed fields; refused if somebody else saved the entry in between."""
    store = session.store
    changes = {k: v for k, v in changes.items() if k in INDICATOR_FIELDS}
    current = store.indicators.get(ind_id, include_deleted=False)
    if "value" in changes or "unit" in changes or "value_high" in changes:
        before = {"value": current.value, "unit": current.unit, "value_high": current.value_high}
        changes = with_base({**before, **changes})
    if changes.get("period_label", current.period_label) != current.period_label:
        assert current.document_id is not None
        published_on = store.documents.published_on(current.document_id)
        changes = with_period_dates(changes, published_on)
    if "name" in changes and "catalog_id" not in changes and changes["name"] != current.name:
        # a renamed entry links to the item its new name means, or to none
        linked = with_catalog_link(session, {"name": changes["name"]})
        changes = {**changes, "catalog_id": linked.get("catalog_id")}
    changed = {k: v for k, v in changes.items() if getattr(current, k) != v}
    check_fields(changed)
    if not changed:
        return current
    require(session, "edit", current)
    at = now_iso()
    with store.transaction():
        store.indicators.update(
            ind_id,
            {**changed, "updated_by": session.user, "updated_at": at, **SEEN},
            expected_version,
        )
        store.events.append(
            at=at,
            who=session.user,
            action="edit",
            indicator_id=ind_id,
            document_id=current.document_id,
            before={k: getattr(current, k) for k in changed},
            after=changed,
        )
        return store.indicators.get(ind_id)


def delete_indicator(session: Session, ind_id: int, expected_version: int) -> Indicator:
    """Soft delete: the row stays for history and undo, hidden from every list."""
    return _set_deleted(session, ind_id, expected_version, deleted=True)


def restore_indicator(session: Session, ind_id: int, expected_version: int) -> Indicator:
    return _set_deleted(session, ind_id, expected_version, deleted=False)


def _set_deleted(
    session: Session, ind_id: int, expected_version: int, *, deleted: bool
) -> Indicator:
    store = session.store
    current = store.indicators.get(ind_id)
    if deleted:
        require(session, "delete", current)
    at = now_iso()
    with store.transaction():
        store.indicators.update(
            ind_id,
            {"deleted_at": at if deleted else None, "updated_by": session.user, "updated_at": at},
            expected_version,
        )
        store.events.append(
            at=at,
            who=session.user,
            action="delete" if deleted else "restore",
            indicator_id=ind_id,
            document_id=current.document_id,
            before={"deleted_at": current.deleted_at},
            after={"deleted_at": at if deleted else None},
        )
        return store.indicators.get(ind_id)


def add_citation(
    session: Session, ind_id: int, span: tuple[int, int], expected_version: int
) -> Indicator:
    """Cite one more passage for an existing indicator (counts as an edit: version moves)."""
    store = session.store
    current = store.indicators.get(ind_id, include_deleted=False)
    assert current.document_id is not None
    require(session, "edit", current)
    (quote,) = quotes_for(session, current.document_id, [span])
    at = now_iso()
    with store.transaction():
        store.indicators.update(
            ind_id, {"updated_by": session.user, "updated_at": at, **SEEN}, expected_version
        )
        citation_id = store.indicators.add_citation(ind_id, current.document_id, quote)
        store.events.append(
            at=at,
            who=session.user,
            action="cite",
            indicator_id=ind_id,
            document_id=current.document_id,
            after={"citation_id": citation_id, "start": quote.start, "end": quote.end},
        )
        return store.indicators.get(ind_id)


def remove_citation(
    session: Session, ind_id: int, citation_id: int, expected_version: int
) -> Indicator:
    """Take back a citation (undo of add); an indicator keeps at least one."""
    store = session.store
    current = store.indicators.get(ind_id, include_deleted=False)
    require(session, "edit", current)
    cited = {c.id: c for c in current.citations}
    if citation_id not in cited:
        raise ValidationError("citation", "That passage is not cited by this indicator")
    if len(cited) == 1:
        raise ValidationError("citation", "An indicator keeps at least one cited passage")
    at = now_iso()
    gone = cited[citation_id]
    with store.transaction():
        store.indicators.update(
            ind_id, {"updated_by": session.user, "updated_at": at, **SEEN}, expected_version
        )
        store.indicators.remove_citation(citation_id)
        store.events.append(
            at=at,
            who=session.user,
            action="uncite",
            indicator_id=ind_id,
            document_id=current.document_id,
            before={"citation_id": citation_id, "start": gone.start, "end": gone.end},
        )
        return store.indicators.get(ind_id)
