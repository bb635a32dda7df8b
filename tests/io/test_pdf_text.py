"""The reading text of real-looking PDFs, and the map from its offsets to the page's characters."""

import pytest

from indicite.io.pdf_reader import map_stored_text, read_pdf
from indicite.io.pdf_text import PDFIUM_LOCK, printed_text, read_page
from pdf_samples import PROSE, Page, build, wrap


def page_chars(data: bytes) -> list[str]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def assert_map_exact(data: bytes, text: str, char_map) -> None:
    """Every mapped offset shows the very character pdfium has at that place."""
    chars = page_chars(data)
    mapped = 0
    for run in char_map.runs:
        page = chars[run.page]
        assert (
            text[run.doc_start : run.doc_start + run.length]
            == page[run.char_start : run.char_start + run.length]
        )
        mapped += run.length
    assert mapped == sum(1 for ch in text if ch != "\n")


def test_soft_wraps_join_and_running_headers_leave_the_text():
    data = build([Page(paragraphs=PROSE), Page(paragraphs=PROSE[:1])])
    text, starts, char_map = read_pdf(data, "report.pdf")
    # numbers the printed lines split at the right margin are whole again
    assert "创建123家专精特新中小企业" in text
    assert "比重为32.4%，比上年提高" in text
    # paragraphs stay paragraphs: three on page 1, one on page 2
    assert text.split("\n\n")[0].count("\n") == 2
    assert "工作报告" not in text and "- 1 -" not in text and "- 2 -" not in text
    assert starts[1] == text.index("\n\n") + 2
    assert_map_exact(data, text, char_map)


def test_a_paragraph_wrapped_across_pages_is_joined():
    lines = wrap(PROSE[0], 36)
    data = build([Page(lines=lines[:2]), Page(lines=lines[2:], paragraphs=PROSE[1:2])])
    text, starts, char_map = read_pdf(data, "report.pdf")
    assert PROSE[0] in text
    assert text[starts[1] :].startswith(lines[2])
    assert_map_exact(data, text, char_map)


def test_table_rows_stay_rows():
    rows = [
        ["指标", "2024年", "增长%"],
        ["工业增加值", "1,234.5", "5.6"],
        ["固定资产投资", "987.6", "3.2"],
    ]
    data = build([Page(paragraphs=PROSE[1:2], table=rows), Page(paragraphs=PROSE[2:])])
    text, _, char_map = read_pdf(data, "table.pdf")
    lines = text.split("\n")
    for row in rows:
        assert any(all(cell in line for cell in row) for line in lines), row
    assert_map_exact(data, text, char_map)


def test_two_columns_are_read_column_by_column():
    left, right = PROSE[0], PROSE[1]
    data = build([Page(columns=[[left], [right]])])
    text, _, char_map = read_pdf(data, "columns.pdf")
    assert "\u3000\u3000" + left in text
    assert "\u3000\u3000" + right in text
    assert_map_exact(data, text, char_map)


def test_a_rotated_page_and_a_footnote():
    note = "注：本报告数据为初步统计数，2025年数据以统计年鉴为准。"
    data = build([Page(paragraphs=PROSE, footnote=note), Page(paragraphs=PROSE[:2], rotate=90)])
    text, starts, char_map = read_pdf(data, "mixed.pdf")
    assert note in text.split("\n")  # a paragraph of its own, not joined to the prose
    turned = text[starts[1] :]
    assert "创建123家" in turned and "比重为32.4%，" in turned  # wraps joined on the turned page
    assert "工作报告" not in turned
    assert_map_exact(data, text, char_map)


def test_documents_imported_earlier_get_their_map_from_the_bytes():
    import pypdfium2

    data = build([Page(paragraphs=PROSE), Page(paragraphs=PROSE[:1])])
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(data)
        pages = [read_page(pdf, i) for i in range(len(pdf))]
        pdf.close()
    old_text, _, _ = printed_text(pages)
    char_map = map_stored_text(data, old_text)
    assert char_map is not None
    assert_map_exact(data, old_text, char_map)
    new_text, _, _ = read_pdf(data, "x.pdf")
    assert map_stored_text(data, new_text) is not None
    assert map_stored_text(data, old_text + "changed") is None


@pytest.mark.parametrize("pages", [300])
def test_three_hundred_pages(pages):
    data = build([Page(paragraphs=PROSE * 3) for _ in range(pages)])
    text, starts, char_map = read_pdf(data, "big.pdf")
    assert len(starts) == pages
    assert text.count("创建123家专精特新") == 3 * pages
    assert char_map.from_bytes(char_map.to_bytes()).runs == char_map.runs
    assert len(char_map.to_bytes()) < 100_000


def test_a_report_printed_36_characters_a_line_reads_as_its_paragraphs():
    """A department report printed to PDF reads back as the paragraphs it was printed from,
    so every value the text states is whole again (pdfium's lines split several)."""
    import json
    from pathlib import Path

    data_dir = Path(__file__).parent.parent / "data"
    source = (data_dir / "tianjin_industry_2025.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in source.split("\n") if p.strip()]
    lines = [line for p in paragraphs for line in wrap(p, 36)]
    data = build([Page(lines=lines[i : i + 33]) for i in range(0, len(lines), 33)])
    text, starts, char_map = read_pdf(data, "report.pdf")
    assert [p.strip("\u3000") for p in text.split("\n") if p.strip()] == paragraphs
    assert len(starts) > 5
    gold = (data_dir / "tianjin_industry_2025.gold.jsonl").read_text(encoding="utf-8")
    mentions = [json.loads(row)["mention"] for row in gold.splitlines() if row.strip()]
    mentions = [m for m in mentions if "\n" not in m]  # one gold row spans two paragraphs
    printed = read_printed(data)
    split_by_pdfium = [m for m in mentions if m in source and m not in printed]
    assert split_by_pdfium  # the printed lines do split values
    assert all(m in text for m in split_by_pdfium)
    assert_map_exact(data, text, char_map)


def read_printed(data: bytes) -> str:
    import pypdfium2

    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(data)
        try:
            return printed_text([read_page(pdf, i) for i in range(len(pdf))])[0]
        finally:
            pdf.close()


def test_a_number_near_the_bottom_margin_that_is_not_the_page_number_stays():
    last_lines = Page(lines=["全年新增市场主体（万户）：", "12.5"], top=80)  # 12.5 sits at y=60
    data = build([last_lines, Page(paragraphs=PROSE)])
    text, _, _ = read_pdf(data, "numbers.pdf")
    assert "12.5" in text.split("\n")
    assert "- 1 -" not in text and "- 2 -" not in text


def test_qt_drawn_pdf_radicals_read_as_ideographs_and_lines_join(make_pdf):
    """Qt writes some CJK glyphs as the look-alike Kangxi radicals (⼯ for 工, ⻓ for 长):
    the reading text has the ideographs, one for one, so the map stays exact."""
    lines = [
        "全市规模以上工业企业营业收入同比增长，",
        "工业投资持续扩大，长期向好的基本面没有",
        "改变。",
    ]
    path = make_pdf("qt.pdf", [lines])
    data = path.read_bytes()
    assert "⼯" in page_chars(data)[0]  # what pdfium reads from this file
    text, _, char_map = read_pdf(data, "qt.pdf")
    assert text == "".join(lines)
    assert sum(run.length for run in char_map.runs) == len(text)
