"""Draw Indicite's app icon with QPainter and write the PNG, ICO and ICNS files in resources/icons.

Run from the checkout: ``.venv/bin/python packaging/make_icons.py``. Needs Pillow (dev extra)
for the multi-size .ico and .icns files; commit what it writes.
"""

import os
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPen

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def round_pen(color: str, width: float) -> QPen:
    pen = QPen(QColor(color), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def draw_icon(size: int) -> QImage:
    """A blue tile holding a page whose highlighted line is pointed at by a quote mark."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 100, size / 100)

    tile = QRectF(4, 4, 92, 92)
    gradient = QLinearGradient(tile.topLeft(), tile.bottomRight())
    gradient.setColorAt(0, QColor("#2f6fdb"))
    gradient.setColorAt(1, QColor("#163e8c"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(tile, 20, 20)

    page = QRectF(24, 16, 52, 68)
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(page, 5, 5)

    p.setBrush(QColor("#ffc83d"))
    p.drawRoundedRect(QRectF(30, 44, 40, 11), 2, 2)
    if size >= 32:
        p.setPen(round_pen("#9aa9c2", 4))
        for y in (28, 36, 63, 71):
            p.drawLine(QPointF(32, y), QPointF(68 if y != 71 else 56, y))
    p.setPen(round_pen("#163e8c", 5))
    p.drawLine(QPointF(35, 49.5), QPointF(60, 49.5))
    p.end()
    return image


def main() -> int:
    from PIL import Image

    ICONS.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        draw_icon(size).save(str(ICONS / f"indicite-{size}.png"))
    largest = Image.open(ICONS / "indicite-1024.png")
    largest.save(
        ICONS / "indicite.ico",
        sizes=[(s, s) for s in SIZES if s <= 256],
        bitmap_format="png",
    )
    largest.save(ICONS / "indicite.icns")
    print(f"wrote {len(SIZES)} PNGs, indicite.ico and indicite.icns to {ICONS}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])
    sys.exit(main())
