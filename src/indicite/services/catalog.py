"""The catalog of indicators: add, edit, merge, load from and save to a file (issue 16).

Every change is one transaction with one event. A merge moves the entries of one item to the
other (each moved entry gets an event, so its history says why its link changed), keeps the
merged item's name and aliases as aliases, and deletes it.
"""

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from indicite.core.catalog import CatalogItem, CatalogMatcher, check_item, split_aliases
from indicite.core.errors import IndiciteError, PermissionDenied, ValidationError
from indicite.services.session import Session
from indicite.services.users import role_of
from indicite.storage.clock import now_iso


@dataclass
class CatalogLoadReport:
    added: int = 0
    updated: int = 0
    refused: list[str] = field(default_factory=list)


def items(session: Session) -> list[CatalogItem]:
    """Every catalog item with its usage count, by code."""
    return session.store.catalog.all()


def matcher(session: Session) -> CatalogMatcher:
    return CatalogMatcher(session.store.catalog.names())


def item_label(session: Session, item_id: int | None) -> str:
    """“IVA 规模以上工业增加值” for an item id, "" for none."""
    if item_id is None:
        return ""
    try:
        item = session.store.catalog.get(item_id)
    except IndiciteError:
        return ""
    return f"{item.code} {item.name}"


def with_catalog_names(session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Suggestions (as JSON dicts) with guessed names replaced by the catalog's names, and
    ``catalog_code`` (empty when the name is not in the catalog)."""
    found = matcher(session)
    codes = {item.id: item.code for item in session.store.catalog.names()}
    out = []
    for row in rows:
        item_id = found.match(row.get("indicator") or "")
        if item_id is None:
            out.append({**row, "catalog_code": ""})
        else:
            out.append({**row, "indicator": found.names[item_id], "catalog_code": codes[item_id]})
    return out


def with_catalog_link(
    session: Session, fields: dict[str, Any], *, canonical: bool = False
) -> dict[str, Any]:
    """Link an entry to the catalog item its name means, unless it names its item already.

    ``canonical``: also replace the name by the item's name (for guessed names).
    """
    if fields.get("catalog_id") is not None or not fields.get("name"):
        return fields
    found = matcher(session)
    item_id = found.match(fields["name"])
    if item_id is None:
        return fields
    fields = {**fields, "catalog_id": item_id}
    if canonical:
        fields["name"] = found.names[item_id]
    return fields


def _event(session: Session, action: str, at: str, **data: Any) -> None:
    session.store.events.append(at=at, who=session.user, action=action, **data)


def _checked(session: Session, item: CatalogItem) -> CatalogItem:
    item = replace(
        item,
        code=item.code.strip(),
        name=item.name.strip(),
        aliases=[a for a in (x.strip() for x in item.aliases) if a and a != item.name.strip()],
    )
    check_item(item.code, item.name, item.measure)
    for other in session.store.catalog.all():
        if other.id == item.id:
            continue
        if other.code == item.code:
            raise ValidationError(
                "code",
                "The code “{code}” is already used by {name}",
                code=item.code,
                name=other.name,
            )
        if other.name == item.name:
            raise ValidationError(
                "name",
                "“{name}” is already in the catalog as {code}",
                name=item.name,
                code=other.code,
            )
    if item.parent_id is not None and item.id is not None:
        parents = {i.id: i.parent_id for i in session.store.catalog.names()}
        seen, above = {item.id}, item.parent_id
        while above is not None:
            if above in seen:
                raise ValidationError("parent_id", "An item cannot be a part of itself")
            seen.add(above)
            above = parents.get(above)
    return item


def add_item(session: Session, item: CatalogItem) -> CatalogItem:
    item = _checked(session, replace(item, id=None))
    at = now_iso()
    store = session.store
    with store.transaction():
        item_id = store.catalog.insert(item, at)
        _event(
            session,
            "catalog_add",
            at,
            after={"catalog_id": item_id, "code": item.code, "name": item.name},
        )
    return store.catalog.get(item_id)


def edit_item(session: Session, item: CatalogItem) -> CatalogItem:
    """Store the item's new fields; entries keep their link whatever the new name."""
    assert item.id is not None
    store = session.store
    before = store.catalog.get(item.id)
    item = _checked(session, item)
    at = now_iso()
    with store.transaction():
        store.catalog.update(item, at)
        _event(
            session,
            "catalog_edit",
            at,
            before={"catalog_id": item.id, "code": before.code, "name": before.name},
            after={"catalog_id": item.id, "code": item.code, "name": item.name},
        )
    return store.catalog.get(item.id)


def merge_items(session: Session, keep_id: int, gone_id: int) -> CatalogItem:
    """Merge ``gone_id`` into ``keep_id``: its entries, children, name and aliases move over."""
    if role_of(session) not in ("editor", "admin"):
        raise PermissionDenied("Only an editor can merge catalog items; ask an editor or admin")
    if keep_id == gone_id:
        raise ValidationError("catalog_id", "Choose two different items to merge")
    store = session.store
    keep, gone = store.catalog.get(keep_id), store.catalog.get(gone_id)
    aliases = [*keep.aliases]
    for alias in (gone.name, *gone.aliases):
        if alias not in aliases and alias != keep.name:
            aliases.append(alias)
    at = now_iso()
    with store.transaction():
        moved = store.catalog.relink(gone_id, keep_id)
        for ind_id in moved:
            _event(
                session,
                "edit",
                at,
                indicator_id=ind_id,
                before={"catalog_id": gone_id},
                after={"catalog_id": keep_id},
                comment=f"merged {gone.code} into {keep.code}",
            )
        store.catalog.delete(gone_id)
        store.catalog.update(replace(keep, aliases=aliases), at)
        _event(
            session,
            "catalog_merge",
            at,
            before={"catalog_id": gone_id, "code": gone.code},
            after={"catalog_id": keep_id, "code": keep.code, "entries": len(moved)},
        )
    return store.catalog.get(keep_id)


def load_catalog(session: Session, path: str | Path) -> CatalogLoadReport:
    """Add or update (by code) every good row of a catalog file, in one transaction.

    A row's parent is named by its code and may come later in the file. Rows that break a
    rule are reported by row number and left out.
    """
    from indicite.io.catalog_file import read_catalog

    store = session.store
    report = CatalogLoadReport()
    rows = list(read_catalog(Path(path)))
    known = {item.code: item for item in store.catalog.all()}
    names = {item.name: item.code for item in known.values()}
    at = now_iso()
    parents: list[tuple[str, str, int]] = []
    with store.transaction():
        for number, row in rows:
            code, name = row.get("code", ""), row.get("name", "")
            try:
                check_item(code, name, row.get("measure", ""))
                if names.get(name, code) != code:
                    raise ValidationError(
                        "name",
                        "“{name}” is already in the catalog as {code}",
                        name=name,
                        code=names[name],
                    )
            except ValidationError as e:
                report.refused.append(f"row {number}: {e}")
                continue
            item = CatalogItem(
                code=code,
                name=name,
                aliases=[a for a in split_aliases(row.get("aliases", "")) if a != name],
                measure=row.get("measure", ""),
                unit=row.get("unit", ""),
                description=row.get("description", ""),
            )
            old = known.get(code)
            if old is None:
                item.id = store.catalog.insert(item, at)
                report.added += 1
            else:
                names.pop(old.name, None)
                item.id, item.parent_id = old.id, old.parent_id
                store.catalog.update(item, at)
                report.updated += 1
            known[code], names[name] = item, code
            if row.get("parent_code"):
                parents.append((code, row["parent_code"], number))
        for code, parent_code, number in parents:
            parent = known.get(parent_code)
            if parent is None or parent_code == code:
                report.refused.append(f"row {number}: no catalog item has the code {parent_code}")
                continue
            store.catalog.update(replace(known[code], parent_id=parent.id), at)
        _event(
            session,
            "catalog_load",
            at,
            after={"file": Path(path).name, "added": report.added, "updated": report.updated},
        )
    return report


def export_catalog(session: Session, path: str | Path, headers: str = "en") -> Path:
    """Write the catalog (with parents by code) to a CSV or XLSX file."""
    from indicite.io.catalog_file import write_catalog

    all_items = session.store.catalog.all()
    codes = {item.id: item.code for item in all_items}
    rows = [
        {
            "code": item.code,
            "name": item.name,
            "aliases": "|".join(item.aliases),
            "measure": item.measure,
            "unit": item.unit,
            "description": item.description,
            "parent_code": codes.get(item.parent_id, ""),
        }
        for item in all_items
    ]
    try:
        return write_catalog(Path(path), rows, headers)
    except OSError as e:
        raise IndiciteError(
            "Cannot write {path}: {detail}", path=path, detail=e.strerror or str(e)
        ) from None
