"""Pictures of Chinese text drawn in the tests (Pillow and a Noto CJK font), for OCR."""

import glob
import importlib.util
from dataclasses import dataclass

import pytest

needs_ocr = pytest.mark.skipif(
    importlib.util.find_spec("rapidocr_onnxruntime") is None,
    reason='the OCR extra is not installed (pip install -e ".[ocr]")',
)

_FONT_GLOBS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/**/NotoSansCJK*.tt[cf]",
    "/usr/share/fonts/**/NotoSansSC*.[ot]tf",
)


def cjk_font_path() -> str:
    for pattern in _FONT_GLOBS:
        found = sorted(glob.glob(pattern, recursive=True))
        if found:
            return found[0]
    raise RuntimeError("no Noto CJK font: apt-get install fonts-noto-cjk (.ci/run does)")


@dataclass(frozen=True)
class Drawn:
    """A line drawn at (left, top) in pixels, its text and its ink's box (y down)."""

    text: str
    box: tuple[int, int, int, int]


def draw_page(
    lines: list[str | list[str]],
    size: int = 30,
    width: int = 1100,
    column: int = 380,
    height: int = 0,
) -> tuple[object, list[Drawn]]:
    """A white picture with one line of text (or a row of table cells, ``column`` pixels
    apart) per entry, black Noto Sans CJK SC at ``size`` pixels, at least ``height`` high.

    The engine enlarges a picture whose short side is under 736 pixels before it looks for
    text: a page-like picture is read faster than a strip."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(cjk_font_path(), size, index=2)  # index 2: Simplified Chinese
    pitch = int(size * 1.9)
    image = Image.new("L", (width, max(height, pitch * len(lines) + size * 2)), 255)
    draw = ImageDraw.Draw(image)
    drawn = []
    for row, line in enumerate(lines):
        top = size + row * pitch
        cells = line if isinstance(line, list) else [line]
        for number, cell in enumerate(cells):
            left = size + number * column
            draw.text((left, top), cell, font=font, fill=0)
            drawn.append(Drawn(cell, tuple(int(v) for v in draw.textbbox((left, top), cell, font))))
    return image, drawn


# Numbers as the communiqués print them: decimals, %, 万/亿, thousands separators, signs.
NUMBER_LINES = [
    "全市地区生产总值16737.30亿元，同比增长4.3%。",
    "规模以上工业增加值增长5.1%，其中高技术制造业增长9.7%。",
    "社会消费品零售总额3810.56亿元，下降0.9%。",
    "一般公共预算收入2033.7亿元，税收占比76.2%。",
    "新增城镇就业38.21万人，城镇调查失业率4.8%。",
    "居民人均可支配收入53759元，增长3.90%。",
    "全年外贸进出口总额8400.56亿元，出口增长10.3%。",
    "实际利用外资63.01亿美元，新设外资企业1,057家。",
    "固定资产投资下降9.9%，民间投资占比43.5%。",
    "金融机构本外币存款余额4.59万亿元，贷款4.3万亿元。",
]
TABLE_ROWS = [
    ["指标", "绝对值", "增长%"],
    ["地区生产总值（亿元）", "16737.30", "4.3"],
    ["工业增加值（亿元）", "5192.13", "3.8"],
    ["常住人口（万人）", "1364.00", "-0.6"],
]


SCAN_LINES = [
    "全市地区生产总值16737.30亿元，同比增长4.3%。",
    "金融机构本外币存款余额4.59万亿元，贷款4.3万亿元。",
]


def import_scan(session, tmp_path, name: str = "scan.png") -> int:
    """A picture of SCAN_LINES imported through OCR; its document id."""
    from indicite.services.documents import import_file

    image, _ = draw_page(SCAN_LINES, size=28, width=900, height=740)
    path = tmp_path / name
    image.save(path)
    outcome = import_file(session, path)
    assert outcome.ok, outcome.error
    return outcome.document_id


def read_uncertainly(session, doc_id: int, needle: str) -> tuple[int, int]:
    """Make the stored OCR confidence of ``needle``'s characters low, as if the scan were
    smudged there (the engine is sure of clean drawn text); returns the needle's span."""
    text = session.store.documents.get(doc_id).text
    start = text.index(needle)
    _, char_map = session.store.char_maps.get(doc_id)
    pages = session.store.ocr_pages.get(doc_id)
    for page, first, end in char_map.chars_of(start, start + len(needle)):
        confidence = bytearray(pages[page].confidence)
        confidence[first:end] = bytes([90]) * (end - first)
        with session.store.transaction():
            session.store.db.execute(
                "UPDATE ocr_pages SET confidence = ? WHERE document_id = ? AND page = ?",
                [bytes(confidence), doc_id, page],
            )
    return start, start + len(needle)
