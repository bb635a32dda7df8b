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

from PySide6.QtGui import QFontMetricsF, QTextOption

from indicite.core.tables import Cell, Table, neighbour, table_at

MAX_COLUMN_EMS = 12  # a column is at most this many characters wide
GAP_EMS = 1.0  # space between columns
DIRECTIONS = {"right", "left", "down", "up"}


def tab_stops(text: str, tables: Sequence[Table], metrics: QFontMetricsF) -> list[float]:
    """Tab positions (pixels) that line up the tab-separated rows of every table.

    Widths come from the body rows and from header rows with a field for every column; a
    header row with fewer fields (spanning cells) runs on across the stops rather than
    widening every column until rows wrap in the pane.
    """
    em = metrics.horizontalAdvance("中")
    cap = MAX_COLUMN_EMS * em
    widths: list[float] = []
    for table in tables:
        body = min((c.start for c in table.cells if not table.is_header(c)), default=table.end)
        body = text.rfind("\n", 0, body) + 1
        rows = [line.split("\t") for line in text[body : table.end].split("\n")]
        full = max((len(r) for r in rows), default=0)
        heads = [line.split("\t") for line in text[table.start : body].split("\n")]
        for fields in rows + [h for h in heads if len(h) == full]:
            for i, field in enumerate(fields[:-1]):  # the last field needs no stop
                width = min(metrics.horizontalAdvance(field), cap)
                if i == len(widths):
                    widths.append(width)
                elif width > widths[i]:
                    widths[i] = width
    stops, x = [], 0.0
    for width in widths:
        x += width + GAP_EMS * em
        stops.append(x)
    return stops


def apply_tab_stops(option: QTextOption, stops: list[float]) -> QTextOption:
    option.setTabs([QTextOption.Tab(x, QTextOption.TabType.LeftTab) for x in stops])
    return option


def header_spans(tables: Sequence[Table]) -> list[tuple[int, int]]:
    """Code-point spans of the header cells, for the highlighter."""
    return [(c.start, c.end) for t in tables for c in t.cells if t.is_header(c) and c.end > c.start]


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
