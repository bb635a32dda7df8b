"""The export format (docs/export-format.md): columns, their types, and the derived citation fields.

Every writer (CSV, XLSX, JSON) and the loader read their columns from here, so the format is
defined once. Changing a column's name or meaning means a new FORMAT_VERSION.
"""

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from indicite.core.citations import Utf16Map
from indicite.core.tables import Table, locate
from indicite.core.text import paragraph_starts

FORMAT_VERSION = "1"

# Kinds say how a value is typed in XLSX and parsed back on load.
INT, NUMBER, TEXT, DATE, DATETIME = "int", "number", "text", "date", "datetime"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str
    width: int  # characters, for the XLSX column


# Where one cited passage is: the same fields on an indicator row (its first citation),
# in the citations sheet (the others) and in JSON's nested list.
CITATION_FIELDS = (
    Column("quote", TEXT, 40),
    Column("prefix", TEXT, 24),
    Column("suffix", TEXT, 24),
    Column("start", INT, 8),
    Column("end", INT, 8),
    Column("start_utf16", INT, 11),
    Column("end_utf16", INT, 11),
    Column("paragraph", INT, 10),
    Column("page", INT, 6),
    Column("rects", TEXT, 26),
    Column("citation", TEXT, 48),
    Column("cited_document_id", INT, 11),
    Column("cited_version", INT, 8),
    Column("cited_sha256", TEXT, 20),
    Column("anchor_state", TEXT, 10),
    Column("table", TEXT, 24),
    Column("row_label", TEXT, 20),
    Column("column_label", TEXT, 28),
)

INDICATOR_COLUMNS = (
    Column("id", INT, 8),
    Column("name", TEXT, 28),
    Column("subject", TEXT, 10),
    Column("period_label", TEXT, 14),
    Column("period_start", DATE, 12),
    Column("period_end", DATE, 12),
    Column("measure", TEXT, 11),
    Column("value", NUMBER, 12),
    Column("unit", TEXT, 8),
    Column("base_value", NUMBER, 16),
    Column("base_unit", TEXT, 9),
    Column("value_high", NUMBER, 12),
    Column("base_value_high", NUMBER, 16),
    Column("qualifier", TEXT, 9),
    Column("value_text", TEXT, 16),
    Column("notes", TEXT, 20),
    Column("status", TEXT, 10),
    Column("created_by", TEXT, 11),
    Column("created_at", DATETIME, 20),
    Column("reviewed_by", TEXT, 11),
    Column("reviewed_at", DATETIME, 20),
    Column("document_id", INT, 11),
    Column("document_title", TEXT, 30),
    Column("issuer", TEXT, 18),
    Column("published_on", DATE, 12),
    Column("source_url", TEXT, 24),
    Column("document_sha256", TEXT, 20),
    *CITATION_FIELDS,
    Column("citation_count", INT, 9),
    # issue 16: the catalog item, the kind of value, and the review comments
    Column("catalog_code", TEXT, 12),
    Column("kind", TEXT, 9),
    Column("comments", TEXT, 40),
)

CITATION_COLUMNS = (Column("indicator_id", INT, 11), Column("position", INT, 8), *CITATION_FIELDS)

DOCUMENT_COLUMNS = (
    Column("id", INT, 8),
    Column("title", TEXT, 40),
    Column("issuer", TEXT, 20),
    Column("published_on", DATE, 12),
    Column("source_url", TEXT, 30),
    Column("doc_type", TEXT, 8),
    Column("subject", TEXT, 10),
    Column("sha256", TEXT, 20),
    Column("char_count", INT, 11),
    Column("imported_at", DATETIME, 20),
    Column("indicators", INT, 10),
)

COLUMN_KINDS = {c.name: c.kind for c in (*INDICATOR_COLUMNS, *CITATION_COLUMNS)}

HEADER_LANGUAGES = ("en", "zh")
# Chinese column headers (``--headers zh``); a load reads either language.
HEADERS_ZH = {
    "id": "编号",
    "name": "指标名称",
    "catalog_code": "指标代码",
    "subject": "主体",
    "period_label": "时期",
    "period_start": "时期起",
    "period_end": "时期止",
    "measure": "度量",
    "kind": "数值类型",
    "value": "数值",
    "unit": "单位",
    "base_value": "基本单位数值",
    "base_unit": "基本单位",
    "qualifier": "限定",
    "value_text": "原文数值",
    "notes": "备注",
    "status": "状态",
    "created_by": "录入人",
    "created_at": "录入时间",
    "reviewed_by": "审核人",
    "reviewed_at": "审核时间",
    "comments": "审核意见",
    "document_id": "文档编号",
    "document_title": "文档标题",
    "issuer": "发布机构",
    "published_on": "发布日期",
    "source_url": "来源网址",
    "document_sha256": "文档SHA256",
    "quote": "原文",
    "prefix": "前文",
    "suffix": "后文",
    "start": "起始位置",
    "end": "结束位置",
    "start_utf16": "起始位置UTF16",
    "end_utf16": "结束位置UTF16",
    "paragraph": "段落",
    "page": "页码",
    "citation": "出处",
    "citation_count": "引文数",
    "indicator_id": "指标编号",
    "position": "引文序号",
}


# The documents sheet (written, never loaded) in Chinese.
DOCUMENT_HEADERS_ZH = {
    "id": "编号",
    "title": "标题",
    "issuer": "发布机构",
    "published_on": "发布日期",
    "source_url": "来源网址",
    "doc_type": "文件类型",
    "subject": "主体",
    "sha256": "SHA256",
    "char_count": "字数",
    "imported_at": "导入时间",
    "indicators": "指标数",
}


def header(name: str, language: str = "en", names: dict[str, str] = HEADERS_ZH) -> str:
    """The header of column ``name`` in ``language`` (en: the column name itself)."""
    return names.get(name, name) if language == "zh" else name


# OWASP CSV injection: a cell starting with one of these is a formula to a spreadsheet.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Make a text cell inert for spreadsheets by putting an apostrophe in front.

    A text that already starts with an apostrophe gets one more, so ``restore`` can undo
    exactly what this did and a load gives back the original text.
    """
    if text.startswith((*FORMULA_TRIGGERS, "'")):
        return "'" + text
    return text


def restore(text: str) -> str:
    """Undo ``neutralise`` (used when loading a CSV)."""
    if text.startswith("'") and text[1:].startswith((*FORMULA_TRIGGERS, "'")):
        return text[1:]
    return text


def human_citation(
    title: str,
    issuer: str = "",
    published_on: str | None = None,
    paragraph: int | None = None,
    page: int | None = None,
) -> str:
    """《title》，issuer，date，第N段 (，第P页 for paged documents); empty parts are left out."""
    parts = [f"《{title}》" if title else "", issuer or "", published_on or ""]
    if paragraph:
        parts.append(f"第{paragraph}段")
    if page:
        parts.append(f"第{page}页")
    return "，".join(p for p in parts if p)


class DocumentPositions:
    """Paragraph numbers and Qt (UTF-16) offsets for one document's text.

    Keeps only the paragraph starts and the few astral characters, not the text itself, so an
    export can hold one per document cheaply; a document with tables also keeps the text and
    its tables, to name the table, row and column of a cited cell.
    """

    def __init__(self, text: str, tables: Sequence[Table] = ()):
        self._paragraphs = paragraph_starts(text)
        self._utf16 = Utf16Map(text)
        self._tables = sorted(tables, key=lambda t: t.start)
        self._text = text if tables else ""

    def paragraph_of(self, offset: int) -> int | None:
        """1-based number of the non-empty paragraph holding ``offset`` (第N段)."""
        n = bisect_right(self._paragraphs, offset)
        return n or None

    def citation_fields(
        self, document: dict[str, Any], start: int, end: int, page: int | None
    ) -> dict[str, Any]:
        """The derived fields of one citation: UTF-16 offsets, paragraph, readable citation."""
        paragraph = self.paragraph_of(start)
        cell = locate(self._tables, self._text, start, end) if self._tables else None
        return {
            "start_utf16": self._utf16.to_utf16(start),
            "end_utf16": self._utf16.to_utf16(end),
            "paragraph": paragraph,
            "citation": human_citation(
                document["title"], document["issuer"], document["published_on"], paragraph, page
            ),
            "table": cell.table if cell else None,
            "row_label": cell.row_label if cell else None,
            "column_label": cell.column_label if cell else None,
        }


def format_rects(page: int | None, rects: list[tuple[int, list[tuple[float, ...]]]]) -> str | None:
    """The ``rects`` cell: ``x0,y0,x1,y1`` in PDF points, one rectangle (printed line) a line.

    Rectangles on a later page than ``page`` (a passage over a page break) start with
    ``p<page>:``. None when there are no rectangles (a document without pages).
    """
    lines: list[str] = []
    for number, boxes in rects:
        prefix = "" if number == page else f"p{number}:"
        lines.extend(prefix + ",".join(f"{v:.2f}" for v in box) for box in boxes)
    return "\n".join(lines) or None
