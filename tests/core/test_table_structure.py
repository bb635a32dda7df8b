"""Tables in plain text: the structure staff see in a pasted release, and a suggestion per value."""

from datetime import date

from indicite.core.suggest import suggest
from indicite.core.table_infer import infer_tables
from indicite.core.tables import cell_text, locate

RELEASE = (
    "表2 2025年1—10月份分经济类型工业企业主要指标\n"
    "分 组\t营业收入\t营业成本\t利润总额\n"
    "1-10月（亿元）\t同比增长（%）\t1-10月（亿元）\t同比增长（%）\t1-10月（亿元）\t同比增长（%）\n"
    "总计\t1103450.2\t2.4\t936120.8\t2.6\t59502.9\t1.9\n"
    "其中：国有控股企业\t281004.7\t-0.8\t236511.0\t-0.2\t18012.3\t-3.1\n"
    "私营企业\t398211.5\t3.3\t345880.1\t3.5\t17650.6\t4\n"
    "燃气生产和供应业\t9950.3\t5.1\t8877.2\t6\t-12.4\t（注2）\n"
    "注：2.上年同期亏损。\n"
)


def _by_text(suggestions):
    return {s.text: s for s in suggestions}


def test_two_header_rows_with_the_stub_header_spanning_both():
    (table,) = infer_tables(RELEASE)
    assert (table.header_rows, table.stub_cols, table.n_cols) == (2, 1, 7)
    assert table.caption == "表2 2025年1—10月份分经济类型工业企业主要指标"
    stub_header = table.at(1, 0)
    assert cell_text(RELEASE, stub_header) == "分 组" and stub_header.rowspan == 2
    assert table.column_headers(6, RELEASE) == ["利润总额", "同比增长（%）"]
    assert table.row_label(3, RELEASE) == "其中：国有控股企业"
    assert not table.uncertain


def test_every_value_cell_is_suggested_with_its_headers_and_no_note_marker():
    found = suggest(RELEASE, doc_date=date(2025, 11, 27), subject="全国")
    cells = [s for s in found if s.table]
    assert len(cells) == 23  # 4 rows × 6 values, less the note marker
    assert "（注2）" not in {s.text for s in found}
    profit = _by_text(found)["18012.3"]
    assert profit.indicator == "利润总额 · 国有控股企业"
    assert (profit.unit, profit.base_value, profit.base_unit) == ("亿元", 1801230000000, "元")
    assert (profit.measure, profit.period_start, profit.period_end) == (
        "level",
        date(2025, 1, 1),
        date(2025, 10, 31),
    )
    four = _by_text(found)["4"]
    assert (four.value, four.unit, four.measure) == (4.0, "%", "growth_yoy")
    assert four.column_label == "利润总额 · 同比增长（%）"
    loss = _by_text(found)["-12.4"]
    assert (loss.value, loss.unit) == (-12.4, "亿元")


def test_unit_line_years_down_the_side_and_a_unit_column():
    text = (
        "表1 主要财务指标\n单位：万元\n年 份\t营业收入\t利润率（%）\n"
        "2023\t133445823\t5.76\n2024\t137765214\t5.39\n\n"
        "产品名称\t单位\t10月\t同比增长（%）\n发电量\t亿千瓦时\t7604.1\t1.9\n粗钢\t万吨\t7200.4\t-12.1\n"
    )
    found = _by_text(suggest(text))
    assert "2023" not in found and "2024" not in found  # years in the stub are labels
    revenue = found["137765214"]
    assert (revenue.unit, revenue.base_unit, revenue.period_label) == ("万元", "元", "2024年")
    assert revenue.indicator == "营业收入"
    assert (found["5.39"].unit, found["5.39"].measure) == ("%", "rate")
    steel = found["7200.4"]
    assert (steel.unit, steel.base_value, steel.indicator) == ("万吨", 72004000, "粗钢")
    assert "万吨" not in found and "亿千瓦时" not in found


def test_section_rows_sub_rows_and_units_named_in_the_stub():
    text = (
        "2012年畜牧业生产及产品产量\n指标名称\t指标值\t同比增长（±%）\n期末畜禽存栏\n"
        "大牲畜（万头）\t96.9\t\t8.7\n#黄牛及肉牛\t32.1\t\t9.3\n期末畜禽出栏\n"
        "肉羊（万只）\t96.2\t\t5.3\n"
    )
    (table,) = infer_tables(text)
    assert table.header_rows == 1
    found = _by_text(suggest(text))
    assert (found["96.9"].unit, found["96.9"].indicator) == ("万头", "大牲畜")
    assert found["32.1"].unit == "万头"  # a # sub-row is counted like its parent
    assert (found["8.7"].unit, found["8.7"].measure) == ("%", "growth_yoy")
    assert found["96.2"].unit == "万只"
    assert "期末畜禽出栏" not in {s.text for s in found.values()}


def test_space_aligned_rows_and_a_header_repeated_after_a_page_break():
    text = (
        "表4 分地区利润\n地 区    利润总额（亿元）    同比增长（%）\n"
        "东部地区    36120.4    3.1\n中部地区    12210.8    -0.4\n- 2 -\n"
        "地 区    利润总额（亿元）    同比增长（%）\n东北地区    1560.4    -5.2\n"
    )
    found = _by_text(suggest(text))
    assert set(found) == {"36120.4", "3.1", "12210.8", "-0.4", "1560.4", "-5.2"}
    # a region down the side is whose figure it is
    assert (found["1560.4"].indicator, found["1560.4"].subject) == ("利润总额", "东北地区")


def test_an_uncertain_structure_is_said_in_the_suggestion():
    text = "指标\t甲\t乙\t丙\t丁\n总计\t1.5\t2.5\t3.5\n合计\t1.0\t2.0\t3.0\t4.0\t5.0\n"
    found = [s for s in suggest(text) if s.table]
    assert found and all(s.note.startswith("表格结构为推断") for s in found)


def test_prose_stays_with_the_prose_rules():
    text = "全年实现地区生产总值4000.5亿元，比上年增长10%。\n"
    assert infer_tables(text) == []
    level, growth = suggest(text)
    assert (level.table, level.unit, growth.table, growth.unit) == (0, "亿元", 0, "%")


def test_locate_names_table_row_and_column_of_a_cited_cell():
    (table,) = infer_tables(RELEASE)
    start = RELEASE.index("18012.3")
    ref = locate([table], RELEASE, start, start + len("18012.3"))
    assert ref is not None
    assert ref.table == "表1 表2 2025年1—10月份分经济类型工业企业主要指标"
    assert (ref.row_label, ref.column_label) == ("其中：国有控股企业", "利润总额 · 1-10月（亿元）")
    prose = RELEASE.index("上年同期")
    assert locate([table], RELEASE, prose, prose + 2) is None


def test_years_across_the_top_a_change_column_and_units_in_brackets_of_the_stub():
    text = (
        "表3 主要财务指标\t\t\t单位：元\n指 标\t2023\t2024\t增减\n"
        "营业收入利润率（%）\t5.76\t5.39\t-0.37\n产成品存货周转天数（天）\t19.2\t20.1\t0.9\n"
        "每百元营业收入中的成本\t85.12\t85.45\t0.33\n"
    )
    (table,) = infer_tables(text)
    assert (table.caption, table.unit, table.header_rows) == ("表3 主要财务指标", "元", 1)
    found = _by_text(suggest(text))
    assert "2023" not in found  # a year heading a column is a period, not a value
    assert (found["5.39"].unit, found["5.39"].period_label) == ("%", "2024年")
    assert (found["-0.37"].unit, found["-0.37"].measure) == ("百分点", "change_pp")
    assert (found["20.1"].unit, found["0.9"].unit) == ("天", "天")
    assert (found["85.45"].unit, found["0.33"].unit) == ("元", "元")


def test_pdf_text_with_single_spaces_between_cells():
    text = RELEASE.replace("\t", " ").replace("分 组 ", "分 组 ")
    (table,) = infer_tables(text)
    assert (table.header_rows, table.n_cols) == (2, 7)
    found = _by_text(suggest(text, doc_date=date(2025, 11, 27)))
    assert found["18012.3"].indicator == "利润总额 · 国有控股企业"
    assert (found["18012.3"].unit, found["4"].unit) == ("亿元", "%")
    assert "（注2）" not in found


def test_note_marks_after_values_and_a_unit_line_naming_two_units():
    text = (
        "表1 主要指标\n单位：亿元、%\n指 标\t1-10月\t同比增长\n"
        "营业收入\t1103450.2*\t2.4①\n利润总额\t59502.9\t1.9\n"
    )
    found = _by_text(suggest(text))
    assert (found["1103450.2*"].value, found["1103450.2*"].unit) == (1103450.2, "亿元")
    assert (found["2.4①"].value, found["2.4①"].unit) == (2.4, "%")
    assert found["59502.9"].base_value == 5950290000000


def test_row_numbers_and_codes_are_labels_not_values():
    text = (
        "表2 分行业利润\n代码\t行 业\t利润总额（亿元）\t同比增长（%）\n"
        "06\t煤炭开采和洗选业\t3520.1\t-41.2\n07\t石油和天然气开采业\t2800.4\t-5.1\n\n"
        "序号\t指标\t数值（亿元）\n1\t地区生产总值\t4000.5\n2\t工业增加值\t3157.4\n"
    )
    found = _by_text(suggest(text))
    assert set(found) == {"3520.1", "-41.2", "2800.4", "-5.1", "4000.5", "3157.4"}
    assert found["3520.1"].indicator == "利润总额 · 煤炭开采和洗选业"
    assert found["3520.1"].row_label == "06 · 煤炭开采和洗选业"
    assert (found["4000.5"].indicator, found["4000.5"].unit) == ("地区生产总值", "亿元")


def test_unit_in_the_stub_header_and_labels_padded_with_ideographic_spaces():
    text = (
        "项目（万元）\t本年\t上年\n营业收入\t1234.5\t1100.2\n利润\t88.1\t70.3\n\n"
        "指标名称    产量（万吨）    同比增长（%）\n"
        "粮　　食    650.0    17.3\n玉　　米    540.4    17.8\n"
    )
    found = _by_text(suggest(text, doc_date=date(2025, 3, 1)))
    assert (found["1100.2"].unit, found["1100.2"].period_label) == ("万元", "上年")
    assert (found["650.0"].unit, found["650.0"].indicator) == ("万吨", "粮食 · 产量")
    assert found["17.8"].unit == "%"


NBS_OUTPUT = (
    "附表：2024年11月份规模以上工业生产主要数据\n"
    "指标\t11月\t\t1—11月\t\n"
    "\t绝对量\t同比增长（%）\t绝对量\t同比增长（%）\n"
    "规模以上工业增加值\t…\t5.4\t…\t5.8\n"
    "分三大门类\t\t\t\t\n"
    "采矿业\t…\t4.0\t…\t3.3\n"
    "主要产品产量\t\t\t\t\n"
    "发电量（亿千瓦时）\t7474\t1.0\t85424\t4.6\n"
    "粗钢（万吨）\t7840\t2.5\t92916\t-3.0\n\n"
    "附表：2024年1—11月份规模以上工业企业主要财务指标\n"
    "指标\t1—11月\t比上年同期增减\n"
    "每百元营业收入中的成本（元）\t85.46\t0.31\n"
    "营业收入利润率（%）\t5.21\t-0.38\n"
)


def test_an_output_release_with_section_rows_and_a_change_column():
    tables = infer_tables(NBS_OUTPUT)
    assert [(t.header_rows, t.n_cols) for t in tables] == [(2, 5), (1, 3)]
    found = _by_text(suggest(NBS_OUTPUT, doc_date=date(2025, 1, 15)))
    assert "…" not in found and "分三大门类" not in found
    power = found["85424"]
    assert (power.unit, power.base_value, power.indicator) == ("亿千瓦时", 8542400000000, "发电量")
    assert (power.period_start, power.period_end) == (date(2024, 1, 1), date(2024, 11, 30))
    assert (found["4.0"].unit, found["4.0"].period_label) == ("%", "2024年11月")
    cost = found["0.31"]
    assert (cost.unit, cost.indicator, cost.period_label) == (
        "元",
        "每百元营业收入中的成本",
        "2024年1—11月份",
    )
    assert (found["-0.38"].unit, found["-0.38"].measure) == ("百分点", "change_pp")


def test_a_cell_with_its_unit_written_out_is_read_by_the_prose_rules():
    text = "指 标\t1-10月\t同比增长（%）\n营业收入\t1103450.2亿元\t2.4\n利润总额\t59502.9\t1.9\n"
    found = _by_text(suggest(text))
    written = found["1103450.2亿元"]
    assert (written.unit, written.base_value, written.table) == ("亿元", 110345020000000, 0)
    assert (found["2.4"].unit, found["2.4"].table) == ("%", 1)
