"""A document's tables: header rows, stub columns and cells, each cell a span of the text.

The document text stays the citation ground truth; a table only says which spans of it are
cells and where they stand in the grid. Readers of marked-up files (HTML, DOCX, XLSX, CSV) know
the grid; for plain text it is inferred (``core/table_infer.py``) and may be marked uncertain.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

MARKUP, INFERRED = "markup", "inferred"


class Cell(NamedTuple):
    """One cell: its grid position and spans, and ``text[start:end]`` (empty when start == end).

    A named tuple: a 2,000 × 20 table loads 40,000 of them from the database at once.
    """

    row: int
    col: int
    start: int
    end: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class Table:
    """A grid of cells; rows ``< header_rows`` are headers, columns ``< stub_cols`` are the stub.

    ``caption`` and ``unit`` (from a 单位：万元 line) are as written near the table;
    ``uncertain`` says, in words, what an inferred structure had to guess ("" when sure).
    """

    start: int
    end: int
    cells: tuple[Cell, ...]
    header_rows: int = 1
    stub_cols: int = 1
    caption: str = ""
    unit: str = ""
    source: str = MARKUP
    uncertain: str = ""
    number: int = 0  # 1-based position among the document's tables

    @cached_property
    def n_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @cached_property
    def n_cols(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    @cached_property
    def _grid(self) -> dict[tuple[int, int], Cell]:
        grid: dict[tuple[int, int], Cell] = {}
        for cell in self.cells:
            for r in range(cell.row, cell.row + cell.rowspan):
                for c in range(cell.col, cell.col + cell.colspan):
                    grid.setdefault((r, c), cell)
        return grid

    @cached_property
    def _by_start(self) -> tuple[list[int], list[Cell]]:
        ordered = sorted((c for c in self.cells if c.end > c.start), key=lambda c: c.start)
        return [c.start for c in ordered], ordered

    def at(self, row: int, col: int) -> Cell | None:
        """The cell covering a grid position (a spanning cell covers several)."""
        return self._grid.get((row, col))

    def cell_at(self, position: int) -> Cell | None:
        """The non-empty cell whose text holds a document offset, or None."""
        starts, ordered = self._by_start
        i = bisect_right(starts, position) - 1
        if i >= 0 and ordered[i].start <= position < ordered[i].end:
            return ordered[i]
        return None

    def cell_for_span(self, start: int, end: int) -> Cell | None:
        """The cell holding a whole span (a citation of one cell), or None."""
        cell = self.cell_at(start)
        return cell if cell is not None and end <= cell.end else None

    def is_header(self, cell: Cell) -> bool:
        return cell.row < self.header_rows

    def is_stub(self, cell: Cell) -> bool:
        return cell.col < self.stub_cols

    def column_headers(self, col: int, text: str) -> list[str]:
        """Header texts over a column, top to bottom, each once (a spanning header counts once)."""
        cells = (self.at(r, col) for r in range(self.header_rows))
        return _texts(text, (c for c in cells if c is None or not c.col < self.stub_cols <= col))

    def row_labels(self, row: int, text: str) -> list[str]:
        """Stub texts of a row, left to right (a spanning stub cell counts for each row)."""
        return _texts(text, (self.at(row, c) for c in range(self.stub_cols)))

    def row_label(self, row: int, text: str) -> str:
        return " · ".join(self.row_labels(row, text))

    def column_label(self, col: int, text: str) -> str:
        return " · ".join(self.column_headers(col, text))

    def label(self) -> str:
        """How an export names the table: 表N and its caption."""
        return f"表{self.number} {self.caption}".strip() if self.number else self.caption

    def to_json(self) -> str:
        """Cells as compact [row, col, start, end, rowspan, colspan] lists (thousands per table)."""
        return json.dumps(
            [[c.row, c.col, c.start, c.end, c.rowspan, c.colspan] for c in self.cells],
            separators=(",", ":"),
        )

    @staticmethod
    def cells_from_json(data: str) -> tuple[Cell, ...]:
        return tuple(map(Cell._make, json.loads(data)))

    def shifted(self, offset: int) -> Table:
        """The same table with every span moved by ``offset`` (a reader's text was prefixed)."""
        cells = tuple(
            Cell(c.row, c.col, c.start + offset, c.end + offset, c.rowspan, c.colspan)
            for c in self.cells
        )
        return replace(self, start=self.start + offset, end=self.end + offset, cells=cells)


def _texts(text: str, cells: Iterable[Cell | None]) -> list[str]:
    """The non-empty texts of cells in order, a cell met twice (spanning) given once."""
    out: list[str] = []
    seen: set[Cell] = set()
    for cell in cells:
        if cell is None or cell in seen:
            continue
        seen.add(cell)
        if words := cell_text(text, cell):
            out.append(words)
    return out


def numbered(tables: list[Table]) -> list[Table]:
    """Tables in reading order, numbered from 1."""
    ordered = sorted(tables, key=lambda t: t.start)
    return [replace(t, number=i) for i, t in enumerate(ordered, start=1)]


def cell_text(text: str, cell: Cell) -> str:
    return text[cell.start : cell.end].strip()


def table_at(tables: list[Table], position: int) -> Table | None:
    """The table whose rows hold a document offset (tables do not overlap)."""
    starts = [t.start for t in tables]
    i = bisect_right(starts, position) - 1
    if i >= 0 and tables[i].start <= position < tables[i].end:
        return tables[i]
    return None


@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a cited span stands in a table, as an export shows it."""

    table: str
    row_label: str
    column_label: str


def locate(tables: list[Table], text: str, start: int, end: int) -> CellRef | None:
    """The table cell a citation selects, with its row and column labels, or None for prose."""
    table = table_at(tables, start)
    if table is None:
        return None
    cell = table.cell_for_span(start, end)
    if cell is None or table.is_header(cell):
        return None
    return CellRef(
        table=table.label(),
        row_label=table.row_label(cell.row, text),
        column_label=table.column_label(cell.col, text),
    )


def row_cells(line: str, line_start: int, separator: str = "\t") -> list[tuple[int, int]]:
    """Spans of the separated fields of one line, stripped of spaces (empty fields kept)."""
    out: list[tuple[int, int]] = []
    pos = line_start
    for raw in line.split(separator):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        s = pos + lead
        out.append((s, s + len(stripped)))
        pos += len(raw) + len(separator)
    return out


def neighbour(table: Table, cell: Cell, direction: str) -> Cell | None:
    """The next filled cell right, left, down or up of ``cell`` (wrapping at row ends for
    right/left), for moving through a table from the keyboard; None at the table's edge."""
    if direction in ("right", "left"):
        ordered = [c for c in table.cells if c.end > c.start]
        i = ordered.index(cell) if cell in ordered else -1
        j = i + 1 if direction == "right" else i - 1
        return ordered[j] if 0 <= j < len(ordered) and i >= 0 else None
    step = 1 if direction == "down" else -1
    row = (cell.row + cell.rowspan - 1 if step > 0 else cell.row) + step
    while 0 <= row < table.n_rows:
        found = table.at(row, cell.col)
        if found is not None and found is not cell and found.end > found.start:
            return found
        row += step
    return None
