"""Every way Chinese writes a quantity (issue 19): each form, its near misses, round trips."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from indicite.core.numbers import NumberError, parse_number
from indicite.core.suggest import suggest

# (written, value): parse_number reads the number in its own unit (七成 is 70, a percent).
FORMS = [
    # capital numerals
    ("壹拾贰", 12),
    ("壹佰贰拾万", 1_200_000),
    ("拾万零五十六", 100_056),
    ("叁仟肆佰伍拾陆", 3456),
    ("玖佰捌拾柒万陆仟伍佰肆拾叁", 9_876_543),
    ("贰拾", 20),
    # traditional characters
    ("4.78萬億", 4.78e12),
    ("兩千四百五", 2450),
    ("負三十二", -32),
    ("參拾", 30),
    ("陸萬", 60_000),
    ("三億二千三百八十萬九千六百八十四", 323_809_684),
    ("百分之三十六點九", 36.9),
    # colloquial abbreviations
    ("一万三", 13_000),
    ("九万四", 94_000),
    ("两千四百五", 2450),
    ("一千陆", 1600),
    ("一亿三", 130_000_000),
    ("一万零三", 10_003),
    # nested and repeated magnitudes
    ("一万三千亿", 1.3e12),
    ("四万万", 400_000_000),
    ("10万万", 1_000_000_000),
    ("五兆", 5e12),
    ("5亿1万4千6百", 500_014_600),
    ("7万5千4百", 75_400),
    ("十二亿八千万", 1_280_000_000),
    # 点 decimals after units, digits and zeros
    ("二十点九", 20.9),
    ("七十七点五", 77.5),
    ("十点五", 10.5),
    ("零点五", 0.5),
    ("三点五亿", 3.5e8),
    ("二十点九万", 209_000),
    ("百分之一百三十点一", 130.1),
    ("一万三点五", None),
    ("万点五", None),
    # spaced numerals
    ("一百 五 十 二", 152),
    ("7 万 5 千", 75_000),
    # signs
    ("负三十二", -32),
    ("负10000", -10_000),
    ("\u22123.2", -3.2),
    ("零下5", -5),
    # approximate forms: the value is the floor (the suggester adds the qualifier gt)
    ("十余万", 100_000),
    ("500余万", 5_000_000),
    ("一千多万", 10_000_000),
    ("二十几万", 200_000),
    ("一百零几万", 1_000_000),
    ("1.2万余", 12_000),
    # fractions and tenths
    ("两成", 20),
    ("七成", 70),
    ("三分之一", 1 / 3),
    ("百分之五点二", 5.2),
    ("千分之三", 3),
    # half and dozens
    ("半", 0.5),
    ("一半", 0.5),
    ("一个半", 1.5),
    ("两万半", None),
    ("三个半", 3.5),
    ("一打", 12),
    ("两打", 24),
    # ambiguous or not numbers: no value
    ("几十万", None),
    ("几百", None),
    ("十四五", None),
    ("五三十", None),
    ("十十", None),
    ("点五", None),
    ("", None),
    ("一亿二亿", None),
]


@pytest.mark.parametrize(("written", "value"), FORMS)
def test_parse_number(written, value):
    if value is None:
        with pytest.raises(NumberError):
            parse_number(written)
    else:
        assert parse_number(written) == pytest.approx(value)


# (sentence, mention, value, unit, base_value, qualifier) as the suggester reads them.
SUGGESTED = [
    ("合同金额人民币壹佰贰拾万元整。", "壹佰贰拾万元", 120, "万元", 1.2e6, "eq"),
    ("本金拾万零五十六元。", "拾万零五十六元", 100_056, "元", 100_056, "eq"),
    ("本港生產總值4.78萬億元。", "4.78萬億元", 4.78, "万亿元", 4.78e12, "eq"),
    ("全年招聘兩千四百五十人。", "兩千四百五十人", 2450, "人", 2450, "eq"),
    ("全市常住人口一万三千亿人。", "一万三千亿人", 1.3e12, "人", 1.3e12, "eq"),
    ("全国有四万万人口。", "四万万人", 4e8, "人", 4e8, "eq"),
    ("新增就业一万三千人。", "一万三千人", 13_000, "人", 13_000, "eq"),
    ("收入5亿1万4千6百元。", "5亿1万4千6百元", 500_014_600, "元", 500_014_600, "eq"),
    ("共计7 万 5 千人。", "7 万 5 千人", 75_000, "人", 75_000, "eq"),
    ("建设一百 五 十 二个项目。", "一百 五 十 二个", 152, "个", 152, "eq"),
    ("利润为负10000元。", "负10000元", -10_000, "元", -10_000, "eq"),
    ("净利润\u22123.2亿元。", "\u22123.2亿元", -3.2, "亿元", -3.2e8, "eq"),
    ("气温零下5度。", "零下5度", -5, "度", -5, "eq"),
    ("年产十余万吨。", "十余万吨", 10, "万吨", 100_000, "gt"),
    ("投资500余万元。", "500余万元", 500, "万元", 5e6, "gt"),
    ("惠及一千多万人。", "一千多万人", 1000, "万人", 1e7, "gt"),
    ("吸引二十几万人。", "二十几万人", 20, "万人", 200_000, "gt"),
    ("带动一百零几万人。", "一百零几万人", 100, "万人", 1e6, "gt"),
    ("达到1.2万余人。", "1.2万余人", 1.2, "万人", 12_000, "gt"),
    ("十几亿人口。", "十几亿人", 10, "亿人", 1e9, "gt"),
    ("一亿三千多万人。", "一亿三千多万人", 1.3e8, "人", 1.3e8, "gt"),
    ("产量占全国的两成。", "两成", 20, "%", 20, "eq"),
    ("七成以上的企业。", "七成以上", 70, "%", 70, "ge"),
    ("出生率千分之三。", "千分之三", 3, "‰", 3, "eq"),
    ("占百分之五点二。", "百分之五点二", 5.2, "%", 5.2, "eq"),
    ("增长百分之二十点九。", "百分之二十点九", 20.9, "%", 20.9, "eq"),
    ("比重由百分之六十點八降低。", "百分之六十點八", 60.8, "%", 60.8, "eq"),
    ("税负5700多亿元。", "5700多亿元", 5700, "亿元", 5.7e11, "gt"),
    ("投资三点五亿元。", "三点五亿元", 3.5, "亿元", 3.5e8, "eq"),
    ("提高零点五个百分点。", "零点五个百分点", 0.5, "个百分点", 0.5, "eq"),
    ("增长两倍。", "两倍", 2, "倍", 2, "eq"),
    ("提高三个百分点。", "三个百分点", 3, "个百分点", 3, "eq"),
    ("增长负2.5%。", "负2.5%", -2.5, "%", -2.5, "eq"),
    ("增速为负百分之五。", "负百分之五", -5, "%", -5, "eq"),
    ("占百分之十几。", "百分之十几", 10, "%", 10, "gt"),
    ("三成多。", "三成多", 30, "%", 30, "gt"),
    ("占全省的一半以上。", "一半以上", 50, "%", 50, "ge"),
    ("超过一半，", "超过一半", 50, "%", 50, "gt"),
    ("至少5%。", "至少5%", 5, "%", 5, "ge"),
    ("最多3家。", "最多3家", 3, "家", 3, "le"),
    ("里程约为一万公里。", "约为一万公里", 1, "万公里", 10_000, "approx"),
    ("占比超过8成。", "超过8成", 80, "%", 80, "gt"),
    ("人民币陆万元整。", "陆万元", 6, "万元", 60_000, "eq"),
]


@pytest.mark.parametrize(("sentence", "mention", "value", "unit", "base", "qual"), SUGGESTED)
def test_suggested(sentence, mention, value, unit, base, qual):
    (s,) = suggest(sentence)
    assert s.text == mention
    assert (s.value, s.unit, s.base_value, s.qualifier) == (
        pytest.approx(value),
        unit,
        pytest.approx(base),
        qual,
    )


# Near misses: the same characters that are not quantities.
NOT_VALUES = [
    "一九五二年",
    "二〇二五年的工作",
    "第一，",
    "第一批企业",
    "第三产业",
    "一是稳增长",
    "统一大市场",
    "一成不变",
    "建成三成员国",
    "大陆十万",
    "陆续投产",
    "大陆元首",
    "加大人才队伍支撑力度",
    "三四线城市",
    "五六十年代",
    "二三产业",
    "信心百倍",
    "下午三点五十分",
    # dates and times in the same characters
    "三月五日召开",
    "二〇二五年十二月三十一日",
    "十一月份",
    "一九九七年七月一日",
    "晚上八点",
    "九点半",
    "2025.12.31",
    "12:30",
    # names with numbers: plans, meetings, slogans, lines, models, standards
    "十四五时期",
    "十九届五中全会",
    "一带一路",
    "五位一体",
    "长征五号",
    "歼-20战机",
    "C919大飞机",
    "华为Mate60手机",
    "GB/T 4754-2017",
    "ISO 9001认证",
    "一〇八国道",
    "二号线",
    "3号楼",
    "V2.0版",
    # ordinals
    "第十二届",
    "第二十三条",
    "第三季度",
    # phone numbers
    "400-123-4567",
    "+86 10 12345678",
    "参加会议",
    "几十万人",
    "数百万人",
    "上百万人",
    "千万家庭",
    "亿万人民",
    "“十四五”规划",
    "十一届三中全会",
    "五兆瓦机组",
    "负增长",
    "负债",
    "电话022-23456789",
    "热线12345",
    "2025年12月31日",
    "2026-02-02",
    "1—11月",
    "2016—2020年",
    "型号D3000M",
    "半导体产业",
    "上半年",
    "一打开",
    "另一半，",
    "一半是海水",
]


@pytest.mark.parametrize("sentence", NOT_VALUES)
def test_near_misses_are_not_values(sentence):
    assert [s.text for s in suggest(sentence)] == []


def test_megawatts_stay_a_unit():
    (s,) = suggest("装机5兆瓦。")
    assert (s.value, s.unit) == (5, "兆瓦")


RANGES = [
    ("预期增长7.0%—7.5%。", "7.0%—7.5%", 7.0, 7.5, "%", 7.0, 7.5),
    ("效率提高3—5倍。", "3—5倍", 3, 5, "倍", 3, 5),
    ("增长5%到6%。", "5%到6%", 5, 6, "%", 5, 6),
    ("增长5%~6%。", "5%~6%", 5, 6, "%", 5, 6),
    ("增长5%～6%。", "5%～6%", 5, 6, "%", 5, 6),
    ("增长5%-6%。", "5%-6%", 5, 6, "%", 5, 6),
    ("补贴2万至3万元。", "2万至3万元", 2, 3, "万元", 20_000, 30_000),
    ("补贴2至3万元。", "2至3万元", 2, 3, "万元", 20_000, 30_000),
    ("能耗下降3%—5%。", "3%—5%", -5, -3, "%", -5, -3),
]


@pytest.mark.parametrize(("sentence", "mention", "low", "high", "unit", "blow", "bhigh"), RANGES)
def test_a_range_is_one_suggestion(sentence, mention, low, high, unit, blow, bhigh):
    (s,) = suggest(sentence)
    assert s.text == mention
    assert (s.value, s.value_high, s.unit) == (low, high, unit)
    assert (s.base_value, s.base_value_high) == (blow, bhigh)


@pytest.mark.parametrize(
    ("sentence", "mention", "low", "high", "base_low", "base_high"),
    [
        ("增加四五万人。", "四五万人", 4, 5, 40_000, 50_000),
        ("两三个试点。", "两三个", 2, 3, 2, 3),
        ("三五个项目。", "三五个", 3, 5, 3, 5),
        ("增加二三十万元。", "二三十万元", 20, 30, 200_000, 300_000),
    ],
)
def test_neighbouring_digits_are_an_approximate_range(
    sentence, mention, low, high, base_low, base_high
):
    (s,) = suggest(sentence)
    assert (s.text, s.value, s.value_high, s.qualifier) == (mention, low, high, "approx")
    assert (s.base_value, s.base_value_high) == (base_low, base_high)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("从5%提高到6%。", ["5%", "6%"]),
        ("由41.7%到86.7%。", ["41.7%", "86.7%"]),
        ("2016—2020年增长5%。", ["5%"]),
        ("增长6%—5%。", ["6%", "5%"]),
        ("1—11月增长5%。", ["5%"]),
    ],
)
def test_not_ranges(sentence, expected):
    found = suggest(sentence)
    assert [s.text for s in found] == expected
    assert all(s.value_high is None for s in found)


MEASURES = [
    ("粮食产量比上年增加177.6亿斤。", "change", -1),
    ("贫困人口减少1000万人。", "change", 1),
    ("2021年两年平均增长6.6%。", "growth_avg", 1),
    ("五年年均增长5.2%。", "growth_avg", 1),
    ("第三产业比重为52%。", "share", 1),
    ("约占全国的三分之一。", "share", 1),
    ("研发投入提高0.9个百分点。", "change_pp", 1),
    ("出口增长1.86倍。", "growth", 1),
    ("产量为上年的1.5倍。", "ratio", 1),
    ("新增5家企业。", "count", 1),
    ("粮食产量达到1.37万亿斤。", "level", 1),
]


@pytest.mark.parametrize(("sentence", "measure", "_"), MEASURES)
def test_measure_from_the_words(sentence, measure, _):
    (s,) = suggest(sentence)
    assert s.measure == measure


def test_a_fall_in_level_is_a_negative_change():
    (s,) = suggest("贫困人口减少1000万人。")
    assert (s.value, s.base_value, s.measure) == (-1000, -1e7, "change")


def test_two_year_average_covers_both_years():
    from datetime import date

    (s,) = suggest("2021年，工业增加值两年平均增长6.6%。", doc_date=date(2022, 1, 17))
    assert (s.period_start, s.period_end) == (date(2020, 1, 1), date(2021, 12, 31))


# --- round trips: value → written form → value ------------------------------------------

_CAPITAL = "零壹贰叁肆伍陆柒捌玖"
_TRADITIONAL = "零一兩參四五陸七八九"


def _write(n: int, digits: str, units: tuple[str, str, str, str, str]) -> str:
    """n written the standard way with the given digits and units (十 百 千 万 亿): one 零
    for a gap, 零 before a group below a thousand that follows a higher one."""
    ten, hundred, thousand, wan, yi = units

    def below_10k(x: int) -> str:
        out, zero = "", False
        for value, name in ((1000, thousand), (100, hundred), (10, ten), (1, "")):
            d = x // value % 10
            if d:
                out += (digits[0] if zero else "") + digits[d] + name
                zero = False
            elif out:
                zero = True
        return out

    high, rest = divmod(n, 10**8)
    text, gap = "", False
    for x, name in ((high, yi), (rest // 10**4, wan), (rest % 10**4, "")):
        if x == 0:
            gap = bool(text)
            continue
        if text and (gap or x < 1000):
            text += digits[0]
        text += below_10k(x) + name
        gap = False
    return text


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_capital_numerals_round_trip(n):
    written = _write(n, _CAPITAL, ("拾", "佰", "仟", "万", "亿"))
    assert parse_number(written) == n, written


@given(st.integers(min_value=1, max_value=999_999_999_999))
def test_traditional_numerals_round_trip(n):
    written = _write(n, _TRADITIONAL, ("十", "百", "千", "萬", "億"))
    assert parse_number(written) == n, written


@given(st.integers(min_value=1, max_value=999_999_999_999))
@example(6)  # 陆元: 陆 also writes 大陆
@example(60_001)  # 陆万零壹: never 万零壹
@example(660_000_000)  # 陆亿陆仟陆佰万
def test_capital_amounts_are_suggested_back(n):
    written = _write(n, _CAPITAL, ("拾", "佰", "仟", "万", "亿"))
    (s,) = suggest(f"合同金额人民币{written}元整。")
    assert s.base_value == n and s.base_unit == "元", written
