"""Reading indicator tables for ``indicite load``: our CSV/XLSX/JSON exports or a hand-kept sheet.

This module only deals with the file: encodings, header names, spreadsheet cell types and the
CSV neutralisation. What the values mean is for services/load.py.
"""

import codecs
import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from indicite.core.errors import ImportRefused
from indicite.core.export_format import COLUMN_KINDS, DATETIME, HEADERS_ZH, TEXT, restore
from indicite.io.csv_writer import citations_path

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


def read_table(path: Path) -> Table:
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportRefused("{path} does not exist or is not a file", path=path)
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        return _read_workbook(path)
    if suffix == ".json":
        return _read_json(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    raise ImportRefused("{name}: load reads .csv, .xlsx, .xls, .ods or .json files", name=path.name)


def _records(header: list[Any], rows: Iterator[tuple[int, list[Any]]], convert) -> Iterator:
    names = [column_name(h) for h in header]
    for number, values in rows:
        if all(v is None or v == "" for v in values):
            continue
        yield (
            number,
            {
                name: convert(name, value)
                for name, value in zip(names, values, strict=False)
                if name
            },
        )


def _from_csv(name: str, value: str) -> Any:
    if value == "":
        return None
    if COLUMN_KINDS.get(name, TEXT) == TEXT:
        return restore(value)
    return value


def _encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as such, else GB18030."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as f:
        try:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "gb18030"
    return "utf-8-sig"


def _csv_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[Any]]]]:
    f = path.open(encoding=_encoding(path), newline="")
    dialect = csv.excel_tab if path.suffix.lower() == ".tsv" else csv.excel
    reader = csv.reader(f, dialect)
    header = next(reader, [])

    def rows() -> Iterator[tuple[int, list[Any]]]:
        with f:
            yield from enumerate(reader, start=2)

    return header, rows()


def _read_csv(path: Path) -> Table:
    header, rows = _csv_rows(path)
    extra: dict[Any, list[dict[str, Any]]] = {}
    sidecar = citations_path(path)
    if sidecar.is_file():
        c_header, c_rows = _csv_rows(sidecar)
        for _, citation in _records(c_header, c_rows, _from_csv):
            extra.setdefault(citation.get("indicator_id"), []).append(citation)
    return Table(_records(header, rows, _from_csv), extra)


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


def _read_workbook(path: Path) -> Table:
    """XLSX, XLS or ODS through calamine (Rust): 100,000 rows in seconds, not minutes."""
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as e:
        raise ImportRefused(
            "{name} is not a readable spreadsheet ({detail})", name=path.name, detail=str(e)
        ) from None
    names = book.sheet_names
    sheet = book.get_sheet_by_name("indicators" if "indicators" in names else names[0])
    extra: dict[Any, list[dict[str, Any]]] = {}
    if "citations" in names:
        c_header, c_rows = _sheet_rows(book.get_sheet_by_name("citations"))
        for _, citation in _records(c_header, c_rows, _from_cell):
            extra.setdefault(citation.get("indicator_id"), []).append(citation)
    header, rows = _sheet_rows(sheet)
    return Table(_records(header, rows, _from_cell), extra)


def _sheet_rows(sheet: Any) -> tuple[list[Any], Iterator[tuple[int, list[Any]]]]:
    """Header and numbered rows; numbers as the spreadsheet shows them (first row is 1)."""
    first = sheet.start[0] + 1 if sheet.start else 1
    rows = sheet.iter_rows()
    header = list(next(rows, []))
    return header, ((n, list(r)) for n, r in enumerate(rows, start=first + 1))


def _json_objects(path: Path) -> Iterator[Any]:
    """The list's items. Our export's layout (one object a line) is read a line at a time;
    any other layout (pretty-printed, minified) is parsed whole."""
    try:
        if _one_object_a_line(path):
            with path.open(encoding="utf-8-sig") as f:
                lines = (line.strip().rstrip(",") for line in f)
                yield from (json.loads(line) for line in lines if line not in ("", "[", "]"))
            return
        objects = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ImportRefused(
            "{name} is not a JSON export ({detail})", name=path.name, detail=str(e)
        ) from None
    if not isinstance(objects, list):
        raise ImportRefused("{name}: expected a list of indicators", name=path.name)
    yield from objects


def _one_object_a_line(path: Path) -> bool:
    with path.open(encoding="utf-8-sig") as f:
        if f.readline().strip() != "[":
            return False
        second = f.readline().strip().rstrip(",")
    try:
        return second in ("", "]") or isinstance(json.loads(second), dict)
    except json.JSONDecodeError:
        return False


def _read_json(path: Path) -> Table:
    """Our JSON export: the nested citations become the row's first citation and the rest."""
    extra: dict[Any, list[dict[str, Any]]] = {}

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        for number, obj in enumerate(_json_objects(path), start=1):
            if not isinstance(obj, dict):
                raise ImportRefused(
                    "{name}: item {number} is not an indicator object",
                    name=path.name,
                    number=number,
                )
            row = {column_name(k): v for k, v in obj.items() if k != "citations"}
            citations = obj.get("citations") or []
            if citations:
                row.update(citations[0])
                extra[row.get("id")] = citations[1:]
            yield number, row

    return Table(rows(), extra)
