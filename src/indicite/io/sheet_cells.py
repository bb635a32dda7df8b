"""Cells of an .xlsx sheet that have no value to load: error cells and unsaved formulas.

calamine reads both as empty, so ``#DIV/0!`` would load as "no value" and a formula that was
never calculated as a blank. Their places are found here in the sheet's XML, streamed through
the zip guard; our own exports hold neither, so for them this is one fast byte search.
"""

import html
import re
from collections.abc import Iterator
from pathlib import Path

from indicite.io.zip_guard import stream_member

_SHEET = re.compile(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_CELL_START = re.compile(rb"<(?:\w+:)?c\b[^>]*>")
_CELL_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_ERROR_TYPE = re.compile(rb'\bt="e"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_CELL_END = re.compile(rb"</(?:\w+:)?c>")
_OVERLAP = 4096  # a cell's XML is shorter than this unless its text is long


def sheet_part(path: Path, sheet_name: str, file_name: str) -> str | None:
    """The zip member holding the sheet called ``sheet_name``, from the workbook's relations."""
    workbook = b"".join(stream_member(path, "xl/workbook.xml", file_name))
    relations = b"".join(stream_member(path, "xl/_rels/workbook.xml.rels", file_name))
    target_id = None
    for tag in _SHEET.findall(workbook):
        attrs = dict(_ATTR.findall(tag))
        if _unescape(attrs.get(b"name", b"")) == sheet_name:
            target_id = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
    if target_id is None:
        return None
    for relation in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", relations):
        attrs = dict(_ATTR.findall(relation))
        if attrs.get(b"Id") == target_id:
            target = _unescape(attrs.get(b"Target", b"")).lstrip("/")
            return target if target.startswith("xl/") else f"xl/{target}"
    return None


def _unescape(raw: bytes) -> str:
    """An attribute value's text: the five XML entities and character references."""
    return html.unescape(raw.decode("utf-8", errors="replace"))


def unreadable_cells(
    path: Path, part: str, file_name: str, limit: int
) -> Iterator[tuple[int, str, str]]:
    """(row, cell, reason) for each error cell and each formula without a saved value;
    ``limit``: the most bytes the sheet may unpack to."""
    buffer = b""
    for chunk in stream_member(path, part, file_name, limit):
        buffer += chunk
        if not (_ERROR_TYPE.search(buffer) or _FORMULA.search(buffer)):
            buffer = buffer[-_OVERLAP:]
            continue
        end = buffer.rfind(b"</row>")
        if end < 0:
            continue
        yield from _scan(buffer[: end + 6])
        buffer = buffer[end + 6 :]
    yield from _scan(buffer)


def _scan(xml: bytes) -> Iterator[tuple[int, str, str]]:
    for start in _CELL_START.finditer(xml):
        tag = start.group()
        if tag.endswith(b"/>"):
            continue
        close = _CELL_END.search(xml, start.end())
        body = xml[start.end() : close.start() if close else len(xml)]
        ref = _CELL_REF.search(tag)
        if ref is None:
            continue
        cell = ref.group(1).decode() + ref.group(2).decode()
        row = int(ref.group(2))
        value = _VALUE.search(body)
        if _ERROR_TYPE.search(tag):
            error = value.group(1).decode() if value else "an error"
            yield row, cell, f"cell {cell} holds the error {error}; fix it in the spreadsheet"
        elif _FORMULA.search(body) and (value is None or not value.group(1)):
            yield (
                row,
                cell,
                f"cell {cell} is a formula with no saved value; open the file in Excel, "
                "let it calculate and save it",
            )
