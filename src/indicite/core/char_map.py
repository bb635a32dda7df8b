"""Where each character of a PDF document's reading text sits among pdfium's page characters.

The reading text is not pdfium's text: line breaks inside a paragraph are joined, running
headers and page numbers are left out, CRLF becomes LF. A CharMap records, as runs, which
document code-point offsets come one for one from which characters of which page (0-based
page, pdfium character index). Offsets outside every run (joined breaks, page separators)
have no character of their own.
"""

import zlib
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

# Stored form: zlib of little-endian int32 quadruples (doc_start, page, char_start, length).
_FIELDS = 4


@dataclass(frozen=True)
class Run:
    doc_start: int
    page: int
    char_start: int
    length: int


@dataclass
class CharMap:
    """Runs sorted by document offset; each run maps ``length`` offsets to consecutive chars."""

    runs: list[Run] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._doc_starts = [run.doc_start for run in self.runs]
        by_page: dict[int, list[Run]] = {}
        for run in self.runs:
            by_page.setdefault(run.page, []).append(run)
        for page_runs in by_page.values():
            page_runs.sort(key=lambda run: run.char_start)
        self._by_page = by_page
        self._char_starts = {p: [r.char_start for r in runs] for p, runs in by_page.items()}

    @classmethod
    def from_pieces(cls, pieces: list[tuple[int, int, int, int]]) -> "CharMap":
        """Build from (doc_start, page, char_start, length), merging runs that continue."""
        runs: list[Run] = []
        for doc_start, page, char_start, length in sorted(pieces):
            if length <= 0:
                continue
            last = runs[-1] if runs else None
            if (
                last is not None
                and last.page == page
                and last.doc_start + last.length == doc_start
                and last.char_start + last.length == char_start
            ):
                runs[-1] = Run(last.doc_start, page, last.char_start, last.length + length)
            else:
                runs.append(Run(doc_start, page, char_start, length))
        return cls(runs)

    def to_bytes(self) -> bytes:
        values = array("i")
        for run in self.runs:
            values.extend((run.doc_start, run.page, run.char_start, run.length))
        if values.itemsize != 4:  # pragma: no cover - int is 32-bit on every supported OS
            raise RuntimeError("array('i') is not 32-bit here")
        return zlib.compress(values.tobytes(), 6)

    @classmethod
    def from_bytes(cls, data: bytes) -> "CharMap":
        values = array("i")
        values.frombytes(zlib.decompress(data))
        quads = [tuple(values[i : i + _FIELDS]) for i in range(0, len(values), _FIELDS)]
        return cls([Run(*quad) for quad in quads])

    def shifted(self, delta: int) -> "CharMap":
        """The same map for a text that starts ``delta`` offsets later (runs below 0 drop)."""
        pieces = []
        for run in self.runs:
            start, length, char = run.doc_start + delta, run.length, run.char_start
            if start < 0:
                char, length, start = char - start, length + start, 0
            pieces.append((start, run.page, char, length))
        return CharMap.from_pieces(pieces)

    @property
    def pages(self) -> list[int]:
        return sorted(self._by_page)

    def chars_of(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """The (page, first char, end char) ranges that show document span [start, end)."""
        out: list[tuple[int, int, int]] = []
        runs = self.runs
        for index in range(max(0, bisect_right(self._doc_starts, start) - 1), len(runs)):
            run = runs[index]
            if run.doc_start >= end:
                break
            lo = max(start, run.doc_start)
            hi = min(end, run.doc_start + run.length)
            if lo < hi:
                first = run.char_start + lo - run.doc_start
                out.append((run.page, first, first + hi - lo))
        return out

    def _run_at(self, page: int, char: int) -> tuple[list[Run], int]:
        """The page's runs and the index of the last one starting at or before ``char``."""
        runs = self._by_page.get(page, [])
        return runs, bisect_right(self._char_starts.get(page, []), char) - 1

    def offset_of(self, page: int, char: int) -> int | None:
        """The document offset shown by ``char`` on ``page``; None for a character left out."""
        runs, index = self._run_at(page, char)
        if index >= 0 and char < runs[index].char_start + runs[index].length:
            return runs[index].doc_start + char - runs[index].char_start
        return None

    def nearest_offset(self, page: int, char: int) -> int | None:
        """Like offset_of, but a left-out character gives the next shown one's offset."""
        offset = self.offset_of(page, char)
        if offset is not None:
            return offset
        runs, index = self._run_at(page, char)
        if not runs:
            return None
        if index + 1 < len(runs):
            return runs[index + 1].doc_start
        return runs[-1].doc_start + runs[-1].length

    def first_offset(self, page: int) -> int | None:
        runs = self._by_page.get(page)
        return min(run.doc_start for run in runs) if runs else None
