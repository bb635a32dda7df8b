"""PDF (.pdf) through pdfium: the text layer of each page, pages separated by a blank line."""

from indicite.core.errors import ImportRefused
from indicite.core.text import normalize_newlines

PAGE_SEPARATOR = "\n\n"


def read_pdf(content: bytes, name: str) -> tuple[str, list[int]]:
    """The text of all pages and the code-point offset where each page's text starts."""
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
        pdf = pypdfium2.PdfDocument(content)
    except pypdfium2.PdfiumError as e:
        if e.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ImportRefused(
                "{name} is password-protected: remove the password and import again", name=name
            ) from None
        raise _damaged(name) from None
    try:
        pages = [_page_text(pdf, i) for i in range(len(pdf))]
    except pypdfium2.PdfiumError:
        raise _damaged(name) from None
    finally:
        pdf.close()

    if not pages:
        raise ImportRefused("{name} has no pages; check that it is the right file", name=name)
    if not any(page.strip() for page in pages):
        raise ImportRefused(
            "{name} has no text layer (a scanned PDF): run OCR first, then import the result",
            name=name,
        )
    starts = []
    offset = 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(pages), starts


def _page_text(pdf, index: int) -> str:
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    # pdfium ends lines with \r\n; NULs and BOMs are not reading text.
    return normalize_newlines(text).replace("\x00", "").replace("\ufeff", "")


def _damaged(name: str) -> ImportRefused:
    return ImportRefused(
        "{name} is damaged or truncated and cannot be read; "
        "download or export the PDF again and import the new copy",
        name=name,
    )
