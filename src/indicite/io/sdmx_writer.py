"""SDMX-CSV (version 2.0) export: one observation per indicator, for statistical databases.

Dimensions: INDICATOR (the catalog code, else the name), REF_AREA (the subject), TIME_PERIOD
(an SDMX time period: 2025, 2025-Q3, 2025-11, or a range such as 2025-01-01/P11M for 1—11月),
MEASURE and VALUE_KIND. OBS_VALUE is the value in base units (8.6万个 → 86000) with
UNIT_MEASURE its base unit; the rest are attributes (name, qualifier, status, citation).
"""

import csv
from calendar import monthrange
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from indicite.core.export_format import neutralise
from indicite.io.writers import PendingFile

STRUCTURE_ID = "INDICITE:DF_INDICATORS(1.0)"
DIMENSIONS = ("INDICATOR", "REF_AREA", "TIME_PERIOD", "MEASURE", "VALUE_KIND")
ATTRIBUTES = (
    "UNIT_MEASURE",
    "INDICATOR_NAME",
    "OBS_QUALIFIER",
    "VALUE_AS_WRITTEN",
    "ENTRY_STATUS",
    "SOURCE",
    "ENTRY_ID",
)
COLUMNS = ("STRUCTURE", "STRUCTURE_ID", "ACTION", *DIMENSIONS, "OBS_VALUE", *ATTRIBUTES)


def time_period(start: str | None, end: str | None, label: str = "") -> str:
    """The SDMX time period of an ISO date range: year, quarter, month or start/duration."""
    if not start or not end:
        return label
    a, b = date.fromisoformat(start), date.fromisoformat(end)
    whole_months = a.day == 1 and b.day == monthrange(b.year, b.month)[1]
    months = (b.year - a.year) * 12 + b.month - a.month + 1
    if whole_months and a.year == b.year:
        if months == 12:
            return f"{a.year}"
        if months == 3 and a.month % 3 == 1:
            return f"{a.year}-Q{a.month // 3 + 1}"
        if months == 6 and a.month in (1, 7):
            return f"{a.year}-S{a.month // 6 + 1}"
        if months == 1:
            return f"{a.year}-{a.month:02d}"
    if whole_months:
        return f"{start}/P{months}M"
    return f"{start}/P{(b - a).days + 1}D"


def _number(value: float | None) -> str:
    """A decimal without exponent (SDMX decimals have none): 11501000000, 4.2."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(float(value))), "f")


class SdmxCsvWriter:
    def __init__(self, path: Path):
        self._pending = PendingFile(Path(path))
        self._file = self._pending.part.open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._file)
        self._csv.writerow(COLUMNS)

    def write(self, indicator: dict[str, Any], extra_citations: list[dict[str, Any]]) -> None:
        r = indicator
        row = (
            "dataflow",
            STRUCTURE_ID,
            "I",
            r.get("catalog_code") or r["name"],
            r["subject"],
            time_period(r["period_start"], r["period_end"], r["period_label"]),
            r["measure"],
            r.get("kind") or "actual",
            _number(r["base_value"]),
            r["base_unit"],
            r["name"],
            r["qualifier"],
            r["value_text"],
            r["status"],
            r.get("citation") or "",
            r["id"],
        )
        self._csv.writerow(neutralise(v) if isinstance(v, str) else v for v in row)

    def finish(
        self, documents: Iterable[dict[str, Any]], about: list[tuple[str, str]]
    ) -> list[Path]:
        self._file.close()
        return [self._pending.commit()]

    def discard(self) -> None:
        self._file.close()
        self._pending.discard()
