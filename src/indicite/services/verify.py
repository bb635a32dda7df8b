"""Citation checks: each cited position still selects its quote, and no document text changed."""

from dataclasses import dataclass

from indicite.core.citations import is_anchored
from indicite.core.entities import Document, Indicator
from indicite.core.reanchor import ORPHANED
from indicite.core.text import sha256_text
from indicite.services.session import Session


@dataclass(frozen=True, slots=True)
class Problem:
    document_id: int
    document_title: str
    indicator_id: int | None
    indicator_name: str
    message: str

    def __str__(self) -> str:
        where = f"document {self.document_id} «{self.document_title}»"
        if self.indicator_id is not None:
            where += f", indicator {self.indicator_id} «{self.indicator_name}»"
        return f"{where}: {self.message}"


def verify_citations(session: Session) -> list[Problem]:
    """Every problem in the database, by document then indicator."""
    store = session.store
    texts: dict[int, str] = {}
    titles: dict[int, str] = {}
    problems = []
    for doc in store.documents.iter_all():
        texts[doc["id"]], titles[doc["id"]] = doc["text"], doc["title"]
        if sha256_text(doc["text"]) != doc["text_sha256"]:
            problems.append(
                Problem(
                    doc["id"],
                    doc["title"],
                    None,
                    "",
                    "the document text changed after import (its sha256 differs)",
                )
            )
    for c in store.review.all_citations():
        doc_id = c["document_id"]
        if not is_anchored(texts[doc_id], c["start"], c["end"], c["exact"]):
            problems.append(
                Problem(
                    doc_id,
                    titles[doc_id],
                    c["indicator_id"],
                    c["name"],
                    f"citation {c['id']} at {c['start']}–{c['end']} no longer reads «{c['exact']}»",
                )
            )
    return problems


def text_problems(doc: Document) -> list[str]:
    """A document whose text no longer hashes to its sha256 taints every citation in it."""
    if sha256_text(doc.text) != doc.text_sha256:
        return ["The document text changed after import."]
    return []


def citation_problems(doc: Document, indicator: Indicator) -> list[str]:
    """Cited passages of ``indicator`` that no longer read as quoted in ``doc``."""
    problems = []
    for c in indicator.citations:
        if c.anchor_state == ORPHANED:  # it reads its quote, but in an earlier version
            problems.append(
                f"«{c.exact}» is not in the new version of the document: cite the passage "
                "again, then remove the old citation."
            )
        elif not is_anchored(doc.text, c.start, c.end, c.exact):
            problems.append(f"The passage at {c.start}–{c.end} no longer reads «{c.exact}».")
    return problems


def citations_by_version(session: Session) -> list[str]:
    """One line per version of a revised document: how its citations were re-anchored.

    Documents never revised are left out (all their citations were placed by people).
    """
    from indicite.services.revisions import state_counts

    lines: dict[int, tuple[str, list[str]]] = {}
    for row in state_counts(session):
        if not row["state"] and row["version_no"] == 1 and not row["replaced"]:
            continue
        head = f"document {row['document_id']} «{row['title']}» version {row['version_no']}"
        if row["replaced"]:
            head += " (replaced)"
        state = row["state"] or "cited by hand"
        lines.setdefault(row["document_id"], (head, []))[1].append(f"{row['citations']} {state}")
    return [f"{head}: {', '.join(parts)}" for head, parts in lines.values()]
