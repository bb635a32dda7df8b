"""Period hints resolve to ISO dates against the document date; the words are kept."""

from __future__ import annotations

from datetime import date

import pytest

from indicite.core.periods import find_period

DOC = date(2025, 12, 20)


@pytest.mark.parametrize(
    ("words", "label", "start", "end"),
    [
        ("1—11月，全市", "1—11月", "2025-01-01", "2025-11-30"),
        ("1-10月", "1-10月", "2025-01-01", "2025-10-31"),
        ("前三季度规模以上", "前三季度", "2025-01-01", "2025-09-30"),
        ("今年以来，", "今年以来", "2025-01-01", "2025-12-20"),
        ("年内支持", "年内", "2025-01-01", "2025-12-31"),
        ("“十四五”前4年，", "“十四五”前4年", "2021-01-01", "2024-12-31"),
        ("“十四五”期间", "“十四五”期间", "2021-01-01", "2025-12-31"),
        ("比“十三五”末增长", "“十三五”末", "2020-01-01", "2020-12-31"),
        ("到2030年，", "到2030年", "2030-01-01", "2030-12-31"),
        ("2025年12月", "2025年12月", "2025-12-01", "2025-12-31"),
        ("2024年上半年", "2024年上半年", "2024-01-01", "2024-06-30"),
        ("11月份，", "11月份", "2025-11-01", "2025-11-30"),
        ("去年", "去年", "2024-01-01", "2024-12-31"),
        ("近两年累计", "近两年", "2024-01-01", "2025-12-31"),
        ("一季度", "一季度", "2025-01-01", "2025-03-31"),
        ("前5个月", "前5个月", "2025-01-01", "2025-05-31"),
        ("一九五二年的", "一九五二年", "1952-01-01", "1952-12-31"),
        ("２００１年", "２００１年", "2001-01-01", "2001-12-31"),
    ],
)
def test_resolves(words, label, start, end):
    p = find_period(words, DOC)
    assert p is not None
    assert p.label == label
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end)


def test_first_five_year_plan():
    p = find_period("“一五”期间", None)
    assert p is not None and (p.start, p.end) == (date(1953, 1, 1), date(1957, 12, 31))


def test_without_document_date_keeps_words():
    p = find_period("1—11月，", None)
    assert p is not None and p.label == "1—11月" and p.start is None


def test_five_years_within_is_not_this_year():
    assert find_period("五年内增加", DOC) is None


def test_no_hint():
    assert find_period("全市规模以上工业增加值", DOC) is None
