"""Spreadsheets as documents (.xlsx, .csv): a statistical yearbook sheet read as text and tables.

Each sheet row becomes one line, its cells joined by tabs, numbers written as the sheet shows
them (its number format's decimals and thousands separators). Title and unit rows above a
table (one filled cell) and note rows below it (注：…) are lines of their own, not table rows;
an empty row ends a table. Merged cells keep their row and column spans.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime, time

from indicite.core.errors import ImportRefused
from indicite.core.tables import Table
from indicite.core.text import normalize_newlines
from indicite.io.table_grid import RawCell, RawTable, lay_out, row_line
from indicite.io.text_reader import decode_bytes
from indicite.io.zip_guard import ZipDamaged, inflate, repack

_NOTE_RE = re.compile(r"^\s*(?:注|说明|资料来源|数据来源|备注)")
_DECIMALS_RE = re.compile(r"0\.(0+)")
MAX_SHEET_CELLS = 2_000_000


def read_xlsx_tables(content: bytes, name: str) -> tuple[str, list[Table]]:
    """Every visible sheet, in order; a workbook of several sheets names each above its rows."""
    try:  # openpyxl reads a repacked copy of the members inflate checked (size, DOCTYPE)
        content = repack(inflate(content, name))
    except ZipDamaged:
        raise _damaged(name) from None
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        raise _damaged(name) from None
    sheets = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    lines: list[str] = []
    raw_tables: list[RawTable] = []
    for ws in sheets:
        if ws.max_row * ws.max_column > MAX_SHEET_CELLS:
            raise ImportRefused(
                "{name}: sheet {sheet} has more than {limit} cells; split it into smaller files",
                name=name,
                sheet=ws.title,
                limit=MAX_SHEET_CELLS,
            )
        if len(sheets) > 1:
            lines.extend([ws.title, ""])
        _add_rows(_xlsx_rows(ws), lines, raw_tables)
        lines.append("")
    text = normalize_newlines("\n".join(lines).strip("\n"))
    return text, lay_out(text, raw_tables)


def read_csv_tables(content: bytes, name: str) -> tuple[str, list[Table]]:
    """A CSV (or tab-separated) file in any encoding the text reader detects."""
    decoded = normalize_newlines(decode_bytes(content, name))
    head = decoded[:4096]
    delimiter = "\t" if head.count("\t") > head.count(",") else ","
    rows = [
        [RawCell(_one_line(v)) for v in record]
        for record in csv.reader(io.StringIO(decoded), delimiter=delimiter)
    ]
    lines: list[str] = []
    raw_tables: list[RawTable] = []
    _add_rows(rows, lines, raw_tables)
    text = "\n".join(lines).strip("\n")
    return text, lay_out(text, raw_tables)


def _add_rows(rows: list[list[RawCell]], lines: list[str], raw_tables: list[RawTable]) -> None:
    current: RawTable | None = None
    for fields in rows:
        while fields and not fields[-1].text and not fields[-1].covered:
            fields.pop()
        filled = [f for f in fields if f.text]
        if not filled:
            lines.append("")
            current = None
            continue
        single = len(filled) == 1 and fields[0].text
        if single and (current is None or _NOTE_RE.match(fields[0].text)):
            lines.append(fields[0].text)  # a title, unit or note line
            current = None
            continue
        if current is None:
            current = RawTable()
            raw_tables.append(current)
        current.rows.append(fields)
        lines.append(row_line(fields))


def _xlsx_rows(ws) -> list[list[RawCell]]:
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for rng in ws.merged_cells.ranges:
        spans[rng.min_row, rng.min_col] = (
            rng.max_row - rng.min_row + 1,
            rng.max_col - rng.min_col + 1,
        )
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered.add((r, c))
    rows = []
    for row in ws.iter_rows():
        fields = []
        for cell in row:
            r, c = cell.row, cell.column
            if (r, c) in covered:
                fields.append(RawCell("", covered=True, col=c - 1))
                continue
            rowspan, colspan = spans.get((r, c), (1, 1))
            shown = _one_line(_shown(cell.value, cell.number_format or "General"))
            fields.append(RawCell(shown, rowspan, colspan, col=c - 1))
        rows.append(fields)
    return rows


def _shown(value, number_format: str) -> str:
    """A cell's value as the sheet displays it (enough of Excel's formats for statistics)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, int | float):
        fmt = number_format.split(";")[0]
        percent = "%" in fmt
        number = value * 100 if percent else value
        m = _DECIMALS_RE.search(fmt)
        grouping = "," if "#,##" in fmt or "#,#" in fmt else ""
        if m or fmt in ("0", "#,##0") or (percent and not m):
            decimals = len(m.group(1)) if m else 0
            shown = f"{number:{grouping}.{decimals}f}"
        elif isinstance(number, int) or float(number).is_integer():
            shown = f"{int(number):{grouping}d}"
        else:
            shown = f"{number:.12g}"
        return shown + ("%" if percent else "")
    return str(value)


def _one_line(text: str) -> str:
    return " ".join(normalize_newlines(str(text)).replace("\t", " ").split("\n")).strip()


def _damaged(name: str) -> ImportRefused:
    return ImportRefused(
        "{name} is not a readable Excel workbook (damaged, or not really an .xlsx); "
        "open it in Excel, save it as .xlsx and import again",
        name=name,
    )
