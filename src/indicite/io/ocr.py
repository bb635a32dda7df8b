"""Optical character recognition of page pictures (the optional ``indicite[ocr]`` extra).

RapidOCR (rapidocr-onnxruntime) ships its Chinese PP-OCR models inside its wheel and runs
them on onnxruntime: nothing is downloaded when it runs, which office networks would block.
Without the extra, ``ocr_installed()`` is False and scans are refused with a message naming
the extra.
"""

import importlib.util
import threading
from collections.abc import Callable
from dataclasses import dataclass

from indicite.core.errors import ImportRefused
from indicite.core.ocr_page import OcrPage, confidence_byte
from indicite.core.page_boxes import Box, Turn
from indicite.io.pdf_text import Line, PageText

ENGINE_MODULE = "rapidocr_onnxruntime"
# Pages of a scanned PDF are rendered at 200 dpi for recognition.
OCR_DPI = 200

_engine = None
_engine_lock = threading.Lock()

# (pages read, pages) before each page is recognised and after the last; it may raise to
# stop the import before the next page.
PageProgress = Callable[[int, int], None]


def ocr_installed() -> bool:
    return importlib.util.find_spec(ENGINE_MODULE) is not None


def require_ocr(name: str, picture: bool) -> None:
    """Refuse a scan (a PDF page without text, or a picture) in one line naming the extra,
    when the OCR extra is not installed."""
    if ocr_installed():
        return
    if picture:
        raise ImportRefused(
            '{name} is a picture of text: install the OCR extra (pip install "indicite[ocr]"), '
            "then import it again",
            name=name,
        )
    raise ImportRefused(
        '{name} has no text layer (a scanned PDF): install the OCR extra (pip install "indicite'
        '[ocr]") or run OCR in another program, then import it again',
        name=name,
    )


def _recogniser():
    global _engine
    with _engine_lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR()
        return _engine


def recognise(rgb, scale: float, page_height: float, turn: Turn | None = None) -> OcrPage:
    """Read an RGB picture (numpy array, y down) of a page drawn at ``scale`` pixels per unit
    of a page ``page_height`` units high (as displayed); ``turn`` carries boxes back to page
    space for a PDF page with a /Rotate."""
    engine = _recogniser()
    # one recognition at a time: it already uses every core. Pages are upright (a PDF's
    # /Rotate is applied when it is drawn), so the classifier of upside-down lines is skipped.
    with _engine_lock:
        result, _ = engine(rgb, use_cls=False, return_word_box=True)
    pieces: list[tuple[Box, str, list[tuple[str, Box | None, float]]]] = []
    for quad, text, score, word_boxes, words, scores in result or []:
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        line_box = (min(xs), min(ys), max(xs), max(ys))
        read = _Read(text, float(score), words, word_boxes, scores)
        pieces.append((line_box, text, _characters(read, line_box)))
    return _page(pieces, scale, page_height, turn)


@dataclass(frozen=True)
class _Read:
    """One recognised line as the engine gives it: text, score, words with boxes, and the
    score of each character (spaces are not words)."""

    text: str
    score: float
    words: list[str]
    word_boxes: list
    scores: list[float]


def _characters(read: _Read, line_box: Box) -> list[tuple[str, Box | None, float]]:
    """Each character of a recognised line with its box (pixels, y down; None for a space
    between Latin words) and score.

    The engine boxes Chinese characters one by one and Latin words (digits and points
    included) as a whole: a word's box is shared out among its characters by width. If the
    words do not spell the text, the line's box is shared out instead.
    """
    printed = read.text.replace(" ", "")
    words, word_boxes = read.words, read.word_boxes
    if not words or "".join(words) != printed:
        words, word_boxes = [printed], [_quad(line_box)]
    scores = read.scores if len(read.scores) == len(printed) else [read.score] * len(printed)
    placed: list[tuple[str, Box | None, float]] = []
    for word, quad in zip(words, word_boxes, strict=True):
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        step = (x1 - x0) / max(1, len(word))
        for i, ch in enumerate(word):
            box = (x0 + i * step, y0, x0 + (i + 1) * step, y1)
            placed.append((ch, box, float(scores[len(placed)])))
    spaced = iter(placed)
    text = read.text
    return [
        next(spaced) if ch != " " else (" ", None, 1.0)
        for i, ch in enumerate(text)
        if ch != " " or _between_latin(text, i)
    ]


def _between_latin(text: str, i: int) -> bool:
    """A space between Latin words is printed; one the engine puts beside a Chinese
    character (工业增加值 (亿元)) is not."""
    before, after = text[i - 1 : i], text[i + 1 : i + 2]
    return (
        i > 0
        and bool(after)
        and before.isascii()
        and after.isascii()
        and " " not in (before, after)
    )


def _quad(box: Box) -> list[list[float]]:
    x0, y0, x1, y1 = box
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]


def _page(pieces, scale: float, page_height: float, turn: Turn | None) -> OcrPage:
    """The page's characters in reading order: boxes on one printed line (their middles
    level) left to right, lines top down. A gap wider than half a character between boxes
    (table cells) is two spaces, as the table reader expects of a text table."""
    rows: list[list[tuple[Box, str, list]]] = []
    for piece in sorted(pieces, key=lambda p: (p[0][1] + p[0][3]) / 2):
        box = piece[0]
        middle, height = (box[1] + box[3]) / 2, box[3] - box[1]
        row = rows[-1] if rows else None
        if row is not None:
            last = row[-1][0]
            if abs((last[1] + last[3]) / 2 - middle) < max(height, last[3] - last[1]) / 2:
                row.append(piece)
                continue
        rows.append([piece])
    chars: list[str] = []
    boxes: list[Box | None] = []
    confidence = bytearray()

    def place(box: Box) -> Box:
        x0, y0, x1, y1 = box
        up = (x0 / scale, page_height - y1 / scale, x1 / scale, page_height - y0 / scale)
        return turn.down(up) if turn is not None else up

    for row in rows:
        row.sort(key=lambda p: p[0][0])
        previous: Box | None = None
        for box, _text, characters in row:
            if previous is not None:
                gap = box[0] - previous[2]
                height = max(box[3] - box[1], previous[3] - previous[1])
                joiner = "  " if gap > 0.6 * height else " " if _latin(chars, characters) else ""
                for ch in joiner:
                    chars.append(ch)
                    boxes.append(None)
                    confidence.append(255)
            for ch, char_box, score in characters:
                chars.append(ch)
                boxes.append(place(char_box) if char_box is not None else None)
                confidence.append(confidence_byte(score))
            previous = box
        chars.append("\n")
        boxes.append(None)
        confidence.append(255)
    return OcrPage("".join(chars), boxes, bytes(confidence))


def _latin(before: list[str], characters: list) -> bool:
    return bool(before and characters) and before[-1].isascii() and characters[0][0].isascii()


def page_text(page: OcrPage, number: int, height: float, turn: Turn | None = None) -> PageText:
    """The recognised page as the printed lines the reading-text layout reads (measured on
    the page as displayed, like pdfium's lines)."""
    lines: list[Line] = []
    start = 0
    for end, ch in enumerate(page.chars):
        if ch != "\n":
            continue
        if end > start:
            line = Line(number, start, end, page.chars[start:end])
            placed = [turn.up(b) if turn is not None else b for b in page.boxes[start:end] if b]
            if placed:
                line.left = min(b[0] for b in placed)
                line.right = max(b[2] for b in placed)
                line.bottom = min(b[1] for b in placed)
                line.top = max(b[3] for b in placed)
                line.size = sorted(b[3] - b[1] for b in placed)[len(placed) // 2]
            lines.append(line)
        start = end + 1
    return PageText(page.chars, lines, height)
