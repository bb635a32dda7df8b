"""Schema history. Never edit an applied migration: add a new one and update db/schema.sql."""

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("indicite")

# PRAGMA application_id of every Indicite database: "INDC" in ASCII. Files without it are
# refused unless their migration record shows an Indicite file made before the id (issue 12).
APPLICATION_ID = 0x494E4443


@migrations()
def m001_initial(db: Database) -> None:
    db.table("users").create(
        {"id": int, "name": str, "role": str, "created_at": str},
        pk="id",
        not_null={"name", "role", "created_at"},
    )
    db.table("users").create_index(["name"], unique=True)
    db.table("settings").create({"key": str, "value": str}, pk="key")
    db.table("documents").create(
        {
            "id": int,
            "title": str,
            "issuer": str,
            "published_on": str,
            "source_url": str,
            "doc_type": str,
            "subject": str,
            "text": str,
            "text_sha256": str,
            "page_starts": str,
            "char_count": int,
            "imported_at": str,
            "imported_by": str,
        },
        pk="id",
        not_null={"title", "text", "text_sha256", "char_count", "imported_at"},
        defaults={"issuer": "", "source_url": "", "doc_type": "", "subject": ""},
    )
    db.table("documents").create_index(["title"])
    db.table("documents").create_index(["text_sha256"])
    db.table("files").create(
        {
            "id": int,
            "document_id": int,
            "name": str,
            "sha256": str,
            "size": int,
            "content": bytes,
            "imported_at": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "name", "sha256", "size", "content", "imported_at"},
    )
    db.table("files").create_index(["sha256"], unique=True)
    db.table("files").create_index(["document_id"])
    db.table("indicators").create(
        {
            "id": int,
            "document_id": int,
            "name": str,
            "subject": str,
            "period_label": str,
            "period_start": str,
            "period_end": str,
            "measure": str,
            "value": float,
            "unit": str,
            "base_value": float,
            "base_unit": str,
            "qualifier": str,
            "value_text": str,
            "notes": str,
            "status": str,
            "version": int,
            "created_by": str,
            "created_at": str,
            "updated_by": str,
            "updated_at": str,
            "reviewed_by": str,
            "reviewed_at": str,
            "deleted_at": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "name", "status", "version", "created_by", "created_at"},
        defaults={
            "subject": "",
            "period_label": "",
            "measure": "level",
            "unit": "",
            "base_unit": "",
            "qualifier": "eq",
            "value_text": "",
            "notes": "",
            "status": "draft",
            "version": 1,
        },
    )
    db.table("indicators").create_index(["document_id", "status"])
    db.table("indicators").create_index(["status", "updated_at"])
    db.table("indicators").create_index(["name"])
    db.table("indicators").create_index(["subject"])
    db.table("indicators").create_index(["period_label"])
    db.table("indicators").create_index(["created_by"])
    db.table("citations").create(
        {
            "id": int,
            "indicator_id": int,
            "document_id": int,
            "start": int,
            "end": int,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "page": int,
            "position": int,
        },
        pk="id",
        foreign_keys=[
            ("indicator_id", "indicators", "id"),
            ("document_id", "documents", "id"),
        ],
        not_null={"indicator_id", "document_id", "start", "end", "exact", "position"},
        defaults={"prefix": "", "suffix": "", "position": 0},
    )
    db.table("citations").create_index(["indicator_id", "position"])
    db.table("citations").create_index(["document_id", "start"])
    db.table("events").create(
        {
            "id": int,
            "at": str,
            "who": str,
            "action": str,
            "indicator_id": int,
            "document_id": int,
            "before": str,
            "after": str,
            "comment": str,
        },
        pk="id",
        foreign_keys=[
            ("indicator_id", "indicators", "id"),
            ("document_id", "documents", "id"),
        ],
        not_null={"at", "who", "action"},
        defaults={"comment": ""},
    )
    db.table("events").create_index(["indicator_id", "id"])
    db.table("events").create_index(["document_id", "id"])
    db.table("comments").create(
        {"id": int, "indicator_id": int, "at": str, "who": str, "kind": str, "body": str},
        pk="id",
        foreign_keys=[("indicator_id", "indicators", "id")],
        not_null={"indicator_id", "at", "who", "kind", "body"},
    )
    db.table("comments").create_index(["indicator_id", "id"])
    db.table("dismissed_suggestions").create(
        {"document_id": int, "start": int, "end": int, "who": str, "at": str},
        pk=("document_id", "start", "end"),
        foreign_keys=[("document_id", "documents", "id")],
    )
    # Events are append-only: the database itself refuses to change or drop one.
    db.execute(
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )


@migrations()
def m002_search_index(db: Database) -> None:
    """Full-text search over indicator names and cited quotes (issue 8).

    FTS5's trigram tokenizer finds any substring of three or more characters, which suits
    Chinese (no spaces between words). Each text is indexed with two trailing padding
    characters so that every one- or two-character substring begins some indexed trigram:
    short queries then look their trigrams up in the vocabulary tables (storage/search.py).
    The tables are contentless: the triggers below are the only writers and give the
    'delete' command exactly the padded text they indexed.
    """
    for table, column, fts in (
        ("indicators", "name", "indicators_fts"),
        ("citations", "exact", "citations_fts"),
    ):
        # The names below are fixed by this migration, never user input.
        add = f'INSERT INTO {fts} (rowid, text) VALUES (new.id, new."{column}" || char(31, 31));'  # noqa: S608
        remove = (
            f"INSERT INTO {fts} ({fts}, rowid, text) "  # noqa: S608
            f"VALUES ('delete', old.id, old.\"{column}\" || char(31, 31));"
        )
        statements = (
            f"CREATE VIRTUAL TABLE {fts} USING fts5(text, content='', tokenize='trigram')",
            f"CREATE VIRTUAL TABLE {fts}_terms USING fts5vocab({fts}, row)",
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END",
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END",
            f'CREATE TRIGGER {fts}_update AFTER UPDATE OF "{column}" ON {table} '
            f"BEGIN {remove} {add} END",
            f'INSERT INTO {fts} (rowid, text) SELECT id, "{column}" || char(31, 31) FROM {table}',  # noqa: S608
        )
        for sql in statements:
            db.execute(sql)


@migrations()
def m003_live_indicators_by_document(db: Database) -> None:
    """Count and list a document's live indicators from an index alone (issue 8).

    The document list counts every document's live indicators; without this index that reads
    each indicator row for ``deleted_at`` (0.5 s for 1,000,000 rows, 0.05 s with it).
    """
    db.execute(
        "CREATE INDEX indicators_live_by_document ON indicators (document_id) "
        "WHERE deleted_at IS NULL"
    )


@migrations()
def m004_live_indicators_in_table_order(db: Database) -> None:
    """The indicator table's orders over live indicators, read from an index (issue 8).

    A table of all indicators asks for every live id in the order of one column (ties by id);
    with these the ids of 1,000,000 rows come in 0.2 s instead of 0.4–3 s of scanning and
    sorting, and a status filter is a range of its index.
    """
    for column in ("id", "name", "subject", "period_label", "status"):
        db.execute(
            f"CREATE INDEX indicators_live_by_{column} ON indicators ({column}) "
            "WHERE deleted_at IS NULL"
        )


@migrations()
def m005_all_indicators_pages(db: Database) -> None:
    """Every order of the table of all indicators, with or without a status filter (issue 8).

    That table reads a page by ``LIMIT/OFFSET`` along an index in its order; without these a
    page of a status filter sorted by name (or any sort by value or unit) sorts up to a
    million rows, 0.4–0.6 s, instead of walking an index, 1–20 ms.
    """
    for column in ("value", "unit"):
        db.execute(
            f"CREATE INDEX indicators_live_by_{column} ON indicators ({column}) "
            "WHERE deleted_at IS NULL"
        )
    for column in ("name", "subject", "period_label", "value", "unit", "document_id"):
        db.execute(
            f"CREATE INDEX indicators_live_by_status_{column} ON indicators (status, {column}) "
            "WHERE deleted_at IS NULL"
        )


@migrations()
def m006_review_queue_order(db: Database) -> None:
    """The review queue in submission order, read from an index (issues 4 and 8).

    ``submitted_at`` is when the entry last entered the review queue; the submit transition
    sets it and it stays after the review. The queue used to take each entry's latest submit
    event (a correlated ``max(at)`` over events) and sort them all: 0.24 s for 30,000 entries.
    Entries waiting for review now get it from that event; the history of the others stays in
    their events. The index holds the columns the queue filters on, so a filtered queue is
    read from the index alone.
    """
    db.table("indicators").add_column("submitted_at", str)
    db.execute(
        "UPDATE indicators SET submitted_at = (SELECT max(e.at) FROM events e "
        "WHERE e.indicator_id = indicators.id AND e.action = 'submit') "
        "WHERE status = 'submitted'"
    )
    db.execute(
        "CREATE INDEX indicators_review_queue ON indicators "
        "(submitted_at, id, document_id, created_by) "
        "WHERE status = 'submitted' AND deleted_at IS NULL"
    )


@migrations()
def m007_all_indicators_by_measure(db: Database) -> None:
    """All indicators sorted by measure, with or without a status filter (issue 18): rows that
    differ only by measure (level and growth of one name) are told apart by that column."""
    db.execute(
        "CREATE INDEX indicators_live_by_measure ON indicators (measure) WHERE deleted_at IS NULL"
    )
    db.execute(
        "CREATE INDEX indicators_live_by_status_measure ON indicators (status, measure) "
        "WHERE deleted_at IS NULL"
    )


@migrations()
def m008_value_ranges(db: Database) -> None:
    """A value may be a range (7.0%—7.5%, 2万至3万元, issue 19): ``value`` and ``base_value``
    hold the low end, these the high end; both stay NULL for a single value."""
    db.table("indicators").add_column("value_high", float)
    db.table("indicators").add_column("base_value_high", float)


@migrations()
def m009_document_versions(db: Database) -> None:
    """Revised documents (issue 17): a version replaces another, citations re-anchor.

    A new version is a new document row (a text never changes after import) naming the one it
    replaces. Re-anchoring moves a citation to the new text and records how it got there
    (``anchor_state``: exact, moved, changed, orphaned; empty for a citation made by a person)
    and keeps where it stood before in ``citation_placements``, so nothing of an old version
    or its citations is lost. ``source_changed`` marks an entry whose cited number changed or
    whose passage was lost, until someone edits or approves it.
    """
    db.table("documents").add_column("replaces_id", int, fk="documents", fk_col="id")
    db.table("documents").add_column("version_no", int, not_null_default=1)
    db.execute("CREATE INDEX documents_replaces ON documents (replaces_id)")
    db.table("citations").add_column("anchor_state", str, not_null_default="")
    db.table("citations").add_column("anchor_score", float)
    db.table("indicators").add_column("source_changed", int, not_null_default=0)
    db.table("citation_placements").create(
        {
            "id": int,
            "citation_id": int,
            "document_id": int,
            "start": int,
            "end": int,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "page": int,
            "anchor_state": str,
            "replaced_at": str,
        },
        pk="id",
        # No foreign key to citations: the history stays when a person removes the citation.
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"citation_id", "document_id", "start", "end", "exact", "replaced_at"},
    )
    db.table("citation_placements").create_index(["citation_id", "id"])


@migrations()
def m010_application_id(db: Database) -> None:
    """Mark the file as Indicite's (issue 12): other programs' SQLite files are then refused.

    The id lives in the file header and changes in this migration's transaction.
    """
    db.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")


@migrations()
def m011_document_tables(db: Database) -> None:
    """The tables of a document (issue 14): header rows, stub columns and cells as text spans.

    One row per table; its cells are a JSON list of [row, col, start, end, rowspan, colspan]
    (a 2,000 × 20 table is one 600 kB value read at once, not 40,000 rows). Like the text,
    a document's tables never change after import.
    """
    db.table("document_tables").create(
        {
            "id": int,
            "document_id": int,
            "number": int,
            "start": int,
            "end": int,
            "header_rows": int,
            "stub_cols": int,
            "caption": str,
            "unit": str,
            "source": str,
            "uncertain": str,
            "cells": str,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"document_id", "number", "start", "end", "header_rows", "stub_cols", "cells"},
        defaults={"caption": "", "unit": "", "source": "markup", "uncertain": ""},
    )
    db.table("document_tables").create_index(["document_id", "number"], unique=True)


@migrations()
def m012_pdf_char_map(db: Database) -> None:
    """Where each character of a PDF document's text sits on its pages (issue 15).

    ``runs`` is a CharMap (core/char_map.py): zlib of int32 quadruples, about 25 kB for a
    300-page report. Documents imported before this get theirs from ``files.content`` the
    first time their pages are shown; ``runs`` is NULL when the stored text cannot be matched
    to the file's characters (the page is then shown without boxes).
    """
    db.table("pdf_char_maps").create(
        {"document_id": int, "runs": bytes, "made_at": str},
        pk="document_id",
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"made_at"},
    )


@migrations()
def m013_load_provenance(db: Database) -> None:
    """What a loaded file claimed about an entry it brought in (issue 13).

    A load never takes a file's word for who entered or approved an entry, or when: the entry
    is the loading user's, now, and any approval is an editor's act at load time. The file's
    claims (its created_by/at, reviewed_by/at, status, and its name and row) are kept here as
    provenance, and History shows them as "from file".
    """
    db.table("load_provenance").create(
        {
            "indicator_id": int,
            "file": str,
            "row": int,
            "status": str,
            "created_by": str,
            "created_at": str,
            "reviewed_by": str,
            "reviewed_at": str,
        },
        pk="indicator_id",
        foreign_keys=[("indicator_id", "indicators", "id")],
        not_null={"file", "row"},
    )


@migrations()
def m014_catalog_and_kind(db: Database) -> None:
    """A catalog of indicators, each entry's link to it, and the kind of its value (issue 16).

    Entries link by ``catalog_id`` (never by name) so renaming an item keeps its entries. The
    index serves the checks and the series view: every live entry of one indicator (by its
    item, or its name when it has none), subject and period, read in order from the index.
    """
    db.table("catalog").create(
        {
            "id": int,
            "code": str,
            "name": str,
            "aliases": str,
            "measure": str,
            "unit": str,
            "description": str,
            "parent_id": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("parent_id", "catalog", "id")],
        not_null={"code", "name", "aliases", "measure", "unit", "description", "created_at"},
        defaults={"aliases": "[]", "measure": "", "unit": "", "description": ""},
    )
    db.table("catalog").create_index(["code"], unique=True)
    db.table("catalog").create_index(["name"], unique=True)
    db.table("catalog").create_index(["parent_id"])
    db.execute("ALTER TABLE indicators ADD COLUMN catalog_id INTEGER REFERENCES catalog(id)")
    db.execute("ALTER TABLE indicators ADD COLUMN kind TEXT NOT NULL DEFAULT 'actual'")
    # Covering: it holds every column the series checks read, so `indicite check` walks it in
    # order without touching the table (1.4 s CPU for 1,000,000 entries instead of 3.4 s).
    db.execute(
        "CREATE INDEX indicators_live_by_series ON indicators "
        "(coalesce(catalog_id, name), subject, kind, period_end, measure, period_start, "
        "period_label, value, unit, base_value, base_unit, qualifier, catalog_id, "
        "value_high, base_value_high) WHERE deleted_at IS NULL"
    )
    db.execute(
        "CREATE INDEX indicators_live_by_catalog ON indicators (catalog_id) "
        "WHERE deleted_at IS NULL"
    )
    # the tables of indicators sort by kind like by every other column (migration m005)
    db.execute("CREATE INDEX indicators_live_by_kind ON indicators (kind) WHERE deleted_at IS NULL")
    db.execute(
        "CREATE INDEX indicators_live_by_status_kind ON indicators (status, kind) "
        "WHERE deleted_at IS NULL"
    )


@migrations()
def m015_ocr_pages(db: Database) -> None:
    """What OCR read on each scanned page of a document (issue 21; core/ocr_page.py).

    ``chars`` is the page's recognised text (lines ended by LF) that the document's
    pdf_char_maps runs point into; ``boxes`` is zlib of float32 quadruples (x0, y0, x1, y1 in
    page space, NaN for a line break), ``confidence`` one byte (0-255) per character.
    """
    db.table("ocr_pages").create(
        {"document_id": int, "page": int, "chars": str, "boxes": bytes, "confidence": bytes},
        pk=("document_id", "page"),
        foreign_keys=[("document_id", "documents", "id")],
        not_null={"chars", "boxes", "confidence"},
    )
