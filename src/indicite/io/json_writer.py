"""JSON export: a list of indicator objects, each with its citations nested in order."""

import contextlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from indicite.core.export_format import CITATION_COLUMNS, CITATION_FIELDS, INDICATOR_COLUMNS
from indicite.io.writers import PendingFile

_CITED = {c.name for c in CITATION_FIELDS}
INDICATOR_KEYS = [c.name for c in INDICATOR_COLUMNS if c.name not in _CITED | {"citation_count"}]
CITATION_KEYS = [c.name for c in CITATION_COLUMNS if c.name != "indicator_id"]


class JsonWriter:
    def __init__(self, path: Path):
        self._pending = PendingFile(Path(path))
        self._file = self._pending.part.open("w", encoding="utf-8")
        self._file.write("[")
        self._first = True

    def write(self, indicator: dict[str, Any], extra_citations: list[dict[str, Any]]) -> None:
        obj = {key: indicator[key] for key in INDICATOR_KEYS}
        cited = [indicator, *extra_citations] if indicator["quote"] is not None else []
        obj["citations"] = [{key: c[key] for key in CITATION_KEYS} for c in cited]
        self._file.write("\n" if self._first else ",\n")
        self._file.write(json.dumps(obj, ensure_ascii=False))
        self._first = False

    def finish(
        self, documents: Iterable[dict[str, Any]], about: list[tuple[str, str]]
    ) -> list[Path]:
        self._file.write("\n]\n")
        self._file.close()
        return [self._pending.commit()]

    def discard(self) -> None:
        with contextlib.suppress(OSError):  # a full disk fails the last flush again
            self._file.close()
        self._pending.discard()
