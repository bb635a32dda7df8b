"""Suggest indicator values in a document: number, unit, qualifier, measure, period, name.

The suggester proposes; people decide. It aims to find every value mention a staff member
would enter (years, ordinals, model codes and names with numbers are not values) and to fill
the fields around it so that most suggestions are accepted without edits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from indicite.core import units as U
from indicite.core.kinds import kind_at
from indicite.core.names import clean_name
from indicite.core.numbers import (
    ARABIC_RE,
    CN_DIGITS,
    MAGNITUDES,
    NumberError,
    fold_width,
    is_cn_digit_string,
    parse_chinese,
    parse_number,
    split_magnitude,
)
from indicite.core.periods import PERIOD_RE, Period, resolve_match
from indicite.core.tables import Table


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One value mention; `text == document[start:end]` (code-point offsets)."""

    start: int
    end: int
    text: str
    value: float
    unit: str
    base_value: float
    base_unit: str
    qualifier: str = "eq"
    measure: str = "other"
    period_label: str = ""
    period_start: date | None = None
    period_end: date | None = None
    indicator: str = ""
    subject: str = ""
    value_text: str = ""
    value_high: float | None = None
    base_value_high: float | None = None
    # A table cell's place (core/tables.py): table number, row and column labels; else 0/"".
    table: int = 0
    row_label: str = ""
    column_label: str = ""
    note: str = ""  # what was guessed, e.g. an inferred table's uncertain structure
    kind: str = "actual"

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON types only: dates as ISO strings, whole numbers as int."""
        d = {name: getattr(self, name) for name in _FIELD_NAMES}
        for key in ("period_start", "period_end"):
            d[key] = d[key].isoformat() if d[key] else None
        for key in ("value", "base_value", "value_high", "base_value_high"):
            v = d[key]
            if v is not None and float(v).is_integer() and abs(v) < 1e18:
                d[key] = int(v)
        return d


_FIELD_NAMES = tuple(f.name for f in fields(Suggestion))

# --- grammar --------------------------------------------------------------------------

# Capital numerals (壹佰贰拾) read like everyday ones; 陆/陸/參 also write 大陆, 參加, so a run
# starts with them only before 拾/佰/仟 or an amount of money (陆万元, not 大陆元首).
# Traditional 萬億兩 are folded by fold_width.
_CN_CAPS = "壹贰貳叁肆伍柒捌玖拾佰仟"
_CN_START = f"[零〇○一二两三四五六七八九十百千万亿{_CN_CAPS}]"
_CN_CHAR = f"(?:[零〇○一二两三四五六七八九十百万亿兆陆陸參{_CN_CAPS}]|千(?![米克瓦伏]))"
_CN_LU = (
    f"[陆陸參](?=[拾佰仟]|[万亿][零陆陸{_CN_CAPS}元]|元(?![首素旦年宇]))"
    "|參(?=[十百千万亿])"  # 參 starts no word before a numeral (參加, 參與 do not)
)
_CN_RUN = f"(?:{_CN_LU}|{_CN_START})(?: ?{_CN_CHAR}|[余多](?=[万亿]))+"
_CN_NUM = "[零〇○一二两三四五六七八九十百千]+(?:点[零〇○一二三四五六七八九]+)?"
_PRE = {
    "不超过": "le", "不高于": "le", "不低于": "ge", "不少于": "ge", "不到": "lt", "不足": "lt",
    "超过": "gt", "超出": "gt", "超": "gt", "逾": "gt", "突破": "gt", "多于": "gt",
    "至少": "ge", "最少": "ge", "最多": "le",
    "大约": "approx", "约为": "approx", "约": "approx", "接近": "approx", "将近": "approx",
    "近": "approx",
}  # fmt: skip
_POST = {"以上": "ge", "以下": "le", "左右": "approx", "以内": "le", "上下": "approx"}
_MAGS = "万亿|千万|百万|十万|万|亿|兆(?![瓦帕赫焦伏欧字比])|千(?![米克瓦伏])"

MENTION_RE = re.compile(
    rf"(?P<pre>{U.alternation(list(_PRE))})?"
    r"(?P<sign>[-+]|负|零下)?"
    r"(?P<num>"
    rf"百分之(?P<pcn>{_CN_NUM})"
    rf"|(?P<fden>[一二两三四五六七八九十百千万]+)分之(?P<fnum>{_CN_NUM})"
    r"|(?P<half>(?<![另这那])一半)(?=以上|以下|左右|多|[，。；、,;])"
    r"|(?P<cheng>[一二两三四五六七八九1-9])成(?:(?![\u4e00-\u9fff])|(?=以上|以下|左右|多|的|是|为|来自|之))"
    r"|(?P<mix>\d+(?:\.\d+)? ?[万亿千百](?: ?\d+ ?[万亿千百十])+(?:[余多]?[万亿])?)"
    r"|(?P<fa>\d{1,3})/(?P<fb>\d{1,3})(?![\d/])"
    r"|(?P<ra>\d+(?:\.\d+)?):(?P<rb>1(?:\.0+)?)(?![\d.:])"
    rf"|(?P<ar>{ARABIC_RE})"
    rf"|(?P<cn>{_CN_RUN}(?:点[零〇○一二三四五六七八九]+)?"
    r"|[零〇○一二两三四五六七八九]点[零〇○一二三四五六七八九]+|[一二两三四五六七八九十](?=倍|个百分点|个基点)"
    r"|[十百千万亿](?=[余多几])|(?<=[超逾近约破过足])[十百千万亿]|[壹贰貳叁肆伍陆陸柒捌玖](?=[万亿]?元(?![首素旦年宇])))"
    r")"
    r"(?P<gap>[ \t\u3000\n]{0,4})"
    r"(?P<yu1>余|多|几)?"
    rf"(?P<mag>{_MAGS})?"
    r"(?P<yu2>余|多)?"
    rf"(?P<unit>{U.alternation(U.ALL_UNITS + U.REJECT_UNITS)})?"
    rf"(?P<post>{U.alternation(list(_POST))})?"
)

# Every mention starts with one of these characters (a digit, a numeral, a sign or the first
# character of a qualifier word such as 超过, 约, 不低于).
_ANCHOR_RE = re.compile(
    f"[0-9+\\-{''.join(sorted({w[0] for w in _PRE} | set('负零陆陸參兆' + _CN_CAPS)))}"
    "〇○一二两三四五六七八九十百千万亿]+"
)


def _mentions(ft: str) -> list[re.Match[str]]:
    """What ``MENTION_RE.finditer(ft)`` finds, trying a match only where one can start.

    A scan over every character with optional groups in front costs 0.2 s on a 3 MB report;
    the runs of possible first characters are found in C and only their positions are tried.
    """
    out = []
    match = MENTION_RE.match
    tried = 0
    for run in _ANCHOR_RE.finditer(ft):
        pos, end = max(run.start(), tried), run.end()
        while pos < end:
            m = match(ft, pos)
            if m is None:
                pos += 1
            else:
                out.append(m)
                pos = m.end()
        tried = max(tried, pos)
    return out


# 万元 that starts a name (万元工业增加值用水量) is not a magnitude and unit of the number before.
_WANYUAN_NAME = re.compile(r"(?:工业|单位)?(?:增加值|GDP|地区生产总值|国内生产总值|生产总值|产值)")
# 负 that ends a word (税负, 减负, 胜负…) is no minus sign.
_NOT_SIGN_AFTER = set("税正胜抱自欺担辜肩重减不")
_BIG_MAG_ONLY = {"万", "亿", "万亿", "千万", "百万", "十万"}
_DIR_RE = re.compile(r"(下降|减少|降低|回落|下滑|下跌|缩减|减|降|跌)(了|幅为|幅达)?$")
_GROWTH_RE = re.compile(
    r"(?:(?:增长|下降|提高|增加|减少|上升|回落|降低|上涨|下跌|收窄|扩大|回升|下滑|压减|压缩|缩减"
    r"|增|降|涨|跌|减|提升)了?"
    r"|(?:增速|增幅|涨幅|跌幅|降幅)(?:分别)?(?:为|达到|达|是)?)$"
)
# 约 in 条约/节约, 近 in 最近/附近 are words, not qualifiers.
_PRE_WORDS = {
    "约": set("条节制合预签公契隐"),
    "约为": set("条节制合预签公契隐"),
    "近": set("最附临邻靠贴亲"),
}
_SHARE_RE = re.compile(r"占|比重|份额|比例|占比")
_INDEX_RE = re.compile(r"指数|PMI|CPI|PPI|水平")
_BARE_VERB_RE = re.compile(r"(?:为|达到|达|是|至|到)$")
_LIST_SEPS = {"、", "和", "及", "与", "或", "、和"}
_BARE_AFTER = set("，。；、,;）)\n：:") | {""}

_PROVINCES = [
    "北京",
    "天津",
    "上海",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "台湾",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
    "京津冀",
    "长三角",
    "粤港澳大湾区",
    "深圳",
    "广州",
    "青岛",
    "大连",
    "宁波",
    "厦门",
    "武汉",
    "成都",
    "西安",
    "南京",
    "杭州",
    "苏州",
]
_PLACE_RE = re.compile(
    rf"(?P<nat>全国|我国|中国)|(?P<glob>全球)|(?P<own>全市|全省|本市|本省|我市|我省|全区)"
    rf"|(?P<place>{U.alternation(_PROVINCES)})"
)
_SENT_RE = re.compile(r"[。！？；!?;]|\n")
_CLAUSE_RE = re.compile(r"[，,：:。！？；!?;（）()]|\n")
_LEAD_RE = re.compile(
    r"^(?:其中|同时|并且|并|且|而且|而|但|和|及|以及|其|另外|此外|全市|全省|全国|我国|我市|我省|本市"
    r"|全年|今年|当年|预计|初步核算|据统计)+"
)
_TRAIL_RE = re.compile(
    r"(?:同比|环比|比上年|较上年|比上月|较上月|比去年|年均|平均每年|分别|累计|共|总数|总量|合计)?"
    r"(?:增长|下降|提高到|提高至|提高|提升至|提升到|提升|上升|升至|降至|降低|减少|增加|新增|达到|达"
    r"|为|是|实现|完成|超过|突破|占|有|约|近|到|至|比|较|收窄|扩大|回落|稳定在|保持在|保持)*$"
)
_FOLLOW_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9“”\"]{1,24}")
_VERB_ONLY_RE = re.compile(
    r"^(?:新|累计|共|再|先后|分别|已|还|另)?(?:增|认定|培育|建成|建设|推出|入选|获批|创建|引进"
    r"|支持|带动|服务|为|开展|实施|组织|举办|推广|培育认定|复评)*$"
)


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    num_end: int
    value: float
    mag: str
    unit: str
    qualifier: str
    kind: str
    negative: bool
    bare: bool
    dir_start: int
    measure: str = ""
    indicator: str = ""
    value_high: float | None = None


def _qualifier(
    m: re.Match[str], prev: str, joined: bool = True, more: bool = False, about: bool = False
) -> str:
    """post (以上) before pre (超过) before 余/多/几 inside or after the number, then 四五万
    (``about``)."""
    post = m.group("post")
    if post and joined:
        return _POST[post]
    pre = m.group("pre")
    if pre and prev not in _PRE_WORDS.get(pre, ()):
        return _PRE[pre]
    if more or (joined and (m.group("yu1") or m.group("yu2"))):
        return "gt"
    return "approx" if about else "eq"


def _joins_next_line(ft: str, m: re.Match[str]) -> bool:
    """Whether a unit on the next line belongs to the number that ends this line (7 / 个项目).

    Not when the number stands alone on its line (a heading, PM / 2.5), sits in a table row or
    after Latin letters, when the next line is a date or duration, or when the unit character
    starts an ordinary word there (7 / 人工智能).
    """
    line_start = ft.rfind("\n", 0, m.start()) + 1
    head = ft[line_start : m.start()].strip()
    if not head or "\t" in head or (head[-1].isascii() and head[-1].isalnum()):
        return False
    tail_start = m.end("gap")
    tail = ft[tail_start : m.end()]
    if not tail or U.unit_kind(m.group("unit") or "") == "reject":
        return False
    return not any(ft.startswith(w, tail_start) for w in U.UNIT_LEADING_WORDS)


_DIGIT_RE = re.compile(r"\d")


class _Read(NamedTuple):
    kind: str
    value: float
    mag: str
    high: float | None = None


_PAIR_RE = re.compile("([一二两三四五六七八九])([二三四五六七八九])([十百千]?)")
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000, "": 1}


def _pair(head: str) -> tuple[float, float] | None:
    """四五万, 两三个, 二三十万, 三五个: two neighbouring digits say "about this to that"."""
    m = _PAIR_RE.fullmatch(head)
    if m is None:
        return None
    low, high = CN_DIGITS[m[1]], CN_DIGITS[m[2]]
    if high != low + 1 and (low, high) != (3, 5):
        return None
    unit = _SMALL_UNITS[m[3]]
    return low * unit, high * unit


def _more(kind: str, numeral: str) -> str:
    """二十五亿七千多万, 1亿3千余万: 余/多 inside a numeral make the value a floor."""
    return kind + "_approx" if "余" in numeral or "多" in numeral else kind


def _value(m: re.Match[str]) -> _Read | None:
    """The published value and the magnitude inside a Chinese numeral; None if not a value."""
    if (ar := m.group("ar")) is not None:
        # ARABIC_RE matched it in folded text: only separators and spaces to drop
        return _Read("ar", float(ar.replace(",", "").replace(" ", "")), "")
    if (cn := m.group("cn")) is not None:
        cn = "".join(cn.split())
        head, mag = split_magnitude(cn)
        if (pair := _pair(head)) is not None:
            return _Read("cn_pair", pair[0], mag, pair[1])
        if is_cn_digit_string(cn):
            return None
        qualified = m.group("pre") or m.group("yu1") or m.group("yu2")
        if len(cn) > 1 and all(c in "十百千万亿兆拾佰仟" for c in cn) and not qualified:
            return None  # 千万家庭, 亿万人民: idioms, not amounts
        few = m.group("yu1") == "几"
        if (few and cn[-1] not in "十零") or (not few and cn[-1] == "零"):
            return None  # 二十几万 and 一百零几万 only; 一百零 alone is no number
        if cn in _BIG_MAG_ONLY:
            return _Read("cn", 1.0, cn)
        if _DIGIT_RE.search(head):
            raise NumberError(head)
        return _Read(_more("cn", head), parse_number(head), mag)
    if (mix := m.group("mix")) is not None:
        return _Read(_more("mix", mix), parse_number(mix), "")
    if (pcn := m.group("pcn")) is not None:
        return _Read("pct", parse_chinese(pcn), "")
    if m.group("half") is not None:
        return _Read("pct", 50.0, "")  # 超过一半, 一半以上: a share of 50 %
    if (cheng := m.group("cheng")) is not None:
        return _Read("pct", parse_number(cheng + "成"), "")
    if (fnum := m.group("fnum")) is not None:
        if m.group("fden") == "千":
            return _Read("permille", parse_chinese(fnum), "")
        den = parse_chinese(m.group("fden"))
        return _Read("frac", parse_chinese(fnum) / den, "") if den else None
    if (fa := m.group("fa")) is not None:
        a, b = int(fa), int(m.group("fb"))
        return _Read("frac", a / b, "") if 0 < a < b <= 100 else None
    return _Read("ratio", float(m.group("ra")) / float(m.group("rb")), "")


def _candidate(ft: str, m: re.Match[str]) -> _Cand | None:
    """Decide whether one grammar match is a value mention; None for dates, codes, names."""
    ns, ne = m.span("num")
    start = m.start()
    prev = ft[start - 1] if start else ""
    pre = m.group("pre")
    if pre and prev in _PRE_WORDS.get(pre, ()):
        start = m.start("sign") if m.group("sign") else ns
    if prev == "第" or (prev and prev.isascii() and (prev.isalnum() or prev in "._-/")):
        return None
    if prev in ("几", "数") and ns == start and ft[ns] in "十百千万亿":
        return None  # 几十万, 数百万: no value
    if prev and prev in "陆陸參" and ft[ns] in "十百千万亿兆":
        return None  # 大陆万人; and never 万零壹 out of 陆万零壹
    sign = m.group("sign")
    if sign == "负" and prev and prev in _NOT_SIGN_AFTER:
        sign, start = "", ns  # 税负5700亿元: 负 ends a word
    try:
        parsed = _value(m)
    except (NumberError, ZeroDivisionError):
        return None
    if parsed is None:
        return None
    kind, value, cn_mag, high = parsed
    approx = kind.endswith("_approx")
    pair = kind == "cn_pair"  # 四五万: about 4万 to 5万
    kind = kind.removesuffix("_approx").removesuffix("_pair")
    unit = m.group("unit") or ""
    mag = m.group("mag") or ""
    end = m.end()
    joined = "\n" not in m.group("gap") or _joins_next_line(ft, m)
    if not joined:
        unit, mag, end = "", "", ne
    if kind in ("pct", "permille", "frac", "ratio"):
        unit = {"pct": "%", "permille": "‰"}.get(kind, "")
        mag = ""
        post = m.group("post")
        end = m.end("yu1") if m.group("yu1") and m.start("yu1") == ne else ne  # 三成多
        end += len(post) if post and m.start("post") == end else 0
    else:
        if kind == "cn":
            mag = cn_mag or mag
            if (
                "兆" in mag + m.group("cn")
                and m.end() < len(ft)
                and ft[m.end()] in "瓦帕赫焦伏欧字比"
            ):
                return None  # 五兆瓦 is 5 megawatts, not 5 trillion
            if not unit and not cn_mag:
                return None  # bare Chinese numerals are words (一二, 十四五 parsed away above)
        if U.unit_kind(unit) == "reject" and not _duration_value(ft, m, unit, value):
            return None
        if unit and U.weak_unit(unit) and kind != "ar":
            return None
        if mag == "万" and unit == "元" and _WANYUAN_NAME.match(ft, m.end("unit")):
            mag, unit, end = "", "", ne
        if not unit and not mag:
            end = ne
            nxt = ft[ne] if ne < len(ft) else ""
            if nxt.isascii() and nxt.isalpha():
                return None  # 5G, 3D, D3000M
        elif unit and not unit.isascii():
            nxt = ft[end] if end < len(ft) else ""
            if nxt.isascii() and nxt.isalpha() and not m.group("post"):
                return None
        elif kind == "ar" and not unit:
            nxt = ft[end] if end < len(ft) else ""
            if nxt.isascii() and nxt.isalpha():
                return None
    while end > ns and ft[end - 1].isspace():
        end -= 1
    negative = (sign == "-" and not prev.isdigit()) or sign in ("负", "零下")
    if sign and not negative:
        start = m.start("num") if not m.group("pre") else start
    return _Cand(
        start=start,
        end=end,
        num_end=ne,
        value=value,
        mag=mag,
        unit=unit,
        qualifier=_qualifier(m, prev, joined, approx, pair),
        kind=kind,
        negative=negative,
        bare=not unit and not mag and kind in ("ar", "cn"),
        dir_start=start,
        value_high=high,
    )


_DURATION_UNITS = {"年", "岁", "个月", "天", "小时", "分钟", "秒"}
_DURATION_CLAUSE = re.compile(r"寿命|年限|年龄|时长|天数|时间|工作日")


def _duration_value(ft: str, m: re.Match[str], unit: str, value: float) -> bool:
    """13.5年 of schooling, 78.2岁 of life: a duration is a value when the clause says so."""
    if unit not in _DURATION_UNITS or value >= 200:
        return False
    if "." in (m.group("ar") or ""):
        return True
    return bool(_DURATION_CLAUSE.search(ft, max(0, m.start() - 16), m.start()))


def _propagate_units(ft: str, cands: list[_Cand]) -> None:
    """2.0个、0.7个和0.6个百分点: earlier list members take the unit written once at the end."""
    for i in range(len(cands) - 2, -1, -1):
        a, b = cands[i], cands[i + 1]
        if ft[a.end : b.start].strip() not in _LIST_SEPS:
            continue
        pub_a, pub_b = a.mag + a.unit, b.mag + b.unit
        if pub_a != pub_b and pub_b.startswith(pub_a) and b.unit:
            a.mag, a.unit, a.bare = b.mag, b.unit, False


_RANGE_SEP_RE = re.compile(r"\s*(?:[—–~\-]{1,2}|至|到)\s*")
_FROM_RE = re.compile(r"[从由]\s*$")


def _merge_ranges(ft: str, cands: list[_Cand]) -> list[_Cand]:
    """7.0%—7.5%, 3—5倍, 5%到6%, 2万至3万元: one candidate with a low and a high value.

    The second number's magnitude and unit apply to a first written without them. Not a range:
    从5%到6% (a change), numbers in descending order, or a second number that is no value.
    """
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None and _is_range(ft, a, b):
            out.append(_range_of(a, b))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _is_range(ft: str, a: _Cand, b: _Cand) -> bool:
    if b.bare or a.kind not in ("ar", "cn", "mix", "pct") or b.kind != a.kind:
        return False
    if a.value_high is not None or b.value_high is not None:
        return False
    sep = ft[a.end : b.start]
    dash_sign = not sep and b.negative and ft.startswith("-", b.start)
    if not (dash_sign or _RANGE_SEP_RE.fullmatch(sep)) or "\n" in sep:
        return False
    if sep.strip() in ("至", "到") and _FROM_RE.search(ft, max(0, a.start - 3), a.start):
        return False
    if a.negative or (b.negative and not dash_sign):
        return False
    if not (a.bare or (a.mag, a.unit) == (b.mag, b.unit) or (a.unit == "" and a.mag == b.mag)):
        return False
    return a.value < b.value


def _range_of(a: _Cand, b: _Cand) -> _Cand:
    return _Cand(
        start=a.start,
        end=b.end,
        num_end=b.num_end,
        value=a.value,
        mag=b.mag,
        unit=b.unit,
        qualifier=a.qualifier if a.qualifier != "eq" else b.qualifier,
        kind=b.kind,
        negative=False,
        bare=False,
        dir_start=a.start,
        value_high=b.value,
    )


def _keep_bare(ft: str, c: _Cand) -> bool:
    """A bare number is a value only as a verb's object at the end of a clause (水平达到65，)."""
    if c.kind != "ar":
        return False
    if c.value.is_integer() and 1900 <= c.value <= 2100:
        return False
    nxt = ft[c.end] if c.end < len(ft) else ""
    if nxt not in _BARE_AFTER:
        return False
    return bool(_BARE_VERB_RE.search(ft, max(0, c.start - 3), c.start))


# 三次产业比为3.9：59.5：36.6, 粮经饲比例达到87：9：4: every part is a value.
_RATIO_CHAIN_RE = re.compile(r"\d(?<![\d.:]\d)\d*(?:\.\d+)?(?::\d+(?:\.\d+)?)+(?![\d.:])")
_RATIO_WORD_RE = re.compile(r"比(?:例|重|值)?(?:为|是|达到|达|由|从|调整为|缩小到|缩小至)?$")


def _mark_ratio_parts(ft: str, cands: list[_Cand]) -> None:
    """Bare numbers joined by colons after 比/比例/比重 are the parts of a ratio, not clutter."""
    spans = [
        m.span()
        for m in _RATIO_CHAIN_RE.finditer(ft)
        if _RATIO_WORD_RE.search(ft, max(0, m.start() - 6), m.start())
    ]
    for c in cands:
        if c.bare and any(s <= c.start and c.end <= e for s, e in spans):
            c.bare, c.kind = False, "ratio"


# 增速与一季度持平, 与上年基本持平: no change, a value of zero (保持平衡 is not one).
_FLAT_RE = re.compile(r"持平(?![衡稳])")  # a literal first: the scan runs in C
_FLAT_APPROX = ("基本", "大体", "总体")
_FLAT_BASE_RE = re.compile(r"[与和同跟较比]")
_RATE_WORDS_RE = re.compile(r"增速|增幅|降幅|速度|增长率|涨幅|跌幅")


def _flat_mentions(ft: str) -> list[_Cand]:
    """持平 compared with something in the same clause: growth 0%, or 0 points for a rate."""
    out = []
    for m in _FLAT_RE.finditer(ft):
        start = m.start()
        approx = ft[start - 2 : start] in _FLAT_APPROX
        start -= 2 if approx else 0
        if start and ft[start - 1] in "保维":
            continue
        cs = max(ft.rfind(ch, max(0, start - 200), start) for ch in "，,。；;：:\n")
        clause = ft[cs + 1 : start]
        if not _FLAT_BASE_RE.search(clause):
            continue
        points = bool(_RATE_WORDS_RE.search(clause))
        out.append(
            _Cand(
                start=start,
                end=m.end(),
                num_end=m.end(),
                value=0.0,
                mag="",
                unit="个百分点" if points else "%",
                qualifier="approx" if approx else "eq",
                kind="flat",
                negative=False,
                bare=False,
                dir_start=start,
                measure="change_pp" if points else ("growth_yoy" if "同" in clause else "growth"),
            )
        )
    return out


# --- fields around the value -----------------------------------------------------------


# 比上年增加177.6亿斤, 减少1000万人: a change in the level (新增5家 counts new ones).
_CHANGE_RE = re.compile(
    r"(?<![新])(?:增加|减少|增长|下降|提高|降低|上升|回落|扩大|缩小|压减|缩减|净增|净减|增|减)了?$"
)
# 年均增长, 平均每年增长, 两年平均增长: an average growth per year over a span of years.
_AVG_RE = re.compile(
    r"(?:(?P<years>[两二三四五六七八九十]|\d{1,2})年)?(?:年均|平均每年|(?<=年)平均)"
    r"(?:增长|增速|下降|提高|增幅|降低|上升)"
)


def _growth(clause: str, sentence: str) -> str:
    if _AVG_RE.search(clause):
        return "growth_avg"
    return "growth_yoy" if "同比" in sentence else "growth"


def avg_span_years(clause: str) -> int:
    """The span of 两年平均增长 (2), 五年年均增长 (5); 1 when no span is written."""
    m = _AVG_RE.search(clause)
    if m is None or not m.group("years"):
        return 1
    years = m.group("years")
    return int(years) if years.isdigit() else int(parse_chinese(years))


def _measure(c: _Cand, clause: str, sentence: str, kind: str) -> str:
    if c.bare:
        return "index"
    if kind == "point":
        return "change_pp"
    if c.kind == "frac" and _SHARE_RE.search(clause):
        return "share"
    if kind == "ratio" and _GROWTH_RE.search(clause):
        return _growth(clause, sentence)  # 增长1.86倍: a growth of 186 %
    if c.kind in ("frac", "ratio") or kind == "ratio":
        return "ratio"
    if kind == "percent" or c.kind == "pct":
        if _GROWTH_RE.search(clause):
            return _growth(clause, sentence)
        if _SHARE_RE.search(clause):
            return "share"
        if _INDEX_RE.search(clause[-8:]):
            return "index"
        return "rate"
    if (kind in ("count", "money", "physical") or c.mag) and _CHANGE_RE.search(clause):
        return "change"
    if kind == "count":
        return "count"
    if kind in ("money", "physical"):
        return "level"
    return "count" if c.mag else "other"


def _indicator(ft: str, c: _Cand, clause: str, clause_end: int) -> str:
    """The phrase the value belongs to: words before it, or the noun after it (新增5家X)."""
    stem = PERIOD_RE.sub("", clause)
    stem = _LEAD_RE.sub("", stem)
    stem = _PLACE_RE.sub("", stem) if len(stem) > 2 else stem
    core = _TRAIL_RE.sub("", stem)
    if len(core) >= 2 and not _VERB_ONLY_RE.match(core):
        return core[-24:]
    follow = _FOLLOW_RE.match(ft, c.end, clause_end)
    if follow and c.unit and U.unit_kind(c.unit) in ("count", "physical", "money"):
        lead = stem if len(stem) <= 4 else core  # keep 新增 in 新增5家X
        return (lead + follow.group(0).strip('“”"'))[-24:]
    return core


class _Context:
    """Sentence and clause boundaries of the document, found once and looked up by bisect."""

    def __init__(self, ft: str) -> None:
        self.ft = ft
        self.sent = [0]
        line_start = 0
        for m in _SENT_RE.finditer(ft):
            if m.group() == "\n":
                line = ft[line_start : m.start()].strip()
                line_start = m.end()
                # A line is a unit of its own only when it ends a sentence or is a heading;
                # a long line broken mid-sentence (PDF page break) continues.
                if not line or (line[-1] not in "。！？；：!?;:" and len(line) >= 40):
                    continue
            self.sent.append(m.end())
        self.clause = [0, *(m.end() for m in _CLAUSE_RE.finditer(ft))]
        self.periods: dict[int, list[re.Match[str]]] = {}
        self.places: dict[int, list[re.Match[str]]] = {}

    def sentence_start(self, pos: int) -> int:
        return max(self.sent[bisect_right(self.sent, pos) - 1], pos - 160)

    def clause_span(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.clause, pos)
        start = max(self.clause[i - 1], pos - 60)
        end = self.clause[i] - 1 if i < len(self.clause) else len(self.ft)
        return start, end

    def last_in(
        self, cache: dict[int, list[re.Match[str]]], rx: re.Pattern[str], s: int, pos: int
    ) -> re.Match[str] | None:
        found = cache.get(s)
        if found is None:
            i = bisect_right(self.sent, pos)
            e = self.sent[i] if i < len(self.sent) else len(self.ft)
            found = cache[s] = list(rx.finditer(self.ft, s, e))
        last = None
        for m in found:
            if m.end() > pos:
                break
            last = m
        return last


def _subject(m: re.Match[str] | None, default: str) -> str:
    if m is None or m.group("own"):
        return default
    if m.group("nat"):
        return "全国"
    if m.group("glob"):
        return "全球"
    return m.group("place")


def suggest(
    text: str,
    *,
    doc_date: date | None = None,
    subject: str = "",
    tables: list[Table] | None = None,
) -> list[Suggestion]:
    """Every value mention in `text`, in order, with its fields filled in as far as we can.

    Numbers inside ``tables`` (inferred from the text when None) are read by their headers.
    """
    # table_suggest builds Suggestions, so it is imported here rather than at the top.
    from indicite.core.table_infer import infer_tables
    from indicite.core.table_suggest import owned_spans, table_suggestions

    if tables is None:
        tables = infer_tables(text)
    ft = fold_width(text)
    owned = owned_spans(text, tables)  # headers, stubs and value cells: read by the tables
    owned_starts = [a for a, _ in owned]

    def in_table(pos: int) -> bool:
        i = bisect_right(owned_starts, pos) - 1
        return i >= 0 and pos < owned[i][1]

    cands: list[_Cand] = []
    for m in _mentions(ft):
        c = _candidate(ft, m)
        if c is not None and not in_table(c.start):
            cands.append(c)
    _propagate_units(ft, cands)
    _mark_ratio_parts(ft, cands)
    cands = _merge_ranges(ft, cands)
    flat = [c for c in _flat_mentions(ft) if not in_table(c.start)]
    cands = sorted(cands + flat, key=lambda c: c.start)
    ctx = _Context(ft)
    out: list[Suggestion] = []
    prev: Suggestion | None = None
    prev_cand: _Cand | None = None
    for c in cands:
        if c.bare and not _keep_bare(ft, c):
            continue
        out_s = _build(ft, text, ctx, c, doc_date, subject, prev, prev_cand)
        out.append(out_s)
        prev, prev_cand = out_s, c
    cells = table_suggestions(text, tables, doc_date=doc_date, subject=subject)
    return sorted(out + cells, key=lambda s: s.start)


def _build(
    ft: str,
    text: str,
    ctx: _Context,
    c: _Cand,
    doc_date: date | None,
    subject: str,
    prev: Suggestion | None,
    prev_cand: _Cand | None,
) -> Suggestion:
    kind = U.unit_kind(c.unit)
    cs, ce = ctx.clause_span(c.start)
    clause = "".join(ft[cs : c.start].split())
    ss = ctx.sentence_start(c.start)
    sentence = ft[ss : c.start]
    in_list = (
        prev is not None
        and prev_cand is not None
        and ft[prev_cand.end : c.start].strip() in _LIST_SEPS
    )
    negative = c.negative
    dir_start = c.start
    if in_list and prev is not None:
        measure = prev.measure
        indicator = prev.indicator
    else:
        measure = c.measure or _measure(c, clause, sentence, kind)
        indicator = c.indicator or _indicator(ft, c, clause, ce)
        if not indicator and prev is not None and ctx.sentence_start(prev.start) == ss:
            indicator = prev.indicator
    signed = kind in ("percent", "point") or c.kind == "pct" or measure == "change"
    if signed and (d := _DIR_RE.search(clause)):
        negative = True
        dir_start = max(cs, c.start - len(d.group(0)))
        while dir_start < c.start and ft[dir_start : dir_start + 1] != d.group(0)[0]:
            dir_start += 1
    if in_list and prev is not None:
        negative = negative or (signed and prev.value < 0)
    pm = ctx.last_in(ctx.periods, PERIOD_RE, ss, c.start)
    period = resolve_match(pm, doc_date, text) if pm else Period("", None, None)
    if measure == "growth_avg" and period.start and (years := avg_span_years(clause)) > 1:
        # 2021年两年平均增长: the growth averages over 2020–2021, the span the figure covers.
        period = Period(
            period.label, period.start.replace(year=period.start.year - years + 1), period.end
        )
    place = ctx.last_in(ctx.places, _PLACE_RE, ss, c.start)
    mult = MAGNITUDES.get(c.mag, 1)
    value = -c.value if negative else c.value
    high = None if c.value_high is None else (-c.value_high if negative else c.value_high)
    if high is not None and high < value:
        value, high = high, value  # 下降3%—5%: from −5 to −3
    return Suggestion(
        start=c.start,
        end=c.end,
        text=text[c.start : c.end],
        value=value,
        unit=c.mag + c.unit,
        base_value=_times(value, mult),
        base_unit=U.base_unit(c.unit),
        qualifier=c.qualifier,
        measure=measure,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        indicator=clean_name(indicator),
        subject=_subject(place, subject),
        value_text="".join(text[dir_start : c.end].split()),
        value_high=high,
        base_value_high=None if high is None else _times(high, mult),
        kind=kind_at(ft, c.start, cs, ss),
    )


def _times(value: float, mult: int) -> float:
    """value × magnitude in decimal, so 115.01 亿 is exactly 11501000000."""
    return float(Decimal(repr(value)) * mult) if mult != 1 else value
