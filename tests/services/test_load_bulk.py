"""A load indexes its rows in bulk at the end: search finds them, the schema is as before."""

from pathlib import Path

import pytest

from indicite.services.documents import DocumentMeta, import_file
from indicite.services.export import export
from indicite.services.indicators import create_indicator
from indicite.services.load import load
from indicite.services.search import search_indicators
from indicite.services.session import Session

TEXT = "2025年某市统计公报\n\n全市地区生产总值增长5.2%，规模以上工业增加值增长6.1%。\n"


# Every table, index and trigger with its definition, as each engine's catalog lists them.
_SQLITE_SCHEMA = "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
_PG_SCHEMA = (
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
    "UNION ALL SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal "
    "ORDER BY 1"
)


def schema(session: Session) -> list[tuple[str, str]]:
    on_file = isinstance(session.store.location, Path)
    rows = session.store.db.execute(_SQLITE_SCHEMA if on_file else _PG_SCHEMA)
    return [tuple(r) for r in rows.fetchall()]


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "公报.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def exported(session, text_file, tmp_path):
    """A CSV export of two indicators cited in the document."""
    doc = import_file(session, text_file, DocumentMeta(published_on="2025-03-01")).document_id
    for name, quote in (("地区生产总值增速", "增长5.2%"), ("工业增加值增速", "增长6.1%")):
        start = TEXT.index(quote)
        create_indicator(session, doc, {"name": name}, [(start, start + len(quote))])
    export(session, tmp_path / "all.csv", "csv")
    return tmp_path / "all.csv"


@pytest.fixture
def other(text_file, other_location):
    """Another database holding the same document and no indicators."""
    session = Session.open(other_location, "colleague")
    import_file(session, text_file, DocumentMeta(published_on="2025-03-01"))
    yield session
    session.close()


def test_loaded_names_and_quotes_are_searchable_and_later_entries_too(exported, other):
    before = schema(other)
    assert load(other, exported).loaded == 2
    assert schema(other) == before
    assert len(search_indicators(other, "工业增加值").ids) == 1
    assert len(search_indicators(other, "增长5.2%").ids) == 1  # the quoted passage
    start = TEXT.index("全市")
    create_indicator(other, 1, {"name": "全市指标"}, [(start, start + 2)])
    assert len(search_indicators(other, "全市指标").ids) == 1


def test_a_failed_load_leaves_every_index_and_trigger(exported, other, monkeypatch):
    from indicite.storage import export_queries

    before = schema(other)
    original = export_queries.insert_loaded

    def insert_then_fail(db, indicator, *args):
        if indicator["name"] == "工业增加值增速":
            raise RuntimeError("disk pulled out")
        return original(db, indicator, *args)

    monkeypatch.setattr(export_queries, "insert_loaded", insert_then_fail)
    with pytest.raises(RuntimeError):
        load(other, exported)
    assert schema(other) == before
    assert search_indicators(other, "地区生产总值").ids == []
