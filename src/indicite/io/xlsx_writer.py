"""XLSX export with xlsxwriter in constant_memory mode: rows go to disk as they come.

Numbers are number cells, dates and times are date cells, and every text is written as a
string cell, so a text starting with ``=`` is shown, never evaluated.
"""

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from indicite.core.export_format import (
    CITATION_COLUMNS,
    DATE,
    DATETIME,
    DOCUMENT_COLUMNS,
    INDICATOR_COLUMNS,
    NUMBER,
    TEXT,
    Column,
)
from indicite.io.writers import PendingFile


def _utc_naive(text: str) -> datetime:
    """Excel has no time zones: stored times are UTC, and the sheet says so in its header."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


class _Sheet:
    """One worksheet with a frozen, filterable header and typed cells."""

    def __init__(self, workbook: Any, name: str, columns: Sequence[Column], formats: dict):
        self.sheet = workbook.add_worksheet(name)
        self.columns = columns
        self.row = 0
        self._formats = formats
        for i, column in enumerate(columns):
            self.sheet.set_column(i, i, column.width)
        self.sheet.freeze_panes(1, 0)
        for i, column in enumerate(columns):
            self.sheet.write_string(0, i, column.name, formats["header"])
        self._cells = [(i, c.name, self._cell_writer(c.kind)) for i, c in enumerate(columns)]

    def _cell_writer(self, kind: str) -> Callable[[int, int, Any], Any]:
        sheet, formats = self.sheet, self._formats
        if kind == TEXT:
            return sheet.write_string
        if kind == DATE:
            return lambda r, c, v: self._dated(r, c, v, date.fromisoformat, formats["date"])
        if kind == DATETIME:
            return lambda r, c, v: self._dated(r, c, v, _utc_naive, formats["datetime"])
        number_format = formats["number"] if kind == NUMBER else None
        return lambda r, c, v: sheet.write_number(r, c, v, number_format)

    def _dated(self, r: int, c: int, value: str, parse: Callable, fmt: Any) -> None:
        try:
            self.sheet.write_datetime(r, c, parse(value), fmt)
        except ValueError:
            self.sheet.write_string(r, c, value)

    def write(self, record: dict[str, Any]) -> None:
        self.row += 1
        row = self.row
        for i, name, write in self._cells:
            value = record.get(name)
            if value is not None and value != "":
                write(row, i, value)

    def close(self) -> None:
        self.sheet.autofilter(0, 0, self.row, len(self.columns) - 1)


class XlsxWriter:
    def __init__(self, path: Path):
        import xlsxwriter

        self._pending = PendingFile(Path(path))
        self._book = xlsxwriter.Workbook(
            str(self._pending.part),
            {
                "constant_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
            },
        )
        formats = {
            "header": self._book.add_format({"bold": True, "bg_color": "#E8EEF4"}),
            "date": self._book.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": self._book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss.000"}),
            "number": self._book.add_format({"num_format": "General"}),
        }
        self._indicators = _Sheet(self._book, "indicators", INDICATOR_COLUMNS, formats)
        self._citations = _Sheet(self._book, "citations", CITATION_COLUMNS, formats)
        self._documents = _Sheet(self._book, "documents", DOCUMENT_COLUMNS, formats)
        self._about = self._book.add_worksheet("about")
        self._about.set_column(0, 0, 16)
        self._about.set_column(1, 1, 60)
        self._header = formats["header"]

    def write(self, indicator: dict[str, Any], extra_citations: list[dict[str, Any]]) -> None:
        self._indicators.write(indicator)
        for citation in extra_citations:
            self._citations.write(citation)

    def finish(
        self, documents: Iterable[dict[str, Any]], about: list[tuple[str, str]]
    ) -> list[Path]:
        for document in documents:
            self._documents.write(document)
        for sheet in (self._indicators, self._citations, self._documents):
            sheet.close()
        for row, (key, value) in enumerate(about):
            self._about.write_string(row, 0, key, self._header)
            self._about.write_string(row, 1, value)
        self._book.close()
        return [self._pending.commit()]

    def discard(self) -> None:
        self._book.close()
        self._pending.discard()
