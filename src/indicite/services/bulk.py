"""Several entries changed by one user action: submit, withdraw, delete, restore or edit the
selected entries in one transaction.

Each entry goes through the same service call as a single change (rules, versions, events);
an entry the rules refuse or someone else changed meanwhile is skipped and reported, the
others are stored together. Any other error (disk full, locked) stores none of them.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from indicite.core.entities import Indicator
from indicite.core.errors import ConflictError, IndiciteError, NotFound, PermissionDenied
from indicite.services import indicators, review
from indicite.services.session import Session

SKIPPABLE = (PermissionDenied, ConflictError, NotFound)


@dataclass
class BulkReport:
    """``done``: the entries as stored after the change; ``skipped``: (id, why) for the rest."""

    done: list[Indicator] = field(default_factory=list)
    skipped: list[tuple[int, IndiciteError]] = field(default_factory=list)

    def versions(self) -> dict[int, int]:
        return {ind.id: ind.version for ind in self.done if ind.id is not None}


def _each(
    session: Session, versions: Mapping[int, int], call: Callable[[int, int], Indicator]
) -> BulkReport:
    report = BulkReport()
    with session.store.transaction():
        for ind_id, version in versions.items():
            try:
                report.done.append(call(ind_id, version))
            except SKIPPABLE as e:
                report.skipped.append((ind_id, e))
    return report


def submit_many(session: Session, versions: Mapping[int, int]) -> BulkReport:
    """Submit each entry (id -> version as shown) for review."""
    return _each(session, versions, lambda i, v: review.submit(session, i, v))


def withdraw_many(session: Session, versions: Mapping[int, int]) -> BulkReport:
    """Take submitted entries back to draft (the undo of ``submit_many``)."""
    return _each(session, versions, lambda i, v: review.withdraw(session, i, v))


def delete_many(session: Session, versions: Mapping[int, int]) -> BulkReport:
    return _each(session, versions, lambda i, v: indicators.delete_indicator(session, i, v))


def restore_many(session: Session, versions: Mapping[int, int]) -> BulkReport:
    return _each(session, versions, lambda i, v: indicators.restore_indicator(session, i, v))


def update_many(
    session: Session, changes: Mapping[int, dict[str, Any]], versions: Mapping[int, int]
) -> BulkReport:
    """Store ``changes[id]`` in each entry (e.g. one period or subject for all selected)."""
    return _each(
        session,
        versions,
        lambda i, v: indicators.update_indicator(session, i, changes[i], v),
    )


def drafts_of(session: Session, doc_id: int) -> dict[int, int]:
    """The document's entries that can be submitted now (drafts, and returned entries that
    were fixed), id -> version."""
    return {
        ind.id: ind.version
        for ind in session.store.indicators.for_document(doc_id)
        if ind.id is not None
        and ind.status in ("draft", "returned")
        and "submit" in review.allowed_actions(session, ind)
    }
