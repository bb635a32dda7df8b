"""Consistency checks on plain rows: what a reviewer must be told, and what is within rounding."""

from indicite.core.checks import (
    cited_mismatch,
    half_step,
    parts_checks,
    row_checks,
    series_checks,
)


def row(id_, value, unit="亿元", **extra):
    scale = {"亿元": 1e8, "万元": 1e4, "%": 1, "个百分点": 1, "家": 1}[unit]
    base_unit = {"亿元": "元", "万元": "元", "%": "%", "个百分点": "百分点", "家": "家"}[unit]
    return {
        "id": id_,
        "value": value,
        "unit": unit,
        "base_value": value * scale,
        "base_unit": base_unit,
        "measure": "level",
        "qualifier": "eq",
        "kind": "actual",
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "period_label": "2025年",
        "quote": "",
        **extra,
    }


def checks_of(findings):
    return sorted((f.indicator_id, f.check, f.level) for f in findings)


def test_rounding_follows_the_published_digits():
    assert half_step(4.2) == 0.05
    assert half_step(105.0) == 0.5
    assert half_step(1.65) == 0.005


def test_two_values_of_one_period_conflict_beyond_rounding_only():
    assert series_checks([row(1, 105.0), row(2, 105.4)]) == []  # 105 may be 105.4 rounded
    assert series_checks([row(1, 4.2, "%"), row(2, 4.24, "%")]) == []
    found = series_checks([row(1, 105.0), row(2, 107.0)])
    assert checks_of(found) == [(1, "conflict", "error"), (2, "conflict", "error")]
    assert "107亿元" in found[0].text and found[0].other_id == 2


def test_a_range_agrees_with_a_value_inside_it_and_not_with_one_outside():
    target = row(1, 7.0, "%", value_high=7.5, base_value_high=7.5, kind="target")
    assert series_checks([target, row(2, 7.2, "%", kind="target")]) == []
    found = series_checks([target, row(2, 8.5, "%", kind="target")])
    assert checks_of(found) == [(1, "conflict", "error"), (2, "conflict", "error")]
    assert "7–7.5%" in found[1].text
    apart = row(3, 4.0, "%", value_high=5.0, base_value_high=5.0, kind="target")
    overlapping = row(4, 5.5, "%", value_high=7.2, base_value_high=7.2, kind="target")
    assert series_checks([target, overlapping]) == []
    assert checks_of(series_checks([target, apart])) == [(1, "conflict", "error"),
                                                         (3, "conflict", "error")]  # fmt: skip


def test_units_are_compared_in_base_units():
    assert series_checks([row(1, 1.05), row(2, 10500.0, "万元")]) == []
    assert checks_of(series_checks([row(1, 1.05), row(2, 10700.0, "万元")])) == [
        (1, "conflict", "error"),
        (2, "conflict", "error"),
    ]


def test_other_periods_and_other_measures_do_not_conflict():
    last_year = row(2, 100.0, period_start="2024-01-01", period_end="2024-12-31")
    growth = row(3, 5.0, "%", measure="growth_yoy")
    assert series_checks([row(1, 105.0), last_year, growth]) == []


def test_level_previous_level_and_growth_must_agree():
    prev = row(1, 100.0, period_start="2024-01-01", period_end="2024-12-31")
    found = series_checks([prev, row(2, 105.0), row(3, 7.0, "%", measure="growth_yoy")])
    assert checks_of(found) == [(2, "growth", "warning")]
    assert "5%" in found[0].text and "7%" in found[0].text
    agreeing = series_checks([prev, row(2, 105.0), row(3, 5.0, "%", measure="growth_yoy")])
    assert agreeing == []


def test_points_and_per_cent_mixed_up():
    assert checks_of(row_checks(row(1, 1.5, "%", measure="change_pp"))) == [
        (1, "points", "warning")
    ]
    assert checks_of(row_checks(row(1, 1.5, "个百分点", measure="growth_yoy"))) == [
        (1, "points", "warning")
    ]
    assert row_checks(row(1, 1.5, "个百分点", measure="change_pp")) == []


def test_shares_over_100_and_negative_counts_are_errors():
    assert checks_of(row_checks(row(1, 120.0, "%", measure="share"))) == [(1, "share", "error")]
    assert row_checks(row(1, 99.9, "%", measure="share")) == []
    assert checks_of(row_checks(row(1, -3.0, "家", measure="count"))) == [(1, "negative", "error")]


def test_the_cited_number_must_be_the_entered_value():
    assert cited_mismatch("全市规模以上工业增加值115.01亿元", row(1, 115.01)) is None
    assert cited_mismatch("5G基站8.6万个", row(1, 86000.0, "家")) is None  # magnitude applied
    assert cited_mismatch("增加值115.01亿元", row(1, 115.1)) == "115.01"
    assert cited_mismatch("约三分之一", row(1, 33.0)) is None  # left to people
    found = row_checks(row(1, 115.1, quote="增加值115.01亿元"))
    assert checks_of(found) == [(1, "cited", "error")]


def test_a_value_far_from_its_series_is_a_warning():
    series = [
        row(i, v, period_start=f"{2015 + i}-01-01", period_end=f"{2015 + i}-12-31")
        for i, v in enumerate([100.0, 104.0, 98.0, 103.0, 101.0, 1010.0], start=1)
    ]
    assert checks_of(series_checks(series)) == [(6, "outlier", "warning")]
    assert checks_of(series_checks(series[:5])) == []


def test_parts_greater_than_their_total():
    total = row(1, 100.0, catalog_id=10)
    parts = [row(2, 60.0, catalog_id=11), row(3, 50.0, catalog_id=12)]
    assert checks_of(parts_checks([total], parts)) == [(1, "parts", "warning")]
    assert checks_of(parts_checks([total], [row(2, 130.0, catalog_id=11)])) == [
        (2, "parts", "error")
    ]
    assert parts_checks([total], [row(2, 60.0, catalog_id=11), row(3, 40.0, catalog_id=12)]) == []
