"""Web pages (.html, .htm): the text a reader sees, without fetching anything."""

import codecs
import re
import warnings

from indicite.core.tables import Table
from indicite.core.text import normalize_newlines
from indicite.io.table_grid import RawCell, RawTable, lay_out
from indicite.io.text_reader import decode_bytes, refuse_if_binary

# Never rendered, so never cited.
_SKIP = frozenset(
    {"head", "script", "style", "noscript", "template", "title", "iframe", "object", "embed"}
)
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "tfoot", "thead", "ul",
    }
)  # fmt: skip
_CELL = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\n\r\f]+")  # HTML white space; U+3000 and &nbsp; are text
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_GB = {"gb2312", "gbk", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "gb18030"}


def read_html_tables(content: bytes, name: str) -> tuple[str, list[Table]]:
    """The readable text and its tables, each cell (with its row/column span) a span of it."""
    markup = _decode(content, name)

    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        # lxml's HTML parser loads no DTDs or external entities, and nothing here follows
        # a URL: the page is read as it is on disk.
        soup = BeautifulSoup(markup, "lxml")
    walker = _Text()
    text = normalize_newlines(walker.extract(soup))
    return text, lay_out(text, walker.tables)


def _decode(content: bytes, name: str) -> str:
    """A BOM wins, then valid UTF-8, then a <meta charset> that decodes cleanly, then detection.

    Valid UTF-8 goes before the declaration: pages saved as UTF-8 often keep an old
    "gb2312" meta tag, and UTF-8 bytes of Chinese text can also decode as GB18030 garbage.
    """
    if not content.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            refuse_if_binary(text, name)
            return text
        declared = _declared_encoding(content[:4096])
        if declared:
            try:
                text = content.decode(declared)
            except UnicodeDecodeError:
                pass
            else:
                refuse_if_binary(text, name)
                return text
    return decode_bytes(content, name)


def _declared_encoding(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _GB:
        return "gb18030"
    try:
        encoding = codecs.lookup(label).name
    except LookupError:
        return None
    # A page whose bytes are ASCII-compatible cannot really be UTF-16 (HTML spec: use UTF-8).
    return "utf-8" if encoding.startswith(("utf-16", "utf-32")) else encoding


class _Text:
    """Walks the tree without recursion (deeply nested pages exist) and collects lines."""

    def __init__(self):
        self.lines: list[str] = []
        self.buffer: list[str] = []
        self.row: list[str] | None = None  # cells of the table row being read
        self.cell_depth = 0
        self.pre_depth = 0
        self.tables: list[RawTable] = []  # in document order, for the cells' spans
        self.open_tables: list[RawTable] = []
        self.raw_row: list[RawCell] = []
        self.cell_attrs = (1, 1, False)
        self.thead_depth = 0

    def extract(self, soup) -> str:
        from bs4.element import NavigableString, PreformattedString, Tag

        stack: list[tuple[object, bool]] = [(soup, False)]
        while stack:
            node, leaving = stack.pop()
            if isinstance(node, Tag):
                if leaving:
                    self._leave(node.name)
                    continue
                if node.name in _SKIP or node.has_attr("hidden"):
                    continue
                self._enter(node.name, node)
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.contents))
            elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
                self._text(str(node))
        self._flush()
        return "\n".join(_collapse_blank_lines(self.lines))

    def _enter(self, tag: str, node) -> None:
        if self.cell_depth:  # inside a cell everything stays on the cell's line
            if tag in _BLOCK or tag in _CELL or tag in ("br", "tr"):
                self.buffer.append(" ")
            if tag in _CELL:
                self.cell_depth += 1
            return
        if tag == "table":
            self.open_tables.append(RawTable())
            self.tables.append(self.open_tables[-1])
        elif tag == "thead":
            self.thead_depth += 1
        if tag == "tr":
            self._flush()
            self.row = []
            self.raw_row = []
        elif tag in _CELL:
            self._flush()
            self.cell_depth = 1
            self.cell_attrs = (
                _span(node.get("rowspan")),
                _span(node.get("colspan")),
                tag == "th" or self.thead_depth > 0,
            )
        elif tag == "br":
            self._flush(keep_empty=True)
        elif tag in _BLOCK:
            self._flush()
        if tag == "pre":
            self.pre_depth += 1

    def _leave(self, tag: str) -> None:
        if tag in _CELL and self.cell_depth:
            self.cell_depth -= 1
            if self.cell_depth:
                return
            cell = _SPACES.sub(" ", "".join(self.buffer)).strip()
            self.buffer = []
            if self.row is None:  # a cell outside any row
                self.lines.append(cell)
            else:
                self.row.append(cell)
                rowspan, colspan, header = self.cell_attrs
                self.raw_row.append(RawCell(cell, rowspan, colspan, header))
            return
        if self.cell_depth:
            if tag in _BLOCK or tag == "tr":
                self.buffer.append(" ")
            return
        if tag == "tr":
            if self.row is not None and any(self.row):
                self.lines.append("\t".join(self.row))
                if self.open_tables:
                    self.open_tables[-1].rows.append(self.raw_row)
            self.row = None
            self.raw_row = []
        elif tag == "table" and self.open_tables:
            self.open_tables.pop()
            self._flush()
        elif tag == "thead":
            self.thead_depth = max(0, self.thead_depth - 1)
        elif tag in _BLOCK:
            self._flush()
        if tag == "pre":
            self.pre_depth -= 1

    def _text(self, text: str) -> None:
        if self.pre_depth and not self.cell_depth:
            parts = normalize_newlines(text).split("\n")
            for part in parts[:-1]:
                self.buffer.append(part)
                self._flush(keep_empty=True, verbatim=True)
            self.buffer.append(parts[-1])
        else:
            self.buffer.append(text)

    def _flush(self, keep_empty: bool = False, verbatim: bool = False) -> None:
        joined = "".join(self.buffer)
        self.buffer = []
        line = joined.rstrip() if verbatim else _SPACES.sub(" ", joined).strip()
        if line or keep_empty:
            self.lines.append(line)


def _span(value) -> int:
    """A rowspan/colspan attribute as a count (browsers treat nonsense as 1, cap at 1000)."""
    try:
        return max(1, min(int(str(value).strip()), 1000))
    except (TypeError, ValueError):
        return 1


def _collapse_blank_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
