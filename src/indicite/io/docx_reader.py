"""Word documents (.docx): paragraphs and tables in document order, one line each."""

import io
import zipfile

from indicite.core.errors import ImportRefused
from indicite.core.text import normalize_newlines
from indicite.io.zip_guard import ZipDamaged, inflate, repack


def read_docx(content: bytes, name: str) -> str:
    """One line per paragraph and per table row (cells separated by tabs).

    python-docx reads a repacked copy of the members that ``inflate`` checked (size, DOCTYPE),
    never the file's own compressed members.
    """
    try:
        members = inflate(content, name)
    except ZipDamaged:
        raise _damaged(name) from None
    if "word/document.xml" not in members:
        raise _damaged(name)
    content = repack(members)

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
