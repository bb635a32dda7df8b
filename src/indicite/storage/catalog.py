"""The catalog table: items, their usage by entries, renames and merges."""

import json
from typing import Any

from sqlite_utils import Database

from indicite.core.catalog import CatalogItem
from indicite.core.errors import NotFound
from indicite.storage.rows import insert_row

_ITEM_SQL = (
    "SELECT c.id, c.code, c.name, c.aliases, c.measure, c.unit, c.description, c.parent_id, "
    "(SELECT count(*) FROM indicators i INDEXED BY indicators_live_by_catalog "
    "WHERE i.catalog_id = c.id AND i.deleted_at IS NULL) AS usage FROM catalog c "
)
EDITABLE = ("code", "name", "aliases", "measure", "unit", "description", "parent_id")


def _row(item: CatalogItem) -> dict[str, Any]:
    return {
        "code": item.code,
        "name": item.name,
        "aliases": json.dumps(item.aliases, ensure_ascii=False),
        "measure": item.measure,
        "unit": item.unit,
        "description": item.description,
        "parent_id": item.parent_id,
    }


def _item(row: dict[str, Any]) -> CatalogItem:
    return CatalogItem.from_row({**row, "aliases": json.loads(row["aliases"] or "[]")})


class CatalogRepository:
    def __init__(self, db: Database):
        self.db = db

    def all(self) -> list[CatalogItem]:
        """Every item with how many live entries link to it, by code."""
        return [_item(r) for r in self.db.query(_ITEM_SQL + "ORDER BY c.code")]

    def names(self) -> list[CatalogItem]:
        """Code, name and aliases of every item (no usage counts: cheap, for matching)."""
        return [
            _item(r)
            for r in self.db.query(
                "SELECT id, code, name, aliases, measure, unit, parent_id FROM catalog "
                "ORDER BY code"
            )
        ]

    def get(self, item_id: int) -> CatalogItem:
        rows = list(self.db.query(_ITEM_SQL + "WHERE c.id = ?", [item_id]))
        if not rows:
            raise NotFound("There is no catalog item {item_id}.", item_id=item_id)
        return _item(rows[0])

    def by_code(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT code, id FROM catalog").fetchall())

    def insert(self, item: CatalogItem, at: str) -> int:
        return insert_row(self.db, "catalog", {**_row(item), "created_at": at, "updated_at": at})

    def update(self, item: CatalogItem, at: str) -> None:
        assert item.id is not None
        row = _row(item)
        assignments = ", ".join(f'"{name}" = ?' for name in row)
        self.db.execute(
            f"UPDATE catalog SET {assignments}, updated_at = ? WHERE id = ?",  # noqa: S608 (fixed names)
            [*row.values(), at, item.id],
        )

    def relink(self, from_id: int, to_id: int) -> list[int]:
        """Point every entry and child of ``from_id`` at ``to_id``; the moved entries' ids."""
        moved = [
            r[0]
            for r in self.db.execute("SELECT id FROM indicators WHERE catalog_id = ?", [from_id])
        ]
        self.db.execute(
            "UPDATE indicators SET catalog_id = ?, version = version + 1 WHERE catalog_id = ?",
            [to_id, from_id],
        )
        self.db.execute("UPDATE catalog SET parent_id = ? WHERE parent_id = ?", [to_id, from_id])
        return moved

    def delete(self, item_id: int) -> None:
        self.db.execute("DELETE FROM catalog WHERE id = ?", [item_id])
