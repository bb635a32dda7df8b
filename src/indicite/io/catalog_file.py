"""Catalog files (CSV or XLSX) an office keeps its own code list in: read and written here.

Headers may be the column names (code, name, aliases …) or their Chinese (代码, 名称, 别名 …).
"""

import csv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from indicite.core.catalog import CATALOG_COLUMNS, CATALOG_HEADERS_ZH
from indicite.core.errors import ImportRefused
from indicite.core.export_format import neutralise, restore
from indicite.io.table_reader import csv_rows, first_sheet_rows
from indicite.io.writers import PendingFile

_FROM_HEADER = {
    **{name: name for name in CATALOG_COLUMNS},
    **{zh: name for name, zh in CATALOG_HEADERS_ZH.items()},
    "指标代码": "code",
    "指标名称": "name",
    "指标": "name",
    "parent": "parent_code",
}


def _column(header: Any) -> str:
    key = str(header or "").strip().lower().replace(" ", "_")
    return _FROM_HEADER.get(key, "")


def read_catalog(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number as a spreadsheet shows it, cells by column name) for each non-empty row."""
    path = Path(path)
    if not path.is_file():
        raise ImportRefused("{path} does not exist or is not a file", path=path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        header, rows = first_sheet_rows(path)
    elif suffix in (".csv", ".txt"):
        rows = csv_rows(path)
        first = next(rows, None)
        header = first[1] if first else []
    else:
        raise ImportRefused("{name}: a catalog is a .csv or .xlsx file", name=path.name)
    names = [_column(h) for h in header]
    if "code" not in names or "name" not in names:
        raise ImportRefused(
            "{name} has no code and name columns (代码, 名称); see docs/catalog.md", name=path.name
        )
    for number, values in rows:
        cells = {
            n: _text(v) for n, v in zip(names, values, strict=False) if n and v not in (None, "")
        }
        if cells:
            yield number, cells


def _text(value: Any) -> str:
    """A cell as text; CSV cells lose the apostrophe ``write_catalog`` put before formulas."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return restore(str(value)).strip()


def write_catalog(path: Path, rows: Sequence[dict[str, Any]], headers: str = "en") -> Path:
    """Write the catalog as CSV (UTF-8 with BOM) or XLSX, by the file's suffix."""
    path = Path(path)
    titles = [CATALOG_HEADERS_ZH[c] if headers == "zh" else c for c in CATALOG_COLUMNS]
    table = [[str(r.get(c) or "") for c in CATALOG_COLUMNS] for r in rows]
    pending = PendingFile(path)
    try:
        if path.suffix.lower() == ".xlsx":
            import xlsxwriter

            book = xlsxwriter.Workbook(str(pending.part))
            sheet = book.add_worksheet("catalog")
            sheet.write_row(0, 0, titles)
            for i, values in enumerate(table, start=1):
                for j, value in enumerate(values):
                    sheet.write_string(i, j, value)
            sheet.freeze_panes(1, 0)
            book.close()
        else:
            with pending.part.open("w", encoding="utf-8-sig", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(titles)
                writer.writerows([neutralise(v) for v in values] for values in table)
    except BaseException:
        pending.discard()
        raise
    return pending.commit()
