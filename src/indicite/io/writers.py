"""Export writers: one per format, all fed the same indicator records.

A writer writes to a hidden ``.part`` file next to the target and renames it into place only
when the export finishes, so a cancelled or failed export never leaves half a file behind.
"""

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

FORMATS = ("xlsx", "csv", "json", "sdmx-csv")
ENCODINGS = ("utf-8-sig", "gb18030")


class PendingFile:
    """A file being written under a temporary name until ``commit``."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.part = self.path.with_name(f".{self.path.name}.part")
        # Fail now, with the OS's reason, rather than after minutes of writing.
        self.part.open("wb").close()

    def commit(self) -> Path:
        os.replace(self.part, self.path)
        return self.path

    def discard(self) -> None:
        self.part.unlink(missing_ok=True)


class ExportWriter(Protocol):
    def write(self, indicator: dict[str, Any], extra_citations: list[dict[str, Any]]) -> None:
        """One indicator row (with its first citation) and its further citations, in order."""

    def finish(
        self, documents: Iterable[dict[str, Any]], about: list[tuple[str, str]]
    ) -> list[Path]:
        """Write the closing parts, put the files in place and return their paths."""

    def discard(self) -> None:
        """Remove everything written so far."""


def open_writer(
    fmt: str, path: Path, encoding: str = "utf-8-sig", headers: str = "en"
) -> ExportWriter:
    if fmt == "csv":
        from indicite.io.csv_writer import CsvWriter

        return CsvWriter(path, encoding, headers)
    if fmt == "xlsx":
        from indicite.io.xlsx_writer import XlsxWriter

        return XlsxWriter(path, headers)
    if fmt == "sdmx-csv":
        from indicite.io.sdmx_writer import SdmxCsvWriter

        return SdmxCsvWriter(path)
    if fmt == "json":
        from indicite.io.json_writer import JsonWriter

        return JsonWriter(path)
    raise ValueError(f"unknown export format {fmt!r}")
