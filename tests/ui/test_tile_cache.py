"""The rendered-tile cache stays under its memory cap, dropping what was used longest ago."""

from PySide6.QtGui import QImage

from indicite.ui.pages.renderer import TileCache, TileKey


def tile(width: int = 1000, rows: int = 500) -> QImage:
    image = QImage(width, rows, QImage.Format.Format_RGB32)
    image.setText("page_rows", "2000")
    return image


def test_the_cache_keeps_under_its_cap_and_drops_the_least_recently_used(qapp):
    one = tile().sizeInBytes()
    cache = TileCache(limit=3 * one)
    for page in range(5):
        cache.put(TileKey(page, 1000, 0), tile())
        cache.get(TileKey(0, 1000, 0))  # page 0 is looked at all the time
        assert cache.bytes <= cache.limit
    assert len(cache) == 3
    assert cache.get(TileKey(0, 1000, 0)) is not None
    assert cache.get(TileKey(1, 1000, 0)) is None and cache.get(TileKey(4, 1000, 0)) is not None


def test_a_tile_of_another_zoom_stands_in_for_the_band_it_covers(qapp):
    cache = TileCache()
    cache.put(TileKey(2, 1000, 1), tile())  # rows 512-1012 of a page 2000 rows high
    assert [(top, bottom) for top, bottom, _ in cache.any_of(2, 0.3, 0.4)] == [(0.256, 0.506)]
    assert cache.any_of(2, 0.6, 0.7) == []
    assert cache.any_of(3, 0.3, 0.4) == []
