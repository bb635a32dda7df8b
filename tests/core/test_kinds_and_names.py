"""Value kinds from the wording of a clause, and which guessed names are names at all."""

import pytest

from indicite.core.kinds import detect_kind, kind_at
from indicite.core.names import clean_name, name_key
from indicite.core.suggest import suggest


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("全市规模以上工业增加值同比增长", "actual"),
        ("预计全年地区生产总值增长", "forecast"),
        ("预测明年粮食产量", "forecast"),
        ("力争新增专精特新企业", "target"),
        ("确保城镇新增就业", "target"),
        ("全年目标任务是完成投资", "target"),
        ("计划新建5G基站", "plan"),
        ("完成全年计划的", "actual"),
        ("彻底完成营改增任务，税率从", "actual"),
    ],
)
def test_kind_follows_the_words_of_the_clause(clause, kind):
    assert detect_kind(clause) == kind


def test_items_of_a_target_list_are_all_targets():
    text = "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人左右。"
    found = {s.text: s.kind for s in suggest(text)}
    assert found == {"5%左右": "target", "1200万人左右": "target"}


def test_a_goal_carries_over_to_the_next_clause_but_not_to_the_next_sentence():
    text = "力争全年新增企业100家，产值达到50亿元。去年产值40亿元。"
    found = {s.text: s.kind for s in suggest(text)}
    assert found == {"100家": "target", "50亿元": "target", "40亿元": "actual"}
    assert kind_at(text, text.index("40亿元"), text.index("去年"), text.index("去年")) == "actual"


@pytest.mark.parametrize(
    "word", ["的", "预测", "推动", "高于", "我局已建立", "推动了", "比", "比年初", "较末", "1缩小"]
)
def test_function_words_verbs_and_clauses_are_not_names(word):
    assert clean_name(word) == ""


def test_noun_phrases_stay_names():
    assert clean_name("规模以上工业增加值") == "规模以上工业增加值"
    assert clean_name("的5G基站") == "5G基站"
    assert clean_name("比重") == "比重" and clean_name("5G基站") == "5G基站"


def test_suggested_names_are_never_a_verb():
    text = "我局已建立3个平台。推动12家企业上市。"
    names = [s.indicator for s in suggest(text)]
    assert "推动" not in names and "我局已建立" not in names


def test_name_variants_fold_to_one_key():
    keys = {
        name_key(n)
        for n in (
            "规模以上工业增加值",
            "规上工业增加值",
            "工业增加值（规上）",
            "全市规模以上工业增加值",
            "规模以上 工业增加值",
        )
    }
    assert keys == {"规模以上工业增加值"}
    assert name_key("GDP") == name_key("地区生产总值")
    assert name_key("城镇新增就业") != name_key("城镇调查失业率")


def test_a_list_heading_broken_across_lines_still_makes_targets():
    text = "主要预期目标\n是：地区生产总值增长4.5%—5%；地方一般公共预算收入增长3%左右。"
    assert {s.kind for s in suggest(text)} == {"target"}


def test_life_expectancy_is_not_a_forecast():
    assert detect_kind("人均预期寿命达到") == "actual"
