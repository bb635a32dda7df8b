"""Tables read as grids in the workspace: aligned columns, header rows set off, cell keys,
and Ctrl+Enter on a cell fills the form from its headers."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from workspace_helpers import import_text, make_window, qt_position

from indicite.services.documents import DocumentMeta, import_file

DATA = Path(__file__).resolve().parents[1] / "data"
RELEASE = (
    "二、分经济类型情况\n\n表2 2025年1—10月份分经济类型工业企业主要指标\n"
    "分 组\t营业收入\t营业成本\t利润总额\n"
    "1-10月（亿元）\t同比增长（%）\t1-10月（亿元）\t同比增长（%）\t1-10月（亿元）\t同比增长（%）\n"
    "总计\t1103450.2\t2.4\t936120.8\t2.6\t59502.9\t1.9\n"
    "其中：国有控股企业\t281004.7\t-0.8\t236511.0\t-0.2\t18012.3\t-3.1\n"
    "私营企业\t398211.5\t3.3\t345880.1\t3.5\t17650.6\t4\n"
)


def _x_of(edit, position: int) -> float:
    """Where the view draws the character at a Qt position, from its layout."""
    block = edit.document().findBlock(position)
    line = block.layout().lineForTextPosition(position - block.position())
    return line.cursorToX(position - block.position())[0]


def _selected(window) -> str:
    return window.document_view.selected_text()


def test_rows_line_up_and_header_cells_are_set_off(qtbot, session, tmp_path):
    doc_id = import_text(session, tmp_path, RELEASE, "profits.txt")
    window = make_window(qtbot, session, tmp_path, doc_id)
    window.resize(1400, 700)
    text = window.document.text
    edit = window.document_view.text
    qtbot.waitUntil(lambda: edit.document().findBlock(qt_position(text, len(text) - 2)).isValid())
    # the values of one column start at the same x in every row
    columns = [
        _x_of(edit, qt_position(text, text.index(value)))
        for value in ("59502.9", "18012.3", "17650.6")
    ]
    assert max(columns) - min(columns) < 1
    assert columns[0] > _x_of(edit, qt_position(text, text.index("936120.8")))
    header = qt_position(text, text.index("营业收入"))
    block = edit.document().findBlock(header)
    formats = block.layout().formats()
    assert any(
        f.start <= header - block.position() < f.start + f.length and f.format.fontWeight() >= 700
        for f in formats
    )
    assert edit.document().findBlock(qt_position(text, text.index("总计"))).layout().formats() == []
    edit.grab().save(str(tmp_path / "table.png"))


def _x_range(edit, text: str, start: int, end: int) -> tuple[float, float]:
    """Where the view draws text[start:end]: x of the cursor before and after it."""
    xs = []
    for index in (start, end):
        cursor = QTextCursor(edit.document())
        cursor.setPosition(qt_position(text, index))
        xs.append(edit.cursorRect(cursor).x())
    return xs[0], xs[1]


def _fields(text: str, line: str) -> list[tuple[int, int]]:
    """Spans of the tab-separated fields of a line of ``text``."""
    spans, pos = [], text.index(line + "\n")
    for field in line.split("\t"):
        spans.append((pos, pos + len(field)))
        pos += len(field) + 1
    return spans


def _header_cells_sit_over_their_columns(edit, text: str) -> None:
    lines = RELEASE.split("\n")
    head, sub, body = lines[3], lines[4], lines[5:8]
    # columns from the body rows: where each starts, and where its widest cell ends
    rows = [[_x_range(edit, text, a, b) for a, b in _fields(text, line)] for line in body]
    lefts = [x for x, _ in rows[0]]
    rights = [max(r[c][1] for r in rows) for c in range(7)]
    subs = [_x_range(edit, text, a, b) for a, b in _fields(text, sub)]
    for col, (left, right) in enumerate(subs, start=1):  # one cell short of the stub
        assert abs(left - lefts[col]) < 1, (sub.split("\t")[col - 1], left, lefts[col])
        rights[col] = max(rights[col], right)
    stub, *groups = [_x_range(edit, text, a, b) for a, b in _fields(text, head)]
    assert abs(stub[0] - lefts[0]) < 1
    for first, (left, right) in zip((1, 3, 5), groups, strict=True):  # over two sub-columns
        assert lefts[first] - 1 <= left and right <= rights[first + 1] + 1
        middle, over = (left + right) / 2, (lefts[first] + rights[first + 1]) / 2
        assert abs(middle - over) < 2, "a group header is centred over its sub-columns"
    assert subs[0][1] < lefts[2] and rows[0][1][1] < lefts[2]  # columns do not overlap


def test_header_rows_line_up_with_their_columns(qtbot, session, tmp_path):
    """The stub header spans both header rows and each group header two sub-columns: the
    second header row starts at the first value column and the groups sit over theirs."""
    doc_id = import_text(session, tmp_path, RELEASE, "profits.txt")
    window = make_window(qtbot, session, tmp_path, doc_id)
    window.resize(1900, 700)  # the table fits the pane: no row wraps
    text = window.document.text
    edit = window.document_view.text
    qtbot.waitUntil(lambda: edit.document().findBlock(qt_position(text, len(text) - 2)).isValid())
    assert edit.toPlainText() == text  # citations are offsets into the unchanged text
    _header_cells_sit_over_their_columns(edit, text)
    window.resize(1700, 700)  # the view lays its text out again for the new width
    qtbot.wait(50)
    _header_cells_sit_over_their_columns(edit, text)

    sub = RELEASE.split("\n")[4]
    start, end = _fields(text, sub)[3]  # the second 同比增长（%）
    cursor = QTextCursor(edit.document())
    cursor.setPosition(qt_position(text, start + 2))
    QTest.mouseClick(
        edit.viewport(), Qt.MouseButton.LeftButton, pos=edit.cursorRect(cursor).center()
    )
    assert start <= edit.textCursor().position() - qt_position(text, 0) <= end
    edit.grab().save(str(tmp_path / "header_rows.png"))


def test_the_next_document_opened_has_no_header_indents(qtbot, session, tmp_path):
    table_doc = import_text(session, tmp_path, RELEASE, "profits.txt")
    prose = "".join(f"第{n}段\t全年增长5.7%。\n" for n in range(1, 9))
    prose_doc = import_text(session, tmp_path, prose, "prose.txt")
    window = make_window(qtbot, session, tmp_path, table_doc)
    window.resize(1900, 700)
    qtbot.wait(50)
    window.open_document(prose_doc)
    qtbot.wait(50)
    edit = window.document_view.text
    text = window.document.text
    starts = [_x_range(edit, text, text.index(f"第{n}段"), 0)[0] for n in range(1, 9)]
    assert max(starts) == min(starts)  # the old table's header blocks 3 and 4 are prose here


def test_markup_headers_over_empty_spanned_columns_stay_over_their_values(qtbot, session, tmp_path):
    """Word's HTML spans cells over empty columns; its headers stay over the values below."""
    outcome = import_file(session, DATA / "daqing_2012_tables.html", DocumentMeta())
    window = make_window(qtbot, session, tmp_path, outcome.document_id)
    window.resize(1900, 700)
    text = window.document.text
    edit = window.document_view.text
    qtbot.wait(50)
    for header, value in (("指标值", "4000.5"), ("同比增长（±%）", "10.0")):
        (head_x, _), (value_x, _) = (
            _x_range(edit, text, text.index(s), text.index(s) + 1) for s in (header, value)
        )
        assert abs(head_x - value_x) < 1, header


def test_tab_and_ctrl_arrows_move_between_cells_and_ctrl_enter_fills_from_headers(
    qtbot, session, tmp_path
):
    doc_id = import_text(session, tmp_path, RELEASE, "profits.txt")
    window = make_window(qtbot, session, tmp_path, doc_id)
    text = window.document.text
    edit = window.document_view.text
    cursor = QTextCursor(edit.document())
    cursor.setPosition(qt_position(text, text.index("总计")))
    edit.setTextCursor(cursor)
    edit.setFocus()
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert _selected(window) == "总计"
    for _ in range(5):
        QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert _selected(window) == "59502.9"
    QTest.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _selected(window) == "18012.3"
    QTest.keyClick(edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert _selected(window) == "-0.2"
    QTest.keyClick(edit, Qt.Key.Key_Tab)

    QTest.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    form = window.form
    assert form.mode == "new"
    assert form.fields["name"].text() == "利润总额 · 国有控股企业"
    where = "其中：国有控股企业 · column 利润总额 · 1-10月（亿元）"
    assert "表1 表2 2025年1—10月份分经济类型工业企业主要指标" in form.citation.text()
    assert where in form.citation.text()
    QTest.keyClick(form.fields["name"], Qt.Key.Key_Return)
    (ind,) = session.store.indicators.for_document(doc_id)
    assert (ind.name, ind.value, ind.unit, ind.measure) == (
        "利润总额 · 国有控股企业",
        18012.3,
        "亿元",
        "level",
    )
    assert ind.period_start == "2025-01-01" and ind.period_end == "2025-10-31"
    (citation,) = session.store.indicators.citations(ind.id)
    assert citation.exact == "18012.3"
    window.form.clear()
    window.select_indicator(ind.id)
    assert where in window.form.citation.text()  # the stored entry shows its cell again


def test_a_cited_cell_is_highlighted_like_prose(qtbot, session, tmp_path):
    outcome = import_file(session, DATA / "daqing_2012_tables.html", DocumentMeta())
    window = make_window(qtbot, session, tmp_path, outcome.document_id)
    text = window.document.text
    start = text.index("1286.5")
    from indicite.services.indicators import create_indicator

    create_indicator(session, outcome.document_id, {"name": "原油加工量"}, [(start, start + 6)])
    window.refresh()
    spans = window.document_view.spans()
    assert [(s.start, s.end, s.status) for s in spans] == [
        (qt_position(text, start), qt_position(text, start + 6), "draft")
    ]
