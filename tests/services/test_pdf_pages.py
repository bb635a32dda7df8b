"""A PDF document's page source: the map is stored at import, or made on first open."""

from indicite.io.pdf_text import printed_text
from indicite.services.documents import import_file
from indicite.services.pdf_pages import pdf_source
from pdf_samples import PROSE, Page, build


def test_import_stores_the_map_and_the_page_source_uses_it(session, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(build([Page(paragraphs=PROSE), Page(paragraphs=PROSE[:1])]))
    doc_id = import_file(session, path).document_id
    known, char_map = session.store.char_maps.get(doc_id)
    assert known and char_map is not None
    source = pdf_source(session, doc_id)
    text = session.store.documents.get(doc_id).text
    start = text.index("创建123家")
    ((page, first, end),) = source.char_map.chars_of(start, start + 6)
    assert page == 0 and end - first == 6


def test_a_document_imported_before_maps_gets_one_on_first_open(session, tmp_path, monkeypatch):
    import indicite.io.pdf_reader as reader

    data = build([Page(paragraphs=PROSE)])
    path = tmp_path / "old.pdf"
    path.write_bytes(data)

    # the reader of earlier versions: every printed line kept, no map recorded
    def read_as_before(content, name, **_ocr):
        with reader.PDFIUM_LOCK:
            pages = reader._read_pages(content, name)
        text, starts, _ = printed_text(pages)
        return text, starts, None

    monkeypatch.setattr("indicite.io.readers.read_pdf", read_as_before)
    doc_id = import_file(session, path).document_id
    assert session.store.char_maps.get(doc_id) == (False, None)
    text = session.store.documents.get(doc_id).text

    source = pdf_source(session, doc_id)
    assert source is not None and source.char_map is not None
    known, stored = session.store.char_maps.get(doc_id)
    assert known and stored.runs == source.char_map.runs
    start = text.index("社会消费品")
    assert source.char_map.chars_of(start, start + 5)


def test_a_text_document_has_no_pages(session, sample_doc):
    assert pdf_source(session, sample_doc) is None
