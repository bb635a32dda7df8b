"""Suggestions for the value cells of tables, their fields read from the headers.

A cell's name comes from its column headers and its row's stub (利润总额 · 采矿业), its unit and
magnitude from the nearest header that names one (1-10月（亿元）), a unit column, the stub
(大牲畜（万头）) or the table's 单位：万元 line, its measure from header words (同比增长 →
growth_yoy), its period from the header, a stub of years, or the caption. Note markers
(（注2）), row numbers, codes and years in headers are never values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from indicite.core import units as U
from indicite.core.magnitudes import split_magnitude
from indicite.core.numbers import NumberError, fold_width, parse_number
from indicite.core.periods import PERIOD_RE, Period, find_period
from indicite.core.suggest import Suggestion
from indicite.core.table_infer import is_marker_cell, is_value_cell
from indicite.core.tables import Cell, Table

_PAREN_RE = re.compile(r"[（(]\s*([^（）()]{1,12}?)\s*[）)]")
_UNIT_WORD_RE = re.compile(r"(?:计量)?单\s*位\s*[:：]?\s*(\S{1,10})")
_GROWTH_RE = re.compile(r"增长|增速|增幅|增减|涨跌|涨幅|降幅|±|比上年|比去年|同比|环比|上年同期")
_YOY_RE = re.compile(r"同比|比上年|比去年|上年同期|比上年同期")
_SHARE_RE = re.compile(r"比重|占比|构成|份额|占.{0,6}比")
_POINTS_RE = re.compile(r"百分点")
_INDEX_RE = re.compile(r"指数")
_RATE_RE = re.compile(r"率")
# Words of a header that say how a value is measured, not what it is.
_MEASURE_WORDS_RE = re.compile(
    r"(?:比上年同期|比去年同期|比上年同月|比上年|比去年|比年初|同比|环比|上年同期)?"
    r"(?:增长|增速|增幅|增减额?|增加额?|减少额?|涨跌|涨幅|降幅|[±+-])*(?:速度|率)?$"
)
# 比上年同期 names the base of a comparison, not the period of the value.
_COMPARED_RE = re.compile(r"比上年同期|比去年同期|比上年同月|比上年|比去年|比年初|上年同期")
# Column headers that only say "the value" (指标值) or "the amount": left out of names.
_GENERIC = {
    "指标值", "数值", "绝对数", "绝对值", "总量", "本期", "本年", "本月", "累计", "金额", "数量",
    "年末数", "期末数", "本期数", "本年累计", "全年", "当年", "实际", "实绩", "数据", "合计值",
    "绝对量", "规模", "总额", "计", "绝对额", "当月", "当期", "",
}  # fmt: skip
# Stub headers of a stub that names indicators; other stubs name groups (分组, 地区, 行业).
_INDICATOR_STUBS = re.compile(r"^(?:主要)?(?:指标|项目|产品|品种|名称|指标名称|产品名称|项目名称)")
_NO_VALUE_COLUMNS = re.compile(r"序号|编号|代码|代号|排名|位次|名次|行次|序|No\.?$", re.I)
_LEAD_RE = re.compile(
    r"^(?:其中\s*[:：]?|内\s*[:：]|#+|[一二三四五六七八九十]+、|\d{1,2}[.、．]|[（(]\d{1,2}[）)])+"
)
_SUB_ROW_RE = re.compile(r"#|＃|其中|内\s*[:：]")
_CHANGE_RE = re.compile(r"增减(?![率幅速])|增加额|增减额|增减量|增量|减少额")
_YEAR_HEADER_RE = re.compile(r"(?:19|20)\d{2}年?")
_DURATIONS = {"天", "日", "小时", "年", "个月", "月", "岁", "分钟", "秒"}
_PLACE_STUB = re.compile(r"^(?:全国|全省|全市|.{1,6}(?:省|市|区|县|自治区|自治州|旗|盟))$")


@dataclass(frozen=True, slots=True)
class _Header:
    """What one header cell says: name words, unit as written, measure words, period."""

    name: str
    unit: str
    measure: str
    period: str


def _squash(text: str) -> str:
    return "".join(text.split())


def _read_header(text: str) -> _Header:
    t = _squash(fold_width(text))
    unit = ""
    if (m := _PAREN_RE.search(t)) is not None:
        inside = m.group(1).replace("±", "").replace("单位:", "").replace("单位：", "")
        if _looks_like_unit(inside, in_parens=True):
            unit = "%" if "%" in inside else inside
            t = t[: m.start()] + t[m.end() :]
    if not unit and (m := _UNIT_WORD_RE.search(t)) is not None:
        unit, t = m.group(1), t[: m.start()]
    if not unit and _looks_like_unit(t):
        unit, t = t, ""
    measure = _measure_of(text)
    period = ""
    if _COMPARED_RE.search(t):
        t = _MEASURE_WORDS_RE.sub("", _COMPARED_RE.sub("", t)) if measure else t
    if _YEAR_HEADER_RE.fullmatch(t):  # years across the top: 2023 | 2024
        return _Header(name="", unit=unit, measure=measure, period=t.rstrip("年") + "年")
    if (pm := PERIOD_RE.search(t)) is not None and t[pm.end() : pm.end() + 1] not in ("末",):
        period = pm.group(0)
        t = t[: pm.start()] + t[pm.end() :]
    elif (pm := PERIOD_RE.search(t)) is not None:
        period = pm.group(0) + "末"
        t = t[: pm.start()] + t[pm.end() + 1 :]
    name = _MEASURE_WORDS_RE.sub("", t).strip("：:、·")
    if name in _GENERIC:
        name = ""
    return _Header(name=name, unit=unit, measure=measure, period=period)


def _looks_like_unit(words: str, in_parens: bool = False) -> bool:
    """万吨, 亿元, %, 万元/人; in a header's brackets also durations: （天）, （小时）."""
    w = words.strip()
    if not w or len(w) > 8:
        return False
    if in_parens and w in _DURATIONS:
        return True
    if w in ("%", "‰", "±%", "百分点", "个百分点", "倍"):
        return True
    _, rest = split_magnitude(w)
    rest = rest.split("/")[0]
    return bool(rest) and U.unit_kind(rest) in ("money", "physical", "count", "percent", "point")


def _measure_of(text: str) -> str:
    t = _squash(text)
    if _POINTS_RE.search(t):
        return "change_pp"
    if _CHANGE_RE.search(t) and "%" not in t:
        return "change"  # 增减, 比年初增加额: a difference in the row's own unit
    if _SHARE_RE.search(t):
        return "share"
    if _GROWTH_RE.search(t):
        return "growth_yoy" if _YOY_RE.search(t) or "±" in t else "growth"
    if _INDEX_RE.search(t):
        return "index"
    if _RATE_RE.search(t):
        return "rate"
    return ""


def _clean_label(label: str) -> tuple[str, str]:
    """(label, unit): 其中：国有控股企业 → 国有控股企业; 大牲畜（万头） → (大牲畜, 万头)."""
    t = _squash(label)
    unit = ""
    if (m := _PAREN_RE.search(t)) is not None and _looks_like_unit(m.group(1), in_parens=True):
        unit = m.group(1)
        t = t[: m.start()] + t[m.end() :]
    t = _LEAD_RE.sub("", t)
    return t, unit


@dataclass(frozen=True, slots=True)
class _Column:
    headers: tuple[_Header, ...]
    label: str
    skip: bool
    unit_column: bool


def _columns(table: Table, text: str) -> dict[int, _Column]:
    out = {}
    for col in range(table.n_cols):
        words = table.column_headers(col, text)
        label = " · ".join(_squash(w) for w in words)
        skip = any(_NO_VALUE_COLUMNS.search(_squash(w)) for w in words)
        unit_column = any(re.fullmatch(r"(?:计量)?单位", _squash(w)) for w in words)
        out[col] = _Column(tuple(_read_header(w) for w in words), label, skip, unit_column)
    return out


def _names_indicators(table: Table, text: str) -> bool:
    """Whether the stub names indicators (指标, 产品名称, 序号 | 指标) rather than groups."""
    heads = (table.at(0, c) for c in range(table.stub_cols)) if table.header_rows else ()
    words = "|".join(_squash(text[c.start : c.end]) for c in heads if c is not None)
    return any(_INDICATOR_STUBS.match(w) for w in words.split("|"))


def owned_spans(text: str, tables: list[Table]) -> list[tuple[int, int]]:
    """Spans the tables read themselves, sorted: header and stub cells, and body cells that
    hold a value or a note marker. Other body cells (4000.5亿元 written out) are left to the
    prose rules."""
    out = []
    for table in tables:
        for cell in table.cells:
            if cell.end <= cell.start:
                continue
            words = text[cell.start : cell.end]
            read = table.is_header(cell) or table.is_stub(cell)
            if read or is_value_cell(words) or is_marker_cell(words):
                out.append((cell.start, cell.end))
    return sorted(out)


def table_suggestions(
    text: str,
    tables: list[Table],
    *,
    doc_date: date | None = None,
    subject: str = "",
) -> list[Suggestion]:
    """A suggestion for every value cell of every table, in reading order."""
    out: list[Suggestion] = []
    for table in tables:
        out.extend(_suggest_table(text, table, doc_date, subject))
    return sorted(out, key=lambda s: s.start)


def cell_suggestion(
    text: str,
    table: Table,
    cell: Cell,
    *,
    doc_date: date | None = None,
    subject: str = "",
) -> Suggestion | None:
    """The suggestion for one cell (a selected cell fills the form with it), or None."""
    found = _suggest_table(text, table, doc_date, subject, only=cell)
    return found[0] if found else None


def _suggest_table(
    text: str, table: Table, doc_date: date | None, subject: str, only: Cell | None = None
) -> list[Suggestion]:
    columns = _columns(table, text)
    unit_cols = [c for c, info in columns.items() if info.unit_column]
    if not unit_cols:
        unit_cols = _unit_columns_by_content(table, text)
    names_are_indicators = _names_indicators(table, text)
    caption_period = find_period(table.caption, doc_date) if table.caption else None
    caption_unit = ""
    if (m := _PAREN_RE.search(table.caption)) is not None and _looks_like_unit(m.group(1)):
        caption_unit = m.group(1)
    stub_head = table.at(0, 0) if table.header_rows else None
    stub_unit = _read_header(text[stub_head.start : stub_head.end]).unit if stub_head else ""
    table_unit = table.unit or stub_unit or caption_unit  # 项目（万元）: the stub header's
    # Stored in the entry's notes, which are data for Chinese-speaking staff (like the text).
    note = f"表格结构为推断，请核对（{table.uncertain}）" if table.uncertain else ""
    out: list[Suggestion] = []
    # 大牲畜（万头） then #黄牛及肉牛 and its sibling 奶牛: sub-rows count in their parent's unit
    inherited, in_group = "", False
    last_row = table.n_rows if only is None else only.row + 1
    for row in range(table.header_rows, last_row):
        labels, row_unit = _row_labels(table, text, row, unit_cols)
        if _is_section(table, text, row):
            inherited, in_group = "", False
            continue
        sub_row = bool(_SUB_ROW_RE.match(_stub_text(table, text, row, 0)))
        in_group = sub_row or (in_group and not row_unit)
        if row_unit:
            inherited = row_unit
        elif not in_group:
            inherited = ""
        if only is not None and row != only.row:
            continue
        unit_word = next(
            (_squash(text[u.start : u.end]) for c in unit_cols if (u := table.at(row, c))), ""
        )
        cols = range(table.stub_cols, table.n_cols) if only is None else [only.col]
        for col in cols:
            cell = table.at(row, col)
            column = columns.get(col)
            if cell is None or cell.row != row or cell.col != col or col in unit_cols:
                continue
            if column is None or column.skip or not is_value_cell(text[cell.start : cell.end]):
                continue
            suggestion = _cell_suggestion(
                text,
                table,
                cell,
                column,
                labels,
                row_unit or unit_word or inherited,
                table_unit,
                names_are_indicators,
                caption_period,
                doc_date,
                subject,
                note,
            )
            if suggestion is not None:
                out.append(suggestion)
    return out


def _row_labels(table: Table, text: str, row: int, unit_cols: list[int]) -> tuple[list[str], str]:
    """The stub labels of a row, cleaned, and a unit one of them names (大牲畜（万头））."""
    labels, unit = [], ""
    for c in range(table.stub_cols):
        if c in unit_cols or not (words := _stub_text(table, text, row, c)):
            continue
        label, u = _clean_label(words)
        unit = unit or u
        if label:
            labels.append(label)
    return labels, unit


def _is_section(table: Table, text: str, row: int) -> bool:
    """A row with only a label (期末畜禽存栏) heads the rows below it."""
    filled = {
        cell
        for col in range(table.n_cols)
        if (cell := table.at(row, col)) is not None and cell.end > cell.start
    }
    return len(filled) == 1 and next(iter(filled)).col == 0


def _stub_text(table: Table, text: str, row: int, col: int) -> str:
    cell = table.at(row, col)
    return text[cell.start : cell.end].strip() if cell is not None else ""


def _unit_columns_by_content(table: Table, text: str) -> list[int]:
    """A stub column after the first whose cells are all units (万吨, 亿立方米) is a unit column."""
    found = []
    for col in range(1, table.stub_cols):
        words = [
            _squash(text[c.start : c.end])
            for c in table.cells
            if c.col == col and not table.is_header(c) and c.end > c.start
        ]
        if words and all(_looks_like_unit(w) for w in words):
            found.append(col)
    return found


def _cell_suggestion(
    text: str,
    table: Table,
    cell: Cell,
    column: _Column,
    labels: list[str],
    row_unit: str,
    table_unit: str,
    names_are_indicators: bool,
    caption_period: Period | None,
    doc_date: date | None,
    subject: str,
    note: str,
) -> Suggestion | None:
    raw = fold_width(text[cell.start : cell.end]).strip()
    headers = column.headers
    measure = next((h.measure for h in reversed(headers) if h.measure), "")
    unit = next((h.unit for h in reversed(headers) if h.unit), "") or row_unit
    if measure == "change":
        measure, unit = "other", unit or table_unit
        if unit in ("%", "‰", "±%"):
            measure, unit = "change_pp", "百分点"
    elif not unit:
        unit = "%" if measure in ("growth_yoy", "growth", "share", "rate") else table_unit
    elif (
        measure in ("growth_yoy", "growth", "share")
        and unit not in ("%", "‰")
        and not any(h.unit for h in headers)
    ):
        unit = "%"  # a growth column beside a level unit from the stub
    if raw == "持平":
        value = 0.0
    else:
        negative = raw.startswith(("-", "−"))
        try:
            value = parse_number(raw.lstrip("+-− ").rstrip("*＊#①②③④⑤⑥⑦⑧⑨⑩ ").rstrip("%").strip())
        except NumberError:
            return None
        value = -value if negative else value
        if "%" in raw and not unit:
            unit = "%"
    if unit in ("±%",):
        unit = "%"
    if measure == "change_pp":
        unit = "百分点" if unit in ("", "%") else unit
    mult, rest = split_magnitude(unit)
    if not measure:
        kind = U.unit_kind(rest.split("/")[0])
        measure = {"money": "level", "physical": "level", "count": "count", "percent": "rate"}.get(
            kind, "level" if rest else "other"
        )
    base_value = float(Decimal(repr(value)) * mult) if mult != 1 else value
    names = [h.name for h in headers if h.name]
    row_period = ""
    row_subject = ""
    kept = []
    for label in labels:
        if (pm := PERIOD_RE.fullmatch(label)) or _is_year_label(label):
            row_period = label if pm is None else pm.group(0)
        elif _PLACE_STUB.match(label) and not names_are_indicators:
            row_subject = label
        elif not label.isdigit():  # a row number or code (06) is no part of a name
            kept.append(label)
    name = " · ".join(kept + names) if names_are_indicators else " · ".join(names + kept)
    period = _period(headers, row_period, caption_period, doc_date)
    return Suggestion(
        start=cell.start,
        end=cell.end,
        text=text[cell.start : cell.end],
        value=value,
        unit=unit,
        base_value=base_value,
        base_unit=U.base_unit(rest),
        qualifier="eq",
        measure=measure,
        period_label=period.label,
        period_start=period.start,
        period_end=period.end,
        indicator=name or (table.caption if table.caption else ""),
        subject=_own_subject(row_subject, subject),
        value_text=text[cell.start : cell.end].strip(),
        table=table.number,
        row_label=table.row_label(cell.row, text),
        column_label=table.column_label(cell.col, text),
        note=note,
    )


def _own_subject(row_subject: str, subject: str) -> str:
    if row_subject in ("全省", "全市", "全国") or not row_subject:
        return subject if row_subject != "全国" else "全国"
    return row_subject


def _is_year_label(label: str) -> bool:
    t = label.rstrip("年")
    return t.isdigit() and len(t) == 4


def _period(
    headers: tuple[_Header, ...],
    row_period: str,
    caption_period: Period | None,
    doc_date: date | None,
) -> Period:
    for words in [h.period for h in reversed(headers) if h.period] + [row_period]:
        if not words:
            continue
        if _is_year_label(words):
            words = words.rstrip("年") + "年"
        year = caption_period.label[:5] if caption_period else ""
        if "年" not in words and re.fullmatch(r"\d{4}年", year):
            words = year + words  # 1-10月 under a caption of 2025年: 2025年1-10月
        found = find_period(words, doc_date)
        return found or Period(words, None, None)
    return caption_period or Period("", None, None)
