"""Word documents (.docx): paragraphs and tables in document order, one line each."""

import io
import zipfile

from indicite.core.errors import ImportRefused
from indicite.core.tables import Table
from indicite.core.text import normalize_newlines
from indicite.io.table_grid import RawCell, RawTable, lay_out, row_line
from indicite.io.zip_guard import ZipDamaged, inflate, repack


def read_docx_tables(content: bytes, name: str) -> tuple[str, list[Table]]:
    """The text and its tables, merged cells as one cell spanning rows and columns.

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
        raw_tables: list[RawTable] = []
        lines = list(_lines(document, raw_tables))
    except (OpcError, LxmlError, KeyError, ValueError, zipfile.BadZipFile):
        raise _damaged(name) from None
    except (AttributeError, TypeError):
        # python-docx assumes w:document at the root; another root breaks its attribute access
        raise _damaged(name) from None
    text = normalize_newlines("\n".join(lines))
    return text, lay_out(text, raw_tables)


def _lines(document, raw_tables: list[RawTable]):
    from docx.table import Table as DocxTable

    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            raw = RawTable()
            raw_tables.append(raw)
            for fields in _table_rows(block):
                raw.rows.append(fields)
                yield row_line(fields)
        else:
            yield block.text


def _table_rows(table) -> list[list[RawCell]]:
    """One field per grid column; a merged cell comes back once per grid cell it spans, so its
    text is given once and its spans counted. The dict keeps the elements alive (unique ids)."""
    grid = [[cell._tc for cell in row.cells] for row in table.rows]
    seen: dict[int, object] = {}
    rows: list[list[RawCell]] = []
    for r, row in enumerate(table.rows):
        fields = []
        for c, cell in enumerate(row.cells):
            tc = grid[r][c]
            key = id(tc)
            if key in seen:
                fields.append(RawCell("", covered=True, col=c))
                continue
            seen[key] = tc
            colspan = 1
            while c + colspan < len(grid[r]) and grid[r][c + colspan] is tc:
                colspan += 1
            rowspan = 1
            while r + rowspan < len(grid) and c < len(grid[r + rowspan]):
                if grid[r + rowspan][c] is not tc:
                    break
                rowspan += 1
            fields.append(RawCell(_one_line(cell.text), rowspan, colspan, col=c))
        rows.append(fields)
    return rows


def _one_line(text: str) -> str:
    return " ".join(normalize_newlines(text).replace("\t", " ").split("\n"))


def _damaged(name: str) -> ImportRefused:
    return ImportRefused(
        "{name} is not a readable Word document (damaged, or not really a .docx); "
        "open it in Word, save it as .docx and import again",
        name=name,
    )
