"""Table structure: header rows and stub columns of a known grid, or a whole grid from plain text.

Marked-up files (HTML, DOCX, XLSX) give their grid; ``structure`` decides which rows are
headers and which columns the stub, from what the cells hold. Copy-paste and PDF extraction
give lines whose cells are separated by tabs or runs of spaces; ``infer_tables`` rebuilds the
grid from them, including the usual statistical layouts: a second header row one cell short
(the stub header spans both rows), group headers over two sub-columns, 单位：万元 lines, section
rows, 其中： sub-rows, repeated headers. Whatever it had to guess is written in ``uncertain``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from indicite.core.numbers import fold_width
from indicite.core.tables import INFERRED, MARKUP, Cell, Table, numbered

# A value as it stands in a cell: 1103450.2, -0.8, 1,570, 4, 12.5%, 持平.
VALUE_CELL_RE = re.compile(
    r"[-+−]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?%?(?:\s?[*＊#①-⑳])?|持平"
)  # 12.5* and 12.5① carry a note mark after the value
# Cells that hold no value but are not labels either: notes, dashes, "not applicable".
MARKER_CELL_RE = re.compile(
    r"[（(]?\s*注\s*\d*\s*[）)]?|[-—–…·.×*＊/／]+|[（(]?\s*\d{1,2}\s*[）)]|\*+\d*|—{1,2}|…+"
)
# 单位：亿元 (单位：亿元、% names the level unit first; growth columns say % themselves)
UNIT_LINE_RE = re.compile(
    r"^\s*[（(]?\s*(?:计量)?单\s*位\s*[:：]\s*([^\s）)、，,;；]{1,10})[^）)]*[）)]?\s*$"
)
UNIT_TAIL_RE = re.compile(
    r"[（(]?\s*(?:计量)?单\s*位\s*[:：]\s*([^\s）)、，,;；]{1,10})[^）)]*[）)]?\s*$"
)
_SPACED_RE = re.compile(r"[^ \u3000\t]+(?: [^ \u3000\t]+)*")
_WIDE_GAP_RE = re.compile(r"\S(?: {2,}|\u3000+)\S")
_SENTENCE_END = "。；;！？!?"
MAX_CAPTION = 60
MAX_SECTION = 16


def is_value_cell(text: str) -> bool:
    return bool(VALUE_CELL_RE.fullmatch(fold_width(text).strip()))


def is_marker_cell(text: str) -> bool:
    return bool(MARKER_CELL_RE.fullmatch(fold_width(text).strip()))


def _is_label(text: str) -> bool:
    t = text.strip()
    return bool(t) and not is_value_cell(t) and not is_marker_cell(t)


@dataclass(slots=True)
class _Line:
    start: int
    fields: list[tuple[int, int]]  # spans of the fields, empty ones included


# --- structure of a known grid --------------------------------------------------------------


def structure(
    cells: list[Cell],
    text: str,
    *,
    caption: str = "",
    unit: str = "",
    header_rows: int | None = None,
    source: str = MARKUP,
) -> Table | None:
    """A table from a grid of cells, its header rows and stub columns found from the contents.

    None when the grid holds no value at all (a layout table, a box around a paragraph).
    """
    if not cells:
        return None
    by_row: dict[int, list[Cell]] = {}
    for cell in cells:
        by_row.setdefault(cell.row, []).append(cell)
    n_rows = max(c.row + c.rowspan for c in cells)

    def words(c: Cell) -> str:
        return text[c.start : c.end].strip()

    def is_data(row: int) -> bool:
        row_cells = sorted(by_row.get(row, []), key=lambda c: c.col)
        return any(
            is_value_cell(words(c)) and not _is_year(words(c)) for c in row_cells[1:]
        ) and bool(row_cells and words(row_cells[0]))

    first_data = next((r for r in range(n_rows) if is_data(r)), None)
    if first_data is None:
        return None
    if header_rows is None:
        header_rows = first_data
        # a header cell spanning down into the data rows (a stub header) ends with its rows
        header_rows = max(
            [header_rows] + [c.row + c.rowspan for c in cells if c.row < header_rows and c.col > 0]
        )
        header_rows = min(header_rows, first_data)
        while header_rows > 1 and _section_row(by_row.get(header_rows - 1, []), words):
            header_rows -= 1  # 期末畜禽存栏 alone on its row heads the rows below, not columns
    stub = _stub_columns(cells, header_rows, words)
    return Table(
        start=min(c.start for c in cells),
        end=max(c.end for c in cells),
        cells=tuple(sorted(cells, key=lambda c: (c.row, c.col))),
        header_rows=header_rows,
        stub_cols=stub,
        caption=caption,
        unit=unit,
        source=source,
    )


def _section_row(row_cells: list[Cell], words) -> bool:
    filled = [c for c in row_cells if words(c)]
    return len(filled) == 1 and filled[0].col == 0


def _is_year(text: str) -> bool:
    t = fold_width(text).strip().rstrip("年")
    return t.isdigit() and len(t) == 4 and 1900 <= int(t) <= 2100


def _stub_columns(cells: list[Cell], header_rows: int, words) -> int:
    """The first column and the columns after it whose body cells are labels: row numbers or
    codes (06) in the first column are labels too, and so are years down the side."""
    n_cols = max(c.col + c.colspan for c in cells)
    body = [c for c in cells if c.row >= header_rows]
    stub = 1
    for col in range(1, n_cols):
        column = [words(c) for c in body if c.col == col and words(c)]
        labels = sum(1 for w in column if _is_label(w))
        if column and labels * 2 > len(column):
            stub = col + 1
        else:
            break
    return min(stub, n_cols - 1) if n_cols > 1 else 1


# --- grids from flattened text ---------------------------------------------------------------


def _fields(line: str, line_start: int) -> list[tuple[int, int]] | None:
    """The cells of a line that looks like a table row, or None for prose and headings."""
    if "\t" in line:
        out, pos = [], line_start
        for raw in line.split("\t"):
            lead = len(raw) - len(raw.lstrip(" \u3000"))
            body = raw.strip(" \u3000")
            out.append((pos + lead, pos + lead + len(body)))
            pos += len(raw) + 1
        while out and out[-1][0] == out[-1][1]:
            out.pop()
        if len(out) == 2 and out[0][0] == out[0][1]:
            return None  # text indented with a tab is not a row
        return out if len(out) >= 2 else None
    stripped = line.strip(" \u3000")
    if not stripped or stripped[-1] in _SENTENCE_END:
        return None
    if not _WIDE_GAP_RE.search(line):
        return _single_spaced(line, line_start)
    parts = [(line_start + m.start(), line_start + m.end()) for m in _SPACED_RE.finditer(line)]
    if len(parts) >= 3 and all(b - a == 1 for a, b in parts[:2]):
        label = line[parts[0][0] - line_start] + line[parts[1][0] - line_start]
        if all("\u4e00" <= ch <= "\u9fff" for ch in label):  # 粮　　食: one label, padded
            parts[:2] = [(parts[0][0], parts[1][1])]
    return parts if len(parts) >= 2 else None


def _single_spaced(line: str, line_start: int) -> list[tuple[int, int]] | None:
    """A PDF-extracted row, one space between cells: a label, then only values and markers
    (总计 1103450.2 2.4 936120.8); the label may hold spaces itself (分 组)."""
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]
    k = len(tokens)
    while k > 0 and (
        is_value_cell(line[slice(*tokens[k - 1])]) or is_marker_cell(line[slice(*tokens[k - 1])])
    ):
        k -= 1
    values = tokens[k:]
    if k == 0 or len(values) < 2 or not any(is_value_cell(line[a:b]) for a, b in values):
        return None
    label = (tokens[0][0], tokens[k - 1][1])
    words = line[label[0] : label[1]]
    if len(words) > MAX_SECTION * 2 or any(ch in words for ch in "，。；,;") or _is_year(words):
        return None
    return [(line_start + a, line_start + b) for a, b in (label, *values)]


def infer_tables(text: str) -> list[Table]:
    """Every tab- or space-aligned table in a plain text, numbered in reading order."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        fields = _fields(lines[i][1], lines[i][0])
        if fields is None:
            i += 1
            continue
        block: list[_Line | tuple[int, int]] = [
            *_spaced_headers(lines, i),
            _Line(lines[i][0], fields),
        ]
        seen_rows = {lines[i][1].strip()}
        j = i + 1
        while j < len(lines):
            start, line = lines[j]
            f = _fields(line, start)
            if f is not None:
                block.append(_Line(start, f))
                seen_rows.add(line.strip())
                j += 1
                continue
            if _section_line(line) and _rows_follow(text, lines, j + 1, seen_rows):
                s = start + len(line) - len(line.lstrip(" \u3000\t"))
                block.append((s, s + len(line.strip(" \u3000\t"))))
                j += 1
                continue
            if not line.strip() and _rows_follow(text, lines, j + 1, seen_rows):
                j += 1
                continue
            break
        table = _grid_from_block(text, block)
        if table is not None:
            tables.append(table)
        i = j
    return numbered(tables)


def _spaced_headers(lines: list[tuple[int, str]], i: int) -> list[_Line]:
    """Header rows over a table whose rows have single spaces between cells (PDF text):
    up to two lines right above its first row, their words as cells (分 组 is one word)."""
    if "\t" in lines[i][1] or _WIDE_GAP_RE.search(lines[i][1]):
        return []
    found: list[_Line] = []
    k = i - 1
    while k >= 0 and len(found) < 2:
        start, line = lines[k]
        words = line.strip(" \u3000")
        if (
            not words
            or UNIT_LINE_RE.match(words)
            or re.match(r"表\s*\d", words)
            or any(ch in words for ch in _SENTENCE_END + "，,")
            or len(words) > MAX_CAPTION * 2
        ):
            break
        cells = _header_words(line, start)
        if len(cells) < 2:
            break
        found.insert(0, _Line(start, cells))
        k -= 1
    return found


def _header_words(line: str, line_start: int) -> list[tuple[int, int]]:
    """Words of a header line; single CJK characters spaced out (分 组, 地 区) join up."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", line)]
    merged: list[tuple[int, int]] = []
    for a, b in words:
        if merged and _spaced_cjk(line, merged[-1], (a, b)):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return [(line_start + a, line_start + b) for a, b in merged]


def _spaced_cjk(line: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Two single Chinese characters one space apart: one spaced-out word (分 组)."""
    single = left[1] - left[0] == 1 and right[1] - right[0] == 1 and right[0] - left[1] == 1
    return single and all("\u4e00" <= line[p] <= "\u9fff" for p in (left[0], right[0]))


def _section_line(line: str) -> bool:
    """A short label alone on its line (分三大门类, with the row's empty cells or without)."""
    t = line.strip(" \u3000\t")
    return 0 < len(t) <= MAX_SECTION and not any(ch in t for ch in "，。；,;\t")


def _rows_follow(text: str, lines: list[tuple[int, str]], k: int, seen: set[str]) -> bool:
    """Whether the table goes on after a gap: a data row comes next (after blank lines and at
    most one section line), or a header row seen before (repeated after a page break)."""
    sections = 0
    while k < len(lines):
        start, line = lines[k]
        fields = _fields(line, start)
        if fields is not None:
            return line.strip() in seen or any(
                is_value_cell(text[a:b]) and not _is_year(text[a:b]) for a, b in fields[1:]
            )
        if line.strip():
            sections += 1
            if sections > 1 or not _section_line(line):
                return False
        k += 1
    return False


def _grid_from_block(text: str, block: list[_Line | tuple[int, int]]) -> Table | None:
    rows = [b for b in block if isinstance(b, _Line)]

    def words(span: tuple[int, int]) -> str:
        return text[span[0] : span[1]]

    def is_data(line: _Line) -> bool:
        f = line.fields
        return bool(words(f[0]).strip()) and any(
            is_value_cell(words(s)) and not _is_year(words(s)) for s in f[1:]
        )

    data = [r for r in rows if is_data(r)]
    if len(data) < 2 and not (data and len(rows) >= 2):
        return None
    first = next(k for k, b in enumerate(block) if isinstance(b, _Line) and is_data(b))
    headers = [b for b in block[:first] if isinstance(b, _Line)]
    header_texts = {tuple(words(s) for s in h.fields) for h in headers}
    headers, own_caption, own_unit = _unit_cells(text, headers)
    body = [
        b
        for b in block[first:]
        if not (isinstance(b, _Line) and tuple(words(s) for s in b.fields) in header_texts)
    ]  # a header repeated on the next page is not data
    width = max(len(r.fields) for r in data)
    ghosts = {
        k
        for k in range(1, width)
        if all(k >= len(r.fields) or words(r.fields[k]) == "" for r in data)
    }
    keep = [k for k in range(width) if k not in ghosts]
    n_cols = len(keep)
    notes: list[str] = []
    cells: list[Cell] = []
    header_cells, n_header = _header_grid(text, headers, keep, width, notes)
    cells.extend(header_cells)
    row = n_header
    for b in body:
        if isinstance(b, tuple):
            cells.append(Cell(row, 0, b[0], b[1], colspan=n_cols))
            row += 1
            continue
        fields = [b.fields[k] for k in keep if k < len(b.fields)]
        extra = [s for k, s in enumerate(b.fields) if k >= width or (k in ghosts and words(s))]
        if extra or len(b.fields) > width:
            notes.append("有的行单元格多于列数")
        for col, (s, e) in enumerate(fields):
            if e > s:
                cells.append(Cell(row, col, s, e))
        row += 1
    if len(set(len(r.fields) for r in data)) > 1:
        notes.append("各行单元格数不一")
    caption, unit = _caption_and_unit(text, min(c.start for c in cells))
    caption, unit = own_caption or caption, own_unit or unit
    table = structure(
        cells, text, caption=caption, unit=unit, header_rows=n_header, source=INFERRED
    )
    if table is None:
        return None
    uncertain = "; ".join(dict.fromkeys(notes))
    start = min(table.start, rows[0].start)
    return replace(table, start=start, uncertain=uncertain)


def _empty(span: tuple[int, int]) -> bool:
    return span[1] <= span[0]


def _unit_cells(text: str, headers: list[_Line]) -> tuple[list[_Line], str, str]:
    """Take 单位：亿元 out of the end of a header row, and a caption row (表1 …  单位：亿元)
    out of the headers: (header rows, caption, unit)."""
    caption, unit = "", ""
    kept: list[_Line] = []
    for h in headers:
        filled = [s for s in h.fields if s[1] > s[0]]
        if filled and (m := UNIT_LINE_RE.match(text[filled[-1][0] : filled[-1][1]])):
            unit = unit or m.group(1)
            filled = filled[:-1]
            if len(filled) == 1 and not kept:
                caption = text[filled[0][0] : filled[0][1]]
                continue
            h = _Line(h.start, [s for s in h.fields if s in filled or s[1] == s[0]])
            while h.fields and h.fields[-1][1] == h.fields[-1][0]:
                h.fields.pop()
        if h.fields:
            kept.append(h)
    return kept, caption, unit


def _header_grid(
    text: str,
    headers: list[_Line],
    keep: list[int],
    width: int,
    notes: list[str],
) -> tuple[list[Cell], int]:
    """Header cells over the kept columns; a short row under a full one lacks the stub header."""
    n_cols = len(keep)
    cells: list[Cell] = []
    stub_rows = 0
    for r, h in enumerate(headers):
        filled = [s for s in h.fields if s[1] > s[0]]
        if len(h.fields) == width or (_empty(h.fields[0]) and len(h.fields) <= width):
            # a full row, or one that starts with a tab: its cells stand where the data's do
            spans = [h.fields[k] if k < len(h.fields) else (0, 0) for k in keep]
            if _empty(spans[0]) and r > 0:
                stub_rows = r + 1
            above_another = r < len(headers) - 1
            for c, (s, e) in enumerate(spans):
                if e > s:
                    # a merged header copied out of a sheet leaves empty cells to its right
                    span = 1
                    while above_another and c + span < n_cols and _empty(spans[c + span]):
                        span += 1
                    cells.append(Cell(r, c, s, e, colspan=span if c else 1))
        elif len(filled) == n_cols:
            cells.extend(Cell(r, c, s, e) for c, (s, e) in enumerate(filled))
        elif len(filled) == n_cols - 1:
            # 分 组 | 营业收入 … over 1-10月（亿元） | 同比增长（%）…: the stub header spans down
            cells.extend(Cell(r, c, s, e) for c, (s, e) in enumerate(filled, start=1))
            if r > 0:
                stub_rows = r + 1
        elif len(filled) >= 2 and (n_cols - 1) % (len(filled) - 1) == 0:
            per = (n_cols - 1) // (len(filled) - 1)
            cells.append(Cell(r, 0, *filled[0]))
            for k, (s, e) in enumerate(filled[1:]):
                cells.append(Cell(r, 1 + k * per, s, e, colspan=per))
        else:
            notes.append("表头未能与各列一一对应")
            offset = n_cols - len(filled)  # right-aligned: value headers sit over values
            for c, (s, e) in enumerate(filled):
                cells.append(Cell(r, 0 if c == 0 else c + offset, s, e))
    if stub_rows:
        cells = [
            Cell(0, 0, c.start, c.end, rowspan=stub_rows) if (c.row, c.col) == (0, 0) else c
            for c in cells
        ]
    return cells, len(headers)


def _caption_and_unit(text: str, start: int) -> tuple[str, str]:
    """The caption and the 单位：… line in the few lines above a table."""
    caption, unit = "", ""
    end = start
    looked = 0
    while end > 0 and looked < 4:
        line_start = text.rfind("\n", 0, end - 1) + 1
        line = text[line_start:end].strip(" \u3000\n\t")
        end = line_start
        if not line:
            continue
        looked += 1
        if um := UNIT_LINE_RE.match(line):
            unit = unit or um.group(1)
            continue
        if len(line) > MAX_CAPTION or line[-1] in _SENTENCE_END + "，,：:":
            break
        if um := UNIT_TAIL_RE.search(line):
            unit = unit or um.group(1)
            line = line[: um.start()].strip()
        caption = line
        break
    return caption, unit


def caption_and_unit(text: str, start: int) -> tuple[str, str]:
    """What readers of marked-up files use for a table's caption and unit line."""
    return _caption_and_unit(text, start)
