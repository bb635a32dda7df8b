"""The catalog of indicators: one code and one canonical name per indicator (issue 16).

An entry links to a catalog item by id, so renaming the item keeps every link. A name typed
or guessed is matched to an item by its canonical name, an alias or its code, compared in the
folded form of ``names.name_key`` (规上工业增加值 finds 规模以上工业增加值).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from indicite.core.entities import MEASURES, Record
from indicite.core.errors import ValidationError
from indicite.core.names import name_key

# Columns of a catalog file (CSV/XLSX), in order; a file may use the Chinese headers.
CATALOG_COLUMNS = ("code", "name", "aliases", "measure", "unit", "description", "parent_code")
CATALOG_HEADERS_ZH = {
    "code": "代码",
    "name": "名称",
    "aliases": "别名",
    "measure": "度量",
    "unit": "单位",
    "description": "说明",
    "parent_code": "上级代码",
}
_ALIAS_SPLIT = re.compile(r"[|｜;；\n]")
_CODE_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}")


@dataclass(slots=True)
class CatalogItem(Record):
    id: int | None = None
    code: str = ""
    name: str = ""
    aliases: list[str] = field(default_factory=list)
    measure: str = ""
    unit: str = ""
    description: str = ""
    parent_id: int | None = None
    usage: int = 0


def split_aliases(text: str) -> list[str]:
    """Aliases as written in a file cell: separated by | or ; (either width) or new lines."""
    seen: list[str] = []
    for part in _ALIAS_SPLIT.split(text or ""):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return seen


def join_aliases(aliases: Iterable[str]) -> str:
    return "|".join(aliases)


def check_item(code: str, name: str, measure: str) -> None:
    """Raise ValidationError naming the first catalog field that breaks a rule."""
    if not _CODE_RE.fullmatch(code or ""):
        raise ValidationError(
            "code",
            "The code “{code}” must be 1–40 letters, digits, dots, dashes or underscores",
            code=code,
        )
    if not (name or "").strip():
        raise ValidationError("name", "The catalog item needs a name")
    if measure and measure not in MEASURES:
        raise ValidationError("measure", "Unknown measure “{measure}”", measure=measure)


class CatalogMatcher:
    """Finds the catalog item a name means, by code, canonical name or alias."""

    def __init__(self, items: Iterable[CatalogItem]):
        self._by_key: dict[str, int] = {}
        self._by_code: dict[str, int] = {}
        self.names: dict[int, str] = {}
        items = list(items)
        for item in items:
            assert item.id is not None
            self.names[item.id] = item.name
            self._by_code[item.code.upper()] = item.id
            # canonical names win over aliases that fold to the same key
            self._by_key.setdefault(name_key(item.name), item.id)
        for item in items:
            for alias in item.aliases:
                self._by_key.setdefault(name_key(alias), self._by_code[item.code.upper()])

    def match(self, name: str) -> int | None:
        """The id of the item ``name`` (or its code) means, or None."""
        text = (name or "").strip()
        if not text:
            return None
        found = self._by_code.get(text.upper())
        if found is not None:
            return found
        return self._by_key.get(name_key(text))
