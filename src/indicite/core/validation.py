"""Field rules for an indicator, checked before anything is stored."""

import re
import unicodedata
from datetime import date
from typing import Any

from indicite.core.entities import MEASURES, QUALIFIERS
from indicite.core.errors import ValidationError
from indicite.core.kinds import KINDS

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def parse_value(text: str) -> float:
    """A number as typed: full-width digits, thousands separators and a minus sign allowed."""
    cleaned = unicodedata.normalize("NFKC", text).strip().replace(",", "").replace("−", "-")
    if not _NUMBER.fullmatch(cleaned):
        raise ValidationError(
            "value", "“{text}” is not a number; type digits such as 4.2", text=text
        )
    return float(cleaned)


def check_fields(fields: dict[str, Any]) -> None:
    """Raise ValidationError naming the first field that breaks a rule."""
    if "name" in fields and not str(fields["name"] or "").strip():
        raise ValidationError("name", "The indicator needs a name")
    if "value" in fields and fields["value"] is not None:
        value = fields["value"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError("value", "“{value}” is not a number", value=value)
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
                date.fromisoformat(fields[key])
            except (TypeError, ValueError):
                raise ValidationError(
                    key, "“{text}” is not a date (YYYY-MM-DD)", text=fields[key]
                ) from None
    start, end = fields.get("period_start"), fields.get("period_end")
    if start and end and start > end:
        raise ValidationError("period_end", "The period ends before it starts")
