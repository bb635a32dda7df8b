"""Word documents (.docx): paragraphs and tables in document order, one line each."""

import io
import zipfile

from indicite.core.errors import ImportRefused
from indicite.core.text import normalize_newlines

# A .docx is a zip; refuse one that would unpack to more than this (a zip bomb).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024


def read_docx(content: bytes, name: str) -> str:
    """One line per paragraph and per table row (cells separated by tabs)."""
    _check_zip(content, name)

    import docx
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(content))
        lines = list(_lines(document))
    except (OpcError, LxmlError, KeyError, ValueError, zipfile.BadZipFile):
        raise _damaged(name) from None
    except (AttributeError, TypeError):
        # python-docx assumes w:document at the root; another root breaks its attribute access
        raise _damaged(name) from None
    return normalize_newlines("\n".join(lines))


def _check_zip(content: bytes, name: str) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        raise _damaged(name) from None
    if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise ImportRefused(
            "{name} would unpack to more than {limit_mb} MB "
            "(a damaged or malicious file); open it in Word, save a copy and import that",
            name=name,
            limit_mb=MAX_UNZIPPED_BYTES // (1024 * 1024),
        )
    if "word/document.xml" not in {m.filename for m in members}:
        raise _damaged(name)


def _lines(document):
    from docx.table import Table

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_rows(block)
        else:
            yield block.text


def _table_rows(table):
    # A merged cell comes back once per grid cell it spans; give its text only once.
    # The dict keeps the elements alive, so their ids stay unique.
    seen: dict[int, object] = {}
    for row in table.rows:
        cells = []
        for cell in row.cells:
            key = id(cell._tc)
            cells.append("" if key in seen else _one_line(cell.text))
            seen[key] = cell._tc
        yield "\t".join(cells)


def _one_line(text: str) -> str:
    return " ".join(normalize_newlines(text).replace("\t", " ").split("\n"))


def _damaged(name: str) -> ImportRefused:
    return ImportRefused(
        "{name} is not a readable Word document (damaged, or not really a .docx); "
        "open it in Word, save it as .docx and import again",
        name=name,
    )
