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


def sheet_parts(path: Path, file_name: str) -> dict[str, str]:
    """Each sheet's name and the zip member holding it, in workbook order."""
    workbook = b"".join(stream_member(path, "xl/workbook.xml", file_name))
    relations = b"".join(stream_member(path, "xl/_rels/workbook.xml.rels", file_name))
    targets = {}
    for relation in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", relations):
        attrs = dict(_ATTR.findall(relation))
        target = _unescape(attrs.get(b"Target", b"")).lstrip("/")
        targets[attrs.get(b"Id")] = target if target.startswith("xl/") else f"xl/{target}"
    parts = {}
    for tag in _SHEET.findall(workbook):
        attrs = dict(_ATTR.findall(tag))
        target_id = next((v for k, v in attrs.items() if k.endswith(b":id")), None)
        if target_id in targets:
            parts[_unescape(attrs.get(b"name", b""))] = targets[target_id]
    return parts


def _unescape(raw: bytes) -> str:
    """An attribute value's text: the five XML entities and character references."""
    return html.unescape(raw.decode("utf-8", errors="replace"))


class CellScanner:
    """Fed one sheet's XML a chunk at a time (by ``zip_guard.check_archive``, in the same pass
    that checks the archive); ``finish`` gives (row, cell, reason) for each error cell and each
    formula without a saved value."""

    def __init__(self) -> None:
        self._buffer = b""
        self._found: list[tuple[int, str, str]] = []

    def feed(self, chunk: bytes) -> None:
        self._buffer += chunk
        if not _maybe_unreadable(self._buffer):
            self._buffer = self._buffer[-_OVERLAP:]
            return
        end = self._buffer.rfind(b"</row>")
        if end >= 0:
            self._found.extend(_scan(self._buffer[: end + 6]))
            self._buffer = self._buffer[end + 6 :]

    def finish(self) -> list[tuple[int, str, str]]:
        self._found.extend(_scan(self._buffer))
        self._buffer = b""
        return self._found


def _maybe_unreadable(xml: bytes) -> bool:
    """A fast test (byte search, no regex) that ``xml`` may hold an error cell or a formula."""
    return b't="e"' in xml or b"f>" in xml or b"<f " in xml or b":f " in xml


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
