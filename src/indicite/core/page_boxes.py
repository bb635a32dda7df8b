"""Boxes on a PDF page: characters' boxes merged into one rectangle per printed line.

Boxes are (x0, y0, x1, y1) in PDF points, y upwards, as pdfium gives them.
"""

from collections.abc import Sequence

Box = tuple[float, float, float, float]


def line_boxes(boxes: Sequence[Box | None], first: int, end: int) -> list[Box]:
    """One rectangle per printed line covering characters [first, end) of a page.

    A character without a box (a break pdfium made up) is skipped; a character that sits
    to the left of the previous one, or clearly above or below it, starts a new line.
    """
    out: list[Box] = []
    current: list[float] | None = None
    for index in range(max(0, first), min(end, len(boxes))):
        box = boxes[index]
        if box is None:
            continue
        x0, y0, x1, y1 = box
        if current is not None:
            height = max(current[3] - current[1], y1 - y0, 1.0)
            same_line = abs((y0 + y1) / 2 - (current[1] + current[3]) / 2) < height / 2
            if same_line and x0 >= current[0] - height / 2:
                current[0] = min(current[0], x0)
                current[1] = min(current[1], y0)
                current[2] = max(current[2], x1)
                current[3] = max(current[3], y1)
                continue
            out.append((current[0], current[1], current[2], current[3]))
        current = [x0, y0, x1, y1]
    if current is not None:
        out.append((current[0], current[1], current[2], current[3]))
    return out


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
