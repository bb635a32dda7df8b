"""Read queries for the table of ALL indicators: a view of a million rows, read a page at a time.

The per-document table holds its ordered ids (a few thousand ints). Over every document that
list alone takes 0.2–1.2 s to read, so this view never reads it: its length is one COUNT and
the ids of a page are one ``LIMIT/OFFSET`` walk of an index in the view's order (m004/m005),
about 1 ms at the top and 20 ms half a million rows deep.
"""

from collections.abc import Sequence
from typing import Any, overload

from sqlite_utils import Database

from indicite.storage.indicator_queries import (
    TABLE_COLUMNS,
    IndicatorQueries,
    view_filter,
    view_order,
)

PAGE_SIZE = 256
MAX_CACHED_PAGES = 64


class IndicatorPages(Sequence[int]):
    """The ordered ids of a view, read from the database by page as they are asked for."""

    def __init__(self, db: Database, where: str, params: list[Any], order: str):
        self.db = db
        self.where, self.params, self.order = where, params, order
        sql = f"SELECT count(*) FROM indicators WHERE {where}"  # noqa: S608 (fixed names)
        self._length = int(db.execute(sql, params).fetchone()[0])
        self._pages: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._page(index // PAGE_SIZE)[index % PAGE_SIZE]

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        """The row of an id among the pages read so far (ValueError when not read or absent)."""
        for number, ids in self._pages.items():
            if value in ids:
                row = number * PAGE_SIZE + ids.index(value)
                if start <= row and (stop is None or row < stop):
                    return row
        raise ValueError(value)

    def _page(self, number: int) -> list[int]:
        page = self._pages.get(number)
        if page is None:
            if len(self._pages) >= MAX_CACHED_PAGES:
                self._pages.clear()
            sql = (
                f"SELECT id FROM indicators WHERE {self.where} {self.order} "  # noqa: S608
                "LIMIT ? OFFSET ?"
            )
            params = [*self.params, PAGE_SIZE, number * PAGE_SIZE]
            page = [row[0] for row in self.db.execute(sql, params)]
            self._pages[number] = page
        return page


class AllIndicatorQueries(IndicatorQueries):
    """What the table of all indicators reads: pages of ids, and rows with their document."""

    def pages(
        self,
        *,
        status: str | None = None,
        ids: Sequence[int] | None = None,
        sort: str = "id",
        descending: bool = False,
    ) -> IndicatorPages:
        """The live indicators (only ``ids`` when given) with ``status``, in display order."""
        where, params = view_filter(status=status, ids=ids)
        return IndicatorPages(self.db, where, params, view_order(sort, descending))

    def rows(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The table columns of these indicators and their document's title, keyed by id."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        columns = ", ".join(f"i.{c}" for c in TABLE_COLUMNS)
        sql = (
            f"SELECT {columns}, d.title AS document FROM indicators i "  # noqa: S608
            f"JOIN documents d ON d.id = i.document_id WHERE i.id IN ({marks})"
        )
        return {row["id"]: row for row in self.db.query(sql, list(ids))}
