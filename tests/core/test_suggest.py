"""The suggester on whole documents, scored against the gold lists in tests/data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from indicite.core.suggest import Suggestion, suggest
from indicite.core.text import normalize_newlines

DATA = Path(__file__).resolve().parents[1] / "data"
KEYS = {
    "start", "end", "text", "value", "unit", "base_value", "base_unit", "qualifier", "measure",
    "period_label", "period_start", "period_end", "indicator", "subject", "value_text",
}  # fmt: skip


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _close(a: float, b: float) -> bool:
    a, b = abs(float(a)), abs(float(b))
    return abs(a - b) <= 1e-3 * max(a, b, 1e-9)


def _unit(u: str) -> str:
    return {"个百分点": "百分点", "pp": "百分点", "％": "%"}.get(u or "", u or "")


def score(text: str, gold: list[dict], sugg: list[dict]) -> dict[str, float]:
    """The rules of ../shared/tools/eval_suggestions.py (span overlap, optional rows ignored)."""
    for g in gold:
        assert text[g["start"] : g["end"]] == g["mention"]
    required = [g for g in gold if g["required"]]
    optional = [g for g in gold if not g["required"]]
    counted = [
        s
        for s in sugg
        if any(_overlaps(s, g) for g in required) or not any(_overlaps(s, g) for g in optional)
    ]
    true_pos = [s for s in counted if any(_overlaps(s, g) for g in required)]
    hit = exact = qual = 0
    for g in required:
        cands = [s for s in sugg if _overlaps(s, g)]
        if not cands:
            continue
        hit += 1
        best = max(
            cands,
            key=lambda s: (_close(s["base_value"], g["value"]), _unit(s["base_unit"]) == g["unit"]),
        )
        ok = _close(best["base_value"], g["value"]) and _unit(best["base_unit"]) == g["unit"]
        exact += ok
        qual += best["qualifier"] == g["qualifier"]
    n = len(required)
    return {
        "recall": hit / n,
        "precision": len(true_pos) / len(counted) if counted else 0.0,
        "exact": exact / n,
        "qualifier": qual / hit if hit else 0.0,
    }


def _load(name: str, doc_date: date, subject: str) -> tuple[str, list[dict], list[dict]]:
    text = normalize_newlines((DATA / f"{name}.txt").read_text(encoding="utf-8"))
    gold_path = DATA / f"{name}.gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line]
    sugg = [s.to_json_dict() for s in suggest(text, doc_date=doc_date, subject=subject)]
    return text, gold, sugg


def test_tianjin_meets_targets():
    text, gold, sugg = _load("tianjin_industry_2025", date(2025, 12, 20), "天津")
    result = score(text, gold, sugg)
    assert result["recall"] >= 0.98, result
    assert result["precision"] >= 0.95, result
    assert result["exact"] >= 0.95, result
    assert result["qualifier"] >= 0.95, result


def test_national_2023_own_gold():
    text, gold, sugg = _load("national_gov_work_report_2023", date(2023, 3, 5), "全国")
    gold_end = max(g["end"] for g in gold)
    sugg = [s for s in sugg if s["start"] < gold_end]  # the gold covers the first part only
    result = score(text, gold, sugg)
    assert result["recall"] >= 0.95, result
    assert result["precision"] >= 0.95, result


def test_daqing_2017_own_gold():
    """The gold lists every value mention of the first article (up to the second header)."""
    text, gold, sugg = _load("daqing_economic_analysis_2017", date(2017, 6, 4), "大庆")
    covered_end = text.index("=== 上半年全市经济运行情况分析")
    assert all(g["end"] <= covered_end for g in gold)
    sugg = [s for s in sugg if s["start"] < covered_end]
    result = score(text, gold, sugg)
    assert result["recall"] >= 0.98, result
    assert result["precision"] >= 0.98, result
    assert result["exact"] >= 0.95, result
    assert result["qualifier"] >= 0.95, result


def test_json_dict_keys_and_types():
    (s,) = suggest("1—11月，全市规模以上工业增加值同比增长4.2%。", doc_date=date(2025, 12, 20))
    d = s.to_json_dict()
    assert d.keys() >= KEYS
    json.dumps(d)
    assert d["period_start"] == "2025-01-01" and d["period_end"] == "2025-11-30"
    assert d["period_label"] == "1—11月"
    assert d["measure"] == "growth_yoy"
    assert d["indicator"] == "规模以上工业增加值"


def test_spans_match_text_everywhere():
    text = normalize_newlines((DATA / "tianjin_industry_2025.txt").read_text(encoding="utf-8"))
    for s in suggest(text):
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("工业增加值同比增长4.2%。", "growth_yoy"),
        ("比十三五末增长20.9%。", "growth"),
        ("高于全国1.65个百分点。", "change_pp"),
        ("占制造业总产值比重为9%。", "share"),
        ("固废综合利用率达到99.8%。", "rate"),
        ("新增5家国家级5G全连接工厂。", "count"),
        ("新增融资115.01亿元。", "level"),
        ("效率提升至原来的6.5倍。", "ratio"),
        ("高技术制造业PMI为50.1%。", "index"),
    ],
)
def test_measure(sentence, measure):
    (s,) = suggest(sentence)
    assert s.measure == measure


def test_growth_is_signed_with_value_text():
    (s,) = suggest("能耗累计下降13.5%。")
    assert s.value == -13.5 and s.value_text == "下降13.5%"


def test_subject_from_sentence_or_default():
    a, b = suggest("全市企业达到6189家。山东青岛研发投入占比超过60%。", subject="天津")
    assert a.subject == "天津" and b.subject == "青岛"


def test_indicator_after_the_count():
    (s,) = suggest("新增5家国家级5G全连接工厂。")
    assert s.indicator == "新增国家级5G全连接工厂"


def test_suggestion_is_frozen():
    (s,) = suggest("超过8.6万个。")
    assert isinstance(s, Suggestion)
    with pytest.raises(AttributeError):
        s.value = 1  # type: ignore[misc]


def test_flat_and_table_cells_have_measures():
    (flat,) = suggest("农作物种植总面积与上年基本持平。")
    assert (flat.value, flat.qualifier, flat.measure) == (0, "approx", "growth")
    table = "指标名称\t产量（万吨）\t同比增长（±%）\n玉 米\t540.4\t\t17.8\n大 豆\t7.0\t\t-1.6\n"
    level, growth, _, fall = suggest(table)
    assert (level.indicator, level.unit, level.measure) == ("玉米 · 产量", "万吨", "level")
    assert (growth.measure, fall.value, fall.value_text) == ("growth_yoy", -1.6, "-1.6")
