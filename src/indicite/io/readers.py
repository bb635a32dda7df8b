"""Turn a file's bytes into the reading text that citations point into."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from indicite.core.errors import ImportRefused
from indicite.io.docx_reader import read_docx
from indicite.io.html_reader import read_html
from indicite.io.pdf_reader import read_pdf
from indicite.io.text_reader import read_text

MAX_FILE_BYTES = 50 * 1024 * 1024
# Longer texts make every later step (display, suggestions, search) too slow to use; no
# report or communiqué comes near it (a 1,000-page book is about 1 million characters).
MAX_TEXT_CHARS = 20_000_000


@dataclass(frozen=True)
class ReadResult:
    """What an importer stores: the text, page starts for paged formats, the original bytes."""

    text: str
    content: bytes
    doc_type: str
    page_starts: list[int] | None = None


def _unpaged(reader: Callable[[bytes, str], str]):
    return lambda content, name: (reader(content, name), None)


# extension -> (doc_type, reader returning the text and the page starts or None)
_READERS: dict[str, tuple[str, Callable[[bytes, str], tuple[str, list[int] | None]]]] = {
    ".txt": ("txt", _unpaged(read_text)),
    ".md": ("md", _unpaged(read_text)),
    ".docx": ("docx", _unpaged(read_docx)),
    ".pdf": ("pdf", read_pdf),
    ".html": ("html", _unpaged(read_html)),
    ".htm": ("html", _unpaged(read_html)),
}
SUPPORTED_EXTENSIONS = tuple(_READERS)


def read_file(path: Path) -> ReadResult:
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
    text, page_starts = reader(content, name)
    if text.startswith("\ufeff"):  # a second BOM would be dropped again on import
        dropped = len(text) - len(text.lstrip("\ufeff"))
        text = text[dropped:]
        if page_starts:
            page_starts = [max(0, start - dropped) for start in page_starts]
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
    return ReadResult(text=text, content=content, doc_type=doc_type, page_starts=page_starts)


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
