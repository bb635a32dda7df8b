"""Real-looking PDFs drawn with reportlab and its built-in Chinese font (STSong-Light).

Each builder returns the PDF's bytes and lays text out the way office PDFs do: paragraphs
wrapped at a fixed number of characters with a two-character first-line indent, a running
header and a page number (``- 3 -``) on every page.
"""

import io
from collections.abc import Iterable
from dataclasses import dataclass, field

PAGE_WIDTH, PAGE_HEIGHT = 595.0, 842.0
FONT = "STSong-Light"
SIZE = 12.0
LEADING = 20.0
LEFT = 72.0
HEADER = "某市统计局二〇二五年工作报告"


def _canvas(buffer: io.BytesIO):
    from reportlab.pdfgen import canvas

    _canvas_font()
    return canvas.Canvas(buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1)


def wrap(paragraph: str, per_line: int, indent: bool = True, size: float = SIZE) -> list[str]:
    """Fill printed lines up to the width of ``per_line`` Chinese characters, as a word
    processor does (half-width digits take half a place); the indent counts."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _canvas_font()
    width = per_line * size
    lines, line = [], "\u3000\u3000" if indent else ""
    for ch in paragraph:
        if line and stringWidth(line + ch, FONT, size) > width + 0.01:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line] if line else lines


def _canvas_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


@dataclass
class Page:
    """What one page holds: paragraphs of prose, or explicit drawing calls."""

    paragraphs: list[str] = field(default_factory=list)
    per_line: int = 36
    left: float = LEFT
    top: float = 760.0
    rotate: int = 0
    footnote: str = ""
    table: list[list[str]] = field(default_factory=list)
    columns: list[list[str]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # printed lines, drawn as they are


def build(pages: Iterable[Page], header: str = HEADER, numbers: bool = True) -> bytes:
    buffer = io.BytesIO()
    c = _canvas(buffer)
    for number, page in enumerate(pages, start=1):
        width, height = PAGE_WIDTH, PAGE_HEIGHT
        c.setPageSize((width, height))
        # a page stored landscape (/Rotate 90, as scanners and some printers write them):
        # its text runs up the stored page and reads upright once the viewer turns it
        c.setPageRotation(page.rotate)
        if page.rotate == 90:
            c.transform(0, 1, -1, 0, PAGE_HEIGHT, 0)
        if header:
            c.setFont(FONT, 9)
            c.drawCentredString(width / 2, height - 40, header)
        if numbers:
            c.setFont(FONT, 9)
            c.drawCentredString(width / 2, 30, f"- {number} -")
        y = min(page.top, height - 82)
        c.setFont(FONT, SIZE)
        for line in page.lines:
            c.drawString(page.left, y, line)
            y -= LEADING
        for paragraph in page.paragraphs:
            for line in wrap(paragraph, page.per_line):
                c.drawString(page.left, y, line)
                y -= LEADING
        if page.table:
            y = _table(c, page.table, y - 10)
        for column, paragraphs in enumerate(page.columns):
            cy = min(page.top, height - 82)
            for paragraph in paragraphs:
                for line in wrap(paragraph, 17):
                    c.drawString(LEFT + column * 240, cy, line)
                    cy -= LEADING
        if page.footnote:
            c.line(LEFT, 90, LEFT + 150, 90)
            c.setFont(FONT, 8)
            c.drawString(LEFT, 78, page.footnote)
        c.showPage()
    c.save()
    return buffer.getvalue()


def _table(c, rows: list[list[str]], top: float) -> float:
    widths = [160.0] + [100.0] * (len(rows[0]) - 1)
    height = 24.0
    y = top
    for row in rows:
        x = LEFT
        for cell, width in zip(row, widths, strict=True):
            c.rect(x, y - height, width, height)
            c.drawString(x + 6, y - height + 8, cell)
            x += width
        y -= height
    return y - LEADING


PROSE = [
    "全市规模以上工业增加值同比增长5.6%，其中高技术制造业增长12.3%，"
    "装备制造业增长8.1%，对全市工业增长的贡献率达到46.5%。全年完成目标任务19家，"
    "创建123家专精特新中小企业。",
    "固定资产投资增长3.2%。其中，工业投资增长15.7%，占全部投资的比重为32.4%，"
    "比上年提高2.1个百分点。",
    "社会消费品零售总额1,570.3亿元，增长4.8%。",
]
