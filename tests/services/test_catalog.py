"""The catalog: loaded from an office's file, linked by id, merged, and used by suggestions."""

import pytest

from indicite.core.catalog import CatalogItem
from indicite.core.errors import PermissionDenied, ValidationError
from indicite.services.catalog import (
    add_item,
    edit_item,
    export_catalog,
    items,
    load_catalog,
    merge_items,
)
from indicite.services.indicators import create_indicator, update_indicator
from indicite.services.suggestions import accept, suggestions_for_document
from indicite.services.users import ensure_user

CATALOG_ZH = (
    "代码,名称,别名,度量,单位,说明,上级代码\n"
    "IVA,规模以上工业增加值,规上工业增加值|工业增加值（规上）,growth_yoy,%,,\n"
    "GDP,地区生产总值,GDP,level,亿元,,\n"
    "GDP1,第一产业增加值,,level,亿元,,GDP\n"
)


@pytest.fixture
def catalog(session, tmp_path):
    path = tmp_path / "目录.csv"
    path.write_text(CATALOG_ZH, encoding="utf-8-sig")
    report = load_catalog(session, path)
    assert (report.added, report.updated, report.refused) == (3, 0, [])
    return {item.code: item for item in items(session)}


def entry(session, doc_id, name, **fields):
    return create_indicator(session, doc_id, {"name": name, **fields}, [(0, 4)])


def test_a_catalog_file_with_chinese_headers_loads_with_parents(catalog):
    assert catalog["IVA"].aliases == ["规上工业增加值", "工业增加值（规上）"]
    assert catalog["GDP1"].parent_id == catalog["GDP"].id
    assert catalog["GDP"].measure == "level" and catalog["GDP"].unit == "亿元"


def test_bad_rows_are_reported_and_loading_again_updates(session, catalog, tmp_path):
    path = tmp_path / "again.csv"
    path.write_text(
        "code,name,aliases\nIVA,规模以上工业增加值,规上\n坏 代码,某指标,\nX1,,\n",
        encoding="utf-8",
    )
    report = load_catalog(session, path)
    assert (report.added, report.updated) == (0, 1)
    assert [p.split(":")[0] for p in report.refused] == ["row 3", "row 4"]
    assert {i.code: i.aliases for i in items(session)}["IVA"] == ["规上"]


def test_catalog_round_trips_through_xlsx_and_csv(session, catalog, tmp_path):
    for name, headers in (("c.xlsx", "zh"), ("c.csv", "en")):
        path = export_catalog(session, tmp_path / name, headers)
        report = load_catalog(session, path)
        assert (report.added, report.updated, report.refused) == (0, 3, [])
    after = {i.code: (i.name, i.aliases, i.parent_id) for i in items(session)}
    assert after == {c: (i.name, i.aliases, i.parent_id) for c, i in catalog.items()}


def test_entries_link_by_name_or_alias_and_keep_the_link_when_the_item_is_renamed(
    session, sample_doc, catalog
):
    a = entry(session, sample_doc, "规上工业增加值")
    b = entry(session, sample_doc, "全市规模以上工业增加值")
    c = entry(session, sample_doc, "粮食产量")
    assert (a.catalog_id, b.catalog_id, c.catalog_id) == (catalog["IVA"].id,) * 2 + (None,)
    iva = catalog["IVA"]
    iva.name = "工业增加值（规模以上）"
    edit_item(session, iva)
    assert session.store.indicators.get(a.id).catalog_id == iva.id
    assert {i.code: i.usage for i in items(session)}["IVA"] == 2
    renamed = update_indicator(session, a.id, {"name": "粮食产量"}, a.version)
    assert renamed.catalog_id is None


def test_merge_moves_entries_children_and_names(session, sample_doc, catalog):
    ensure_user(session)  # the first user is admin
    dup = add_item(session, CatalogItem(code="GDP2", name="生产总值", aliases=["GRP"]))
    moved = entry(session, sample_doc, "GRP")
    assert moved.catalog_id == dup.id
    kept = merge_items(session, catalog["GDP"].id, dup.id)
    assert kept.aliases == ["GDP", "生产总值", "GRP"] and kept.usage == 1
    assert session.store.indicators.get(moved.id).catalog_id == kept.id
    assert "GDP2" not in {i.code for i in items(session)}
    history = session.store.events.for_indicator(moved.id)
    assert history[-1].after == {"catalog_id": kept.id}


def test_only_an_editor_merges_and_codes_and_names_stay_unique(session, catalog):
    from indicite.services.session import Session
    from indicite.services.users import add_user

    ensure_user(session)
    add_user(session, "sam", "staff")
    with pytest.raises(PermissionDenied):
        merge_items(Session(session.store, "sam"), catalog["GDP"].id, catalog["GDP1"].id)
    with pytest.raises(ValidationError):
        add_item(session, CatalogItem(code="GDP", name="别的"))
    with pytest.raises(ValidationError):
        add_item(session, CatalogItem(code="NEW", name="地区生产总值"))


def test_an_accepted_suggestion_takes_the_catalog_name_link_and_kind(session, sample_doc, catalog):
    doc = session.store.documents.get(sample_doc)
    start = doc.text.index("4.2%")
    s = next(x for x in suggestions_for_document(doc) if x.start >= start)
    ind = accept(session, sample_doc, s)
    assert (ind.name, ind.catalog_id, ind.kind) == (
        "规模以上工业增加值",
        catalog["IVA"].id,
        "actual",
    )


def test_an_item_cannot_be_a_part_of_its_own_part(session, catalog):
    from dataclasses import replace

    gdp, part = catalog["GDP"], catalog["GDP1"]
    with pytest.raises(ValidationError):
        edit_item(session, replace(gdp, parent_id=part.id))
    assert {i.code: i.parent_id for i in items(session)}["GDP"] is None
