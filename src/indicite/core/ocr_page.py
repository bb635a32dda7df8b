"""What OCR read on one page: its characters, their boxes and how sure the engine was.

A recognised page stands in for pdfium's text page: ``chars`` are the page's characters in
reading order (lines ended by "\\n"), character i has ``boxes[i]`` (None for a line break)
and ``confidence[i]`` (0-255, one byte each). A CharMap points into ``chars`` as it points
into pdfium's characters, so citations, selection and rectangles work on a scan as on a
text PDF. Boxes are in page space, y up: PDF points for a PDF page; for an image, whose page
is the image itself, one unit is one pixel (the image is shown as a page of one point per
pixel) with the origin at its bottom-left corner.
"""

import math
import zlib
from array import array
from dataclasses import dataclass

from indicite.core.page_boxes import Box

# Below this share a recognised character is shown as uncertain (0.9 as a byte, rounded down).
LOW_CONFIDENCE = 230
# The recogniser scores a line's closing punctuation low on almost every line (its CTC
# column runs into the box's blank end); marking those would drown the digits that matter.
_UNSCORED = "。，、；：！？,.;:!?）)」』”’"


@dataclass(frozen=True)
class OcrPage:
    chars: str
    boxes: list[Box | None]
    confidence: bytes

    def low(self, index: int) -> bool:
        """Whether character ``index`` was read with low confidence (a reviewer should look)."""
        if self.confidence[index] >= LOW_CONFIDENCE:
            return False
        line_end = index + 1 >= len(self.chars) or self.chars[index + 1] == "\n"
        return not (line_end and self.chars[index] in _UNSCORED)

    def boxes_bytes(self) -> bytes:
        values = array("f")
        for box in self.boxes:
            values.extend(box if box is not None else (math.nan,) * 4)
        return zlib.compress(values.tobytes(), 6)

    @classmethod
    def from_stored(cls, chars: str, boxes: bytes, confidence: bytes) -> "OcrPage":
        values = array("f")
        values.frombytes(zlib.decompress(boxes))
        quads: list[Box | None] = []
        for i in range(0, len(values), 4):
            x0, y0, x1, y1 = values[i : i + 4]
            quads.append(None if math.isnan(x0) else (x0, y0, x1, y1))
        return cls(chars, quads, bytes(confidence))


def confidence_byte(score: float) -> int:
    """A 0..1 score in one byte."""
    return max(0, min(255, int(score * 255)))
