"""Importing documents and the queries the document list needs."""

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from indicite.core.char_map import CharMap
from indicite.core.entities import Document
from indicite.core.errors import ImportRefused, IndiciteError, ValidationError, one_line
from indicite.core.ocr_page import OcrPage
from indicite.core.tables import Table
from indicite.core.text import first_line, normalize_newlines, sha256_bytes, sha256_text
from indicite.io.ocr import PageProgress
from indicite.io.readers import SUPPORTED_EXTENSIONS as SUPPORTED_EXTENSIONS  # the dialog's
from indicite.io.readers import read_file
from indicite.services.safe_output import refuse_open_database_as_input
from indicite.services.session import Session
from indicite.services.tables import tables_at_import
from indicite.storage.clock import now_iso
from indicite.storage.documents import EDITABLE_COLUMNS

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class DocumentMeta:
    """What the user may say about a document at import; empty means 'use the default'."""

    title: str = ""
    issuer: str = ""
    published_on: str | None = None
    source_url: str = ""
    subject: str = ""


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    document_id: int | None = None
    existed: bool = False
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.document_id is not None


@dataclass
class ImportReport:
    outcomes: list[ImportOutcome] = field(default_factory=list)

    @property
    def failures(self) -> list[ImportOutcome]:
        return [o for o in self.outcomes if not o.ok]


def import_file(
    session: Session,
    path: Path,
    meta: DocumentMeta = DocumentMeta(),
    progress: PageProgress | None = None,
) -> ImportOutcome:
    """Import one file as one transaction; the same bytes again return the existing document."""
    try:
        prepared = prepare_import(session, path, meta, progress)
    except ImportRefused as e:
        return ImportOutcome(Path(path), error=str(e))
    store = session.store
    existing = store.documents.id_for_file_sha256(prepared.file_sha256)
    if existing is not None:
        return ImportOutcome(Path(path), existing, existed=True)
    try:
        with store.transaction():
            existing = store.documents.id_for_file_sha256(prepared.file_sha256)
            if existing is not None:
                return ImportOutcome(Path(path), existing, existed=True)
            doc_id = store_document(session, prepared)
    except IndiciteError as e:
        return ImportOutcome(Path(path), error=f"{one_line(Path(path).name)}: {e}")
    return ImportOutcome(Path(path), doc_id)


@dataclass(frozen=True)
class PreparedImport:
    """A file read and turned into the document it would be stored as."""

    path: Path
    document: Document
    content: bytes
    file_sha256: str
    tables: list[Table]  # marked up in the file, or inferred from its text
    char_map: CharMap | None  # where each character sits on the pages (PDF)
    ocr_pages: dict[int, OcrPage] | None = None  # what OCR read on scanned pages


def prepare_import(
    session: Session,
    path: Path,
    meta: DocumentMeta = DocumentMeta(),
    progress: PageProgress | None = None,
) -> PreparedImport:
    """Read a file (ImportRefused says why it cannot be) into a document, without storing it.

    ``progress`` hears of each scanned page OCR read (it may raise to stop the import)."""
    refuse_open_database_as_input(Path(path))
    result = read_file(Path(path), progress)
    text = normalize_newlines(result.text)
    doc = Document(
        title=meta.title or first_line(text) or Path(path).stem,
        issuer=meta.issuer,
        published_on=meta.published_on,
        source_url=meta.source_url,
        doc_type=result.doc_type,
        subject=meta.subject,
        text=text,
        text_sha256=sha256_text(text),
        page_starts=result.page_starts,
        imported_at=now_iso(),
        imported_by=session.user,
    )
    tables = tables_at_import(result, text)
    file_sha256 = sha256_bytes(result.content)
    return PreparedImport(
        Path(path), doc, result.content, file_sha256, tables, result.char_map, result.ocr_pages
    )


def store_document(session: Session, prepared: PreparedImport) -> int:
    """Store a prepared document with its file and import event (inside a transaction)."""
    store, doc = session.store, prepared.document
    name = prepared.path.name
    doc_id = store.documents.add(doc, name, prepared.file_sha256, prepared.content)
    store.tables.add_all(doc_id, prepared.tables)
    if prepared.char_map is not None:
        store.char_maps.put(doc_id, prepared.char_map, doc.imported_at)
    if prepared.ocr_pages:
        store.ocr_pages.put_all(doc_id, prepared.ocr_pages)
    store.events.append(
        at=doc.imported_at,
        who=session.user,
        action="import",
        document_id=doc_id,
        after={"title": doc.title, "file": name, "sha256": prepared.file_sha256},
    )
    return doc_id


def import_files(
    session: Session, paths: list[Path], meta: DocumentMeta = DocumentMeta()
) -> ImportReport:
    """Each good file is imported, each bad one reported; one bad file stops nothing."""
    return ImportReport([import_file(session, Path(p), meta) for p in paths])


def list_documents(session: Session, search: str = "") -> list[dict[str, Any]]:
    return session.store.documents.list(search)


def update_document_meta(session: Session, doc_id: int, changes: dict[str, Any]) -> Document:
    """Correct a document's title, issuer, date, URL, type or subject; the text never changes.

    One transaction stores the new values and a ``document_edit`` event with what they were.
    Fields given with their current value are left out; nothing changed, nothing written.
    """
    unknown = set(changes) - set(EDITABLE_COLUMNS)
    if unknown:
        field_name = sorted(unknown)[0]
        raise ValidationError(
            field_name, "The document's {name} cannot be changed.", name=field_name
        )
    cleaned = {key: _clean_meta(key, value) for key, value in changes.items()}
    store = session.store
    with store.transaction():
        before = store.documents.get(doc_id)
        changed = {k: v for k, v in cleaned.items() if getattr(before, k) != v}
        if not changed:
            return before
        store.documents.update_meta(doc_id, changed)
        store.events.append(
            at=now_iso(),
            who=session.user,
            action="document_edit",
            document_id=doc_id,
            before={k: getattr(before, k) for k in changed},
            after=changed,
        )
    return store.documents.get(doc_id)


def _clean_meta(key: str, value: Any) -> str | None:
    text = str(value or "").strip()
    if key == "title" and not text:
        raise ValidationError("title", "Give the document a title.")
    if key == "published_on":
        if not text:
            return None
        if not is_iso_date(text):
            raise ValidationError(
                "published_on",
                "“{text}” is not a date; write it as YYYY-MM-DD, e.g. 2025-12-20.",
                text=text,
            )
    return text


def is_iso_date(text: str) -> bool:
    """YYYY-MM-DD naming a real day (2025-02-30 and 20251220 are not)."""
    try:
        return bool(ISO_DATE.fullmatch(text)) and bool(date.fromisoformat(text))
    except ValueError:
        return False
