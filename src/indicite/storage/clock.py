"""Timestamps as stored: ISO 8601 in UTC, to the millisecond, sortable as text."""

from datetime import UTC, datetime


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
