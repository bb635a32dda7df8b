"""Units that may follow a number, and the words after a number that make it not a value.

Kept apart from the grammar so reviewers can extend a list without reading regular expressions.
"""

from __future__ import annotations

import re

PERCENT_UNITS = ("%", "‰", "％")
POINT_UNITS = ("个百分点", "百分点", "个基点", "基点")
RATIO_UNITS = ("倍",)

MONEY_UNITS = (
    "元人民币", "美元", "欧元", "港元", "港币", "日元", "英镑", "澳元", "卢布", "韩元", "元",
)  # fmt: skip

PHYSICAL_UNITS = (
    "微克/立方米", "毫克/立方米", "毫克/升", "吉瓦时", "千伏安", "千伏",
    "吨标准煤", "吨标煤", "吨公里", "人公里", "千瓦时", "兆瓦时", "标准箱", "平方千米", "平方公里",
    "平方米", "立方米", "千立方米", "公顷", "千克", "公斤", "千米", "公里", "厘米", "毫米", "千瓦",
    "兆瓦", "吉瓦", "平方公尺", "公尺", "马力", "载重吨", "吨", "斤", "担", "亩", "米", "克",
    "升", "桶", "标箱", "度",
    "kWh", "kW", "kV", "MW", "GW", "TWh", "GWh", "km", "kg", "TEU", "mm", "cm",
)  # fmt: skip

COUNT_UNITS = (
    "万人次", "人次", "户次", "架次", "艘次", "车次", "个", "家", "项", "款", "种", "栋", "名",
    "人", "位", "户", "所", "座", "条", "台", "套", "辆", "架", "艘", "件", "只", "头", "匹",
    "份", "批", "次", "场", "处", "根", "棵", "株", "例", "起", "宗", "笔", "张", "部", "间",
    "床", "支", "门", "册", "本", "篇", "幅", "首", "块", "片", "颗", "枚", "箱", "盒", "瓶",
    "层", "轮", "期", "届", "类", "列", "股",
)  # fmt: skip

# A unit character on the next line that starts one of these words is not the number's unit
# (a line ending in 7 followed by 人工智能 is not 7人).
UNIT_LEADING_WORDS = (
    "人工", "人才", "人民", "人员", "人口", "人类", "人均", "人社", "家庭", "家居", "家电",
    "家政", "项目", "个人", "个体", "个性", "个别", "名单", "名称", "名录", "条件", "条例",
    "台湾", "位置", "户籍", "所有", "所得", "座谈", "件事", "场景", "场所", "处理", "处置",
    "部门", "部署", "部分", "种植", "种类", "种业", "起步", "起来", "批准", "批发", "套餐",
    "元素", "元宇宙", "吨位", "度假", "期间", "期货", "亩产", "份额", "间接", "头部", "只有",
    "支持", "支付", "支撑", "门户", "本地", "本市", "本省", "股份", "股东", "股票", "股权",
    "次数", "层次", "层面", "轮候", "列入", "米面", "克服", "升级", "类型", "届时", "款项",
    "例如", "张家", "片区", "块链", "首次", "首批", "首个",
)  # fmt: skip

# Words after a number that make it a date, a duration or part of a name, never a value.
REJECT_UNITS = (
    "个月", "个季度", "季度", "周年", "年度", "年", "月", "日", "号线", "号", "天", "周", "小时",
    "分钟", "秒", "星级", "星", "强", "版", "代", "中全会", "型", "级", "岁", "世纪",
)  # fmt: skip

ALL_UNITS = PERCENT_UNITS + POINT_UNITS + RATIO_UNITS + MONEY_UNITS + PHYSICAL_UNITS + COUNT_UNITS
_NOT_COUNTS = {"期", "届", "度", "米", "克", "升", "类"}


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation that tries longer words first (千瓦时 before 千瓦 before 千)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def unit_kind(unit: str) -> str:
    """percent, point, ratio, money, physical, count, reject or '' for a unit as written."""
    if unit in PERCENT_UNITS:
        return "percent"
    if unit in POINT_UNITS:
        return "point"
    if unit in RATIO_UNITS:
        return "ratio"
    if unit in MONEY_UNITS:
        return "money"
    if unit in PHYSICAL_UNITS:
        return "physical"
    if unit in REJECT_UNITS:
        return "reject"
    if unit in COUNT_UNITS:
        return "count"
    return ""


def base_unit(unit: str) -> str:
    """The unit stored with base_value: 个百分点 -> 百分点, ％ -> %, 元人民币 -> 元."""
    return {"个百分点": "百分点", "个基点": "基点", "％": "%", "元人民币": "元"}.get(unit, unit)


def weak_unit(unit: str) -> bool:
    """Units that also start ordinary words (期, 度, 米...): need a digit number before them."""
    return unit in _NOT_COUNTS
