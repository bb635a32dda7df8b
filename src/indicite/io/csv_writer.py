"""CSV export: UTF-8 with BOM (Excel on Chinese Windows) or GB18030, formulas neutralised.

The indicator rows go to the named file; when some indicator cites more than one passage,
the further citations go to ``<stem>.citations.csv`` beside it.
"""

import contextlib
import csv
from collections.abc import Iterable, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from indicite.core.export_format import (
    CITATION_COLUMNS,
    FORMULA_TRIGGERS,
    INDICATOR_COLUMNS,
    Column,
    header,
    neutralise,
)
from indicite.io.writers import PendingFile

# First characters that make neutralise() change a text (checked inline: millions of cells).
_RISKY_FIRST = frozenset((*FORMULA_TRIGGERS, "'"))


def citations_path(path: Path) -> Path:
    """Where the further citations of a CSV export are written."""
    return path.with_name(f"{path.stem}.citations.csv")


class _Table:
    """One CSV file with a header row, neutralising every cell that is text.

    Whatever the column says: a date or time column holding a non-date (a hand-kept sheet's
    ``@SUM(1+1)``) is text to a spreadsheet too. Numbers are written as numbers.
    """

    def __init__(self, path: Path, columns: Sequence[Column], encoding: str, headers: str):
        self.pending = PendingFile(path)
        self._file = self.pending.part.open("w", encoding=encoding, newline="")
        self._csv = csv.writer(self._file)
        self._values = itemgetter(*(c.name for c in columns))
        self._csv.writerow([header(c.name, headers) for c in columns])

    def write(self, record: dict[str, Any]) -> None:
        values = list(self._values(record))
        for i, value in enumerate(values):
            if isinstance(value, str) and value and value[0] in _RISKY_FIRST:
                values[i] = neutralise(value)
        self._csv.writerow(values)

    def close(self) -> None:
        self._file.close()


class CsvWriter:
    def __init__(self, path: Path, encoding: str = "utf-8-sig", headers: str = "en"):
        self._path = Path(path)
        self._encoding = encoding
        self._headers = headers
        self._rows = _Table(self._path, INDICATOR_COLUMNS, encoding, headers)
        self._citations: _Table | None = None

    def write(self, indicator: dict[str, Any], extra_citations: list[dict[str, Any]]) -> None:
        self._rows.write(indicator)
        if extra_citations and self._citations is None:
            self._citations = _Table(
                citations_path(self._path), CITATION_COLUMNS, self._encoding, self._headers
            )
        for citation in extra_citations:
            self._citations.write(citation)  # type: ignore[union-attr]

    def finish(
        self, documents: Iterable[dict[str, Any]], about: list[tuple[str, str]]
    ) -> list[Path]:
        """CSV has no room for the documents and about sheets; their facts are in each row."""
        tables = [t for t in (self._rows, self._citations) if t is not None]
        for table in tables:
            table.close()
        return [table.pending.commit() for table in tables]

    def discard(self) -> None:
        for table in (self._rows, self._citations):
            if table is not None:
                with contextlib.suppress(OSError):  # a full disk fails the last flush again
                    table.close()
                table.pending.discard()
