"""XLSX export with xlsxwriter in constant_memory mode: rows go to disk as they come.

Numbers are number cells, dates and times are date cells, and every text is an inline string
cell, so a text starting with ``=`` is shown, never evaluated. A text that starts like a formula
(``= + - @``, tab, CR) also gets Excel's quote-prefix style, so editing the cell or saving the
sheet as CSV from Excel keeps it text; the value itself is unchanged.

An XLSX cell holds at most 32,767 characters. Longer texts are never cut: the export is
refused, naming the entries, so the user exports CSV or JSON (which keep every character).

xlsxwriter's general ``write_*`` path costs about 8 µs a cell, and 100,000 indicators are
3.6 million cells (30 s). The data rows are therefore written by ``_RowWorksheet``, which puts
out the same cell XML xlsxwriter writes for inline strings and numbers, a whole row at a time;
everything else (header, widths, frozen pane, filter, formats, packaging) is xlsxwriter's.
"""

import contextlib
import io
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from math import isfinite
from pathlib import Path
from typing import Any

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from indicite.core.errors import IndiciteError
from indicite.core.export_format import (
    CITATION_COLUMNS,
    DATE,
    DATETIME,
    DOCUMENT_COLUMNS,
    DOCUMENT_HEADERS_ZH,
    FORMULA_TRIGGERS,
    HEADERS_ZH,
    INDICATOR_COLUMNS,
    INT,
    NUMBER,
    TEXT,
    Column,
    header,
)
from indicite.io.writers import PendingFile

MAX_CELL_CHARS = 32_767  # Excel's limit; a longer cell makes Excel "repair" the file
_EXCEL_EPOCH = datetime(1899, 12, 30)
_FIRST_SERIAL_DATE = datetime(1900, 3, 1)  # before this, Excel's 1900 leap-year bug applies
_NEEDS_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b-\x1f\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_EDGE_SPACE = re.compile(r"^\s|\s$")


def _xml_text(text: str) -> str:
    """Escape as Excel expects: control characters as _xHHHH_, then XML's & < >."""
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    text = re.sub(r"(_x[0-9a-fA-F]{4}_)", r"_x005F\1", text)
    text = _CONTROL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)
    text = text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _utc_naive(text: str) -> datetime:
    """Excel has no time zones: stored times are UTC, and the about sheet says so."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _day(text: str) -> datetime:
    return datetime.combine(date.fromisoformat(text), datetime.min.time())


def _string_maker(quoted: str) -> Callable[[str, Any], str]:
    """Inline string cells; ``quoted`` is the style attribute of the quote-prefix format."""

    def string_cell(ref: str, value: Any) -> str:
        text = str(value)
        space = ' xml:space="preserve"' if _EDGE_SPACE.search(text) else ""
        style = quoted if text.startswith(FORMULA_TRIGGERS) else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_xml_text(text)}</t></is></c>'

    return string_cell


def _cell_maker(kind: str, style: str, quoted: str) -> Callable[[str, Any], str]:
    """The XML of one cell of this kind; a value the kind does not fit becomes a string."""
    _string_cell = _string_maker(quoted)
    if kind == TEXT:
        return _string_cell
    if kind in (INT, NUMBER):

        def number(ref: str, value: Any) -> str:
            if isinstance(value, int | float) and not isinstance(value, bool) and isfinite(value):
                return f'<c r="{ref}"><v>{value!r}</v></c>'
            return _string_cell(ref, value)

        return number
    parse = _day if kind == DATE else _utc_naive

    def dated(ref: str, value: Any) -> str:
        try:
            moment = parse(value)
        except (TypeError, ValueError):
            return _string_cell(ref, value)
        if moment < _FIRST_SERIAL_DATE:
            return _string_cell(ref, value)
        serial = (moment - _EXCEL_EPOCH).total_seconds() / 86400
        return f'<c r="{ref}"{style}><v>{serial!r}</v></c>'

    return dated


class _RowWorksheet(Worksheet):
    """A worksheet that also takes whole rows of cell XML (constant_memory mode only)."""

    def append_row(self, cells_xml: str, last_col: int) -> None:
        row = 0 if self.dim_rowmax is None else self.dim_rowmax + 1
        self._write_single_row(row)  # flushes the row queued through the public API
        self._check_dimensions(row, 0)
        self._check_dimensions(row, last_col)
        self.fh.write(f'<row r="{row + 1}">{cells_xml}</row>')


class _Sheet:
    """One worksheet with a frozen, filterable header and typed cells."""

    def __init__(
        self,
        book: Any,
        name: str,
        columns: Sequence[Column],
        formats: dict,
        titles: Sequence[str] = (),
    ):
        self.sheet = book.add_worksheet(name, worksheet_class=_RowWorksheet)
        self.name = name
        self.rows = 0
        self.too_long: list[str] = []  # "indicator 12 notes": cells over MAX_CELL_CHARS
        self._last = len(columns) - 1
        for i, column in enumerate(columns):
            self.sheet.set_column(i, i, column.width)
            self.sheet.write_string(0, i, titles[i] if titles else column.name, formats["header"])
        self.sheet.freeze_panes(1, 0)
        self.sheet.set_landscape()  # printed: wide tables, the header on every page
        self.sheet.set_paper(9)  # A4
        self.sheet.repeat_rows(0)
        styles = {
            DATE: f' s="{formats["date"]._get_xf_index()}"',
            DATETIME: f' s="{formats["datetime"]._get_xf_index()}"',
        }
        quoted = f' s="{formats["quoted"]._get_xf_index()}"'
        self._cells = [
            (xl_col_to_name(i), c.name, _cell_maker(c.kind, styles.get(c.kind, ""), quoted))
            for i, c in enumerate(columns)
        ]

    def write(self, record: dict[str, Any]) -> None:
        self.rows += 1
        n = self.rows + 1
        cells = []
        for letter, name, make in self._cells:
            value = record.get(name)
            if value is not None and value != "":
                if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                    self._note_too_long(record, name)
                cells.append(make(f"{letter}{n}", value))
        self.sheet.append_row("".join(cells), self._last)

    def _note_too_long(self, record: dict[str, Any], column: str) -> None:
        if self.name == "documents":
            self.too_long.append(f"document {record.get('id')} {column}")
        else:
            owner = record.get("indicator_id", record.get("id"))
            self.too_long.append(f"indicator {owner} {column}")

    def close(self) -> None:
        self.sheet.autofilter(0, 0, self.rows, self._last)


class XlsxWriter:
    def __init__(self, path: Path, headers: str = "en"):
        import xlsxwriter

        self._pending = PendingFile(Path(path))
        self._closing = False
        self._file = _DiskFile(self._pending.part)
        self._book = xlsxwriter.Workbook(self._file, {"constant_memory": True})
        formats = {
            "header": self._book.add_format({"bold": True, "bg_color": "#E8EEF4"}),
            "date": self._book.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": self._book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss.000"}),
            "quoted": self._book.add_format({"quote_prefix": True}),
        }
        sheets = (
            ("indicators", INDICATOR_COLUMNS, HEADERS_ZH),
            ("citations", CITATION_COLUMNS, HEADERS_ZH),
            ("documents", DOCUMENT_COLUMNS, DOCUMENT_HEADERS_ZH),
        )
        self._indicators, self._citations, self._documents = (
            _Sheet(
                self._book, name, columns, formats, [header(c.name, headers, zh) for c in columns]
            )
            for name, columns, zh in sheets
        )
        self._about = self._book.add_worksheet("about")
        self._about.set_column(0, 0, 16)
        self._about.set_column(1, 1, 60)
        self._about.set_landscape()
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
        sheets = (self._indicators, self._citations, self._documents)
        too_long = [cell for sheet in sheets for cell in sheet.too_long]
        if too_long:
            raise IndiciteError(
                "{count} texts are longer than the {limit:,} characters an XLSX cell holds "
                "({cells}); nothing was written: export as CSV or JSON, which keep every "
                "character",
                count=len(too_long),
                limit=MAX_CELL_CHARS,
                cells=", ".join(too_long[:5]) + (", …" if len(too_long) > 5 else ""),
            )
        for sheet in sheets:
            sheet.close()
        for row, (key, value) in enumerate(about):
            self._about.write_string(row, 0, key, self._header)
            self._about.write_string(row, 1, value)
        self._closing = True
        _close(self._book)
        self._file.close_file()
        return [self._pending.commit()]

    def discard(self) -> None:
        if not self._closing:  # a close that failed (full disk) is not tried again
            with contextlib.suppress(OSError):
                _close(self._book)
        self._file.close_file()
        self._pending.discard()


class _DiskFile(io.RawIOBase):
    """The .part file xlsxwriter's zip is written to. After a write fails (a full disk), every
    later call is dropped: the zip object xlsxwriter leaves behind retries its central
    directory when it is garbage-collected, which would print a second error ("Exception
    ignored in ZipFile.__del__") after the one-line message. Retire this when xlsxwriter
    closes its ZipFile on error (guarded by tests/cli/test_hostile_cli.py, full disk)."""

    def __init__(self, path: Path):
        super().__init__()
        self._file = path.open("wb", buffering=0)
        self.broken = False

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self.broken:
            return len(data)
        try:
            return self._file.write(data)
        except OSError:
            self.broken = True
            raise

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0 if self.broken else self._file.seek(offset, whence)

    def tell(self) -> int:
        return 0 if self.broken else self._file.tell()

    def flush(self) -> None:
        pass  # unbuffered: every write is with the system already

    def close_file(self) -> None:
        self.broken = True
        self._file.close()


def _close(book: Any) -> None:
    """Close the workbook; xlsxwriter wraps the disk's OSError (full, read-only) in its own
    FileCreateError, which is given back as the OSError the export reports in one line."""
    from xlsxwriter.exceptions import FileCreateError

    try:
        book.close()
    except FileCreateError as e:
        cause = e.args[0] if e.args else None
        raise cause if isinstance(cause, OSError) else OSError(str(e)) from None
