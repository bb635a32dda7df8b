"""Boxes on a PDF page: characters' boxes merged into one rectangle per printed line.

Boxes are (x0, y0, x1, y1) in PDF points, y upwards, as pdfium gives them (page space, before
the page's /Rotate). A Turn carries them to the page as displayed, where lines run left to
right, and back.
"""

from collections.abc import Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Turn:
    """A page's /Rotate and its unrotated size: page space <-> displayed page, both y up."""

    rotation: int
    media_width: float
    media_height: float

    @property
    def height(self) -> float:
        """Height of the page as displayed."""
        return self.media_width if self.rotation % 180 else self.media_height

    def up(self, box: Box) -> Box:
        """A page-space box on the displayed page (y up)."""
        if not self.rotation % 360:
            return box
        left, top, right, bottom = to_display(
            box, self.rotation, self.media_width, self.media_height
        )
        return left, self.height - bottom, right, self.height - top

    def down(self, box: Box) -> Box:
        """A box on the displayed page (y up) back in page space."""
        if not self.rotation % 360:
            return box
        x0, y0, x1, y1 = box
        corners = [
            from_display(x, self.height - y, self.rotation, self.media_width, self.media_height)
            for x, y in ((x0, y0), (x1, y1))
        ]
        (ax, ay), (bx, by) = corners
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def line_boxes(
    boxes: Sequence[Box | None], first: int, end: int, turn: Turn | None = None
) -> list[Box]:
    """One rectangle per printed line covering characters [first, end) of a page.

    A character without a box (a break pdfium made up) is skipped; a character that sits
    to the left of the previous one, or clearly above or below it, starts a new line (on
    the page as displayed: a turned page's lines run up or down its page space). A
    rectangle stops short of the characters beside it on its line (glyphs such as % reach
    into the next one), so the text inside it is exactly the span's.
    """
    if turn is not None and turn.rotation % 360:
        lo, hi = max(0, first - 1), min(len(boxes), end + 1)
        upright = [None if b is None else turn.up(b) for b in boxes[lo:hi]]
        return [turn.down(box) for box in line_boxes(upright, first - lo, end - lo)]
    out: list[Box] = []
    x0 = y0 = x1 = y1 = 0.0
    start = last = -1
    for index in range(max(0, first), min(end, len(boxes))):
        box = boxes[index]
        if box is None:
            continue
        bx0, by0, bx1, by1 = box
        if start >= 0:
            height = max(y1 - y0, by1 - by0, 1.0)
            if abs((by0 + by1 - y0 - y1) / 2) < height / 2 and bx0 >= x0 - height / 2:
                x0, y0 = min(x0, bx0), min(y0, by0)
                x1, y1 = max(x1, bx1), max(y1, by1)
                last = index
                continue
            out.append(_clipped([x0, y0, x1, y1], boxes, start, last))
        x0, y0, x1, y1 = box
        start = last = index
    if start >= 0:
        out.append(_clipped([x0, y0, x1, y1], boxes, start, last))
    return out


def _same_line(current: Sequence[float], box: Box) -> bool:
    x0, y0, _, y1 = box
    height = max(current[3] - current[1], y1 - y0, 1.0)
    middle = (current[1] + current[3]) / 2
    return abs((y0 + y1) / 2 - middle) < height / 2 and x0 >= current[0] - height / 2


def _clipped(rect: list[float], boxes: Sequence[Box | None], first: int, last: int) -> Box:
    x0, y0, x1, y1 = rect
    before = boxes[first - 1] if first > 0 else None
    after = boxes[last + 1] if last + 1 < len(boxes) else None
    if before is not None and _same_line(before, (x0, y0, x1, y1)) and x0 < before[2] < x1:
        x0 = before[2] + 0.01
    if after is not None and _same_line(rect, after) and x0 < after[0] < x1:
        x1 = after[0] - 0.01
    return (x0, y0, x1, y1)


def char_at(boxes: Sequence[Box | None], x: float, y: float) -> int | None:
    """The character whose box holds (x, y), else the nearest one on the same line."""
    best, best_distance = None, float("inf")
    for index, box in enumerate(boxes):
        if box is None:
            continue
        x0, y0, x1, y1 = box
        if y0 <= y <= y1:
            if x0 <= x <= x1:
                return index
            distance = min(abs(x - x0), abs(x - x1))
            if distance < best_distance:
                best, best_distance = index, distance
    return best


def to_display(
    box: Box, rotation: int, media_width: float, media_height: float
) -> tuple[float, float, float, float]:
    """A box in page space (y up) as (left, top, right, bottom) on the page as displayed
    (y down from the top, the page's /Rotate applied clockwise), in points."""
    x0, y0, x1, y1 = box
    corners = [_point(x, y, rotation, media_width, media_height) for x, y in ((x0, y0), (x1, y1))]
    (ax, ay), (bx, by) = corners
    return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


def from_display(
    x: float, y: float, rotation: int, media_width: float, media_height: float
) -> tuple[float, float]:
    """A point on the displayed page (y down) back in page space (y up)."""
    if rotation % 180:  # a quarter turn: the same formula with the sides swapped
        return _point(x, y, rotation, media_height, media_width)
    return _point(x, y, rotation, media_width, media_height)


def _point(x: float, y: float, rotation: int, width: float, height: float) -> tuple[float, float]:
    rotation %= 360
    if rotation == 90:
        return y, x
    if rotation == 180:
        return width - x, y
    if rotation == 270:
        return height - y, width - x
    return x, height - y
