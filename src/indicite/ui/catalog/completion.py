"""Name completion from the catalog: canonical names, aliases and codes, plus recent names.

Each row is one thing a person may type (a name, an alias or a code); the popup shows what it
stands for, and choosing it puts the canonical name in the field (the form does that).
"""

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from indicite.core.catalog import CatalogItem

MATCH_ROLE = Qt.ItemDataRole.UserRole + 2


def fill_completions(
    model: QStandardItemModel, items: Iterable[CatalogItem], recent: Iterable[str]
) -> None:
    """Rows to complete a name from: every catalog name, alias and code, then other names."""
    model.clear()
    known: set[str] = set()
    for item in items:
        for typed in (item.name, *item.aliases, item.code):
            shown = item.name if typed == item.name else f"{typed} → {item.name}"
            row = QStandardItem(f"{shown}  [{item.code}]")
            row.setData(typed, MATCH_ROLE)
            model.appendRow(row)
            known.add(typed)
    for name in recent:
        if name not in known:
            row = QStandardItem(name)
            row.setData(name, MATCH_ROLE)
            model.appendRow(row)
