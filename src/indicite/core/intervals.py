"""A stated value as the interval it covers, for checks that compare values (issue 19).

A single value is the interval [v, v]; a range (7.0%—7.5%) is [value, value_high]. Checks
across entries (the same indicator in two documents, a series) compare intervals, so a
range that contains a single value agrees with it.
"""

from __future__ import annotations


def interval(value: float | None, value_high: float | None = None) -> tuple[float, float] | None:
    """(low, high) of a stored value, or None when there is no value."""
    if value is None:
        return None
    return (value, value if value_high is None else value_high)


def intervals_meet(
    a: tuple[float, float] | None, b: tuple[float, float] | None, rel_tol: float = 0.0
) -> bool:
    """Whether two stated values can be the same figure: their intervals overlap, widened by
    ``rel_tol`` of their size (rounding: 5.0% and 5.04%). No value meets nothing."""
    if a is None or b is None:
        return False
    slack = rel_tol * max(abs(a[0]), abs(a[1]), abs(b[0]), abs(b[1]))
    return a[0] <= b[1] + slack and b[0] <= a[1] + slack
