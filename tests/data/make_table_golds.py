"""Build the three table-heavy test documents and their gold lists (run once; outputs committed).

    python tests/data/make_table_golds.py SHARED_CORPUS_DIR

Where each comes from (see tests/data/TABLES.md):
- daqing_2012_tables.html: the real Daqing 2012 statistical communiqué (Word-exported HTML,
  public; ../shared/corpus) with its prose paragraphs removed, so that the gold covers every
  value: captions, unit lines and the six tables with their colspans stay as published.
- industrial_profits_tables.txt: written here in the layout of NBS industrial-profit releases as
  copy-paste and PDF extraction give it (labels real, numbers illustrative, not published data).
- yearbook_gdp.xlsx: a yearbook-style workbook built here (merged title, unit row, two header
  rows with merged cells, years down the side, a region sheet; numbers illustrative).

The gold is written from what a reader of each table knows — which unit each column or row is
in — stated by hand below, not from the suggester. Values are base values (亿元 → 元).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAG = {"万亿": 10**12, "亿": 10**8, "万": 10**4}


def base(value: float, unit: str) -> tuple[float, str]:
    """万吨 → (×10000, 吨); 万千升 → 千升; 万亿元 → 元; % stays."""
    for mag, factor in MAG.items():
        if unit.startswith(mag) and len(unit) > len(mag):
            return round(value * factor, 6), unit[len(mag) :]
    return value, unit


def number(text: str) -> float:
    t = text.strip().replace(",", "")
    return 0.0 if t == "持平" else float(t)


def gold_row(
    text: str, start: int, mention: str, unit: str, name: str, written: str | None = None
) -> dict:
    """``written`` is the number of a prose mention (59502.9 of 59502.9亿元)."""
    assert text[start : start + len(mention)] == mention, (mention, text[start : start + 20])
    value, base_unit = base(number(written or mention), unit)
    return {
        "start": start,
        "end": start + len(mention),
        "mention": mention,
        "value": value,
        "unit": base_unit,
        "qualifier": "eq",
        "indicator": name,
        "required": True,
    }


def fields_of(text: str, line_start: int, line: str) -> list[tuple[int, str]]:
    out, pos = [], line_start
    for raw in line.split("\t"):
        if raw.strip():
            out.append((pos + len(raw) - len(raw.lstrip()), raw.strip()))
        pos += len(raw) + 1
    return out


# --- 1. Daqing HTML -----------------------------------------------------------------------

# Hand-read units: (level column, second column) per caption; per-row units for livestock.
DAQING_UNITS = {
    "2012年地区生产总值": ("亿元", "%"),
    "2012年主要农产品产量": ("万吨", "%"),
    "2012年畜牧业生产及产品产量": (None, "%"),
    "2012年规模以上工业企业主要产品产量": ("unit column", "%"),
    "2012年末全市金融机构存贷": ("亿元", "亿元"),
    "2012年人口构成情况": ("万人", "%"),
}
LIVESTOCK = {
    "大牲畜": "万头", "#黄牛及肉牛": "万头", "奶牛": "万头", "猪": "万头", "羊": "万只",
    "家禽": "万只", "#肉鸡": "万只", "鹅": "万只", "牛": "万头", "肥猪": "万头", "肉羊": "万只",
    "肉类总产量": "万吨", "禽蛋": "万吨", "牛奶": "万吨",
}  # fmt: skip
_VALUE = re.compile(r"-?\d+(?:\.\d+)?|持平")


def make_daqing(corpus: Path) -> None:
    from bs4 import BeautifulSoup

    from indicite.io.readers import read_file

    soup = BeautifulSoup((corpus / "daqing_statistical_communique_2012.html").read_bytes(), "lxml")
    for p in soup.find_all("p"):
        if not p.find_parent("table") and any(ch in p.get_text() for ch in "。，；"):
            p.decompose()
    html = HERE / "daqing_2012_tables.html"
    html.write_text(str(soup), encoding="utf-8")
    text = read_file(html).text
    (HERE / "daqing_2012_tables.txt").write_text(text, encoding="utf-8")
    gold, caption, pos = [], None, 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if line in DAQING_UNITS:
            caption = line
            continue
        if caption is None or "\t" not in line:
            continue
        cells = fields_of(text, start, line)
        values = [(s, t) for s, t in cells[1:] if _VALUE.fullmatch(t)]
        if not values:
            continue  # a header row
        label = cells[0][1].replace(" ", "")
        first, second = DAQING_UNITS[caption]
        if first == "unit column":
            first = cells[1][1]
        elif first is None:
            first = LIVESTOCK[label.split("（")[0]]
        for (s, t), unit in zip(values, (first, second), strict=False):
            gold.append(gold_row(text, s, t, "%" if t == "持平" else unit, label))
    write_gold("daqing_2012_tables", gold)


# --- 2. flattened text with two header rows ---------------------------------------------


def make_flattened() -> None:
    parts: list[str] = []
    gold: list[dict] = []

    def add(line: str, units: list[str | None] | None = None, sep: str = "\t") -> None:
        """Append a line; ``units`` name the unit of each field (None: not a value)."""
        start = sum(len(p) + 1 for p in parts)
        parts.append(line)
        if units is None:
            return
        text_so_far = "\n".join(parts)
        pos = start
        fields = line.split(sep) if sep == "\t" else re.split(r"( {2,})", line)
        label = fields[0].strip()
        k = 0
        for f in fields:
            if sep != "\t" and f.strip() == "":
                pos += len(f)
                continue
            if k < len(units) and units[k] and f.strip():
                s = pos + len(f) - len(f.lstrip())
                gold.append(gold_row(text_so_far, s, f.strip(), units[k], label))
            pos += len(f) + (1 if sep == "\t" else 0)
            k += 1

    def prose(sentence: str, values: list[tuple[str, str]]) -> None:
        start = sum(len(p) + 1 for p in parts)
        parts.append(sentence)
        text_so_far = "\n".join(parts)
        for mention, unit in values:
            s = start + sentence.index(mention)
            written = re.match(r"-?[\d.]+", mention).group()
            gold.append(gold_row(text_so_far, s, mention, unit, "", written))

    add("2025年1—10月份全国规模以上工业企业利润")
    add("")
    prose(
        "1—10月份，全国规模以上工业企业实现利润总额59502.9亿元，同比增长1.9%。",
        [("59502.9亿元", "亿元"), ("1.9%", "%")],
    )
    add("")
    add("表1 2025年1—10月份分经济类型工业企业主要指标")
    add("分 组\t营业收入\t营业成本\t利润总额")
    add("\t".join(["1-10月（亿元）", "同比增长（%）"] * 3))
    rows = [
        ("总计", "1103450.2", "2.4", "936120.8", "2.6", "59502.9", "1.9"),
        ("其中：国有控股企业", "281004.7", "-0.8", "236511.0", "-0.2", "18012.3", "-3.1"),
        ("其中：股份制企业", "843215.6", "2.9", "712008.4", "3.1", "44210.7", "2.2"),
        ("外商及港澳台投资企业", "221530.8", "1.2", "188712.5", "1.5", "13390.2", "3.6"),
        ("其中：私营企业", "398211.5", "3.3", "345880.1", "3.5", "17650.6", "4"),
        ("燃气生产和供应业", "9950.3", "5.1", "8877.2", "6", "-12.4", "（注2）"),
    ]
    for row in rows:
        units = [None, "亿元", "%", "亿元", "%", "亿元", "%"]
        if row[-1].startswith("（"):
            units[-1] = None
        add("\t".join(row), units)
    add("注：1.本表为说明表格版式而编，数字为示意。2.上年同期为亏损，无法计算增速。")
    add("")
    add("表2 规模以上工业企业主要财务指标（2019—2024年）")
    add("单位：万元")
    add("年 份\t营业收入\t利润总额\t营业收入利润率（%）")
    for year, rev, prof, margin in [
        ("2019", "105738421", "6199510", "5.86"),
        ("2020", "108314277", "6425618", "5.93"),
        ("2021", "127919012", "8725340", "6.82"),
        ("2022", "133341207", "8403819", "6.30"),
        ("2023", "133445823", "7685803", "5.76"),
        ("2024", "137765214", "7431033", "5.39"),
    ]:
        add("\t".join([year, rev, prof, margin]), [None, "万元", "万元", "%"])
    add("")
    add("表3 2025年10月份规模以上工业主要产品产量")
    add("产品名称\t单位\t10月\t同比增长（%）\t1-10月\t同比增长（%）")
    for name, unit, a, b, c, d in [
        ("发电量", "亿千瓦时", "7604.1", "1.9", "80101.2", "2.2"),
        ("粗钢", "万吨", "7200.4", "-12.1", "81787.6", "-3.9"),
        ("水泥", "万吨", "14910.0", "-15.8", "140285.3", "-6.7"),
        ("汽车", "万辆", "335.6", "9.7", "2788.5", "11.0"),
        ("集成电路", "亿块", "413.4", "6.8", "4014.8", "9.9"),
    ]:
        add("\t".join([name, unit, a, b, c, d]), [None, None, unit, "%", unit, "%"])
    add("")
    add("表4 2025年1—10月份分地区工业企业利润总额")
    spaced = "    "
    header = spaced.join(["地  区".replace("  ", " "), "利润总额（亿元）", "同比增长（%）"])
    add(header)
    for region, profit, growth in [
        ("东部地区", "36120.4", "3.1"),
        ("中部地区", "12210.8", "-0.4"),
        ("西部地区", "9611.3", "0.8"),
    ]:
        add(spaced.join([region, profit, growth]), [None, "亿元", "%"], sep=" ")
    add("- 2 -")
    add(header)
    add(spaced.join(["东北地区", "1560.4", "-5.2"]), [None, "亿元", "%"], sep=" ")
    add("")
    prose(
        "10月末，规模以上工业企业资产总计181.4万亿元，同比增长4.6%。",
        [("181.4万亿元", "万亿元"), ("4.6%", "%")],
    )
    text = "\n".join(parts) + "\n"
    (HERE / "industrial_profits_tables.txt").write_text(text, encoding="utf-8")
    write_gold("industrial_profits_tables", gold)


# --- 3. yearbook XLSX -------------------------------------------------------------------


def make_yearbook() -> None:
    from openpyxl import Workbook

    from indicite.io.readers import read_file

    book = Workbook()
    ws = book.active
    ws.title = "3-1"
    ws.append(["3-1 地区生产总值（2015—2024年）"])
    ws.merge_cells("A1:F1")
    ws.append(["单位：亿元"])
    ws.append(["年 份", "地区生产总值", None, "第二产业", None, "人均地区生产总值（元）"])
    ws.append([None, "总量", "比上年增长（%）", "增加值", "比上年增长（%）", None])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:C3")
    ws.merge_cells("D3:E3")
    ws.merge_cells("F3:F4")
    years = list(range(2015, 2025))
    data = []
    for i, year in enumerate(years):
        gdp = 16538.2 + 812.7 * i
        data.append(
            (year, gdp, 6.1 + (i % 4) * 0.3, gdp * 0.38, 4.2 + (i % 3) * 0.5, 98210 + 4113 * i)
        )
    for year, gdp, g1, ind, g2, per in data:
        ws.append([f"{year}", round(gdp, 1), round(g1, 1), round(ind, 1), round(g2, 1), per])
        for col in "BCDE":
            ws[f"{col}{ws.max_row}"].number_format = "0.0"
        ws[f"F{ws.max_row}"].number_format = "#,##0"
    ws.append(["注：地区生产总值按当年价格计算，增长速度按不变价格计算。"])
    regions = book.create_sheet("3-2")
    regions.append(["3-2 各区地区生产总值（2024年）"])
    regions.append(["地 区", "地区生产总值（亿元）", "比上年增长（%）", "常住人口（万人）"])
    region_rows = [
        ("全 市", 23852.0, 5.2, 1364.9),
        ("和平区", 1120.4, 4.1, 35.5),
        ("河西区", 1398.7, 5.6, 82.1),
        ("滨海新区", 8830.3, 6.0, 212.6),
        ("武清区", 1205.9, 4.8, 122.3),
    ]
    for row in region_rows:
        regions.append(list(row))
        for col in "BCD":
            regions[f"{col}{regions.max_row}"].number_format = "0.0"
    path = HERE / "yearbook_gdp.xlsx"
    book.save(path)
    text = read_file(path).text
    (HERE / "yearbook_gdp.txt").write_text(text, encoding="utf-8")
    gold = []
    for year, gdp, g1, ind, g2, per in data:
        shown = [f"{year}", f"{gdp:.1f}", f"{g1:.1f}", f"{ind:.1f}", f"{g2:.1f}", f"{per:,d}"]
        gold += row_gold(text, shown, [None, "亿元", "%", "亿元", "%", "元"])
    for row in region_rows:
        shown = [row[0]] + [f"{v:.1f}" for v in row[1:]]
        gold += row_gold(text, shown, [None, "亿元", "%", "万人"])
    write_gold("yearbook_gdp", gold)


def row_gold(text: str, shown: list[str], units: list[str | None]) -> list[dict]:
    line = "\t".join(shown)
    at = text.index(line)
    out, pos = [], at
    for field, unit in zip(shown, units, strict=True):
        if unit:
            out.append(gold_row(text, pos, field, unit, shown[0]))
        pos += len(field) + 1
    return out


def write_gold(name: str, gold: list[dict]) -> None:
    with open(HERE / f"{name}.gold.jsonl", "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(name, len(gold), "gold rows")


if __name__ == "__main__":
    make_daqing(Path(sys.argv[1]))
    make_flattened()
    make_yearbook()
