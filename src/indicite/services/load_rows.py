"""The file side of ``indicite load``: each row read and checked without the database.

Everything a row can be refused for by itself (a field that is not a number, an unknown status,
a timestamp that is no date, a citation without a quote) is found here, and the row comes out
as a ``Checked``: plain values that pickle quickly, so that a big file can be read in a child
process (services/load_apart.py) while the loading process writes the rows before it. What
needs the database (which document, the quote's place in its text, duplicates) is for
services/load.py, which reports the problems found here in the order a row is checked: the
reader's first, then the document, then the fields and claims, then each citation.
"""

import copyreg
import re
from collections.abc import Callable, Generator, Iterator
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from indicite.core.citations import Quote, find_quote, is_anchored, quote_at
from indicite.core.entities import INDICATOR_FIELDS, STATUSES, Document
from indicite.core.errors import ImportRefused, IndiciteError, ValidationError, one_line
from indicite.core.magnitudes import with_base
from indicite.core.validation import check_fields, check_finite, parse_value
from indicite.io.table_reader import Table, read_table

NUMBER_FIELDS = frozenset({"value", "base_value", "value_high", "base_value_high"})
# Every column the load reads (of the indicators and of the citations sheet): the reader
# converts only these.
READ_COLUMNS = frozenset(
    {
        *INDICATOR_FIELDS,
        "id",
        "catalog_code",
        "document_sha256",
        "document_title",
        "status",
        "created_by",
        "created_at",
        "reviewed_by",
        "reviewed_at",
        "indicator_id",
        "quote",
        "start",
        "end",
        "prefix",
        "suffix",
        "cited_sha256",
    }
)
# The file's columns for the entry's fields (catalog_id comes from catalog_code), in the
# order their errors are reported.
_TEXT_FIELDS = tuple(n for n in INDICATOR_FIELDS if n not in NUMBER_FIELDS and n != "catalog_id")
_NUMBER_FIELDS = tuple(n for n in INDICATOR_FIELDS if n in NUMBER_FIELDS)
_ISO_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?)?"
)


class RowRefused(IndiciteError):
    """One row cannot be loaded; the message says why."""


class Loader(NamedTuple):
    """Who loads, and whether they may approve what a file marks approved."""

    user: str
    may_review: bool
    four_eyes: bool

    def status(self, claims: dict[str, Any]) -> tuple[str, bool]:
        """The status an entry comes in with, and whether the loader approves it now."""
        claimed = claims["status"]
        if claimed in ("draft", "submitted"):
            return claimed, False
        author = claims["created_by"] or self.user
        if (
            claimed == "approved"
            and self.may_review
            and not (self.four_eyes and author == self.user)
        ):
            return "approved", True
        return "submitted", False


class Citation(NamedTuple):
    """One citation of a row as the file gives it, positions read as numbers."""

    exact: str
    start: int | None
    end: int | None
    prefix: str
    suffix: str
    cited_sha256: str  # the version it was made in, lower case; "" for the row's document
    problem: str  # why it cannot be cited at all (no quote, a position that is no number)


class Checked(NamedTuple):
    """One row of the file, checked and anchored; ``refusal`` says why it cannot be loaded."""

    number: int  # as a spreadsheet shows it
    refusal: str
    document_id: int  # the document it cites
    fields: dict[str, Any]
    claims: dict[str, Any]  # what the file says about the entry's past (provenance)
    status: str  # the status it comes in with
    approve_now: bool  # the loading editor approves it now
    quotes: list[tuple[int, Quote]]  # each citation: the version it was made in, the quote
    after: str  # its load event's ``after`` (JSON), unless a quote is carried to a new version


def _as_tuple(row: tuple) -> tuple[Any, ...]:
    """How a row pickles: rebuilt by ``tuple.__new__`` in C, not by the named tuple's own
    ``__new__`` (a Python call per row, a tenth of the loading process's unpickling)."""
    return tuple.__new__, (type(row), tuple(row))


def _quote_as_tuple(quote: Quote) -> tuple[Any, ...]:
    return Quote, (quote.start, quote.end, quote.exact, quote.prefix, quote.suffix, quote.page)


copyreg.pickle(Checked, _as_tuple)
copyreg.pickle(Quote, _quote_as_tuple)


class Documents:
    """Finds the document a row cites, by sha256 or title; ``get`` gives a document by id."""

    def __init__(
        self,
        by_sha: dict[str, int],
        by_title: dict[str, list[int]],
        get: Callable[[int], Document],
    ):
        self.by_sha, self.by_title, self.get = by_sha, by_title, get

    def find(self, sha: str, title: str) -> Document:
        """By sha256 (lower case), else by title (stripped)."""
        if sha and sha in self.by_sha:
            return self.get(self.by_sha[sha])
        if not title:
            if sha:
                raise RowRefused(f"no document with sha256 {sha[:12]}…; import it first")
            raise RowRefused("no document_title or document_sha256 says which document it cites")
        ids = self.by_title.get(title, [])
        if not ids:
            raise RowRefused(f"no document titled “{title}”; import it first")
        if len(ids) > 1:
            raise RowRefused(f"{len(ids)} documents are titled “{title}”; add document_sha256")
        return self.get(ids[0])

    def cited(self, citation: Citation, default: Document) -> Document:
        """The version a citation was made in (``cited_sha256``), else the row's document."""
        sha = citation.cited_sha256
        return self.get(self.by_sha[sha]) if sha in self.by_sha else default


def anchor(doc: Document, citation: Citation) -> Quote:
    """Where the cited quote is in the document, or RowRefused saying why it is not."""
    exact, start, end = citation.exact, citation.start, citation.end
    text = doc.text
    if start is None or end is None or not is_anchored(text, start, end, exact):
        prefix, suffix = citation.prefix, citation.suffix
        start = find_quote(text, exact, prefix, suffix)
        if start is None:
            short = exact if len(exact) <= 30 else exact[:30] + "…"
            raise RowRefused(f"the quote “{short}” is not in document {doc.id} ({doc.title})")
        if not (prefix or suffix) and text.find(exact, start + 1) != -1:
            raise RowRefused(
                f"the quote “{exact}” occurs {text.count(exact)} times in document {doc.id}; "
                "quote a longer passage or add prefix/suffix"
            )
        end = start + len(exact)
    return quote_at(text, start, end, doc.page_starts)


def text_of(value: Any) -> str:
    if value.__class__ is str:  # nearly every cell: settled first
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _number(name: str, value: Any) -> float | None:
    if value is None or value == "":
        return None
    if value.__class__ is not str:  # a spreadsheet's or JSON's number (a CSV holds text)
        if isinstance(value, bool):
            raise ValidationError(name, "{name} “{value}” is not a number", name=name, value=value)
        if isinstance(value, int | float):
            try:
                number = float(value)
            except OverflowError:  # an integer with hundreds of digits (JSON allows it)
                number = float("inf")
            check_finite(name, number, value)
            return number
        value = str(value)
    try:
        return parse_value(value)
    except ValidationError as e:  # not a number, too large, too close to zero
        raise ValidationError(name, "{name}: {reason}", name=name, reason=str(e)) from None


def _int(name: str, value: Any) -> int | None:
    number = _number(name, value)
    if number is None:
        return None
    if number != int(number):
        raise ValidationError(
            name, "{name} “{value}” is not a whole number", name=name, value=value
        )
    return int(number)


def _moment(name: str, value: Any) -> str | None:
    """An ISO 8601 date or date and time from the file, or None; anything else refuses the row
    (a formula hiding in a timestamp column never reaches the database or an export)."""
    text = text_of(value).strip()
    if not text:
        return None
    try:
        if _ISO_MOMENT.fullmatch(text):
            datetime.fromisoformat(text.replace("Z", "+00:00"))
            return text
    except ValueError:
        pass
    short = text if len(text) <= 40 else text[:40] + "…"
    raise RowRefused(
        f"{name} “{one_line(short)}” is not an ISO date and time (e.g. 2025-03-02T08:00:00+00:00)"
    )


def _claims(row: dict[str, Any], same: dict[str, str]) -> dict[str, Any]:
    """What the file says about the entry's past: kept as provenance, never as acts."""
    status = text_of(row.get("status")).strip().lower() or "draft"
    if status not in STATUSES:
        raise RowRefused(f"unknown status “{one_line(status)}”; use {', '.join(STATUSES)}")
    created_by = text_of(row.get("created_by")).strip()
    reviewed_by = text_of(row.get("reviewed_by")).strip()
    return {
        "status": same.setdefault(status, status),
        "created_by": same.setdefault(created_by, created_by) or None,
        "created_at": _moment("created_at", row.get("created_at")),
        "reviewed_by": same.setdefault(reviewed_by, reviewed_by) or None,
        "reviewed_at": _moment("reviewed_at", row.get("reviewed_at")),
    }


def _fields(
    row: dict[str, Any], catalog_codes: dict[str, int], same: dict[str, str]
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    code = text_of(row.get("catalog_code")).strip()
    if code:
        if code not in catalog_codes:
            raise RowRefused(f"no catalog item has the code {code}; load the catalog first")
        fields["catalog_id"] = catalog_codes[code]
    for name in _TEXT_FIELDS:
        value = row.get(name)
        if value is not None and value != "":
            text = value if value.__class__ is str else text_of(value)
            fields[name] = same.setdefault(text, text)
    for name in _NUMBER_FIELDS:
        value = row.get(name)
        if value is not None and value != "":
            fields[name] = _number(name, value)
    fields = with_base(fields)
    fields.setdefault("name", "")  # so that a row without one is refused for it
    check_fields(fields)
    return fields


def _citation(i: int, cells: dict[str, Any], same: dict[str, str]) -> Citation:
    """The ``i``-th citation of a row (1: the row's own quote, then the citations sheet's)."""
    exact = text_of(cells.get("quote"))
    prefix, suffix = text_of(cells.get("prefix")), text_of(cells.get("suffix"))
    cited = text_of(cells.get("cited_sha256")).strip().lower()
    exact, cited = same.setdefault(exact, exact), same.setdefault(cited, cited)
    if not exact:
        problem = "no quote to cite" if i == 1 else f"citation {i}: no quote to cite"
        return Citation(exact, None, None, prefix, suffix, cited, problem)
    try:
        start, end = _int("start", cells.get("start")), _int("end", cells.get("end"))
    except ValidationError as e:
        return Citation(exact, None, None, prefix, suffix, cited, str(e))
    return Citation(exact, start, end, prefix, suffix, cited, "")


def check(
    table: Table,
    number: int,
    row: dict[str, Any],
    context: "Context",
    same: dict[str, str],
) -> Checked:
    """The row checked and anchored, its problems in the order a row is checked: the
    reader's, the document, the fields and claims, each citation. ``same`` gives one object
    for each text seen before (units, subjects…): pickle then sends it once per batch."""
    if number in table.problems:  # the reader found it unusable (a list where a value belongs…)
        return Checked(number, table.problems[number], 0, {}, {}, "", False, [], "")
    try:
        doc = context.documents.find(
            text_of(row.get("document_sha256")).strip().lower(),
            text_of(row.get("document_title")).strip(),
        )
        fields = _fields(row, context.catalog_codes, same)
        claims = _claims(row, same)
        key = row.get("id")
        extras = table.extra_citations.get(key, []) if key not in (None, "") else []
        quotes = []
        for i, cells in enumerate([row, *extras], start=1):
            citation = _citation(i, cells, same)
            if citation.problem:
                raise RowRefused(citation.problem)
            source = context.documents.cited(citation, doc)
            try:
                quotes.append((source.id or 0, anchor(source, citation)))
            except RowRefused as e:
                raise RowRefused(str(e) if i == 1 else f"citation {i}: {e}") from None
    except (RowRefused, ValidationError) as e:
        return Checked(number, str(e), 0, {}, {}, "", False, [], "")
    status, approve_now = context.loader.status(claims)
    after = ""  # a quote carried to a later version: written once it is carried
    if not any(doc_id in context.replaced for doc_id, _ in quotes):
        cited = [quote for _, quote in quotes]
        after = load_event(fields, status, approve_now, cited, context.file, number, claims)
    return Checked(number, "", doc.id or 0, fields, claims, status, approve_now, quotes, after)


class Context(NamedTuple):
    """What checking a row needs besides the file."""

    documents: Documents
    catalog_codes: dict[str, int]
    loader: Loader
    file: str  # its name, for the load event
    replaced: frozenset[int]  # documents with a later version: their quotes are carried over


# What a field the row leaves out is stored as.
UNSET = {
    **dict.fromkeys(INDICATOR_FIELDS, ""),
    **dict.fromkeys(NUMBER_FIELDS | {"period_start", "period_end", "catalog_id"}),
    "measure": "level",
    "qualifier": "eq",
    "kind": "actual",
}


def load_event(
    fields: dict[str, Any],
    status: str,
    approve_now: bool,
    quotes: list[Quote],
    file: str,
    number: int,
    claims: dict[str, Any],
) -> str:
    """The ``after`` of an entry's load event as JSON: its fields, status and citations, the
    file and row, and what the file claims (kept as provenance)."""
    after = {**UNSET, **fields}  # the entry's fields (every key is one of them)
    after["status"] = "submitted" if approve_now else status
    after["citations"] = [[quote.start, quote.end] for quote in quotes]
    after["file"] = file
    after["row"] = number
    after["from_file"] = {k: v for k, v in claims.items() if v is not None}
    return orjson.dumps(after, option=orjson.OPT_SORT_KEYS).decode()


def _indicator_rows(table: Table, path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """The rows, or one refusal when the file is not a table of indicators (a document, a
    different sheet): no name column in its first row, instead of an error for every row.
    (A first row the reader found unusable says so itself.)"""
    rows = table.rows
    first = next(rows, None)
    if first is not None and first[0] not in table.problems and "name" not in first[1]:
        raise ImportRefused(
            "{name} is not a table of indicators (no name column); "
            "load reads files in the export format",
            name=path.name,
        )
    return rows if first is None else chain([first], rows)


def checked_rows(path: Path, context: Context) -> Generator[Checked, None, None]:
    """Every row of the file, checked; ImportRefused when the file itself cannot be loaded
    (raised now for its header, or where the reader finds broken quoting)."""
    table = read_table(path, READ_COLUMNS)
    rows = _indicator_rows(table, path)
    same: dict[str, str] = {}
    return (check(table, number, row, context, same) for number, row in rows)
