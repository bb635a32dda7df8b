"""PDF (.pdf) through pdfium: the reading text of the pages, pages separated by a blank line."""

from collections.abc import Callable

from indicite.core.char_map import CharMap
from indicite.core.errors import ImportRefused
from indicite.core.ocr_page import OcrPage
from indicite.io.ocr import PageProgress, ocr_installed, require_ocr
from indicite.io.pdf_text import (
    PDFIUM_LOCK,
    PageText,
    printed_text,
    read_page,
    reading_text,
    textless,
)

Layout = Callable[[list[PageText]], tuple[str, list[int], CharMap]]


def read_pdf(
    content: bytes,
    name: str,
    *,
    progress: PageProgress | None = None,
    recognised: dict[int, OcrPage] | None = None,
) -> tuple[str, list[int], CharMap]:
    """The reading text, the offset where each page's text starts, and its character map.

    Pages without a text layer are read by OCR when the extra is installed; what OCR read
    on each of them is put in ``recognised`` (page number from 0 -> OcrPage). Without the
    extra a PDF that is all scans is refused, naming the extra.
    """
    pages = _read_pages(content, name)
    scans = [number for number, page in enumerate(pages) if textless(page)]
    if scans and ocr_installed():
        from indicite.io.scan_reader import recognise_pdf_pages

        for number, (ocr_page, page) in recognise_pdf_pages(content, scans, progress).items():
            pages[number] = page
            if recognised is not None and ocr_page.chars:  # a blank page keeps nothing
                recognised[number] = ocr_page
    text, starts, char_map = reading_text(pages)
    if not text.strip():
        if len(scans) == len(pages):
            require_ocr(name, picture=False)
        raise ImportRefused(
            "{name} has no text layer and no text was recognised on its pages; "
            "check that it is the right file",
            name=name,
        )
    return text, starts, char_map


def map_stored_text(content: bytes, text: str) -> CharMap | None:
    """The character map of a PDF imported earlier, if ``text`` is what a layout makes of it.

    Documents imported before the reading text joined soft wraps kept every printed line;
    their text never changes, so their map is rebuilt from the stored bytes with that layout.
    """
    layouts: tuple[Layout, ...] = (reading_text, printed_text)
    try:
        pages = _read_pages(content, "")
    except ImportRefused:
        return None
    for layout in layouts:
        made, _, char_map = layout(pages)
        if made == text:
            return char_map
    return None


def _read_pages(content: bytes, name: str) -> list[PageText]:
    """Every page's characters and lines; pdfium is locked page by page, so a long import
    never holds up the page view's renders for more than a page."""
    if b"%PDF-" not in content[:1024]:
        raise ImportRefused(
            "{name} is not a PDF file (no PDF header); check that it is the right file", name=name
        )
    # pdfium quietly repairs a cut-off file and shows only what survived; a complete PDF
    # ends with %%EOF (a few producers add a little padding after it).
    if b"%%EOF" not in content[-4096:]:
        raise _damaged(name)

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    try:
        with PDFIUM_LOCK:
            pdf = pypdfium2.PdfDocument(content)
            count = len(pdf)
    except pypdfium2.PdfiumError as e:
        if e.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ImportRefused(
                "{name} is password-protected: remove the password and import again", name=name
            ) from None
        raise _damaged(name) from None
    try:
        pages = []
        for index in range(count):
            with PDFIUM_LOCK:
                pages.append(read_page(pdf, index))
    except pypdfium2.PdfiumError:
        raise _damaged(name) from None
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    if not pages:
        raise ImportRefused("{name} has no pages; check that it is the right file", name=name)
    return pages


def _damaged(name: str) -> ImportRefused:
    return ImportRefused(
        "{name} is damaged or truncated and cannot be read; "
        "download or export the PDF again and import the new copy",
        name=name,
    )
