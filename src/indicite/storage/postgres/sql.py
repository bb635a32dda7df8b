"""One query text for both engines: SQLite's spelling turned into PostgreSQL's when first run.

Only the text outside string literals, quoted names and comments is changed. Placeholders:
``?`` becomes ``%s``; numbered ``?1`` and named ``:name`` become ``%(p1)s`` / ``%(name)s``
(``params`` turns the list or dict to match); every ``%``, in code or in a string, is
doubled for psycopg (which reads the text for placeholders even inside literals). The
SQLite spellings the repositories use and PostgreSQL spells otherwise are listed in
``_SPELLINGS``; any other difference belongs in the repository, not here.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_TOKEN = re.compile(
    r"""
    (?P<string>'(?:[^']|'')*')
    | (?P<name>"(?:[^"]|"")*")
    | (?P<comment>--[^\n]*)
    | (?P<numbered>\?(?P<number>\d+))
    | (?P<qmark>\?)
    | (?P<cast>::)
    | (?P<named>(?<![\w:]):(?P<key>[A-Za-z_]\w*))
    | (?P<percent>%)
    | (?P<code>[^'"?:%-]+|-|:)
    """,
    re.VERBOSE,
)
# (pattern, replacement) on code outside literals, applied in order.
_SPELLINGS = [
    # a JSON array of ids, the way the repositories pass a list to IN (...)
    (
        re.compile(r"SELECT value FROM json_each\((\?\d*)\)", re.I),
        r"SELECT jsonb_array_elements_text(\1::jsonb)::bigint AS value",
    ),
    # a JSON array of rows: w.value ->> 0 reads their fields in both engines
    (
        re.compile(r"FROM json_each\(\?\) (\w+)", re.I),
        r"FROM jsonb_array_elements(?::jsonb) AS \1(value)",
    ),
    (re.compile(r"\bgroup_concat\(", re.I), "string_agg("),
    (re.compile(r"(?<![\w.])char\((\d+)\)", re.I), r"chr(\1)"),
    (re.compile(r"\binstr\(", re.I), "strpos("),
    (re.compile(r"\bINDEXED BY \w+\s*", re.I), ""),
    (re.compile(r"\bAS REAL\)", re.I), "AS DOUBLE PRECISION)"),
    # the window's "did another desk write?" poll: the newest history entry of any desk
    (re.compile(r"^PRAGMA data_version$", re.I), "SELECT coalesce(max(id), 0) FROM events"),
]


@dataclass(frozen=True)
class Translated:
    sql: str
    # None: positional %s; else the names of %(name)s, numbered ones as "p1", "p2"…
    names: tuple[str, ...] | None


@lru_cache(maxsize=2048)
def translate(sql: str) -> Translated:
    """``sql`` as PostgreSQL and psycopg read it."""
    code = _respell(sql)
    out: list[str] = []
    names: list[str] = []
    for token in _TOKEN.finditer(code):
        kind = token.lastgroup
        if kind == "numbered":
            name = f"p{token['number']}"
            names.append(name)
            out.append(f"%({name})s")
        elif kind == "named":
            names.append(token["key"])
            out.append(f"%({token['key']})s")
        elif kind == "qmark":
            out.append("%s")
        elif kind == "percent":
            out.append("%%")
        elif kind in ("string", "name", "comment"):
            out.append(token.group().replace("%", "%%"))  # psycopg reads % everywhere
        else:
            out.append(token.group())
    return Translated("".join(out), tuple(names) if names else None)


def _respell(sql: str) -> str:
    """Apply ``_SPELLINGS`` to the code between literals."""
    pieces = re.split(r"""('(?:[^']|'')*'|"(?:[^"]|"")*")""", sql)
    for i in range(0, len(pieces), 2):
        for pattern, replacement in _SPELLINGS:
            pieces[i] = pattern.sub(replacement, pieces[i])
    return "".join(pieces)


def params(translated: Translated, values: Sequence[Any] | Mapping[str, Any] | None) -> Any:
    """``values`` in the shape the translated text wants."""
    if values is None:
        return ()  # not None: psycopg then reads %% as %, as in a text with values
    if translated.names is None or isinstance(values, Mapping):
        return values
    return {f"p{i}": value for i, value in enumerate(values, start=1)}
