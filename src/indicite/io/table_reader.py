"""Reading indicator tables for ``indicite load``: our CSV/XLSX/JSON exports or a hand-kept sheet.

This module only deals with the file: encodings, header names, spreadsheet cell types and the
CSV neutralisation. What the values mean is for services/load.py.
"""

import codecs
import csv
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from math import isfinite
from operator import itemgetter
from pathlib import Path
from typing import Any

from indicite.core.errors import ImportRefused, one_line
from indicite.core.export_format import COLUMN_KINDS, DATETIME, HEADERS_ZH, restore
from indicite.io.csv_writer import citations_path
from indicite.io.sheet_cells import CellScanner, sheet_parts
from indicite.io.text_reader import damaged_utf8, nul_refusal, undecodable
from indicite.io.zip_guard import ZipDamaged, check_archive

# Limits that keep a hostile or mistaken file from taking minutes and gigabytes: our own
# export of 100,000 indicators is about 100 MB and 100,001 rows.
MAX_LOAD_BYTES = 1024 * 1024 * 1024
MAX_LOAD_ROWS = 1_000_000
# Our own XLSX export of 100,000 indicators unpacks to 180 MB; MAX_LOAD_ROWS of them to ~1.8 GB.
MAX_UNPACKED_XLSX_BYTES = 2 * 1024 * 1024 * 1024
# A CSV field may be this long (Python's default, 128 KiB, refuses our own long notes).
MAX_FIELD_CHARS = 64 * 1024 * 1024

# Headers staff use in hand-kept sheets, mapped to the export format's column names.
ALIASES = {
    "indicator": "name",
    "indicator_name": "name",
    "指标": "name",
    "指标名称": "name",
    "数值": "value",
    "值": "value",
    "单位": "unit",
    "原文": "quote",
    "引文": "quote",
    "exact": "quote",
    "passage": "quote",
    "主体": "subject",
    "地区": "subject",
    "时期": "period_label",
    "期间": "period_label",
    "period": "period_label",
    "备注": "notes",
    "document": "document_title",
    "title": "document_title",
    "文档": "document_title",
    "文件": "document_title",
    "文档标题": "document_title",
    "sha256": "document_sha256",
    "状态": "status",
    # the headers of an export written with --headers zh
    **{zh.lower(): name for name, zh in HEADERS_ZH.items()},
}


def column_name(header: Any) -> str:
    key = re.sub(r"[\s\-]+", "_", str(header or "").strip().lower())
    return ALIASES.get(key, key)


@dataclass
class Table:
    """Rows as (row number as a spreadsheet shows it, values by column name)."""

    rows: Iterator[tuple[int, dict[str, Any]]]
    # Further citations by the indicator id of the file (the citations sheet), in order.
    extra_citations: dict[Any, list[dict[str, Any]]] = field(default_factory=dict)
    # Rows the file itself makes unusable (an error cell, a list where a value belongs), by row
    # number, with the reason; filled while ``rows`` is read.
    problems: dict[int, str] = field(default_factory=dict)


def column_letter(index: int) -> str:
    """A, B, … Z, AA … for the 0-based column ``index``: how a spreadsheet names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def read_table(path: Path, columns: frozenset[str] | None = None) -> Table:
    """The file's rows; with ``columns``, a spreadsheet's or CSV's rows keep only those columns
    (converting the others would cost a load of 100,000 rows a second)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRefused("{path} does not exist or is not a file", path=path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ImportRefused(
            "{name} cannot be read ({reason})", name=path.name, reason=e.strerror or str(e)
        ) from None
    if size > MAX_LOAD_BYTES:
        raise ImportRefused(
            "{name} is larger than the {limit_mb} MB load limit; split it into smaller files",
            name=path.name,
            limit_mb=MAX_LOAD_BYTES // (1024 * 1024),
        )
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        return _read_workbook(path, columns)
    if suffix == ".json":
        return _read_json(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path, columns)
    raise ImportRefused("{name}: load reads .csv, .xlsx, .xls, .ods or .json files", name=path.name)


def _column_names(header: list[Any], file_name: str, header_row: int) -> list[str]:
    """The export-format name of each column; two columns of one name refuse the file."""
    names = [column_name(h) for h in header]
    first: dict[str, int] = {}
    for i, name in enumerate(names):
        if not name:
            continue
        if name in first:
            raise ImportRefused(
                "{name}: cells {first} and {second} both name the column “{column}”; "
                "rename or delete one of them",
                name=file_name,
                first=f"{column_letter(first[name])}{header_row}",
                second=f"{column_letter(i)}{header_row}",
                column=name,
            )
        first[name] = i
    return names


def _records(
    header: list[Any],
    rows: Iterator[tuple[int, list[Any]]],
    convert: Callable[[str, Any], Any],
    file_name: str,
    header_row: int = 1,
    columns: frozenset[str] | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows as dicts by column name. The header is checked now, before any row is read."""
    names = _column_names(header, file_name, header_row)
    return _named(names, rows, convert, file_name, columns)


def _named(
    names: list[str],
    rows: Iterator[tuple[int, list[Any]]],
    convert: Callable[[str, Any], Any],
    file_name: str,
    columns: frozenset[str] | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows as dicts; with ``columns``, only those columns are converted and kept."""
    keep = [
        (i, name) for i, name in enumerate(names) if name and (columns is None or name in columns)
    ]
    kept = [name for _, name in keep]
    width = max((i + 1 for i, _ in keep), default=0)
    pick = _picker([i for i, _ in keep])
    for count, (number, values) in enumerate(rows, start=1):
        if count > MAX_LOAD_ROWS:
            raise ImportRefused(
                "{name} has more than {limit:,} rows, the load limit; split it into smaller files",
                name=file_name,
                limit=MAX_LOAD_ROWS,
            )
        # any() first: it is C speed and settles nearly every row
        if not any(values) and all(v is None or v == "" for v in values):
            continue
        if len(values) >= width:  # nearly every row: no column is missing
            yield (
                number,
                {name: convert(name, v) for name, v in zip(kept, pick(values), strict=True)},
            )
        else:
            size = len(values)
            yield number, {name: convert(name, values[i]) for i, name in keep if i < size}


def _picker(indexes: list[int]) -> Callable[[list[Any]], Any]:
    """The values at ``indexes`` of a row, as a sequence (itemgetter of one gives the value)."""
    if len(indexes) == 1:
        return lambda values: (values[indexes[0]],)
    return itemgetter(*indexes) if indexes else lambda values: ()


def _from_csv(name: str, value: str) -> Any:
    """Every cell our export wrote as text may carry the neutralising apostrophe, whatever its
    column (a date column holding a non-date is text); ``restore`` takes it off again."""
    if value == "":
        return None
    return restore(value) if value[0] == "'" else value


def _encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as such, else GB18030 when the
    whole file decodes as that; anything else (a NUL, damaged UTF-8, binary) is refused with
    the offset of the first bad byte."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    read = 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            if b"\x00" in chunk:
                raise nul_refusal(path.name, read + chunk.index(b"\x00"))
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as e:
                pending = len(decoder.getstate()[0])
                _refuse_unless_gb18030(path, read - pending + e.start)
                return "gb18030"
            read += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as e:
            _refuse_unless_gb18030(path, read - len(decoder.getstate()[0]) + e.start)
            return "gb18030"
    return "utf-8-sig"


def _refuse_unless_gb18030(path: Path, first_bad: int) -> None:
    """UTF-8 failed at ``first_bad``: GB18030 is read only if the file is not UTF-8 with a
    stray byte and GB18030 decodes all of it."""
    with path.open("rb") as f:
        head = f.read(first_bad + (1 << 16))
        if damaged_utf8(head):
            raise undecodable(path.name, first_bad, head[first_bad], "UTF-8")
        f.seek(0)
        decoder = codecs.getincrementaldecoder("gb18030")()
        read = 0
        try:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
                read += len(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as e:
            at = read - len(decoder.getstate()[0]) + e.start
            f.seek(at)
            raise undecodable(path.name, at, f.read(1)[0], "UTF-8, GB18030") from None


def csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Numbered records of a CSV file, the header first (row 1), read as carefully as a load
    reads them: an encoding that needs a guess is refused at its first bad byte, broken quoting
    refuses the file naming its row. The file stays open while the rows are read."""
    csv.field_size_limit(MAX_FIELD_CHARS)
    with path.open(encoding=_encoding(path), newline="") as f:
        dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
        reader = csv.reader(f, dialect, strict=True)
        number = 1
        while (values := _csv_next(reader, path, number)) is not None:
            yield number, values
            number += 1


def _csv_records(
    path: Path, columns: frozenset[str] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows of one CSV file by column name."""
    rows = csv_rows(path)
    first = next(rows, None)
    try:
        names = _column_names(first[1] if first else [], path.name, 1)
    except BaseException:
        rows.close()
        raise
    return _named(names, rows, _from_csv, path.name, columns)


def _csv_next(reader: Any, path: Path, number: int) -> list[str] | None:
    """The next record, None at the end; broken quoting refuses the file naming the row."""
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as e:
        raise ImportRefused(
            "{name}, row {row}: {detail}; check the quotes in that row (a field that opens "
            "a quote must close it)",
            name=path.name,
            row=number,
            detail=str(e),
        ) from None


def _read_csv(path: Path, columns: frozenset[str] | None) -> Table:
    extra: dict[Any, list[dict[str, Any]]] = {}
    sidecar = citations_path(path)
    if sidecar.is_file():
        for _, citation in _csv_records(sidecar, columns):
            extra.setdefault(citation.get("indicator_id"), []).append(citation)
    return Table(_csv_records(path, columns), extra)


def _from_cell(name: str, value: Any) -> Any:
    """Spreadsheet cells: times were written in UTC (Excel keeps ms only approximately)."""
    if isinstance(value, datetime):
        if COLUMN_KINDS.get(name) == DATETIME:
            ms = round(value.microsecond / 1000)
            value = value.replace(microsecond=0) + timedelta(milliseconds=ms)
            return value.replace(tzinfo=UTC).isoformat(timespec="milliseconds")
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value == "":
        return None
    return value


def _read_workbook(path: Path, columns: frozenset[str] | None) -> Table:
    """XLSX, XLS or ODS through calamine (Rust): 100,000 rows in seconds, not minutes.

    An .xlsx (a zip) is first inflated as a capped stream (zip_guard), and its error cells and
    unsaved formulas, which calamine reads as empty, are found in its XML (sheet_cells).
    """
    book, scanners = _workbook(path, scan=True)
    names = book.sheet_names
    name = "indicators" if "indicators" in names else names[0]
    sheet = book.get_sheet_by_name(name)
    c_sheet = book.get_sheet_by_name("citations") if "citations" in names else None
    problems: dict[int, str] = {}
    for row, _, reason in scanners[name].finish() if name in scanners else []:
        problems.setdefault(row, reason)  # the first unreadable cell says why
    bad = scanners["citations"].finish() if c_sheet is not None and "citations" in scanners else []
    if bad:
        row, _, reason = bad[0]
        raise ImportRefused(
            "{name}, sheet citations, row {row}: {reason}",
            name=path.name,
            row=row,
            reason=reason,
        )
    extra: dict[Any, list[dict[str, Any]]] = {}
    if c_sheet is not None:
        c_header, c_rows, c_first = _sheet_rows(c_sheet)
        c_records = _records(c_header, c_rows, _from_cell, path.name, c_first, columns)
        for _, citation in c_records:
            extra.setdefault(citation.get("indicator_id"), []).append(citation)
    header, rows, first = _sheet_rows(sheet)
    return Table(_records(header, rows, _from_cell, path.name, first, columns), extra, problems)


def first_sheet_rows(path: Path) -> tuple[list[Any], Iterator[tuple[int, list[Any]]]]:
    """Header and numbered rows of a spreadsheet's first sheet, opened as carefully as a load
    opens one (an .xlsx is inflated as a capped stream first)."""
    book, _ = _workbook(path, scan=False)
    header, rows, _first = _sheet_rows(book.get_sheet_by_index(0))
    return header, rows


def _workbook(path: Path, *, scan: bool) -> tuple[Any, dict[str, CellScanner]]:
    """The workbook through calamine, after the zip guard; with ``scan`` also the scanners
    that found its error cells and unsaved formulas."""
    from python_calamine import CalamineError, CalamineWorkbook

    zipped = path.suffix.lower() in (".xlsx", ".xlsm")
    try:
        if zipped and scan:
            scanners = _check_xlsx(path)
        else:
            scanners = {}
            if zipped:
                check_archive(path, path.name, MAX_UNPACKED_XLSX_BYTES)
        book = CalamineWorkbook.from_path(str(path))
        if not book.sheet_names:
            raise ValueError("no sheets")
        return book, scanners
    except (CalamineError, OSError, ValueError, IndexError, ZipDamaged) as e:
        detail = "a damaged zip archive" if isinstance(e, ZipDamaged) else str(e)
        raise ImportRefused(
            "{name} is not a readable spreadsheet ({detail})", name=path.name, detail=detail
        ) from None


def _check_xlsx(path: Path) -> dict[str, CellScanner]:
    """One capped pass over the archive (zip_guard) that also scans the sheets ``load`` reads
    for error cells and unsaved formulas; their scanners by sheet name."""
    parts = sheet_parts(path, path.name)
    wanted = ["indicators" if "indicators" in parts else next(iter(parts), ""), "citations"]
    scanners = {sheet: CellScanner() for sheet in wanted if sheet in parts}
    watch = {parts[sheet]: scanner.feed for sheet, scanner in scanners.items()}
    check_archive(path, path.name, MAX_UNPACKED_XLSX_BYTES, watch)
    return scanners


def _sheet_rows(sheet: Any) -> tuple[list[Any], Iterator[tuple[int, list[Any]]], int]:
    """Header, numbered rows and the header's row number, as the spreadsheet shows them."""
    first = sheet.start[0] + 1 if sheet.start else 1
    rows = sheet.iter_rows()
    header = list(next(rows, []))
    return header, ((n, list(r)) for n, r in enumerate(rows, start=first + 1)), first


def _not_finite(constant: str) -> float:
    """JSON has no NaN or Infinity; Python's reader takes them, so they are marked here."""
    return float(constant)


_DUPLICATE = "\x00duplicate key"  # marks an object that names a key twice


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object; one that names a key twice is marked, not silently last-one-wins."""
    obj = dict(pairs)
    if len(obj) < len(pairs):
        seen: set[str] = set()
        obj[_DUPLICATE] = next(k for k, _ in pairs if k in seen or seen.add(k))
    return obj


def _parse(text: str) -> Any:
    return json.loads(text, parse_constant=_not_finite, object_pairs_hook=_object)


def _json_objects(path: Path) -> Iterator[Any]:
    """The list's items. Our export's layout (one object a line) is read a line at a time;
    any other layout (pretty-printed, minified) is parsed whole."""
    try:
        if _one_object_a_line(path):
            with path.open(encoding="utf-8-sig") as f:
                lines = (line.strip().rstrip(",") for line in f)
                yield from (_parse(line) for line in lines if line not in ("", "[", "]"))
            return
        objects = _parse(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ImportRefused(
            "{name} is not a JSON export ({detail})", name=path.name, detail=str(e)
        ) from None
    except RecursionError:
        raise ImportRefused(
            "{name} is nested too deeply to be a list of indicators", name=path.name
        ) from None
    if not isinstance(objects, list):
        raise ImportRefused("{name}: expected a list of indicators", name=path.name)
    yield from objects


def _one_object_a_line(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8-sig") as f:
            if f.readline(64).strip() != "[":
                return False
            second = f.readline(MAX_FIELD_CHARS).strip().rstrip(",")
        return second in ("", "]") or isinstance(_parse(second), dict)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return False


_SCALARS = (str, int, float, bool, type(None))


def _shape_problem(obj: dict[str, Any]) -> str | None:
    """Why an indicator object cannot be a row: a key given twice, a value that is a list, an
    object or not a finite number; citations that are not a list of such objects."""
    citations = obj.get("citations")
    if citations is not None and not (
        isinstance(citations, list) and all(isinstance(c, dict) for c in citations)
    ):
        return "“citations” must be a list of objects with quote, start, end …"
    for where, values in [("", obj), *((f"citation {i}: ", c) for i, c in
                                       enumerate(citations or [], start=1))]:  # fmt: skip
        if _DUPLICATE in values:
            return f"{where}“{one_line(values[_DUPLICATE])}” is given twice; keep one of them"
        for key, value in values.items():
            if key == "citations" and not where:
                continue
            if not isinstance(value, _SCALARS):
                kind = "a list" if isinstance(value, list) else "an object"
                return f"{where}“{one_line(key)}” is {kind}; expected text or a number"
            if isinstance(value, float) and not isfinite(value):
                return f"{where}“{one_line(key)}” is {value}; numbers must be finite"
    return None


def _read_json(path: Path) -> Table:
    """Our JSON export: the nested citations become the row's first citation and the rest."""
    table = Table(iter(()))

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        for number, obj in enumerate(_json_objects(path), start=1):
            if number > MAX_LOAD_ROWS:
                raise ImportRefused(
                    "{name} has more than {limit:,} rows, the load limit; "
                    "split it into smaller files",
                    name=path.name,
                    limit=MAX_LOAD_ROWS,
                )
            if not isinstance(obj, dict):
                raise ImportRefused(
                    "{name}: item {number} is not an indicator object",
                    name=path.name,
                    number=number,
                )
            problem = _shape_problem(obj)
            if problem is not None:
                table.problems[number] = problem
                yield number, {}
                continue
            row = {column_name(k): v for k, v in obj.items() if k != "citations"}
            citations = obj.get("citations") or []
            if citations:
                row.update(citations[0])
                table.extra_citations[row.get("id")] = citations[1:]
            yield number, row

    table.rows = rows()
    return table
