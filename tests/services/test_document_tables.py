"""Tables kept with an imported document: they survive reopening, suggestions and citations use
them, exports name the cited cell, and the three table-heavy golds are met."""

import json
from pathlib import Path

import pytest

from indicite.services.documents import import_file
from indicite.services.export import export
from indicite.services.session import Session
from indicite.services.suggestions import accept, open_suggestions, suggestions_for_text
from indicite.services.tables import read_with_tables, tables_of

DATA = Path(__file__).resolve().parents[1] / "data"


def test_tables_survive_reopening_and_a_cell_is_cited_with_its_headers(store_location, tmp_path):
    session = Session.open(store_location, "tester")
    doc_id = import_file(session, DATA / "daqing_2012_tables.html").document_id
    session.close()

    session = Session.open(store_location, "tester")
    try:
        doc = session.store.documents.get(doc_id)
        tables = tables_of(session, doc)
        assert [t.number for t in tables] == [1, 2, 3, 4, 5, 6]
        assert tables[3].caption == "2012年规模以上工业企业主要产品产量"
        assert all(t.source == "markup" for t in tables)
        oil = next(
            s for s in open_suggestions(session, doc) if s.indicator.startswith("原油加工量")
        )
        assert (oil.text, oil.unit, oil.table) == ("1286.5", "万吨", 4)
        entry = accept(session, doc_id, oil)
        assert (entry.citations[0].start, entry.citations[0].end) == (oil.start, oil.end)
        out = tmp_path / "out.json"
        export(session, out, "json")
    finally:
        session.close()
    (row,) = json.loads(out.read_text(encoding="utf-8"))
    cited = row["citations"][0]
    assert cited["table"] == "表4 2012年规模以上工业企业主要产品产量"
    assert (cited["row_label"], cited["column_label"]) == ("原油加工量 · 万吨", "产 量")


def test_prose_citations_export_no_table(session, sample_doc, tmp_path):
    from indicite.services.indicators import create_indicator

    create_indicator(session, sample_doc, {"name": "x", "value": 1}, [(0, 4)])
    export(session, tmp_path / "out.csv", "csv")
    import csv

    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert (row["table"], row["row_label"], row["column_label"]) == ("", "", "")


def _score(text, gold, sugg):
    """The rules of ../shared/tools/eval_suggestions.py: overlap hits; exact = value and unit."""

    def overlaps(a, b):
        return a["start"] < b["end"] and b["start"] < a["end"]

    def close(a, b):
        return abs(abs(float(a)) - abs(float(b))) <= 1e-3 * max(abs(float(a)), abs(float(b)), 1e-9)

    for g in gold:
        assert text[g["start"] : g["end"]] == g["mention"]
    hits = exact = 0
    for g in gold:
        cands = [s for s in sugg if overlaps(s, g)]
        hits += bool(cands)
        exact += any(
            close(s["base_value"], g["value"]) and s["base_unit"] == g["unit"] for s in cands
        )
    true_pos = [s for s in sugg if any(overlaps(s, g) for g in gold)]
    return hits / len(gold), len(true_pos) / len(sugg), exact / len(gold)


@pytest.mark.parametrize(
    "source, name",
    [
        ("daqing_2012_tables.html", "daqing_2012_tables"),
        ("industrial_profits_tables.txt", "industrial_profits_tables"),
        ("yearbook_gdp.xlsx", "yearbook_gdp"),
        # the same tables as plain text (copied out): structure inferred, not read from markup
        ("daqing_2012_tables.txt", "daqing_2012_tables"),
        ("yearbook_gdp.txt", "yearbook_gdp"),
    ],
)
def test_table_heavy_documents_meet_the_targets(source, name):
    text, tables = read_with_tables(DATA / source)
    assert text == (DATA / f"{name}.txt").read_text(encoding="utf-8")
    lines = (DATA / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines]
    sugg = [s.to_json_dict() for s in suggestions_for_text(text, None, "", tables)]
    recall, precision, exact = _score(text, gold, sugg)
    assert recall >= 0.97 and precision >= 0.95 and exact >= 0.93, (recall, precision, exact)


def test_a_word_file_keeps_its_table_and_its_tab_aligned_paragraphs(session, tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("表1 主要指标")
    for line in ("指标\t1-10月（亿元）", "营业收入\t1103450.2", "利润总额\t59502.9"):
        document.add_paragraph(line)
    document.add_paragraph("表2 产量")
    table = document.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate((("产品", "产量（万吨）"), ("粗钢", "7200.4"), ("水泥", "14910.0"))):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    path = tmp_path / "mixed.docx"
    document.save(path)
    doc = session.store.documents.get(import_file(session, path).document_id)
    tables = session.store.tables.for_document(doc.id)
    assert [(t.number, t.source, t.caption) for t in tables] == [
        (1, "inferred", "表1 主要指标"),
        (2, "markup", "表2 产量"),
    ]
    found = {s.text: s for s in suggestions_for_text(doc.text, None, "", tables)}
    assert (found["59502.9"].unit, found["7200.4"].unit) == ("亿元", "万吨")
