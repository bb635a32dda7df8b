"""A document's tables (core/tables.py), stored at import beside its text."""

from sqlite_utils import Database

from indicite.core.tables import Table

COLUMNS = 'number, start, "end", header_rows, stub_cols, caption, unit, source, uncertain, cells'


class TableRepository:
    def __init__(self, db: Database):
        self.db = db

    def add_all(self, doc_id: int, tables: list[Table]) -> None:
        self.db.table("document_tables").insert_all(
            {
                "document_id": doc_id,
                "number": t.number,
                "start": t.start,
                "end": t.end,
                "header_rows": t.header_rows,
                "stub_cols": t.stub_cols,
                "caption": t.caption,
                "unit": t.unit,
                "source": t.source,
                "uncertain": t.uncertain,
                "cells": t.to_json(),
            }
            for t in tables
        )

    def for_document(self, doc_id: int) -> list[Table]:
        rows = self.db.execute(
            f"SELECT {COLUMNS} FROM document_tables WHERE document_id = ? ORDER BY number",  # noqa: S608
            [doc_id],
        ).fetchall()
        return [
            Table(
                start=start,
                end=end,
                cells=Table.cells_from_json(cells),
                header_rows=header_rows,
                stub_cols=stub_cols,
                caption=caption or "",
                unit=unit or "",
                source=source or "",
                uncertain=uncertain or "",
                number=number,
            )
            for (
                number,
                start,
                end,
                header_rows,
                stub_cols,
                caption,
                unit,
                source,
                uncertain,
                cells,
            ) in rows
        ]
