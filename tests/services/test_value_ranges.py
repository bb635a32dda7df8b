"""A range (7.0%—7.5%, 2万至3万元) is one entry from suggestion to export and back."""

import csv
import json

import pytest

from indicite.core.errors import ValidationError
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.export import export
from indicite.services.indicators import create_indicator, update_indicator
from indicite.services.load import load
from indicite.services.session import Session
from indicite.services.suggestions import accept, suggestions_for_document

TEXT = "2026年某省政府工作报告\n\n全省生产总值预期增长5%—5.5%。每户补贴2万至3万元。\n"


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _import(session, path) -> int:
    return import_file(session, path, DocumentMeta(published_on="2026-01-20")).document_id


@pytest.fixture
def doc(session, source) -> int:
    return _import(session, source)


def _accept(session, doc_id, written):
    (s,) = [
        s
        for s in suggestions_for_document(session.store.documents.get(doc_id))
        if s.text == written
    ]
    return accept(session, doc_id, s)


def test_an_accepted_range_keeps_both_ends_in_base_units(session, doc):
    growth = session.store.indicators.get(_accept(session, doc, "5%—5.5%").id)
    assert (growth.value, growth.value_high, growth.unit) == (5, 5.5, "%")
    assert (growth.base_value, growth.base_value_high) == (5, 5.5)
    assert growth.measure == "growth"
    aid = session.store.indicators.get(_accept(session, doc, "2万至3万元").id)
    assert (aid.value, aid.value_high, aid.unit) == (2, 3, "万元")
    assert (aid.base_value, aid.base_value_high, aid.base_unit) == (20000, 30000, "元")


def test_changing_the_unit_rescales_the_high_end_too(session, doc):
    ind = _accept(session, doc, "2万至3万元")
    changed = update_indicator(session, ind.id, {"unit": "亿元"}, ind.version)
    assert (changed.base_value, changed.base_value_high) == (2e8, 3e8)
    single = update_indicator(session, ind.id, {"value_high": None}, changed.version)
    assert single.value_high is None and single.base_value_high is None


def test_a_high_end_below_the_low_end_is_refused_and_nothing_is_stored(session, doc):
    with pytest.raises(ValidationError) as refused:
        create_indicator(session, doc, {"name": "增速", "value": 6, "value_high": 5}, [(0, 4)])
    assert refused.value.field == "value_high"
    assert session.store.indicators.for_document(doc) == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_carries_the_range_and_load_reads_it_back(
    session, doc, source, tmp_path, fmt, other_location
):
    _accept(session, doc, "5%—5.5%")
    _accept(session, doc, "2万至3万元")
    export(session, tmp_path / f"ranges.{fmt}", fmt)
    other = Session.open(other_location, "colleague")
    try:
        other_doc = _import(other, source)
        report = load(other, tmp_path / f"ranges.{fmt}")
        assert (report.loaded, report.refused) == (2, [])
        loaded = other.store.indicators.for_document(other_doc)
        assert [(i.value, i.value_high, i.base_value_high) for i in loaded] == [
            (5, 5.5, 5.5),
            (2, 3, 30000),
        ]
    finally:
        other.close()


def test_csv_and_json_name_the_high_end(session, doc, tmp_path):
    _accept(session, doc, "2万至3万元")
    export(session, tmp_path / "r.csv", "csv")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert (row["value"], row["value_high"], row["base_value_high"]) == ("2.0", "3.0", "30000.0")
    export(session, tmp_path / "r.json", "json")
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    rows = data["indicators"] if isinstance(data, dict) else data
    assert rows[0]["value_high"] == 3 and rows[0]["base_value_high"] == 30000


def test_a_hand_kept_sheet_with_a_range_loads_and_a_reversed_one_is_refused(session, doc, tmp_path):
    sheet = tmp_path / "hand.csv"
    with sheet.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "value", "value_high", "unit", "quote", "document_title"])
        writer.writerow(
            ["每户补贴", "2", "3", "万元", "每户补贴2万至3万元", "2026年某省政府工作报告"]
        )
        writer.writerow(["增速目标", "5.5", "5", "%", "预期增长5%—5.5%", "2026年某省政府工作报告"])
    report = load(session, sheet)
    assert report.loaded == 1 and [p.row for p in report.refused] == [3]
    assert "range" in report.refused[0].reason
    (ind,) = session.store.indicators.for_document(doc)
    assert (ind.value, ind.value_high, ind.base_value, ind.base_value_high) == (2, 3, 2e4, 3e4)
