"""A document's tables: stored at import, or inferred from the text of older imports."""

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from indicite.core.entities import Document
from indicite.core.table_infer import infer_tables
from indicite.core.tables import CellRef, Table, locate, numbered, table_at
from indicite.core.text import normalize_newlines
from indicite.io.readers import ReadResult, read_file
from indicite.services.session import Session


def tables_at_import(result: ReadResult, text: str) -> list[Table]:
    """The file's marked-up tables, and tables inferred from the rest of its text (all of a
    txt, md or pdf; tab-aligned paragraphs of a Word file), numbered in reading order."""
    inferred = infer_tables(text)
    if not result.tables:
        return inferred
    marked = [(t.start, t.end) for t in result.tables]
    outside = [t for t in inferred if not any(t.start < e and s < t.end for s, e in marked)]
    return numbered([*result.tables, *outside])


def tables_of(session: Session, doc: Document) -> list[Table]:
    """The stored tables; a document imported before tables were kept gets them inferred."""
    assert doc.id is not None
    return tables_for_text(session, doc.id, doc.text)


def tables_for_text(session: Session, doc_id: int, text: str) -> list[Table]:
    """``tables_of`` for a caller that has only the document's id and text."""
    return session.store.tables.for_document(doc_id) or list(_inferred(text))


def stored_tables(session: Session, doc: Document) -> list[Table] | None:
    """The tables stored at import, or None (infer them, e.g. in a worker thread)."""
    assert doc.id is not None
    return session.store.tables.for_document(doc.id) or None


@lru_cache(maxsize=8)
def _inferred(text: str) -> tuple[Table, ...]:
    return tuple(infer_tables(text))


def read_with_tables(path: Path) -> tuple[str, list[Table]]:
    """The text a file would be stored with and its tables, without importing it."""
    result = read_file(Path(path))
    text = normalize_newlines(result.text)
    return text, tables_at_import(result, text)


def cell_fields(session: Session, doc: Document, start: int, end: int) -> dict[str, Any]:
    """The form's fields for a selected table cell, read from its headers; {} for prose.

    Name from the stub and column headers, unit from the header or unit line, measure and
    period from the headers or caption, subject from the document (or a region stub).
    """
    from indicite.core.table_suggest import cell_suggestion

    table = table_at(tables_of(session, doc), start)
    cell = table.cell_for_span(start, end) if table is not None else None
    if table is None or cell is None or table.is_header(cell):
        return {}
    try:
        doc_date = date.fromisoformat(doc.published_on) if doc.published_on else None
    except ValueError:
        doc_date = None
    s = cell_suggestion(doc.text, table, cell, doc_date=doc_date, subject=doc.subject)
    if s is None:
        return {}
    fields = {
        "name": s.indicator,
        "subject": s.subject,
        "value": s.value,
        "unit": s.unit,
        "qualifier": s.qualifier,
        "measure": s.measure,
        "value_text": s.value_text,
        "period_label": s.period_label,
        "period_start": s.period_start.isoformat() if s.period_start else None,
        "period_end": s.period_end.isoformat() if s.period_end else None,
    }
    if s.note:
        fields["notes"] = s.note
    return fields


def cell_location(session: Session, doc: Document, start: int, end: int) -> CellRef | None:
    """The table, row and column of a cited table cell; None for a passage of prose."""
    return locate(tables_of(session, doc), doc.text, start, end)
