"""The records Indicite keeps, as plain dataclasses shared by every layer."""

from dataclasses import dataclass, field, fields
from typing import Any, Self

STATUSES = ("draft", "submitted", "approved", "returned")
ROLES = ("staff", "editor", "admin")
QUALIFIERS = ("eq", "gt", "ge", "lt", "le", "approx")
MEASURES = (
    "level",
    "count",
    "growth_yoy",
    "growth",
    "growth_avg",
    "change",
    "change_pp",
    "share",
    "rate",
    "index",
    "ratio",
    "other",
)

# Fields a user edits on an indicator; everything else is bookkeeping.
INDICATOR_FIELDS = (
    "name",
    "subject",
    "period_label",
    "period_start",
    "period_end",
    "measure",
    "value",
    "unit",
    "base_value",
    "base_unit",
    "qualifier",
    "value_text",
    "notes",
    "value_high",
    "base_value_high",
    "kind",
    "catalog_id",
)


class Record:
    """Shared conversion between dataclasses and database rows."""

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in row.items() if k in names})


@dataclass(slots=True)
class Document(Record):
    id: int | None = None
    title: str = ""
    issuer: str = ""
    published_on: str | None = None
    source_url: str = ""
    doc_type: str = ""
    subject: str = ""
    text: str = ""
    text_sha256: str = ""
    page_starts: list[int] | None = None
    char_count: int = 0
    imported_at: str = ""
    imported_by: str = ""
    replaces_id: int | None = None  # the earlier version this one replaces
    version_no: int = 1


@dataclass(slots=True)
class Citation(Record):
    id: int | None = None
    indicator_id: int | None = None
    document_id: int | None = None
    start: int = 0
    end: int = 0
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    page: int | None = None
    position: int = 0
    anchor_state: str = ""  # how re-anchoring placed it (core.reanchor); "" if a person did
    anchor_score: float | None = None


@dataclass(slots=True)
class Indicator(Record):
    id: int | None = None
    document_id: int | None = None
    name: str = ""
    subject: str = ""
    period_label: str = ""
    period_start: str | None = None
    period_end: str | None = None
    measure: str = "level"
    value: float | None = None
    unit: str = ""
    base_value: float | None = None
    base_unit: str = ""
    qualifier: str = "eq"
    value_text: str = ""
    notes: str = ""
    kind: str = "actual"
    catalog_id: int | None = None
    status: str = "draft"
    version: int = 1
    created_by: str = ""
    created_at: str = ""
    updated_by: str = ""
    updated_at: str = ""
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    deleted_at: str | None = None
    source_changed: int = 0  # a new version of the document changed or lost a cited number
    citations: list[Citation] = field(default_factory=list)
    # A range (7.0%—7.5%, 2万至3万元): value is the low end, value_high the high end.
    value_high: float | None = None
    base_value_high: float | None = None

    def editable_fields(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in INDICATOR_FIELDS}


@dataclass(slots=True)
class Event(Record):
    id: int | None = None
    at: str = ""
    who: str = ""
    action: str = ""
    indicator_id: int | None = None
    document_id: int | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    comment: str = ""


@dataclass(slots=True)
class User(Record):
    id: int | None = None
    name: str = ""
    role: str = "staff"
    created_at: str = ""
