"""Field rules for an indicator, checked before anything is stored."""

import re
import unicodedata
from datetime import date
from math import isfinite
from typing import Any

from indicite.core.entities import MEASURES, QUALIFIERS
from indicite.core.errors import ValidationError
from indicite.core.kinds import KINDS

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# A plain number as exports and most sheets write it (ASCII, at most 15 digits either side of
# the point): finite, never rounds to zero, and needs no cleaning. A load reads 400,000 of them.
_PLAIN_NUMBER = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,15})?")


def parse_value(text: str, field: str = "value") -> float:
    """A number as typed: full-width digits, thousands separators and a minus sign allowed."""
    if _PLAIN_NUMBER.fullmatch(text):
        return float(text)
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("−", "-")
    if not _NUMBER.fullmatch(cleaned):
        raise ValidationError(field, "“{text}” is not a number; type digits such as 4.2", text=text)
    value = float(cleaned)
    check_finite(field, value, text)
    if value == 0 and re.search("[1-9]", re.split("[eE]", cleaned)[0]):
        raise ValidationError(
            field, "“{text}” is too close to zero to store; check the number", text=text
        )
    return value


def check_finite(field: str, value: float, text: object) -> None:
    """Infinity and NaN are no indicator values (and JSON cannot carry them)."""
    if not isfinite(value):
        raise ValidationError(
            field, "“{text}” is too large a number to store; check the number", text=text
        )


def check_fields(fields: dict[str, Any]) -> None:
    """Raise ValidationError naming the first field that breaks a rule."""
    if "name" in fields and not str(fields["name"] or "").strip():
        raise ValidationError("name", "The indicator needs a name")
    for key in ("value", "value_high"):
        value = fields.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise ValidationError(key, "“{value}” is not a number", value=value)
        if value is not None:
            check_finite(key, value, value)
    for key in ("base_value", "base_value_high"):
        base = fields.get(key)
        if isinstance(base, float):
            check_finite(key, base, base)
    low, high = fields.get("value"), fields.get("value_high")
    if high is not None and (low is None or high < low):
        raise ValidationError(
            "value_high", "A range needs a low value and a high value not below it"
        )
    if "measure" in fields and fields["measure"] not in MEASURES:
        raise ValidationError("measure", "Unknown measure “{measure}”", measure=fields["measure"])
    if "qualifier" in fields and fields["qualifier"] not in QUALIFIERS:
        raise ValidationError(
            "qualifier", "Unknown qualifier “{qualifier}”", qualifier=fields["qualifier"]
        )
    if "kind" in fields and fields["kind"] not in KINDS:
        raise ValidationError(
            "kind",
            "Unknown kind “{kind}”; use {known}",
            kind=fields["kind"],
            known=", ".join(KINDS),
        )
    for key in ("period_start", "period_end"):
        if fields.get(key):
            try:
                if not _DAY.fullmatch(fields[key]):  # fromisoformat also takes 20250101, 2025W011
                    raise ValueError
                date.fromisoformat(fields[key])
            except (TypeError, ValueError):
                raise ValidationError(
                    key, "“{text}” is not a date (YYYY-MM-DD)", text=fields[key]
                ) from None
    start, end = fields.get("period_start"), fields.get("period_end")
    if start and end and start > end:
        raise ValidationError("period_end", "The period ends before it starts")
