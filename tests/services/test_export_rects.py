"""PDF citations export their page and the rectangles another tool can draw."""

import csv
import json

from indicite.services.documents import import_file
from indicite.services.export import export
from indicite.services.indicators import add_citation, create_indicator
from pdf_samples import PROSE, Page, build, wrap


def read_back(data: bytes, page: int, rects: str) -> str:
    """pdfium's text inside each exported rectangle, lines joined."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        textpage = pdf[page - 1].get_textpage()
        parts = []
        for line in rects.split("\n"):
            x0, y0, x1, y1 = (float(v) for v in line.split(","))
            parts.append(textpage.get_text_bounded(x0, y0, x1, y1).strip())
        return "".join(parts)
    finally:
        pdf.close()


def test_each_rectangle_reads_back_the_quote(session, tmp_path):
    lines = wrap(PROSE[0], 36)
    data = build([Page(paragraphs=PROSE), Page(lines=lines[:2]), Page(lines=lines[2:], rotate=90)])
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    doc_id = import_file(session, path).document_id
    text = session.store.documents.get(doc_id).text
    wrapped = text.index("32.4%")
    one_line = text.index("创建123家")
    over_pages = text.index(lines[1][-4:], text.index("\n\n"))  # runs onto the turned page
    ind = create_indicator(session, doc_id, {"name": "比重"}, [(wrapped, wrapped + 5)])
    add_citation(session, ind.id, (one_line, one_line + 6), ind.version)
    create_indicator(session, doc_id, {"name": "跨页"}, [(over_pages, over_pages + 8)])

    out = tmp_path / "out.json"
    export(session, out, "json")
    by_name = {o["name"]: o["citations"] for o in json.loads(out.read_text(encoding="utf-8"))}
    first, second = by_name["比重"]
    assert first["page"] == 1 and len(first["rects"].split("\n")) == 2  # one per printed line
    assert read_back(data, first["page"], first["rects"]) == "32.4%"
    assert len(second["rects"].split("\n")) == 1
    assert read_back(data, second["page"], second["rects"]) == "创建123家"
    (over,) = by_name["跨页"]
    assert over["page"] == 2
    mine, theirs = over["rects"].split("\np3:")
    quote = text[over_pages : over_pages + 8]
    assert read_back(data, 2, mine) + read_back(data, 3, theirs) == quote

    csv_out = tmp_path / "out.csv"
    export(session, csv_out, "csv")
    with csv_out.open(encoding="utf-8-sig", newline="") as f:
        rows = {r["name"]: r for r in csv.DictReader(f)}
    assert rows["比重"]["rects"] == first["rects"]
    with (tmp_path / "out.citations.csv").open(encoding="utf-8-sig", newline="") as f:
        (extra,) = csv.DictReader(f)
    assert extra["rects"] == second["rects"]


def test_documents_without_pages_have_no_rectangles(session, sample_doc, tmp_path):
    text = session.store.documents.get(sample_doc).text
    start = text.index("4.2%")
    create_indicator(session, sample_doc, {"name": "增速"}, [(start, start + 4)])
    out = tmp_path / "out.json"
    export(session, out, "json")
    ((citation,),) = [o["citations"] for o in json.loads(out.read_text(encoding="utf-8"))]
    assert citation["rects"] is None and citation["page"] is None
