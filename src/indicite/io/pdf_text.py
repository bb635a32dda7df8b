"""The reading text of a PDF and where each of its characters sits on the pages.

pdfium ends every printed line with a line break, so a number wrapped at the right margin
(``创建12`` / ``3家``) is split in two. The reading text joins such soft wraps: a line that
runs to the right edge of its column, followed directly below by a line that starts at the
column's left edge (no first-line indent), continues the same paragraph. Real paragraph
breaks stay; running headers, footers and page numbers (``- 3 -``) and text drawn off the
page are left out of the text (they stay on the page). Lines are measured on the page as
displayed, so a page turned by /Rotate reads like any other. Every kept character is
recorded in a CharMap, one for one, so the document's offsets still point at exact
characters on the page.
"""

import re
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass

from indicite.core.char_map import CharMap
from indicite.core.page_boxes import Turn

PAGE_SEPARATOR = "\n\n"
# pdfium is not thread-safe, not even across documents: every call goes under this lock.
PDFIUM_LOCK = threading.RLock()

_BREAKS = "\r\n"
_BLANK = " \t\u3000\xa0"
_DROPPED = "\x00\ufeff"
_SENTENCE_END = "。！？；：!?;:"
_PAGE_NUMBER = re.compile(
    r"[-—–_·•\s]*(?:第\s*)?#(?:\s*页)?(?:\s*(?:[/／]|共)\s*#\s*页?)?[-—–_·•\s]*"
    r"|[-—–_·•\s]*(?:page|p\.)\s*#(?:\s*(?:of|/)\s*#)?[-—–_·•\s]*",
    re.IGNORECASE,
)
_TABLE_GAP = re.compile(r"\S\s{2,}\S")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# Some producers map CJK glyphs to the look-alike Kangxi radicals (⾼ U+2FBC for 高): the
# reading text has the ideograph, one character for one, so the map stays exact.
_RADICALS = {
    chr(c): unicodedata.normalize("NFKC", chr(c))
    for c in [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)]
    if len(unicodedata.normalize("NFKC", chr(c))) == 1
    and unicodedata.normalize("NFKC", chr(c)) != chr(c)
} | dict(
    zip(
        "⺠⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻢⻣⻥⻦⻧⻨⻩⻬⻮⻰",
        "民见角贝车长门青韦页风飞马骨鱼鸟卤麦黄齐齿龙",
        strict=True,
    )
)
# Margins of the page (as a share of its height) where running headers and footers live.
_BAND = 0.12
# A page number is the page's first or last line, anywhere in its top or bottom fifth.
_NUMBER_BAND = 0.2


@dataclass
class Line:
    """One printed line: pdfium characters [start, end) and the box of its visible ink."""

    page: int
    start: int
    end: int
    text: str
    left: float = 0.0
    bottom: float = 0.0
    right: float = 0.0
    top: float = 0.0
    size: float = 0.0
    column: int = -1
    running: bool = False

    @property
    def blank(self) -> bool:
        return not self.text.strip(_BLANK + _DROPPED)


@dataclass
class PageText:
    """pdfium's characters of one page (index i is character i) and its printed lines."""

    chars: str
    lines: list[Line]
    height: float


def page_chars(textpage) -> str:
    """The page's characters, one per pdfium character index."""
    import pypdfium2.raw as pdfium_c

    count = textpage.count_chars()
    text = textpage.get_text_range() if count > 0 else ""
    if len(text) == count:
        return text
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage, i) or 0xFFFD) for i in range(count))


def textless(page: PageText) -> bool:
    """A page with no characters to read: a scan (or a blank page)."""
    return not page.chars.strip(_BLANK + _DROPPED + _BREAKS)


def read_page(pdf, index: int) -> PageText:
    """The characters and printed lines of page ``index`` (call under PDFIUM_LOCK)."""
    page = pdf[index]
    try:
        width, height = page.get_width(), page.get_height()  # as displayed (/Rotate applied)
        rotation = page.get_rotation()
        media = (height, width) if rotation % 180 else (width, height)
        textpage = page.get_textpage()
        try:
            chars = page_chars(textpage)
            lines = _lines(textpage, chars, index, Turn(rotation, *media))
        finally:
            textpage.close()
    finally:
        page.close()
    return PageText(chars, lines, height)


def _lines(textpage, chars: str, page: int, turn: Turn) -> list[Line]:
    lines = []
    start = 0
    n = len(chars)
    while start <= n:
        end = start
        while end < n and chars[end] not in _BREAKS:
            end += 1
        if end > start:
            lines.append(Line(page, start, end, chars[start:end]))
        start = end + 1
        if end >= n:
            break
    for line in lines:
        if not line.blank:
            _measure(textpage, line, turn)
    return lines


def _measure(textpage, line: Line, turn: Turn) -> None:
    import pypdfium2.raw as pdfium_c

    first = line.start
    while line.text[first - line.start] in _BLANK + _DROPPED:
        first += 1
    last = line.end - 1
    while line.text[last - line.start] in _BLANK + _DROPPED:
        last -= 1
    left, bottom, _, top = turn.up(textpage.get_charbox(first, loose=True))
    _, bottom2, right, top2 = turn.up(textpage.get_charbox(last, loose=True))
    line.left, line.right = left, right
    line.bottom, line.top = min(bottom, bottom2), max(top, top2)
    # the font size, unless the producer scales a nominal size (Qt writes 200 pt glyphs
    # shrunk by the text matrix): then the height of the characters' boxes
    height = max(line.top - line.bottom, 1.0)
    size = pdfium_c.FPDFText_GetFontSize(textpage, first)
    line.size = size if 0.5 * height <= size <= 1.5 * height else height


def reading_text(pages: list[PageText]) -> tuple[str, list[int], CharMap]:
    """The reading text, each page's start offset, and the map of its characters."""
    _mark_running(pages)
    _assign_columns(pages)
    margins = _margins(pages)
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    starts: list[int] = []
    offset = 0
    previous: Line | None = None
    for page in pages:
        page_start: int | None = None
        for line in page.lines:
            if line.running or line.blank:
                continue
            if previous is not None:
                if line.page != previous.page:
                    joiner = _joiner(previous, line, margins, across_pages=True)
                    joiner = PAGE_SEPARATOR if joiner is None else joiner
                else:
                    joiner = _joiner(previous, line, margins, across_pages=False)
                    joiner = "\n" if joiner is None else joiner
                parts.append(joiner)
                offset += len(joiner)
            if page_start is None:
                page_start = offset
            offset = _emit(line, parts, pieces, offset)
            previous = line
        if page_start is None:  # a page with no reading text starts where the next one does
            page_start = offset + (len(PAGE_SEPARATOR) if previous is not None else 0)
        starts.append(page_start)
    return "".join(parts), starts, CharMap.from_pieces(pieces)


def _emit(line: Line, parts: list[str], pieces: list, offset: int) -> int:
    run_start = None
    for i, ch in enumerate(line.text):
        if ch in _DROPPED:
            if run_start is not None:
                pieces.append(
                    (offset - (i - run_start), line.page, line.start + run_start, i - run_start)
                )
                run_start = None
            continue
        if run_start is None:
            run_start = i
        parts.append(_RADICALS.get(ch, ch))
        offset += 1
    if run_start is not None:
        length = len(line.text) - run_start
        pieces.append((offset - length, line.page, line.start + run_start, length))
    return offset


def _joiner(prev: Line, line: Line, margins: dict, across_pages: bool) -> str | None:
    """'' or ' ' when ``line`` continues ``prev``'s paragraph (a soft wrap), else None."""
    if prev.column != line.column or prev.column < 0:
        return None
    if abs(prev.size - line.size) > 0.2 * max(prev.size, line.size):
        return None
    last, first = prev.text.rstrip(_BLANK)[-1:], line.text.lstrip(_BLANK)[:1]
    left, right, indents = margins[prev.column]
    # where paragraphs start indented, a line at the margin continues one even after a 。
    if not last or (last in _SENTENCE_END and not indents) or line.text[:1] in _BLANK:
        return None
    if _TABLE_GAP.search(prev.text.strip(_BLANK)) or _TABLE_GAP.search(line.text.strip(_BLANK)):
        return None
    size = max(prev.size, line.size)
    if prev.right < right - 1.6 * size or line.left > left + 0.5 * size:
        return None
    if not across_pages:
        drop = prev.bottom - line.bottom
        if drop <= 0.5 * size or drop > 2.5 * size:
            return None
    if _CJK.search(prev.text) or _CJK.match(first) or _CJK.match(last):
        return ""
    return "" if last == "-" else " "


def _mark_running(pages: list[PageText]) -> None:
    """Mark headers, footers and page numbers: lines in the page margins that repeat, and
    a page number that is the page's first or last line (a table's last cell is not)."""
    keys: Counter[str] = Counter()
    candidates: list[tuple[Line, str]] = []
    for page in pages:
        seen: set[str] = set()
        printed = []
        for line in page.lines:
            if line.blank:
                continue
            if line.top <= 0 or line.bottom >= page.height:
                line.running = True  # drawn off the page (clipped away): not seen, not read
            else:
                printed.append(line)
        lowest = min((line.bottom for line in printed), default=0.0)
        highest = max((line.top for line in printed), default=0.0)
        for line in printed:
            key = re.sub(r"\s+", "", re.sub(r"\d+", "#", line.text))
            outermost = line.bottom <= lowest + 1 or line.top >= highest - 1
            number = _PAGE_NUMBER.fullmatch(re.sub(r"\d+", "#", line.text.strip()))
            if outermost and number and _in_band(line, page.height, _NUMBER_BAND):
                line.running = True
                continue
            if not _in_band(line, page.height, _BAND):
                continue
            candidates.append((line, key))
            if key not in seen:
                keys[key] += 1
                seen.add(key)
    needed = max(2, len(pages) // 3)
    for line, key in candidates:
        if keys[key] >= needed:
            line.running = True


def _in_band(line: Line, height: float, share: float) -> bool:
    band = share * height
    return line.bottom >= height - band or line.top <= band


def _assign_columns(pages: list[PageText]) -> None:
    """Group lines of one font size whose horizontal extents overlap into columns."""
    lines = [line for page in pages for line in page.lines if not line.blank and not line.running]
    lines.sort(key=lambda line: (round(line.size), line.left))
    column, size_class, reach = -1, None, float("-inf")
    for line in lines:
        size = round(line.size)
        if size != size_class or line.left >= reach:
            column += 1
            size_class, reach = size, line.right
        else:
            reach = max(reach, line.right)
        line.column = column


def _margins(pages: list[PageText]) -> dict[int, tuple[float, float, bool]]:
    """Each column's left and right edge (where most of its lines start and end), and
    whether its paragraphs start with an indent (one line in ten or more is indented)."""
    lefts: dict[int, list[float]] = {}
    rights: dict[int, list[float]] = {}
    sizes: dict[int, float] = {}
    for page in pages:
        for line in page.lines:
            if line.column >= 0:
                lefts.setdefault(line.column, []).append(line.left)
                rights.setdefault(line.column, []).append(line.right)
                sizes[line.column] = line.size
    margins = {}
    for column, values in lefts.items():
        values.sort()
        ends = sorted(rights[column], reverse=True)
        left = values[len(values) // 10]
        indented = sum(1 for v in values if v > left + 1.5 * sizes[column])
        margins[column] = (left, ends[len(ends) // 10], indented * 10 >= len(values))
    return margins


def page_text_as_printed(chars: str) -> tuple[str, list[tuple[int, int]]]:
    """The text of a page as earlier versions stored it (every line break kept, CRLF as LF).

    Returns the text and, for each of its characters taken from the page, (offset, char).
    """
    out: list[str] = []
    kept: list[tuple[int, int]] = []
    i, n = 0, len(chars)
    while i < n:
        ch = chars[i]
        if ch == "\r":
            out.append("\n")
            i += 2 if i + 1 < n and chars[i + 1] == "\n" else 1
            continue
        if ch == "\n":
            out.append("\n")
        elif ch not in _DROPPED:
            kept.append((len(out), i))
            out.append(ch)
        i += 1
    return "".join(out), kept


def printed_text(pages: list[PageText]) -> tuple[str, list[int], CharMap]:
    """Text, page starts and map of the layout earlier versions stored (every line kept)."""
    parts: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    starts: list[int] = []
    offset = 0
    for number, page in enumerate(pages):
        starts.append(offset)
        text, kept = page_text_as_printed(page.chars)
        pieces.extend((offset + at, number, char, 1) for at, char in kept)
        parts.append(text)
        offset += len(text) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(parts), starts, CharMap.from_pieces(pieces)
