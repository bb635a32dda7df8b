"""Suggest indicator values in a document: number, unit, qualifier, measure, period, name.

The suggester proposes; people decide. It aims to find every value mention a staff member
would enter (years, ordinals, model codes and names with numbers are not values) and to fill
the fields around it so that most suggestions are accepted without edits.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from indicite.core import units as U
from indicite.core.kinds import kind_at
from indicite.core.names import clean_name
from indicite.core.numbers import (
    ARABIC_RE,
    MAGNITUDES,
    NumberError,
    fold_width,
    is_cn_digit_string,
    parse_arabic,
    parse_chinese,
    split_magnitude,
)
from indicite.core.periods import PERIOD_RE, Period, resolve_match


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
    kind: str = "actual"

    def to_json_dict(self) -> dict[str, Any]:
        """Plain JSON types only: dates as ISO strings, whole numbers as int."""
        d = asdict(self)
        for key in ("period_start", "period_end"):
            d[key] = d[key].isoformat() if d[key] else None
        for key in ("value", "base_value"):
            v = d[key]
            if float(v).is_integer() and abs(v) < 1e18:
                d[key] = int(v)
        return d


# --- grammar --------------------------------------------------------------------------

_CN_RUN = "[零〇○一二两三四五六七八九十百千万亿]"
_CN_NUM = "[零〇○一二两三四五六七八九十百千]+(?:点[零〇○一二三四五六七八九]+)?"
_PRE = {
    "不超过": "le", "不高于": "le", "不低于": "ge", "不少于": "ge", "不到": "lt", "不足": "lt",
    "超过": "gt", "超出": "gt", "超": "gt", "逾": "gt", "突破": "gt", "多于": "gt",
    "大约": "approx", "约": "approx", "接近": "approx", "将近": "approx", "近": "approx",
}  # fmt: skip
_POST = {"以上": "ge", "以下": "le", "左右": "approx", "以内": "le", "上下": "approx"}
_MAGS = "万亿|千万|百万|十万|万|亿|千(?![米克瓦伏])"

MENTION_RE = re.compile(
    rf"(?P<pre>{U.alternation(list(_PRE))})?"
    r"(?P<sign>[-+])?"
    r"(?P<num>"
    rf"百分之(?P<pcn>{_CN_NUM})"
    rf"|(?P<fden>[一二两三四五六七八九十百千万]+)分之(?P<fnum>{_CN_NUM})"
    r"|(?P<fa>\d{1,3})/(?P<fb>\d{1,3})(?![\d/])"
    r"|(?P<ra>\d+(?:\.\d+)?):(?P<rb>1(?:\.0+)?)(?![\d.:])"
    rf"|(?P<ar>{ARABIC_RE})"
    rf"|(?P<cn>{_CN_RUN}{{2,}}(?:点[零〇○一二三四五六七八九]+)?"
    r"|[十百千万亿](?=[余多])|(?<=[超逾近约破过足])[十百千万亿])"
    r")"
    r"(?P<gap>[ \t\u3000\n]{0,4})"
    r"(?P<yu1>余|多)?"
    rf"(?P<mag>{_MAGS})?"
    r"(?P<yu2>余|多)?"
    rf"(?P<unit>{U.alternation(U.ALL_UNITS + U.REJECT_UNITS)})?"
    rf"(?P<post>{U.alternation(list(_POST))})?"
)

# 万元 that starts a name (万元工业增加值用水量) is not a magnitude and unit of the number before.
_WANYUAN_NAME = re.compile(r"(?:工业|单位)?(?:增加值|GDP|地区生产总值|国内生产总值|生产总值|产值)")
_BIG_MAG_ONLY = {"万", "亿", "万亿", "千万", "百万", "十万"}
_DIR_RE = re.compile(r"(下降|减少|降低|回落|下滑|下跌|缩减|减|降|跌)(了|幅为|幅达)?$")
_GROWTH_RE = re.compile(
    r"(?:(?:增长|下降|提高|增加|减少|上升|回落|降低|上涨|下跌|收窄|扩大|回升|下滑|压减|压缩|缩减"
    r"|增|降|涨|跌|减|提升)了?"
    r"|(?:增速|增幅|涨幅|跌幅|降幅)(?:分别)?(?:为|达到|达|是)?)$"
)
# 约 in 条约/节约, 近 in 最近/附近 are words, not qualifiers.
_PRE_WORDS = {"约": set("条节制合预签公契隐"), "近": set("最附临邻靠贴亲")}
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


def _qualifier(m: re.Match[str], prev: str, joined: bool = True) -> str:
    post = m.group("post")
    if post and joined:
        return _POST[post]
    pre = m.group("pre")
    if pre and prev not in _PRE_WORDS.get(pre, ()):
        return _PRE[pre]
    if joined and (m.group("yu1") or m.group("yu2")):
        return "gt"
    return "eq"


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


def _value(m: re.Match[str]) -> tuple[str, float, str] | None:
    """(kind, published value, magnitude inside a Chinese numeral) or None if not a value."""
    if (ar := m.group("ar")) is not None:
        return "ar", parse_arabic(ar), ""
    if (cn := m.group("cn")) is not None:
        if is_cn_digit_string(cn):
            return None
        qualified = m.group("pre") or m.group("yu1") or m.group("yu2")
        if len(cn) > 1 and all(c in "十百千万亿" for c in cn) and not qualified:
            return None  # 千万家庭, 亿万人民: idioms, not amounts
        if cn in _BIG_MAG_ONLY:
            return "cn", 1.0, cn
        head, mag = split_magnitude(cn)
        return "cn", parse_chinese(head), mag
    if (pcn := m.group("pcn")) is not None:
        return "pct", parse_chinese(pcn), ""
    if (fnum := m.group("fnum")) is not None:
        den = parse_chinese(m.group("fden"))
        return ("frac", parse_chinese(fnum) / den, "") if den else None
    if (fa := m.group("fa")) is not None:
        a, b = int(fa), int(m.group("fb"))
        return ("frac", a / b, "") if 0 < a < b <= 100 else None
    return "ratio", float(m.group("ra")) / float(m.group("rb")), ""


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
    try:
        parsed = _value(m)
    except (NumberError, ZeroDivisionError):
        return None
    if parsed is None:
        return None
    kind, value, cn_mag = parsed
    unit = m.group("unit") or ""
    mag = m.group("mag") or ""
    end = m.end()
    joined = "\n" not in m.group("gap") or _joins_next_line(ft, m)
    if not joined:
        unit, mag, end = "", "", ne
    if kind in ("pct", "frac", "ratio"):
        unit = "%" if kind == "pct" else ""
        mag = ""
        post = m.group("post")
        end = ne + len(post) if post and m.start("post") == ne else ne
    else:
        if kind == "cn":
            mag = cn_mag or mag
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
    sign = m.group("sign")
    negative = sign == "-" and not (prev.isdigit())
    if sign and not negative:
        start = m.start("num") if not m.group("pre") else start
    return _Cand(
        start=start,
        end=end,
        num_end=ne,
        value=value,
        mag=mag,
        unit=unit,
        qualifier=_qualifier(m, prev, joined),
        kind=kind,
        negative=negative,
        bare=not unit and not mag and kind in ("ar", "cn"),
        dir_start=start,
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
_RATIO_CHAIN_RE = re.compile(r"(?<![\d.:])\d+(?:\.\d+)?(?::\d+(?:\.\d+)?)+(?![\d.:])")
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
_FLAT_RE = re.compile(r"(?<![保维])(?P<approx>基本|大体|总体)?持平(?![衡稳])")
_FLAT_BASE_RE = re.compile(r"[与和同跟较比]")
_RATE_WORDS_RE = re.compile(r"增速|增幅|降幅|速度|增长率|涨幅|跌幅")


def _flat_mentions(ft: str) -> list[_Cand]:
    """持平 compared with something in the same clause: growth 0%, or 0 points for a rate."""
    out = []
    for m in _FLAT_RE.finditer(ft):
        cs = max(ft.rfind(ch, 0, m.start()) for ch in "，,。；;：:\n")  # the clause before 持平
        clause = ft[cs + 1 : m.start()]
        if not _FLAT_BASE_RE.search(clause):
            continue
        points = bool(_RATE_WORDS_RE.search(clause))
        out.append(
            _Cand(
                start=m.start(),
                end=m.end(),
                num_end=m.end(),
                value=0.0,
                mag="",
                unit="个百分点" if points else "%",
                qualifier="approx" if m.group("approx") else "eq",
                kind="flat",
                negative=False,
                bare=False,
                dir_start=m.start(),
                measure="change_pp" if points else ("growth_yoy" if "同" in clause else "growth"),
            )
        )
    return out


# --- tables: tab-separated rows whose units sit in the header -----------------------------

_CELL_NUM_RE = re.compile(r"[-+]?\d+(?:\.\d+)?")
_PAREN_UNIT_RE = re.compile(r"[（(]\s*(?:±\s*)?([^（）()]{1,8}?)\s*[）)]")
_UNIT_LINE_RE = re.compile(r"单\s*位\s*[:：]\s*(\S{1,8})")
_SPLIT_MAGS = ("万亿", "千万", "百万", "十万", "亿", "万")


def _split_unit(written: str) -> tuple[str, str]:
    """亿元 -> (亿, 元), 万千升 -> (万, 千升), % -> ("", %)."""
    for mag in _SPLIT_MAGS:
        if written.startswith(mag) and len(written) > len(mag):
            return mag, written[len(mag) :]
    return "", written


def _cell_unit(header: str, label: str, unit_cell: str, default: str) -> str:
    if (hm := _PAREN_UNIT_RE.search(header)) is not None:
        return "%" if "%" in hm.group(1) else hm.group(1)
    if unit_cell:
        return unit_cell
    if (lm := _PAREN_UNIT_RE.search(label)) is not None:
        return lm.group(1)
    return default


def _table_cells(ft: str) -> list[_Cand]:
    """Numbers in tab-separated rows, with the unit their header or a 单位：亿元 line names.

    Cells are matched to header names by position among non-empty cells. A number whose column
    has no unit anywhere is left out: a bare figure in a table is too often a code or a rank.
    """
    out: list[_Cand] = []
    header: list[str] = []
    default = ""
    pos = 0
    for line in ft.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if um := _UNIT_LINE_RE.search(line):
            default = um.group(1)
            continue
        if "\t" not in line:
            if line.strip() and len(line.strip()) > 30:
                header, default = [], ""  # prose: the table has ended
            continue
        cells: list[tuple[int, str]] = []
        col = line_start
        for raw in line.split("\t"):
            if raw.strip():
                cells.append((col + len(raw) - len(raw.lstrip()), raw.strip()))
            col += len(raw) + 1
        if not any(_CELL_NUM_RE.fullmatch(t) or t == "持平" for _, t in cells[1:]):
            header = [t for _, t in cells]
            continue
        label = cells[0][1]
        names = ["".join(h.split()) for h in header]
        unit_col = next((i for i, h in enumerate(names) if h == "单位"), -1)
        unit_cell = cells[unit_col][1] if 0 <= unit_col < len(cells) else ""
        for i, (start, cell) in enumerate(cells[1:], start=1):
            if not (_CELL_NUM_RE.fullmatch(cell) or cell == "持平"):
                continue
            head = header[i] if i < len(header) else ""
            written = _cell_unit(head, label, "" if "%" in head else unit_cell, default)
            if not written:
                continue
            mag, unit = _split_unit(written)
            value = 0.0 if cell == "持平" else float(cell)
            growth = "增" in head or "减" in head
            out.append(
                _Cand(
                    start=start,
                    end=start + len(cell),
                    num_end=start + len(cell),
                    value=abs(value),
                    mag=mag,
                    unit=unit,
                    qualifier="eq",
                    kind="table",
                    negative=value < 0,
                    bare=False,
                    dir_start=start,
                    measure=("growth_yoy" if "同比" in head else "growth")
                    if growth and unit == "%"
                    else ("share" if "比重" in head else ""),
                    indicator=_PAREN_UNIT_RE.sub("", label).lstrip("#").replace(" ", ""),
                )
            )
    return out


# --- fields around the value -----------------------------------------------------------


def _measure(c: _Cand, clause: str, sentence: str, kind: str) -> str:
    if c.bare:
        return "index"
    if kind == "point":
        return "change_pp"
    if c.kind in ("frac", "ratio") or kind == "ratio":
        return "ratio"
    if kind == "percent" or c.kind == "pct":
        if _GROWTH_RE.search(clause):
            return "growth_yoy" if "同比" in sentence else "growth"
        if _SHARE_RE.search(clause):
            return "share"
        if _INDEX_RE.search(clause[-8:]):
            return "index"
        return "rate"
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


def suggest(text: str, *, doc_date: date | None = None, subject: str = "") -> list[Suggestion]:
    """Every value mention in `text`, in order, with its fields filled in as far as we can."""
    ft = fold_width(text)
    table = _table_cells(ft)
    taken = {c.start for c in table}
    cands: list[_Cand] = []
    for m in MENTION_RE.finditer(ft):
        c = _candidate(ft, m)
        if c is not None and c.start not in taken:
            cands.append(c)
    _propagate_units(ft, cands)
    _mark_ratio_parts(ft, cands)
    cands = sorted(cands + table + _flat_mentions(ft), key=lambda c: c.start)
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
    return out


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
    signed = kind in ("percent", "point") or c.kind == "pct"
    if signed and (d := _DIR_RE.search(clause)):
        negative = True
        dir_start = max(cs, c.start - len(d.group(0)))
        while dir_start < c.start and ft[dir_start : dir_start + 1] != d.group(0)[0]:
            dir_start += 1
    if in_list and prev is not None:
        measure = prev.measure
        indicator = prev.indicator
        negative = negative or (signed and prev.value < 0)
    else:
        measure = c.measure or _measure(c, clause, sentence, kind)
        indicator = c.indicator or _indicator(ft, c, clause, ce)
        if not indicator and prev is not None and ctx.sentence_start(prev.start) == ss:
            indicator = prev.indicator
    pm = ctx.last_in(ctx.periods, PERIOD_RE, ss, c.start)
    period = resolve_match(pm, doc_date, text) if pm else Period("", None, None)
    place = ctx.last_in(ctx.places, _PLACE_RE, ss, c.start)
    mult = MAGNITUDES.get(c.mag, 1)
    value = -c.value if negative else c.value
    return Suggestion(
        start=c.start,
        end=c.end,
        text=text[c.start : c.end],
        value=value,
        unit=c.mag + c.unit,
        base_value=float(Decimal(repr(value)) * mult) if mult != 1 else value,
        base_unit=U.base_unit(c.unit),
        qualifier=c.qualifier,
        measure=measure,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        indicator=clean_name(indicator),
        subject=_subject(place, subject),
        value_text="".join(text[dir_start : c.end].split()),
        kind=kind_at(ft, c.start, cs, ss),
    )
