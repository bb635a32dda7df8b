"""Citation highlights and suggestion underlines, formatted only in the blocks on screen.

Each block looks up its spans by bisect and gets its formats as ranges on its layout (what
QSyntaxHighlighter does inside), so 20,000 citations cost nothing until their block shows.
Formatting a block makes Qt lay it out again, shaping CJK text with its fonts: a change never
formats the whole document, it marks the blocks it touches stale, and only the blocks the view
shows (``visible_blocks``, set by the view) are formatted, now or when scrolled to. Measured on
a 4.6 MB document: QSyntaxHighlighter's whole-document pass took 2.6 s when suggestions
arrived, and its callback for every block of a new text 40 ms of each open.
"""

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout
from shiboken6 import isValid

# Light backgrounds under black text: readable with Chinese glyphs, distinct from the selection.
STATUS_COLOURS = {
    "draft": QColor("#ffe9a8"),
    "submitted": QColor("#c9defc"),
    "approved": QColor("#c5ebc5"),
    "returned": QColor("#f9c7c7"),
}
ON_STATUS_COLOUR = QColor("#1a1a1a")  # text on a status colour, whatever the palette
CURRENT_OUTLINE = QColor("#b04a00")
# Table header cells: a grey-blue tint and bold, under any citation colour.
TABLE_HEADER = QColor("#e3e8ef")
# Suggested numbers: a wave underline, so they never look like a citation.
SUGGESTION_UNDERLINE = QColor("#d0312d")
# Characters OCR read with low confidence: a dotted underline over any other format, and
# the glyphs in a dark orange that reads on white, the status colours and a dark palette.
LOW_CONFIDENCE_COLOUR = "#e67e00"
LOW_CONFIDENCE_TEXT = QColor("#c05600")
# More changed ranges than this mark every block stale instead of looking each one up.
MANY_RANGES = 256


@dataclass(frozen=True, slots=True)
class Span:
    """A highlight in Qt positions (UTF-16 code units), with what the tooltip shows."""

    start: int
    end: int
    indicator_id: int
    status: str
    label: str


def all_blocks(document: QTextDocument) -> Iterator[QTextBlock]:
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


class CitationHighlighter(QObject):
    """Highlights and suggestion underlines; formats only ``visible_blocks()`` when they change.

    Without a view every block counts as visible (small documents in tests).
    """

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._document = document
        self.visible_blocks: Callable[[], Iterable[QTextBlock]] = lambda: all_blocks(document)
        self._stale = bytearray()  # per block number: 1 while its formats are out of date
        self._formatting = False
        self._spans: list[Span] = []
        self._by_indicator: dict[int, list[Span]] = {}
        self._starts: list[int] = []
        self._longest = 0
        self._current: int | None = None
        self._suggestions: list[tuple[int, int]] = []
        self._suggestion_starts: list[int] = []
        self._headers: list[tuple[int, int]] = []
        self._header_starts: list[int] = []
        self._uncertain: list[int] = []
        self._uncertain_format = QTextCharFormat()
        self._uncertain_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        self._uncertain_format.setUnderlineColor(QColor(LOW_CONFIDENCE_COLOUR))
        self._uncertain_format.setForeground(LOW_CONFIDENCE_TEXT)
        self._formats: dict[tuple[str | None, bool, bool, bool], QTextCharFormat] = {}
        for status, colour in (*STATUS_COLOURS.items(), (None, None)):
            for current in (False, True):
                for suggested in (False, True):
                    for header in (False, True):
                        self._formats[status, current, suggested, header] = _format(
                            colour, current, suggested, header
                        )

    def document(self) -> QTextDocument:
        return self._document

    def forget(self) -> None:
        """Drop every highlight and underline before the view shows a new text."""
        self._spans, self._starts, self._by_indicator, self._longest = [], [], {}, 0
        self._suggestions, self._suggestion_starts = [], []
        self._headers, self._header_starts = [], []
        self._uncertain = []
        self._current = None
        self._stale = bytearray()  # a new text has new blocks, all unformatted

    def set_spans(self, spans: list[Span]) -> None:
        """Replace the highlights; only blocks whose highlights changed are repainted."""
        old = self._spans
        self._spans = sorted(spans, key=lambda s: (s.start, s.end))
        self._starts = [s.start for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)
        self._by_indicator = {}
        for span in self._spans:
            self._by_indicator.setdefault(span.indicator_id, []).append(span)
        if not old or not self._spans:  # no need to compare 20,000 spans one by one
            changed = [(s.start, s.end) for s in old or self._spans]
        else:
            changed = [(s.start, s.end) for s in set(old).symmetric_difference(self._spans)]
        self._rehighlight_ranges(changed)

    def set_suggestion_spans(self, spans: list[tuple[int, int]]) -> None:
        """Underline suggested numbers (Qt positions); only changed blocks are repainted."""
        old = set(self._suggestions)
        self._suggestions = sorted(spans)
        self._suggestion_starts = [start for start, _ in self._suggestions]
        self._rehighlight_ranges(old.symmetric_difference(self._suggestions))

    def suggestion_spans(self) -> list[tuple[int, int]]:
        return list(self._suggestions)

    def set_header_spans(self, spans: list[tuple[int, int]]) -> None:
        """Set off the header cells of tables (Qt positions)."""
        old = set(self._headers)
        self._headers = sorted(spans)
        self._header_starts = [start for start, _ in self._headers]
        self._rehighlight_ranges(old.symmetric_difference(self._headers))

    def set_uncertain(self, positions: list[int]) -> None:
        """Mark characters OCR read with low confidence (sorted Qt positions)."""
        old, self._uncertain = self._uncertain, list(positions)
        self._rehighlight_ranges((p, p + 1) for p in set(old).symmetric_difference(positions))

    def uncertain(self) -> list[int]:
        return list(self._uncertain)

    def header_spans(self) -> list[tuple[int, int]]:
        return list(self._headers)

    def current(self) -> int | None:
        return self._current

    def set_current(self, indicator_id: int | None) -> None:
        """Underline the citations of the selected indicator."""
        if indicator_id == self._current:
            return
        previous, self._current = self._current, indicator_id
        self._rehighlight_ranges(
            (s.start, s.end)
            for ind_id in (previous, indicator_id)
            if ind_id is not None
            for s in self._by_indicator.get(ind_id, [])
        )

    def spans_at(self, position: int) -> list[Span]:
        """Highlights covering a Qt position, shortest first (the most specific wins)."""
        found = self._overlapping(position, position + 1)
        return sorted(found, key=lambda s: s.end - s.start)

    def spans(self) -> list[Span]:
        return list(self._spans)

    @property
    def formatting(self) -> bool:
        """True while blocks are being formatted (their repaints need no formatting)."""
        return self._formatting

    def is_stale(self, block: QTextBlock) -> bool:
        number = block.blockNumber()
        return number >= len(self._stale) or bool(self._stale[number])

    def format_blocks(self, blocks: Iterable[QTextBlock]) -> int:
        """Format those of ``blocks`` that are stale; returns how many got new formats.

        A formatted block repaints and the view asks again: that nested call does nothing,
        and neither does a late repaint while the document is being destroyed.
        """
        if self._formatting or not isValid(self._document):
            return 0
        count = self._document.blockCount()
        if len(self._stale) != count:
            self._stale = bytearray(b"\x01") * count
        formatted = 0
        self._formatting = True
        try:
            for block in blocks:
                number = block.blockNumber()
                if 0 <= number < count and self._stale[number]:
                    self._stale[number] = 0
                    formatted += self._format_block(block)
        finally:
            self._formatting = False
        return formatted

    def _rehighlight_ranges(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Mark the blocks under ``ranges`` stale, then format the stale blocks in view."""
        ranges = list(ranges)
        count = self._document.blockCount()
        if len(self._stale) != count or len(ranges) > MANY_RANGES:
            self._stale = bytearray(b"\x01") * count
        else:
            for start, end in ranges:
                block = self._document.findBlock(start)
                while block.isValid() and block.position() < end:
                    self._stale[block.blockNumber()] = 1
                    block = block.next()
        self.format_blocks(self.visible_blocks())

    def _overlapping(self, start: int, end: int) -> list[Span]:
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [s for s in self._spans[lo:hi] if s.end > start]

    def _suggested(self, start: int, end: int) -> list[tuple[int, int]]:
        return _within(self._suggestions, self._suggestion_starts, start, end)

    def _header_cells(self, start: int, end: int) -> list[tuple[int, int]]:
        return _within(self._headers, self._header_starts, start, end)

    def _format_block(self, block: QTextBlock) -> bool:
        """Give the block its formats; False when it had none and needs none (no relayout)."""
        start = block.position()
        end = start + block.length() - 1  # Qt positions: UTF-16 units
        spans = self._overlapping(start, end) if end > start else []
        suggested = self._suggested(start, end) if end > start else []
        headers = self._header_cells(start, end) if end > start else []
        uncertain = self._uncertain[
            bisect_left(self._uncertain, start) : bisect_left(self._uncertain, end)
        ]
        layout = block.layout()
        marked = spans or suggested or headers
        ranges = self._ranges(start, end, spans, suggested, headers) if marked else []
        if uncertain:
            ranges = self._with_uncertain(ranges, [p - start for p in uncertain], end - start)
        if not ranges and not layout.formats():
            return False
        layout.setFormats(ranges)
        self._document.markContentsDirty(start, block.length())
        return True

    def _with_uncertain(self, ranges: list, at: list[int], length: int) -> list:
        """Add the low-confidence mark to the uncertain characters, over their other format."""
        marked = set(at)
        out = _split(ranges, at, length)
        for piece in out:
            if piece.start in marked and piece.length == 1:
                piece.format.merge(self._uncertain_format)
        return out

    def _ranges(
        self,
        start: int,
        end: int,
        spans: list[Span],
        suggested: list[tuple[int, int]],
        headers: list[tuple[int, int]],
    ) -> list[QTextLayout.FormatRange]:
        """Format ranges between every span edge: the last span by start wins where spans
        overlap (a nested citation shows over its outer one), a suggestion adds its wave, a
        table header cell its tint (under a citation's colour) and bold."""
        edges = {0, end - start}
        for a, b in [(s.start, s.end) for s in spans] + suggested + headers:
            edges.update((min(max(a - start, 0), end - start), min(max(b - start, 0), end - start)))
        ranges = []
        for a, b in pairwise(sorted(edges)):
            status, current = None, False
            for s in spans:
                if s.start - start <= a and s.end - start >= b:
                    status, current = s.status, s.indicator_id == self._current
            wave = any(sa - start <= a and sb - start >= b for sa, sb in suggested)
            header = any(ha - start <= a and hb - start >= b for ha, hb in headers)
            if status is None and not wave and not header:
                continue
            if status is not None and status not in STATUS_COLOURS:
                status = "draft"
            fmt_range = QTextLayout.FormatRange()
            fmt_range.start, fmt_range.length = a, b - a
            fmt_range.format = self._formats[status, current, wave, header]
            ranges.append(fmt_range)
        return ranges


def _split(ranges: list, at: list[int], length: int) -> list:
    """The format ranges cut at every character in ``at`` (and the gaps between them filled
    with plain ranges), so each uncertain character has a range of its own."""
    cuts = sorted({0, length, *at, *(a + 1 for a in at)})
    out = []
    for a, b in pairwise(cuts):
        if b <= a or a >= length:
            continue
        fmt = QTextCharFormat()
        for r in ranges:
            if r.start <= a and r.start + r.length >= b:
                fmt = QTextCharFormat(r.format)
        piece = QTextLayout.FormatRange()
        piece.start, piece.length, piece.format = a, min(b, length) - a, fmt
        out.append(piece)
    return out


def _within(spans: list[tuple[int, int]], starts: list[int], start: int, end: int):
    """The sorted, non-overlapping ``spans`` that reach into [start, end)."""
    lo = max(0, bisect_left(starts, start) - 1)
    return [(a, b) for a, b in spans[lo : bisect_left(starts, end)] if b > start]


def _format(colour: QColor | None, current: bool, suggested: bool, header: bool):
    fmt = QTextCharFormat()
    if header:
        fmt.setBackground(TABLE_HEADER)
        fmt.setFontWeight(700)
    if colour is not None:
        fmt.setBackground(colour)
        fmt.setForeground(ON_STATUS_COLOUR)  # readable on the light colour in a dark palette
    if current and colour is not None:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(CURRENT_OUTLINE)
    if suggested:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(SUGGESTION_UNDERLINE)
    return fmt
