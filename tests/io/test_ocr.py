"""OCR of pictures drawn from known Chinese text: the numbers must come out right, and each
recognised character must sit where it was drawn."""

import difflib
import unicodedata

import pytest

from indicite.io.pdf_pages import PdfPages
from indicite.io.readers import read_file
from indicite.io.scan_reader import picture_as_pdf
from ocr_samples import NUMBER_LINES, TABLE_ROWS, draw_page, needs_ocr

pytestmark = needs_ocr

NUMBER_CHARS = set("0123456789.%万亿")


@pytest.fixture(scope="module")
def picture(tmp_path_factory):
    """One page of numbers and a small table, as a PNG, read once for the module."""
    image, drawn = draw_page([*NUMBER_LINES, *TABLE_ROWS])
    path = tmp_path_factory.mktemp("ocr") / "communique.png"
    image.save(path)
    return read_file(path), drawn, image.height


def number_accuracy(expected: str, got: str) -> tuple[int, int]:
    """(right, total) over the digits, points, % and 万/亿 of ``expected``, aligned with
    ``got`` (spaces ignored): a character counts when it is matched to the same one."""
    expected, got = "".join(expected.split()), "".join(got.split())
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    right = sum(
        1
        for tag, i1, i2, _, _ in matcher.get_opcodes()
        if tag == "equal"
        for ch in expected[i1:i2]
        if ch in NUMBER_CHARS
    )
    return right, sum(1 for ch in expected if ch in NUMBER_CHARS)


def test_digits_points_percent_and_magnitudes_are_read_right(picture):
    result, drawn, _ = picture
    right, total = number_accuracy("".join(d.text for d in drawn), result.text)
    assert total > 140
    assert right / total >= 0.995, f"{right} of {total} number characters right"


def test_the_text_is_the_lines_in_reading_order_and_table_cells_stay_apart(picture):
    result, _, _ = picture
    assert result.doc_type == "image"
    assert result.text.index("16737.30亿元") < result.text.index("4.59万亿元")
    assert result.text.index("4.59万亿元") < result.text.index("常住人口")
    row = next(line for line in result.text.split("\n") if line.startswith("工业增加值"))
    # the recogniser reads full-width brackets as ASCII ones
    assert row.split() == [unicodedata.normalize("NFKC", cell) for cell in TABLE_ROWS[2]]


def test_each_recognised_number_has_its_box_where_it_was_drawn(picture):
    result, drawn, height = picture
    pages = PdfPages(picture_as_pdf(result.content), result.ocr_pages)
    try:
        for needle, line in (("4.59万亿元", NUMBER_LINES[9]), ("5192.13", "5192.13")):
            target = next(d for d in drawn if d.text == line)
            start = result.text.index(needle)
            ((page, rects),) = pages.span_rects(result.char_map, start, start + len(needle))
            assert page == 1 and len(rects) == 1
            x0, y0, x1, y1 = rects[0]
            left, top, right, bottom = target.box  # pixels, y down; the page is y up
            # within a third of the text's size (the detector's box is a little loose)
            assert left - 10 <= x0 < x1 <= right + 10
            assert height - bottom - 10 <= y0 < y1 <= height - top + 10
            # the number's box is a part of the line, not the whole of it
            if needle != line:
                assert x1 - x0 < 0.5 * (right - left)
    finally:
        pages.close()


def test_a_scanned_pdf_is_read_with_boxes_in_points(tmp_path):
    image, drawn = draw_page(NUMBER_LINES[:2], size=28, width=900, height=1000)
    path = tmp_path / "scan.pdf"
    image.save(path, "PDF", resolution=150.0)  # a scanner's picture, no text layer
    result = read_file(path, progress=None)
    assert result.doc_type == "pdf"
    assert "16737.30亿元" in result.text and "9.7%" in result.text
    assert set(result.ocr_pages) == {0}
    start = result.text.index("16737.30")
    with open(path, "rb") as f:
        pages = PdfPages(f.read(), result.ocr_pages)
    try:
        ((_, rects),) = pages.span_rects(result.char_map, start, start + 8)
        left, top, right, _ = next(d for d in drawn if d.text == NUMBER_LINES[0]).box
        width_pt, height_pt = pages.display_size(0)
        x0, _, x1, y1 = rects[0]
        assert width_pt == pytest.approx(900 * 72 / 150, abs=1)
        assert left * 72 / 150 < x0 < x1 < right * 72 / 150 + 2
        assert y1 == pytest.approx(height_pt - top * 72 / 150, abs=4)
    finally:
        pages.close()


def test_each_recognised_page_is_reported(tmp_path):
    frames = [draw_page([line], width=400)[0] for line in ("第一页增长5.1%。", "第二页下降0.9%。")]
    path = tmp_path / "fax.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    heard = []
    result = read_file(path, progress=lambda done, total: heard.append((done, total)))
    assert heard == [(0, 2), (1, 2), (2, 2)]  # before each page, and at the end
    assert result.page_starts is not None and len(result.page_starts) == 2
    assert result.text[result.page_starts[1] :] == "第二页下降0.9%。"
    shown = PdfPages(picture_as_pdf(path.read_bytes()))
    try:
        assert shown.count == 2
        assert shown.display_size(1) == pytest.approx(frames[1].size)  # a point per pixel
    finally:
        shown.close()


def test_a_pdf_mixing_text_pages_and_a_scan_reads_each_page_its_own_way(tmp_path):
    import pypdfium2

    from pdf_samples import PROSE, Page, build

    image, _ = draw_page(NUMBER_LINES[:1], size=28, width=900, height=1000)
    image.save(tmp_path / "scan.pdf", "PDF", resolution=150.0)
    mixed = pypdfium2.PdfDocument(build([Page(paragraphs=PROSE[:1])], numbers=False))
    scan = pypdfium2.PdfDocument(tmp_path / "scan.pdf")
    mixed.import_pages(scan)
    path = tmp_path / "mixed.pdf"
    mixed.save(path)
    mixed.close()
    scan.close()

    result = read_file(path)
    assert set(result.ocr_pages) == {1}  # only the scanned page went through OCR
    second = result.text[result.page_starts[1] :]
    assert second.startswith("全市地区生产总值16737.30亿元")
    pages = PdfPages(path.read_bytes(), result.ocr_pages)
    try:
        printed = result.text.index(PROSE[0][:6])
        for start, length, page in ((printed, 6, 1), (result.page_starts[1] + 8, 8, 2)):
            ((number, rects),) = pages.span_rects(result.char_map, start, start + length)
            assert number == page and len(rects) == 1
    finally:
        pages.close()


def test_a_scan_stored_turned_reads_upright_and_its_boxes_are_in_page_space(tmp_path):
    """A scanner that stores the page on its side with /Rotate 90: the reader sees it upright
    and the rectangles are in unrotated page space, like pdfium's."""
    import pypdfium2

    from indicite.core.page_boxes import Turn

    image, drawn = draw_page(NUMBER_LINES[:2], size=28, width=900, height=740)
    image.rotate(90, expand=True).save(tmp_path / "side.pdf", "PDF", resolution=72.0)
    pdf = pypdfium2.PdfDocument(tmp_path / "side.pdf")
    pdf[0].set_rotation(90)
    path = tmp_path / "turned.pdf"
    pdf.save(path)
    pdf.close()

    result = read_file(path)
    assert result.text.startswith("全市地区生产总值16737.30亿元")
    pages = PdfPages(path.read_bytes(), result.ocr_pages)
    try:
        start = result.text.index("16737.30")
        ((_, rects),) = pages.span_rects(result.char_map, start, start + 8)
        media_width, media_height = image.height, image.width  # stored on its side
        x0, y0, x1, y1 = Turn(90, media_width, media_height).up(rects[0])
        left, top, right, bottom = drawn[0].box  # as displayed: pixels = points, y down
        assert left - 10 <= x0 < x1 <= right + 10
        assert image.height - bottom - 10 <= y0 < y1 <= image.height - top + 10
    finally:
        pages.close()
