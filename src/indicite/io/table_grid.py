"""Grids of marked-up tables (HTML, DOCX, XLSX, CSV) laid over the text their reader made.

A reader writes each table row as one line, its fields joined by tabs, and hands the rows here
with what the markup said (row and column spans, header cells). This places the cells on the
grid, finds each row's line in the final text and gives every cell its code-point span, so the
text stays the citation ground truth and the table only points into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from indicite.core.table_infer import caption_and_unit, structure
from indicite.core.tables import Cell, Table, numbered


@dataclass(slots=True)
class RawCell:
    """One field of a row line as the markup gave it.

    ``covered`` marks a field that only stands for a merged cell above or to the left (DOCX and
    XLSX write one field per grid column); ``col`` is the grid column when the reader knows it.
    """

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    covered: bool = False
    col: int | None = None


@dataclass(slots=True)
class RawTable:
    rows: list[list[RawCell]] = field(default_factory=list)
    caption: str = ""


def row_line(row: list[RawCell]) -> str:
    return "\t".join(c.text for c in row)


def lay_out(text: str, raw_tables: list[RawTable]) -> list[Table]:
    """Tables with cell spans in ``text``; rows whose line cannot be found end their table."""
    tables: list[Table] = []
    cursor = 0
    for raw in raw_tables:
        table, cursor = _lay_out_one(text, raw, cursor)
        if table is not None:
            tables.append(table)
    return numbered(tables)


def _find_line(text: str, line: str, cursor: int) -> int:
    """Where a row's line starts in the text at or after ``cursor``, or -1."""
    pos = text.find(line, cursor)
    while pos != -1:
        at_start = pos == 0 or text[pos - 1] == "\n"
        at_end = pos + len(line) == len(text) or text[pos + len(line)] == "\n"
        if at_start and at_end:
            return pos
        pos = text.find(line, pos + 1)
    return -1


def _lay_out_one(text: str, raw: RawTable, cursor: int) -> tuple[Table | None, int]:
    cells: list[Cell] = []
    taken: set[tuple[int, int]] = set()
    header_rows = 0
    all_header = True
    row = 0
    for fields in raw.rows:
        line = row_line(fields)
        if not line.strip():
            continue  # readers drop empty rows from the text
        pos = _find_line(text, line, cursor)
        if pos == -1:
            break
        cursor = pos + len(line)
        col = 0
        offset = pos
        for f in fields:
            start = offset + len(f.text) - len(f.text.lstrip())
            end = start + len(f.text.strip())
            offset += len(f.text) + 1
            if f.col is not None:
                col = f.col
            while (row, col) in taken and f.col is None:
                col += 1
            if f.covered:
                col += 1
                continue
            for r in range(row, row + f.rowspan):
                for c in range(col, col + f.colspan):
                    taken.add((r, c))
            cells.append(Cell(row, col, start, end, f.rowspan, f.colspan))
            col += f.colspan
        if all_header and fields and all(f.header or f.covered for f in fields):
            header_rows = row + 1
        else:
            all_header = False
        row += 1
    if not cells:
        return None, cursor
    first = min(c.start for c in cells)
    caption, unit = caption_and_unit(text, first)
    table = structure(
        cells,
        text,
        caption=raw.caption or caption,
        unit=unit,
        header_rows=header_rows or None,
    )
    return table, cursor
