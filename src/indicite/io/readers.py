"""Turn a file's bytes into the reading text that citations point into."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from indicite.core.char_map import CharMap
from indicite.core.errors import ImportRefused
from indicite.core.ocr_page import OcrPage
from indicite.core.tables import Table
from indicite.io.docx_reader import read_docx_tables
from indicite.io.html_reader import read_html_tables
from indicite.io.ocr import PageProgress
from indicite.io.pdf_reader import read_pdf
from indicite.io.scan_reader import read_picture
from indicite.io.sheet_reader import read_csv_tables, read_xlsx_tables
from indicite.io.text_reader import read_text

MAX_FILE_BYTES = 50 * 1024 * 1024
# Longer texts make every later step (display, suggestions, search) too slow to use; no
# report or communiqué comes near it (a 1,000-page book is about 1 million characters).
MAX_TEXT_CHARS = 20_000_000


@dataclass(frozen=True)
class ReadResult:
    """What an importer stores: the text, page starts for paged formats, the original bytes.

    ``tables`` is the structure the file's markup gave (HTML, DOCX, XLSX, CSV); None for
    formats without markup, whose tables are inferred from the text.
    """

    text: str
    content: bytes
    doc_type: str
    page_starts: list[int] | None = None
    tables: list[Table] | None = None
    char_map: CharMap | None = None  # where each character sits on the pages (PDF)
    ocr_pages: dict[int, OcrPage] | None = None  # what OCR read on scanned pages (from 0)


_Read = tuple[str, list[int] | None, list[Table] | None, CharMap | None, dict[int, OcrPage]]
_Reader = Callable[[bytes, str, PageProgress | None], _Read]


def _plain(reader: Callable[[bytes, str], str]) -> _Reader:
    return lambda content, name, _progress: (reader(content, name), None, None, None, {})


def _marked_up(reader: Callable[[bytes, str], tuple[str, list[Table]]]) -> _Reader:
    def read(content: bytes, name: str, _progress: PageProgress | None) -> _Read:
        text, tables = reader(content, name)
        return text, None, tables, None, {}

    return read


def _paged(content: bytes, name: str, progress: PageProgress | None) -> _Read:
    recognised: dict[int, OcrPage] = {}
    text, page_starts, char_map = read_pdf(content, name, progress=progress, recognised=recognised)
    return text, page_starts, None, char_map, recognised


def _picture(content: bytes, name: str, progress: PageProgress | None) -> _Read:
    text, page_starts, char_map, recognised = read_picture(content, name, progress)
    return text, page_starts, None, char_map, recognised


# extension -> (doc_type, reader returning the text, the page starts, the marked-up tables,
# the character map and the pages OCR read)
_READERS: dict[str, tuple[str, _Reader]] = {
    ".txt": ("txt", _plain(read_text)),
    ".md": ("md", _plain(read_text)),
    ".docx": ("docx", _marked_up(read_docx_tables)),
    ".pdf": ("pdf", _paged),
    ".html": ("html", _marked_up(read_html_tables)),
    ".htm": ("html", _marked_up(read_html_tables)),
    ".xlsx": ("xlsx", _marked_up(read_xlsx_tables)),
    ".csv": ("csv", _marked_up(read_csv_tables)),
    ".png": ("image", _picture),
    ".jpg": ("image", _picture),
    ".jpeg": ("image", _picture),
    ".tif": ("image", _picture),
    ".tiff": ("image", _picture),
}
SUPPORTED_EXTENSIONS = tuple(_READERS)


def read_file(path: Path, progress: PageProgress | None = None) -> ReadResult:
    """Read any supported file; raise ImportRefused with a one-line reason otherwise.

    The text is already what DESIGN.md says is stored (BOM dropped, LF newlines), so
    normalize_newlines leaves it, and the page starts, unchanged.
    """
    path = Path(path)
    name = path.name or str(path)
    if not path.exists():
        raise ImportRefused("{path} does not exist; check the name and folder", path=path)
    if path.is_dir():
        raise ImportRefused("{name} is a folder, not a file; choose the files inside it", name=name)
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        supported = ", ".join(SUPPORTED_EXTENSIONS)
        if path.suffix:
            raise ImportRefused(
                "{name}: '{suffix}' files cannot be imported; supported: {supported}",
                name=name,
                suffix=path.suffix,
                supported=supported,
            )
        raise ImportRefused(
            "{name}: files without an extension cannot be imported; supported: {supported}",
            name=name,
            supported=supported,
        )
    if not path.is_file():
        raise ImportRefused(
            "{name} is not a regular file; copy it to a normal file first", name=name
        )
    content = _read_bytes(path, name)
    if not content:
        raise ImportRefused("{name} is empty (0 bytes); check that it is the right file", name=name)
    doc_type, reader = _READERS[suffix]
    text, page_starts, tables, char_map, recognised = reader(content, name, progress)
    if text.startswith("\ufeff"):  # a second BOM would be dropped again on import
        dropped = len(text) - len(text.lstrip("\ufeff"))
        text = text[dropped:]
        if page_starts:
            page_starts = [max(0, start - dropped) for start in page_starts]
        if tables:
            tables = [t.shifted(-dropped) for t in tables]
        if char_map:
            char_map = char_map.shifted(-dropped)
    if len(text) > MAX_TEXT_CHARS:
        raise ImportRefused(
            "{name} holds {chars:,} characters, over the limit of {limit:,}; "
            "split it into smaller documents",
            name=name,
            chars=len(text),
            limit=MAX_TEXT_CHARS,
        )
    if not text.strip():
        raise ImportRefused("{name} contains no text; check that it is the right file", name=name)
    return ReadResult(
        text=text,
        content=content,
        doc_type=doc_type,
        page_starts=page_starts,
        tables=tables,
        char_map=char_map,
        ocr_pages=recognised or None,
    )


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise _too_big(name)
        with path.open("rb") as f:
            content = f.read(MAX_FILE_BYTES + 1)  # the file may grow after stat()
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise ImportRefused(
            "{name} cannot be read ({reason}); check its permissions", name=name, reason=reason
        ) from None
    if len(content) > MAX_FILE_BYTES:
        raise _too_big(name)
    return content


def _too_big(name: str) -> ImportRefused:
    return ImportRefused(
        "{name} is larger than the {limit_mb} MB import limit; split it into smaller files",
        name=name,
        limit_mb=MAX_FILE_BYTES // (1024 * 1024),
    )
