"""Period hints (1—11月, 前三季度, 今年以来, “十四五”前4年, 到2030年) resolved to ISO dates.

A hint is resolved against the document's date: 1—11月 in a December 2025 report means
2025-01-01..2025-11-30. Without a document date only hints naming a year can be resolved.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from indicite.core.numbers import CN_DIGITS, NumberError, fold_width, parse_chinese

_CN = "零〇○一二两三四五六七八九十"
_YEAR = rf"(?P<y>(?:19|20)\d{{2}}|[一二][{_CN}]{{3}})年"
_N = rf"(?:\d{{1,2}}|[{_CN}]{{1,3}})"
_DASH = r"[—–\-~～至到]"

PERIOD_RE = re.compile(
    "|".join(
        [
            rf"(?P<fyp>“?(?P<fypn>[{_CN}]{{1,3}})五”?(?:(?:计划)?(?P<fyprel>时期|期间|以来|末|前(?P<fypk>{_N})年)))",
            rf"(?P<ymq>(?:到|截至|截止到|至)?{_YEAR}(?:(?P<m1>\d{{1,2}})(?:{_DASH}(?P<m2>\d{{1,2}}))?月份?"
            rf"|(?P<yq>前三季度|上半年|下半年|[一二三四]季度|第[一二三四]季度|全年|底|末|以来)"
            r")?)",
            rf"(?P<mr>(?P<ma>\d{{1,2}}){_DASH}(?P<mb>\d{{1,2}})月份?)",
            r"(?P<m>(?P<mm>\d{1,2})月份?)(?!\d{1,2}日)",
            rf"(?P<fm>前(?P<fmn>{_N})个月)",
            r"(?P<q>前三季度|上半年|下半年|(?:第)?(?P<qn>[一二三四])季度)",
            r"(?P<rel>今年以来|年初以来|今年|(?<![\d一二三四五六七八九十两几多])年内|全年|本年|去年|上年"
            r"|上一年|明年)",
            rf"(?P<ny>近(?P<nyn>{_N})年)",
        ]
    )
)
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class Period:
    """A resolved hint: the words as written and the first and last day they cover."""

    label: str
    start: date | None
    end: date | None


def _num(s: str) -> int:
    if s.isdigit():
        return int(s)
    return int(parse_chinese(s))


def _year(s: str) -> int:
    if s.isdigit():
        return int(s)
    return int("".join(str(CN_DIGITS[c]) for c in s))


def _month_span(year: int, m1: int, m2: int) -> tuple[date, date] | None:
    if not (1 <= m1 <= m2 <= 12):
        return None
    return date(year, m1, 1), date(year, m2, calendar.monthrange(year, m2)[1])


def _year_span(y1: int, y2: int) -> tuple[date, date]:
    return date(y1, 1, 1), date(y2, 12, 31)


def _plan_years(n: int) -> tuple[int, int]:
    """Years of the n-th Five-Year Plan: 1st 1953-57, 2nd 1958-62, then 1966 + 5 (n - 3)."""
    start = {1: 1953, 2: 1958}.get(n, 1966 + 5 * (n - 3))
    return start, start + 4


def _resolve(m: re.Match[str], doc: date | None) -> tuple[date, date] | None:
    g = m.groupdict()
    doc_year = doc.year if doc else None
    if g["fyp"]:
        first, last = _plan_years(_num(g["fypn"]))
        rel = g["fyprel"]
        if rel.startswith("前"):
            return _year_span(first, first + _num(g["fypk"]) - 1)
        if rel == "末":
            return _year_span(last, last)
        if rel == "以来" and doc_year:
            return (date(first, 1, 1), doc) if doc else None
        return _year_span(first, last)
    if g["ymq"]:
        y = _year(g["y"])
        if g["m1"]:
            m1 = int(g["m1"])
            return _month_span(y, m1, int(g["m2"]) if g["m2"] else m1)
        return _quarter_span(y, g["yq"], doc) if g["yq"] else _year_span(y, y)
    if doc_year is None or doc is None:
        return None
    if g["mr"]:
        return _month_span(doc_year, int(g["ma"]), int(g["mb"]))
    if g["m"]:
        mm = int(g["mm"])
        return _month_span(doc_year, mm, mm)
    if g["fm"]:
        return _month_span(doc_year, 1, _num(g["fmn"]))
    if g["q"]:
        return _quarter_span(doc_year, g["q"], doc)
    if g["rel"]:
        rel = g["rel"]
        if rel in ("今年以来", "年初以来"):
            return date(doc_year, 1, 1), doc
        if rel in ("去年", "上年", "上一年"):
            return _year_span(doc_year - 1, doc_year - 1)
        if rel == "明年":
            return _year_span(doc_year + 1, doc_year + 1)
        return _year_span(doc_year, doc_year)
    if g["ny"]:
        return _year_span(doc_year - _num(g["nyn"]) + 1, doc_year)
    return None


def _quarter_span(year: int, words: str, doc: date | None) -> tuple[date, date] | None:
    if words == "前三季度":
        return _month_span(year, 1, 9)
    if words == "上半年":
        return _month_span(year, 1, 6)
    if words == "下半年":
        return _month_span(year, 7, 12)
    if words in ("全年", "底", "末"):
        return _year_span(year, year)
    if words == "以来":
        return (date(year, 1, 1), doc) if doc else None
    q = _QUARTER[words.removeprefix("第")[0]]
    return _month_span(year, 3 * q - 2, 3 * q)


def resolve_match(m: re.Match[str], doc_date: date | None, source: str | None = None) -> Period:
    """Turn a PERIOD_RE match into a Period; unresolvable hints keep their words only.

    `source` is the unfolded text the match was found in, so the label keeps ２００１年 as written.
    """
    try:
        span = _resolve(m, doc_date)
    except (NumberError, ValueError, KeyError):
        span = None
    label = source[m.start() : m.end()] if source is not None else m.group(0)
    if span is None:
        return Period(label, None, None)
    return Period(label, span[0], span[1])


def find_period(text: str, doc_date: date | None = None) -> Period | None:
    """The last period hint in `text` (the words before a value), resolved; None if none."""
    last = None
    for last in PERIOD_RE.finditer(fold_width(text)):  # noqa: B007
        pass
    return resolve_match(last, doc_date, text) if last else None
