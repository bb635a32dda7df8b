"""Units as published versus base units: 8.6 万个 is 86000 个, 115.01 亿元 is 11501000000 元."""

import re
from decimal import Decimal
from typing import Any

MAGNITUDES = {
    "万亿": 10**12,
    "兆": 10**12,
    "千亿": 10**11,
    "百亿": 10**10,
    "十亿": 10**9,
    "亿": 10**8,
    "千万": 10**7,
    "百万": 10**6,
    "十万": 10**5,
    "万": 10**4,
    "千": 10**3,
    "百": 10**2,
    "十": 10,
}
# Units that start with a magnitude character but are units in their own right.
WHOLE_UNITS = (
    "百分点", "百分比", "千米", "千克", "千瓦", "千伏", "千焦", "千帕", "千卡", "千升", "十分",
    "兆瓦", "兆帕", "兆赫", "兆焦", "兆字节",
)  # fmt: skip
_PREFIX = re.compile("|".join(sorted(MAGNITUDES, key=len, reverse=True)))


def normalize_unit(unit: str) -> str:
    unit = unit.strip()
    if unit in ("个百分点", "pp"):
        return "百分点"
    if unit == "％":
        return "%"
    return unit


def split_magnitude(unit: str) -> tuple[int, str]:
    """(multiplier, rest) for a published unit: 万个 → (10000, 个); 千瓦 → (1, 千瓦)."""
    unit = normalize_unit(unit)
    if unit.startswith(WHOLE_UNITS):
        return 1, unit
    match = _PREFIX.match(unit)
    if not match:
        return 1, unit
    rest = unit[match.end() :]
    if rest.startswith(WHOLE_UNITS) or not rest or not _PREFIX.match(rest):
        return MAGNITUDES[match.group()], rest
    return 1, unit


def to_base(value: float | None, unit: str) -> tuple[float | None, str]:
    """The value in its base unit, computed in decimal so 115.01 亿 is exactly 11501000000."""
    factor, base_unit = split_magnitude(unit)
    if value is None:
        return None, base_unit
    if factor == 1:
        return value, base_unit
    return float(Decimal(repr(value)) * factor), base_unit


def with_base(fields: dict[str, Any]) -> dict[str, Any]:
    """Fill base_value/base_unit (and a range's base_value_high) from value/unit when the
    caller did not give them."""
    explicit = fields.get("base_value") is not None or "base_unit" in fields
    if ("value" in fields or "unit" in fields) and not explicit:
        base_value, base_unit = to_base(fields.get("value"), fields.get("unit") or "")
        fields = {**fields, "base_value": base_value, "base_unit": base_unit}
    if fields.get("base_value_high") is None and (
        "value_high" in fields or ("unit" in fields and not explicit)
    ):
        high, _ = to_base(fields.get("value_high"), fields.get("unit") or "")
        fields = {**fields, "base_value_high": high}
    return fields
