"""Turn a file's bytes into the reading text that citations point into."""

from dataclasses import dataclass
from pathlib import Path

from indicite.core.errors import ImportRefused

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ReadResult:
    """What an importer stores: the text, page starts for paged formats, the original bytes."""

    text: str
    content: bytes
    doc_type: str
    page_starts: list[int] | None = None


def read_file(path: Path) -> ReadResult:
    """Read any supported file; raise ImportRefused with a one-line reason otherwise."""
    raise NotImplementedError  # the io helper replaces this body
