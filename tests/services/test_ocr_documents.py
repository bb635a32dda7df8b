"""A scanned document imported through OCR: stored boxes, confidence, warnings, exports."""

import json

from indicite.services import review
from indicite.services.documents import import_file
from indicite.services.export import export
from indicite.services.indicators import create_indicator
from indicite.services.ocr_confidence import LOW_CONFIDENCE_NOTE, low_confidence_offsets
from indicite.services.pdf_pages import pdf_source
from indicite.services.suggestions import accept, open_suggestions
from indicite.services.users import add_user, ensure_user
from ocr_samples import SCAN_LINES, draw_page, import_scan, needs_ocr, read_uncertainly

pytestmark = needs_ocr


def test_a_picture_is_stored_with_its_recognised_text_and_boxes(session, tmp_path):
    doc_id = import_scan(session, tmp_path)
    doc = session.store.documents.get(doc_id)
    assert doc.doc_type == "image"
    assert doc.text.split("\n")[1].startswith("金融机构本外币存款余额4.59万亿元")
    source = pdf_source(session, doc_id)
    assert source is not None and source.mapped and set(source.recognised) == {0}
    assert low_confidence_offsets(session, doc_id) == []  # clean drawn text: no doubts


def test_suggestions_over_uncertain_characters_carry_a_warning_the_entry_keeps(session, tmp_path):
    doc_id = import_scan(session, tmp_path)
    start, end = read_uncertainly(session, doc_id, "4.59")
    assert low_confidence_offsets(session, doc_id) == list(range(start, end))
    doc = session.store.documents.get(doc_id)
    warned = {s.value_text: s.note for s in open_suggestions(session, doc)}
    assert LOW_CONFIDENCE_NOTE in warned["4.59万亿元"]
    assert LOW_CONFIDENCE_NOTE not in warned["16737.30亿元"]
    uncertain = next(s for s in open_suggestions(session, doc) if s.value_text == "4.59万亿元")
    assert LOW_CONFIDENCE_NOTE in accept(session, doc_id, uncertain).notes


def test_the_review_queue_flags_entries_quoting_uncertain_characters(session, tmp_path):
    ensure_user(session)
    add_user(session, "eve", "editor")
    doc_id = import_scan(session, tmp_path)
    read_uncertainly(session, doc_id, "4.59")
    text = session.store.documents.get(doc_id).text
    flags = {}
    for needle in ("4.59万亿元", "16737.30亿元"):
        start = text.index(needle)
        ind = create_indicator(session, doc_id, {"name": needle}, [(start, start + len(needle))])
        review.submit(session, ind.id, ind.version)
    for entry in review.review_queue(session):
        flags[entry.name] = entry.low_confidence
    assert flags == {"4.59万亿元": True, "16737.30亿元": False}


def test_exports_give_a_picture_citation_its_page_and_rectangle_in_pixels(session, tmp_path):
    doc_id = import_scan(session, tmp_path)
    text = session.store.documents.get(doc_id).text
    start = text.index("16737.30")
    create_indicator(session, doc_id, {"name": "GDP"}, [(start, start + 8)])
    out = tmp_path / "out.json"
    export(session, out, "json")
    ((citation,),) = [o["citations"] for o in json.loads(out.read_text(encoding="utf-8"))]
    assert citation["page"] == 1
    x0, y0, x1, y1 = (float(v) for v in citation["rects"].split(","))  # one printed line
    image, drawn = draw_page(SCAN_LINES, size=28, width=900, height=740)
    left, top, right, bottom = drawn[0].box  # pixels from the top; rects: from the bottom
    assert left < x0 < x1 < right
    assert x1 - x0 < 0.4 * (right - left)  # the number, not its line
    assert image.height - bottom - 10 < y0 < y1 < image.height - top + 10


def test_a_table_on_a_scan_is_recognised_as_a_table_and_its_cells_suggested(session, tmp_path):
    from indicite.services.tables import tables_of
    from ocr_samples import TABLE_ROWS

    image, _ = draw_page(["表1 主要指标", *TABLE_ROWS], size=28)
    path = tmp_path / "table.png"
    image.save(path)
    doc = session.store.documents.get(import_file(session, path).document_id)
    (table,) = tables_of(session, doc)
    cells = {(c.row, c.col): doc.text[c.start : c.end] for c in table.cells}
    assert cells[2, 1] == "5192.13" and cells[0, 2] == "增长%"
    by_value = {s.value_text: s for s in open_suggestions(session, doc)}
    cell = by_value["5192.13"]
    # named from the row's stub as recognised (its 亿元 moved to the unit)
    assert cell.indicator.startswith("工业增加") and cell.indicator in cells[2, 0]
    assert cell.unit == "亿元"
