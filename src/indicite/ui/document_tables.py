"""Tables in the reading pane: columns aligned on tab stops, header rows set off, cell keys.

The text of a table row is its cells joined by tabs, so giving the document tab stops as wide
as the widest cell of each column lines the rows up as a grid without changing the text (the
citation ground truth). Qt's plain-text layout takes tab stops for the whole document only, so
the stops are shared by every table of the document: column i is as wide as the widest i-th
cell of any table (capped, so a long note does not push the rest off screen). Header rows get
a tinted, bold format from the highlighter. Tab / Shift+Tab select the next / previous cell,
Ctrl+Down / Ctrl+Up the cell below / above; a selected cell is cited like any passage.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import zip_longest

from PySide6.QtGui import QFontMetricsF, QTextOption

from indicite.core.tables import Cell, Table, neighbour, table_at

MAX_COLUMN_EMS = 12  # a column is at most this many characters wide
GAP_EMS = 1.0  # space between columns
DIRECTIONS = {"right", "left", "down", "up"}


def tab_stops(text: str, tables: Sequence[Table], metrics: QFontMetricsF) -> list[float]:
    """Tab positions (pixels) that line up the tab-separated rows of every table.

    Widths come from the body rows and from header rows with a field for every column; a
    header row with fewer fields (spanning cells) runs on across the stops rather than
    widening every column until rows wrap in the pane. Only the longest fields of a column
    (by characters, and by UTF-8 bytes: a Chinese character is about two digits wide) are
    measured, so a 2,000-row table costs a scan, not 40,000 font measurements.
    """
    em = metrics.horizontalAdvance("中")
    cap = MAX_COLUMN_EMS * em
    widths: list[float] = []
    for table in tables:
        first_body = next((c for c in table.cells if not table.is_header(c)), None)
        body = text.rfind("\n", 0, first_body.start) + 1 if first_body else table.end
        rows = [line.split("\t")[:-1] for line in text[body : table.end].split("\n")]
        full = max((len(r) for r in rows), default=0)
        heads = [line.split("\t")[:-1] for line in text[table.start : body].split("\n")]
        rows += [h for h in heads if len(h) == full]  # the last field of a row needs no stop
        for i, column in enumerate(zip_longest(*rows, fillvalue="")):
            longest = {max(column, key=len), max(column, key=_utf8_size)}
            width = min(max(metrics.horizontalAdvance(f) for f in longest), cap)
            if i == len(widths):
                widths.append(width)
            elif width > widths[i]:
                widths[i] = width
    stops, x = [], 0.0
    for width in widths:
        x += width + GAP_EMS * em
        stops.append(x)
    return stops


def _utf8_size(field: str) -> int:
    return len(field.encode("utf-8"))


def apply_tab_stops(option: QTextOption, stops: list[float]) -> QTextOption:
    option.setTabs([QTextOption.Tab(x, QTextOption.TabType.LeftTab) for x in stops])
    return option


def header_spans(tables: Sequence[Table]) -> list[tuple[int, int]]:
    """Code-point spans of the header cells, for the highlighter (cells come row by row)."""
    spans = []
    for table in tables:
        for cell in table.cells:
            if not table.is_header(cell):
                break
            if cell.end > cell.start:
                spans.append((cell.start, cell.end))
    return spans


class CellKeys:
    """Moves a selection between the cells of the table under the cursor."""

    def __init__(self) -> None:
        self.tables: list[Table] = []

    def target(self, position: int, direction: str, selected: bool = True) -> Cell | None:
        """The cell to select from ``position`` (code points): the neighbour of a selected
        cell, or the cell under a bare cursor; None outside tables and at their edges."""
        table = table_at(self.tables, position)
        if table is None:
            return None
        cell = table.cell_at(position) or table.cell_at(max(0, position - 1))
        if cell is None:
            return _first_cell_after(table, position)
        return neighbour(table, cell, direction) if selected else cell


def _first_cell_after(table: Table, position: int) -> Cell | None:
    filled = [c for c in table.cells if c.end > c.start and c.start >= position]
    return min(filled, key=lambda c: c.start, default=None)
