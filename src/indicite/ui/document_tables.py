"""Tables in the reading pane: columns aligned on tab stops, header rows set off, cell keys.

The text of a table row is its cells joined by tabs, so giving the document tab stops as wide
as the widest cell of each column lines the rows up as a grid without changing the text (the
citation ground truth). Qt's plain-text layout takes tab stops for the whole document only, so
the stops are shared by every table of the document: column i is as wide as the widest i-th
cell of any table (capped, so a long note does not push the rest off screen). Header rows
whose fields are not one per column (a second header row short of the stub, group headers
spanning sub-columns) get stops of their own from ``GridLayout``. Header rows get
a tinted, bold format from the highlighter. Tab / Shift+Tab select the next / previous cell,
Ctrl+Down / Ctrl+Up the cell below / above; a selected cell is cited like any passage.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise, zip_longest

from PySide6.QtGui import QFontMetricsF, QTextOption

from indicite.core.tables import Cell, Table, neighbour, table_at
from indicite.ui.grid_layout import RowStops

MAX_COLUMN_EMS = 12  # a column is at most this many characters wide
GAP_EMS = 1.0  # space between columns
BODY_ROWS_FOR_COLUMNS = 3  # body rows that say which grid columns their fields start
DIRECTIONS = {"right", "left", "down", "up"}


def tab_stops(
    text: str,
    tables: Sequence[Table],
    metrics: QFontMetricsF,
    header_metrics: QFontMetricsF | None = None,
) -> list[float]:
    """Tab positions (pixels) that line up the tab-separated rows of every table.

    Widths come from the body rows and from the header cells (measured in ``header_metrics``,
    the bold header font): a one-column header widens its column, a spanning one the last
    column it spans if the columns under it are narrower. Only the longest fields of a body
    column (by characters, and by UTF-8 bytes: a Chinese character is about two digits wide)
    are measured, so a 2,000-row table costs a scan, not 40,000 font measurements. The last
    stop is the right edge of the widest table, where a header spanning the last columns ends.
    """
    em = metrics.horizontalAdvance("中")
    cap, gap = MAX_COLUMN_EMS * em, GAP_EMS * em
    widths: list[float] = []
    for table in tables:
        own = _body_widths(text, table, metrics, cap)
        _fit_headers(text, table, header_metrics or metrics, cap, gap, own)
        for i, width in enumerate(own):
            if i == len(widths):
                widths.append(width)
            elif width > widths[i]:
                widths[i] = width
    stops, x = [], 0.0
    for width in widths:
        x += width + gap
        stops.append(x)
    return stops


def _body_widths(text: str, table: Table, metrics: QFontMetricsF, cap: float) -> list[float]:
    first_body = next((c for c in table.cells if not table.is_header(c)), None)
    if first_body is None:
        return []
    body = text.rfind("\n", 0, first_body.start) + 1
    rows = [line.split("\t") for line in text[body : table.end].split("\n")]
    widths = []
    for column in zip_longest(*rows, fillvalue=""):
        longest = {max(column, key=len), max(column, key=_utf8_size)}
        widths.append(min(max(metrics.horizontalAdvance(f) for f in longest), cap))
    return widths


def _fit_headers(
    text: str, table: Table, metrics: QFontMetricsF, cap: float, gap: float, widths: list[float]
) -> None:
    """Widen ``widths`` (per column) so that every header cell fits over its columns."""
    places = [place for _, row in _header_places(text, table) for place in row if place[0]]
    if places:
        widths.extend([0.0] * (max(first + n for _, first, n in places) - len(widths)))
    for field, first, n in sorted(places, key=lambda place: place[2]):  # single columns first
        width = min(metrics.horizontalAdvance(field), cap * n)
        under = sum(widths[first : first + n]) + gap * (n - 1)
        if width > under:
            widths[first + n - 1] += width - under


def _header_places(text: str, table: Table) -> list[tuple[int, list[tuple[str, int, int]]]]:
    """Each header row: where its line starts, and each field with the first column under it
    and how many columns it spans.

    Body rows are laid out field by field on the document's stops, so a column here is a
    field of the body rows; the first body rows say which grid column each field starts (a
    body cell may span grid columns, as HTML colspan does). A row whose fields would overlap
    on those columns (spans over empty body columns, as Word's HTML has) stays one field per
    column, as the document's stops place it."""
    header: dict[int, list[Cell]] = {}
    body: dict[int, list[Cell]] = {}
    for cell in table.cells:  # cells come row by row
        if table.is_header(cell):
            header.setdefault(cell.row, []).append(cell)
        elif cell.row < table.header_rows + BODY_ROWS_FOR_COLUMNS:
            body.setdefault(cell.row, []).append(cell)
        else:
            break
    columns: dict[int, int] = {}  # grid column -> the field of a body row over it
    for cells in body.values():
        for k, (_, col, span) in enumerate(_field_places(text, cells)):
            for c in range(col, col + span):
                columns.setdefault(c, k)
    rows = []
    for cells in header.values():
        fields = _field_places(text, cells)
        places = []
        for field, col, span in fields:
            first = columns.get(col, col)
            last = columns.get(col + span - 1, first + span - 1)
            places.append((field, first, max(last - first + 1, 1)))
        if any(b[1] < a[1] + a[2] for a, b in pairwise(places)):
            places = [(field, k, 1) for k, (field, _, _) in enumerate(fields)]  # on the stops
        rows.append((_line_start(text, cells), places))
    return rows


def _line_start(text: str, cells: list[Cell]) -> int:
    return text.rfind("\n", 0, min(c.start for c in cells)) + 1


def _header_cells(table: Table) -> list[Cell]:
    """The cells of the header rows (cells come row by row)."""
    cells = []
    for cell in table.cells:
        if not table.is_header(cell):
            break
        cells.append(cell)
    return cells


def _utf8_size(field: str) -> int:
    return len(field.encode("utf-8"))


def apply_tab_stops(option: QTextOption, stops: list[float]) -> QTextOption:
    option.setTabs([QTextOption.Tab(x, QTextOption.TabType.LeftTab) for x in stops])
    return option


def header_rows(
    text: str, tables: Sequence[Table], stops: list[float], metrics: QFontMetricsF
) -> dict[int, RowStops]:
    """Stops of their own (by block number) for the header rows the document's stops misplace.

    A row whose n-th field is not the n-th column (a second header row short of the stub
    cell that spans both rows) starts indented to its first cell's column; a header spanning
    several columns (营业收入 over 1-10月（亿元） and 同比增长（%）) is centred over them when
    it fits (``metrics``: the header font), else starts at its first column.
    """
    gap = GAP_EMS * metrics.horizontalAdvance("中")
    edges = [0.0, *stops]  # where each column starts
    rows: dict[int, RowStops] = {}
    counted, newlines = 0, 0
    for table in sorted(tables, key=lambda t: t.start):
        for start, places in _header_places(text, table):
            if all(first == i and n == 1 for i, (_, first, n) in enumerate(places)):
                continue  # one field per column: the document's stops fit
            row = _row_stops(places, edges, gap, metrics)
            if row is not None:
                newlines += text.count("\n", counted, start)
                counted = start
                rows[newlines] = row
    return rows


def _field_places(text: str, cells: list[Cell]) -> list[tuple[str, int, int]]:
    """Each field of the line of a row's ``cells``: its text, grid column and column span.

    A field that is no cell (it stands for a merged cell) takes the column after the last."""
    start = _line_start(text, cells)
    end = text.find("\n", start)
    by_start = {c.start: c for c in cells}
    places, pos, col = [], start, 0
    for field in text[start : end if end != -1 else len(text)].split("\t"):
        cell = by_start.get(pos)
        span = cell.colspan if cell is not None else 1
        col = cell.col if cell is not None else col
        places.append((field, col, span))
        pos, col = pos + len(field) + 1, col + span
    return places


def _row_stops(
    places: list[tuple[str, int, int]], edges: list[float], gap: float, metrics: QFontMetricsF
) -> RowStops | None:
    """The indent and stops that put each field at (or centred over) its columns."""
    xs = []
    for field, col, span in places:
        if col >= len(edges):
            return None  # wider than any measured row: leave it on the document's stops
        left = edges[col]
        right = edges[col + span] - gap if col + span < len(edges) else left
        width = metrics.horizontalAdvance(field)
        centred = span > 1 and width <= right - left
        xs.append(((left + right) / 2, True, width) if centred else (left, False, width))
    first, centred, width = xs[0]
    indent = first - width / 2 if centred else first
    kinds = QTextOption.TabType
    tabs = [
        QTextOption.Tab(x - indent, kinds.CenterTab if centre else kinds.LeftTab)
        for x, centre, _ in xs[1:]
    ]
    return RowStops(indent, tabs)


def header_spans(tables: Sequence[Table]) -> list[tuple[int, int]]:
    """Code-point spans of the header cells, for the highlighter (cells come row by row)."""
    return [(c.start, c.end) for t in tables for c in _header_cells(t) if c.end > c.start]


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
