"""Which characters of a document OCR read with low confidence (a reviewer should look at
the page image there): offsets into the document text, through its character map."""

from bisect import bisect_left
from collections.abc import Sequence

from indicite.services.session import Session

# The note a suggestion or an accepted entry carries when its number was read uncertainly;
# written in Chinese, like the documents it is about (as the guessed-table note).
LOW_CONFIDENCE_NOTE = "OCR识别置信度低，请对照原图核对"


def low_confidence_offsets(session: Session, doc_id: int) -> list[int]:
    """Sorted code-point offsets of the low-confidence characters; [] without scans."""
    store = session.store
    recognised = store.ocr_pages.confidence(doc_id)
    if not recognised:
        return []
    _, char_map = store.char_maps.get(doc_id)
    if char_map is None:
        return []
    out: list[int] = []
    for run in char_map.runs:
        page = recognised.get(run.page)
        if page is None:
            continue
        out.extend(run.doc_start + i for i in range(run.length) if page.low(run.char_start + i))
    return sorted(out)


def holds_low(offsets: Sequence[int], start: int, end: int) -> bool:
    """Whether span [start, end) holds one of the sorted ``offsets``."""
    index = bisect_left(offsets, start)
    return index < len(offsets) and offsets[index] < end
