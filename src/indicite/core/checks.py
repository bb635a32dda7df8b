"""Consistency checks over entries: pure functions on rows, no SQL (issue 16).

Entries are grouped into series: the same indicator (catalog item, or the identical name when
an entry has none), subject and kind. Within a series the checks compare values of the same
period and measure (conflicts), a level with last year's level and the growth rate (growth),
and every value with the rest of the series (outliers). Row checks need the entry alone
(shares over 100%, negative counts, percentage points vs per cent, the cited number).

Tolerances follow the published precision: 4.2 may be anything in [4.15, 4.25), so two
values conflict only when their rounding intervals do not meet.
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median
from typing import Any

from indicite.core.intervals import interval
from indicite.core.magnitudes import split_magnitude

ERROR, WARNING = "error", "warning"
LEVEL_MEASURES = ("level", "count")
GROWTH_MEASURES = ("growth_yoy", "growth")
PERCENT_MEASURES = ("growth_yoy", "growth", "share", "rate")
OUTLIER_Z = 3.5
OUTLIER_MIN_POINTS = 5

# Message templates (English; the interface translates them, the CLI prints them filled in).
CONFLICT = (
    "{value} differs from {other_value} in entry {other_id} (same indicator, period and kind)"
)
GROWTH = "{previous} → {value} is {implied} growth, but entry {other_id} says {growth}"
POINTS_AS_PERCENT = "a change in percentage points is entered with the unit %"
PERCENT_AS_POINTS = "a {measure} is entered in percentage points; use % or measure change_pp"
PARTS = "its parts add up to {parts}, more than the total {value} (entry {other_id})"
PART_OVER_TOTAL = "this part ({value}) is greater than its total {total} (entry {other_id})"
SHARE = "a share of {value}% is more than 100%"
NEGATIVE = "a count cannot be negative ({value})"
CITED = "the cited passage says {cited}, not {value}"
OUTLIER = "{value} is far from the rest of its series (median {median}, robust z {z})"
TEMPLATES = (CONFLICT, GROWTH, POINTS_AS_PERCENT, PERCENT_AS_POINTS, PARTS, PART_OVER_TOTAL,
             SHARE, NEGATIVE, CITED, OUTLIER)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """One failed check of one entry; ``other_id`` is the entry it disagrees with, if any."""

    indicator_id: int
    level: str
    check: str
    template: str
    params: dict[str, Any] = field(default_factory=dict)
    other_id: int | None = None

    @property
    def text(self) -> str:
        return self.template.format(**self.params)


def fmt(value: float | None) -> str:
    """A number as people write it: no trailing .0, no float noise."""
    if value is None:
        return ""
    text = f"{value:.6g}" if abs(value) < 1e15 else repr(value)
    if "e" in text:
        text = format(Decimal(repr(value)).normalize(), "f")
    return text


def half_step(value: float | None) -> float:
    """Half the last published digit of ``value``: the rounding it may carry (4.2 → 0.05)."""
    if value is None:
        return 0.0
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return 0.5 * 10.0 ** min(exponent, 0)


def _scale(row: dict[str, Any]) -> float:
    """What one published unit is in base units (亿元 → 1e8)."""
    value, base = row.get("value"), row.get("base_value")
    if value and base:
        return float(base) / float(value)
    return float(split_magnitude(row.get("unit") or "")[0])


def _tolerance(row: dict[str, Any]) -> float:
    """Rounding of the published value, in base units; approximate values get 5% more."""
    tol = half_step(row.get("value")) * abs(_scale(row))
    if row.get("qualifier") == "approx":
        tol += abs(row.get("base_value") or 0) * 0.05
    return tol


def period_key(row: dict[str, Any]) -> tuple[str, str]:
    if row.get("period_start") and row.get("period_end"):
        return row["period_start"], row["period_end"]
    return "", row.get("period_label") or ""


def _year_before(day: str) -> str:
    year, rest = int(day[:4]), day[4:]
    if rest == "-02-29":
        rest = "-02-28"
    return f"{year - 1:04d}{rest}"


def row_checks(row: dict[str, Any]) -> list[Finding]:
    """The checks that need one entry only."""
    found: list[Finding] = []
    ind_id, measure, base_unit = row["id"], row.get("measure"), row.get("base_unit") or ""
    value = row.get("value")
    shown = {"value": fmt(value)}
    if measure == "change_pp" and base_unit == "%":
        found.append(Finding(ind_id, WARNING, "points", POINTS_AS_PERCENT, {}))
    if measure in PERCENT_MEASURES and base_unit == "百分点":
        found.append(Finding(ind_id, WARNING, "points", PERCENT_AS_POINTS, {"measure": measure}))
    if value is None:
        return found
    if measure == "share" and base_unit == "%" and value > 100 + half_step(value):
        found.append(Finding(ind_id, ERROR, "share", SHARE, shown))
    if measure == "count" and value < 0:
        found.append(Finding(ind_id, ERROR, "negative", NEGATIVE, shown))
    cited = cited_mismatch(row.get("quote") or "", row)
    if cited is not None:
        found.append(Finding(ind_id, ERROR, "cited", CITED, {**shown, "cited": cited}))
    return found


_ARABIC = re.compile(r"(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")
_UNCHECKABLE = re.compile(r"[零〇一二两三四五六七八九十百千]|/|分之|[:：]\d")


def cited_mismatch(quote: str, row: dict[str, Any]) -> str | None:
    """The numbers of the passage when none of them is the entered value, else None.

    Only passages whose numbers are all in Arabic digits are judged (Chinese numerals,
    fractions and ratios are left to people). A number matches when it equals the published
    value or, with the magnitude written after it (8.6万), the base value.
    """
    value = row.get("value")
    if value is None or not quote:
        return None
    written = repr(abs(float(value)))
    if written.removesuffix(".0") in quote:
        return None  # the usual case, decided without parsing the passage
    if _UNCHECKABLE.search(quote):
        return None
    numbers = [
        (float(m.group(1).replace(",", "") + (m.group(2) or "")), quote[m.end() : m.end() + 2])
        for m in _ARABIC.finditer(quote)
    ]
    if not numbers:
        return None
    targets = [abs(float(value))]
    if row.get("base_value") is not None:
        targets.append(abs(float(row["base_value"])))
    for number, after in numbers:
        mult = split_magnitude(after)[0]
        for candidate in (number, number * mult):
            if any(abs(candidate - t) <= 1e-9 * max(1.0, t) for t in targets):
                return None
    return "、".join(fmt(n) for n, _ in numbers[:4])


def _conflicts(rows: Sequence[dict[str, Any]]) -> list[Finding]:
    """Entries of one period and measure whose values cannot both be right.

    A range (7.0%—7.5%) is the interval it states (core.intervals): it agrees with any value
    inside it. Each entry is reported once, against the furthest value of the others (the
    lowest top or the highest bottom): if that one is within rounding, every other is too.
    """
    exact = [
        r
        for r in rows
        if r.get("base_value") is not None and r.get("qualifier") in ("eq", "approx", None)
    ]
    if len(exact) < 2:
        return []
    spans = {id(r): _span(r) for r in exact}
    lowest_top = min(exact, key=lambda r: spans[id(r)][1])
    highest_bottom = max(exact, key=lambda r: spans[id(r)][0])
    if spans[id(highest_bottom)][0] - spans[id(lowest_top)][1] <= 1e-9:
        return []
    found: list[Finding] = []
    for x in exact:
        for y in (lowest_top, highest_bottom):
            a, b = spans[id(x)], spans[id(y)]
            gap = max(0.0, b[0] - a[1], a[0] - b[1])
            if y is x or gap <= _tolerance(x) + _tolerance(y) + 1e-9:
                continue
            params = {
                "value": _shown(x),
                "other_value": _shown(y),
                "other_id": y["id"],
            }
            found.append(Finding(x["id"], ERROR, "conflict", CONFLICT, params, y["id"]))
            break
    return found


def _span(row: dict[str, Any]) -> tuple[float, float]:
    span = interval(row["base_value"], row.get("base_value_high"))
    assert span is not None
    return span


def _shown(row: dict[str, Any]) -> str:
    high = row.get("value_high")
    value = fmt(row["value"]) + (f"–{fmt(high)}" if high is not None else "")
    return value + (row.get("unit") or "")


def _growth(levels: dict[tuple, list], growths: dict[tuple, list]) -> list[Finding]:
    """A level, last year's level and the growth rate between them must agree."""
    found: list[Finding] = []
    for period, rates in growths.items():
        start, end = period
        if not start:
            continue
        now = levels.get(period, [])
        before = levels.get((_year_before(start), _year_before(end)), [])
        for cur in now:
            for prev in before:
                if cur.get("base_unit") != prev.get("base_unit") or not prev["base_value"]:
                    continue
                lo = (cur["base_value"] - _tolerance(cur)) / (prev["base_value"] + _tolerance(prev))
                hi = (cur["base_value"] + _tolerance(cur)) / (prev["base_value"] - _tolerance(prev))
                for rate in rates:
                    g, tol = rate["value"] / 100, half_step(rate["value"]) / 100
                    if rate.get("qualifier") not in ("eq", None) or (
                        lo - 1 <= g + tol and g - tol <= hi - 1
                    ):
                        continue
                    implied = fmt(round((cur["base_value"] / prev["base_value"] - 1) * 100, 2))
                    params = {
                        "previous": fmt(prev["value"]) + (prev.get("unit") or ""),
                        "value": fmt(cur["value"]) + (cur.get("unit") or ""),
                        "implied": implied + "%",
                        "growth": fmt(rate["value"]) + "%",
                        "other_id": rate["id"],
                    }
                    found.append(Finding(cur["id"], WARNING, "growth", GROWTH, params, rate["id"]))
    return found


def _outliers(rows: Sequence[dict[str, Any]]) -> list[Finding]:
    """Values whose robust z-score (median and MAD) is beyond OUTLIER_Z within one series."""
    values = [r for r in rows if r.get("base_value") is not None]
    if len(values) < OUTLIER_MIN_POINTS:
        return []
    xs = [float(r["base_value"]) for r in values]
    mid = median(xs)
    mad = median(abs(x - mid) for x in xs)
    if mad == 0:
        return []
    found = []
    for r, x in zip(values, xs, strict=True):
        z = 0.6745 * (x - mid) / mad
        if abs(z) > OUTLIER_Z:
            params = {
                "value": fmt(r["value"]) + (r.get("unit") or ""),
                "median": fmt(mid / (_scale(r) or 1)) + (r.get("unit") or ""),
                "z": f"{z:.1f}",
            }
            found.append(Finding(r["id"], WARNING, "outlier", OUTLIER, params))
    return found


def series_checks(rows: Iterable[dict[str, Any]], *, outliers: bool = True) -> list[Finding]:
    """Checks among the entries of one series (same indicator, subject and kind); without
    ``outliers`` when ``rows`` are only a few periods of it."""
    by_measure: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_measure[(row.get("measure") or "", row.get("base_unit") or "")].append(row)
    found: list[Finding] = []
    levels: dict[tuple, list] = defaultdict(list)
    growths: dict[tuple, list] = defaultdict(list)
    for (measure, _unit), members in by_measure.items():
        by_period: dict[tuple, list] = defaultdict(list)
        for row in members:
            by_period[period_key(row)].append(row)
        for period, same in by_period.items():
            if len(same) > 1:
                found.extend(_conflicts(same))
            if measure in LEVEL_MEASURES:
                levels[period].extend(r for r in same if r.get("base_value") is not None)
            elif measure == "growth_yoy":
                growths[period].extend(r for r in same if r.get("value") is not None)
        if outliers:
            found.extend(_outliers(members))
    found.extend(_growth(levels, growths))
    return found


def parts_checks(
    totals: Sequence[dict[str, Any]], parts: Sequence[dict[str, Any]]
) -> list[Finding]:
    """Parts (entries of an item's children, one value per child) against their total.

    ``totals`` and ``parts`` share subject, period, kind and base unit. One part above the
    total is an error; parts that add up to more are a warning (parts may overlap).
    """
    found: list[Finding] = []
    by_child: dict[Any, float] = {}
    for p in parts:
        if p.get("base_value") is not None:
            key = p.get("catalog_id")
            by_child[key] = max(by_child.get(key, p["base_value"]), p["base_value"])
    if not by_child:
        return found
    parts_sum = sum(by_child.values())
    for total in totals:
        if total.get("base_value") is None:
            continue
        limit = total["base_value"] + _tolerance(total)
        for p in parts:
            if p.get("base_value") is not None and p["base_value"] - _tolerance(p) > limit:
                params = {
                    "value": fmt(p["value"]) + (p.get("unit") or ""),
                    "total": fmt(total["value"]) + (total.get("unit") or ""),
                    "other_id": total["id"],
                }
                found.append(Finding(p["id"], ERROR, "parts", PART_OVER_TOTAL, params, total["id"]))
        if len(by_child) > 1 and parts_sum - sum(_tolerance(p) for p in parts) > limit:
            scale = _scale(total) or 1
            params = {
                "parts": fmt(parts_sum / scale) + (total.get("unit") or ""),
                "value": fmt(total["value"]) + (total.get("unit") or ""),
                "other_id": total["id"],
            }
            found.append(Finding(total["id"], WARNING, "parts", PARTS, params, None))
    return found
