"""Scans: PDF pages without a text layer and PNG/JPEG/TIFF pictures, read by OCR.

A picture is a document of one page per frame (a TIFF may hold several); its page is the
picture itself, one point per pixel, so the page view shows it like a PDF page
(``picture_as_pdf``) and its boxes and exported rectangles are in pixels from its
bottom-left corner.
"""

import io

from indicite.core.char_map import CharMap
from indicite.core.errors import ImportRefused
from indicite.core.ocr_page import OcrPage
from indicite.core.page_boxes import Turn
from indicite.io.ocr import OCR_DPI, PageProgress, page_text, recognise, require_ocr
from indicite.io.pdf_text import PDFIUM_LOCK, PageText, reading_text

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")


def recognise_pdf_pages(
    content: bytes, numbers: list[int], progress: PageProgress | None
) -> dict[int, tuple[OcrPage, PageText]]:
    """OCR of the given pages of a PDF, rendered at OCR_DPI; pdfium is locked per page."""
    import pypdfium2

    scale = OCR_DPI / 72
    out: dict[int, tuple[OcrPage, PageText]] = {}
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(content)
    try:
        for done, number in enumerate(numbers):
            if progress is not None:
                progress(done, len(numbers))
            with PDFIUM_LOCK:
                page = pdf[number]
                try:
                    width, height = page.get_width(), page.get_height()
                    rotation = page.get_rotation()
                    bitmap = page.render(scale=scale, rev_byteorder=True)
                    rgb = bitmap.to_numpy().copy()
                    bitmap.close()
                finally:
                    page.close()
            media = (height, width) if rotation % 180 else (width, height)
            turn = Turn(rotation, *media)
            recognised = recognise(rgb, scale, height, turn)
            out[number] = (recognised, page_text(recognised, number, height, turn))
    finally:
        with PDFIUM_LOCK:
            pdf.close()
    if progress is not None:
        progress(len(numbers), len(numbers))
    return out


def read_picture(
    content: bytes, name: str, progress: PageProgress | None = None
) -> tuple[str, list[int], CharMap, dict[int, OcrPage]]:
    """The recognised text of a picture, its page starts, character map and OCR pages."""
    require_ocr(name, picture=True)
    import numpy
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            frames = [frame.convert("RGB") for frame in ImageSequence.Iterator(image)]
    except (UnidentifiedImageError, OSError, ValueError):
        raise ImportRefused(
            "{name} is not a picture that can be read, or it is damaged; "
            "check that it is the right file",
            name=name,
        ) from None
    ocr: dict[int, OcrPage] = {}
    pages: list[PageText] = []
    for number, frame in enumerate(frames):
        if progress is not None:
            progress(number, len(frames))
        recognised = recognise(numpy.asarray(frame), 1.0, frame.height)
        ocr[number] = recognised
        pages.append(page_text(recognised, number, frame.height))
    if progress is not None:
        progress(len(frames), len(frames))
    text, starts, char_map = reading_text(pages)
    if not text.strip():
        raise ImportRefused("{name}: no text was recognised in the picture", name=name)
    return text, starts, char_map, ocr


def picture_as_pdf(content: bytes) -> bytes:
    """The picture as a PDF of one point per pixel, one page per frame, for the page view."""
    from PIL import Image, ImageSequence

    with Image.open(io.BytesIO(content)) as image:
        frames = [frame.convert("RGB") for frame in ImageSequence.Iterator(image)]
    out = io.BytesIO()
    frames[0].save(out, "PDF", resolution=72.0, save_all=True, append_images=frames[1:])
    return out.getvalue()
