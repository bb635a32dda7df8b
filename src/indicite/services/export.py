"""Exporting indicators to XLSX, CSV or JSON in the format of docs/export-format.md.

Rows stream from one database snapshot through the writer; only the current row, the current
indicator's extra citations and a small summary per document are held in memory.
"""

import contextlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from indicite import __version__
from indicite.core.entities import STATUSES
from indicite.core.errors import IndiciteError, NotFound, ValidationError
from indicite.core.export_format import (
    FORMAT_VERSION,
    HEADER_LANGUAGES,
    DocumentPositions,
    format_rects,
)
from indicite.io.writers import ENCODINGS, FORMATS, ExportWriter, open_writer
from indicite.services.pdf_pages import PAGED_TYPES, SpanRects
from indicite.services.safe_output import check_output
from indicite.services.session import Session
from indicite.services.tables import tables_for_text
from indicite.storage import export_queries as q
from indicite.storage.clock import now_iso

PROGRESS_EVERY = 500


class ExportCancelled(IndiciteError):
    """The user stopped the export; no file was left behind."""


@dataclass
class ExportResult:
    rows: int
    files: list[Path] = field(default_factory=list)


class _Documents:
    """Title, issuer, date and text positions of each cited document, read once."""

    def __init__(self, session: Session):
        self._session = session
        self._db = session.store.db
        self._known: dict[int, tuple[dict[str, Any], DocumentPositions]] = {}
        self._rects: dict[int, SpanRects] = {}

    def get(self, doc_id: int) -> tuple[dict[str, Any], DocumentPositions]:
        if doc_id not in self._known:
            text = q.document_text(self._db, doc_id)
            self._known[doc_id] = (
                q.document_header(self._db, doc_id),
                DocumentPositions(text, tables_for_text(self._session, doc_id, text)),
            )
        return self._known[doc_id]

    def cite(self, record: dict[str, Any], doc_id: int, position: int) -> dict[str, Any]:
        """Add position, UTF-16 offsets, paragraph and the readable citation to ``record``."""
        header, positions = self.get(doc_id)
        record["position"] = position
        record.update(
            positions.citation_fields(header, record["start"], record["end"], record["page"])
        )
        record["rects"] = None
        if header.get("doc_type") in PAGED_TYPES:
            if doc_id not in self._rects:
                self._rects[doc_id] = SpanRects(self._session, doc_id)
            rects = self._rects[doc_id].rects(record["start"], record["end"])
            if rects:
                record["page"] = rects[0][0]
            record["rects"] = format_rects(record["page"], rects)
        return record

    def close(self) -> None:
        for rects in self._rects.values():
            rects.close()
        self._rects.clear()


def _check(fmt: str, statuses: Sequence[str], encoding: str, headers: str = "en") -> None:
    if fmt not in FORMATS:
        raise ValidationError(
            "format", "Unknown format “{fmt}”; use {known}", fmt=fmt, known=", ".join(FORMATS)
        )
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise ValidationError(
            "status",
            "Unknown status “{status}”; use {known}",
            status=unknown[0],
            known=", ".join(STATUSES),
        )
    if headers not in HEADER_LANGUAGES:
        raise ValidationError(
            "headers", "Unknown header language “{headers}”; use en or zh", headers=headers
        )
    if encoding not in ENCODINGS:
        raise ValidationError(
            "encoding",
            "Unknown encoding “{encoding}”; use {known}",
            encoding=encoding,
            known=" or ".join(ENCODINGS),
        )


def _records(
    session: Session, statuses: Sequence[str], document_ids: Sequence[int]
) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each indicator row with its first citation, and its other citations (merge by id)."""
    db = session.store.db
    documents = _Documents(session)
    extras = q.iter_extra_citations(db, statuses, document_ids)
    pending = next(extras, None)
    try:
        for row in q.iter_indicators(db, statuses, document_ids):
            more = []
            while pending is not None and pending["indicator_id"] < row["id"]:
                pending = next(extras, None)
            while pending is not None and pending["indicator_id"] == row["id"]:
                more.append(documents.cite(pending, pending["document_id"], len(more) + 2))
                pending = next(extras, None)
            if row["quote"] is None:
                row.update(position=None, start_utf16=None, end_utf16=None, paragraph=None)
                row.update(citation=None, citation_count=0, table=None, row_label=None)
                row.update(column_label=None, rects=None)
            else:
                documents.cite(row, row["cited_document_id"], 1)
                row["citation_count"] = 1 + len(more)
            yield row, more
    finally:
        documents.close()


def export(
    session: Session,
    path: str | Path,
    fmt: str = "xlsx",
    statuses: Sequence[str] = (),
    document_ids: Sequence[int] = (),
    encoding: str = "utf-8-sig",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    headers: str = "en",
) -> ExportResult:
    """Write the (filtered) live indicators to ``path``; all statuses when none are given.

    ``progress(done, total)`` is called every few hundred rows; when ``cancelled()`` turns true
    the export stops, removes what it wrote and raises ExportCancelled. ``headers``: column
    headers of XLSX and CSV in English (the column names) or Chinese (zh).
    """
    _check(fmt, statuses, encoding, headers)
    path = Path(path)
    check_output(path, fmt, session.store.path)
    db = session.store.db
    missing = q.missing_documents(db, document_ids)
    if missing:
        raise NotFound(
            "There is no document {doc_id}; `indicite docs` lists them.", doc_id=missing[0]
        )
    try:
        writer: ExportWriter = open_writer(fmt, path, encoding, headers)
    except OSError as e:
        raise IndiciteError(
            "Cannot write {path}: {detail}; choose another folder or file name.",
            path=path,
            detail=e.strerror or str(e),
        ) from None
    done = 0
    try:
        with q.snapshot(db):
            total = q.count_indicators(db, statuses, document_ids)
            if progress is not None:
                progress(0, total)
            for row, more in _records(session, statuses, document_ids):
                writer.write(row, more)
                done += 1
                if done % PROGRESS_EVERY == 0:
                    if cancelled is not None and cancelled():
                        raise ExportCancelled("Export cancelled; no file was written.")
                    if progress is not None:
                        progress(done, total)
            about = _about(session, fmt, statuses, document_ids, done)
            files = writer.finish(q.iter_documents(db, statuses, document_ids), about)
    except OSError as e:
        _discard(writer)
        raise IndiciteError(
            "Cannot write {path}: {detail}", path=path, detail=e.strerror or str(e)
        ) from None
    except BaseException:
        _discard(writer)
        raise
    if progress is not None:
        progress(done, total)
    return ExportResult(done, files)


def _discard(writer: ExportWriter) -> None:
    """Remove what was written; on a full disk closing the file fails again, and that must
    not hide the first error (the one the user can act on)."""
    with contextlib.suppress(OSError):
        writer.discard()


def _about(
    session: Session, fmt: str, statuses: Sequence[str], document_ids: Sequence[int], rows: int
) -> list[tuple[str, str]]:
    return [
        ("format", "Indicite export"),
        ("format_version", FORMAT_VERSION),
        ("app_version", __version__),
        ("exported_at", now_iso()),
        ("exported_by", session.user),
        ("database", session.store.shown_location),  # a team database: no password
        ("statuses", ", ".join(statuses) or "all"),
        ("documents", ", ".join(str(d) for d in document_ids) or "all"),
        ("indicators", str(rows)),
        ("file_format", fmt),
        ("times", "created_at and reviewed_at are UTC"),
    ]
