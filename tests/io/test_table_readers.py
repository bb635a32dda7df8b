"""Marked-up tables keep their grid: HTML rowspan/colspan, DOCX merged cells, XLSX and CSV."""

import io

from indicite.core.tables import cell_text
from indicite.io.readers import read_file

HTML = """<html><meta charset="utf-8"><body>
<p>表1 2025年1—11月份规模以上工业企业利润</p>
<table>
<tr><th rowspan="2">行 业</th><th colspan="2">利润总额</th></tr>
<tr><th>1-11月（亿元）</th><th>同比增长（%）</th></tr>
<tr><td>采矿业</td><td>8765.4</td><td>-26.3</td></tr>
<tr><td>制造业</td><td>51234.0</td><td>7.7</td></tr>
</table><p>注：数字为示意。</p></body></html>"""


def _grid(text, table):
    return {(c.row, c.col): (cell_text(text, c), c.rowspan, c.colspan) for c in table.cells}


def test_html_rowspan_and_colspan_become_cell_spans(tmp_path):
    path = tmp_path / "profits.html"
    path.write_text(HTML, encoding="utf-8")
    result = read_file(path)
    (table,) = result.tables
    grid = _grid(result.text, table)
    assert grid[0, 0] == ("行 业", 2, 1)
    assert grid[0, 1] == ("利润总额", 1, 2)
    assert grid[1, 1] == ("1-11月（亿元）", 1, 1)
    assert grid[2, 1] == ("8765.4", 1, 1)
    assert (table.header_rows, table.stub_cols) == (2, 1)
    assert table.caption == "表1 2025年1—11月份规模以上工业企业利润"
    assert table.column_label(2, result.text) == "利润总额 · 同比增长（%）"
    assert table.row_label(3, result.text) == "制造业"
    for cell in table.cells:  # every cell's span is its text in the stored text
        assert result.text[cell.start : cell.end] == cell_text(result.text, cell)


def test_docx_merged_cells_span_rows_and_columns(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("表2 主要产品产量")
    table = document.add_table(rows=4, cols=3)
    stub = table.cell(0, 0).merge(table.cell(1, 0))
    stub.text = "产品"
    group = table.cell(0, 1).merge(table.cell(0, 2))
    group.text = "产量"
    for col, words in ((1, "10月（万吨）"), (2, "同比增长（%）")):
        table.cell(1, col).text = words
    for row, values in ((2, ("粗钢", "7200.4", "-12.1")), (3, ("水泥", "14910.0", "-15.8"))):
        for col, value in enumerate(values):
            table.cell(row, col).text = value
    path = tmp_path / "output.docx"
    document.save(path)
    result = read_file(path)
    (found,) = result.tables
    grid = _grid(result.text, found)
    assert grid[0, 0] == ("产品", 2, 1)
    assert grid[0, 1] == ("产量", 1, 2)
    assert grid[3, 2] == ("-15.8", 1, 1)
    assert found.header_rows == 2
    assert found.column_label(1, result.text) == "产量 · 10月（万吨）"


def test_xlsx_sheet_is_a_document_with_merged_headers(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["3-1 地区生产总值"])
    ws.merge_cells("A1:C1")
    ws.append(["单位：亿元"])
    ws.append(["年 份", "地区生产总值", None])
    ws.append([None, "总量", "比上年增长（%）"])
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:C3")
    ws.append(["2024", 23852.5, 6.4])
    ws["B5"].number_format = "0.0"
    ws.append(["2023", 23039.8, 6.1])
    path = tmp_path / "yearbook.xlsx"
    book.save(path)
    result = read_file(path)
    assert result.doc_type == "xlsx"
    assert result.text.startswith("3-1 地区生产总值\n单位：亿元\n")
    assert "2024\t23852.5\t6.4" in result.text
    (table,) = result.tables
    assert table.unit == "亿元" and table.caption == "3-1 地区生产总值"
    assert _grid(result.text, table)[0, 1] == ("地区生产总值", 1, 2)
    assert table.row_labels(2, result.text) == ["2024"]


def test_csv_file_is_a_document_with_one_table(tmp_path):
    path = tmp_path / "gdp.csv"
    buffer = io.StringIO()
    buffer.write(
        "地区,地区生产总值（亿元）,比上年增长（%）\r\n和平区,1120.4,4.1\r\n河西区,1398.7,5.6\r\n"
    )
    path.write_bytes(buffer.getvalue().encode("gb18030"))
    result = read_file(path)
    assert result.text.split("\n")[1] == "和平区\t1120.4\t4.1"
    (table,) = result.tables
    assert table.column_label(1, result.text) == "地区生产总值（亿元）"
