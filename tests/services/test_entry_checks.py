"""Checks over stored entries: across documents, by catalog item or by identical name."""

from indicite.core.catalog import CatalogItem
from indicite.services.catalog import add_item
from indicite.services.checks import check_all, check_entries, has_errors, series
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.indicators import create_indicator, delete_indicator

REPORT_A = "2025年全市地区生产总值105亿元，第一产业增加值60亿元，第二产业增加值50亿元。"
REPORT_B = "据统计，2025年地区生产总值107亿元。2024年地区生产总值100亿元。"


def import_text(session, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    meta = DocumentMeta(subject="天津", published_on="2026-02-01")
    return import_file(session, path, meta).document_id


def cite(session, doc_id, quote, name, value, period="2025年", **extra):
    text = session.store.documents.get(doc_id).text
    start = text.index(quote)
    fields = {
        "name": name,
        "value": value,
        "unit": "亿元",
        "subject": "天津",
        "measure": "level",
        "period_label": period,
        **extra,
    }
    return create_indicator(session, doc_id, fields, [(start, start + len(quote))])


def test_a_value_contradicting_another_document_is_an_error_for_both(session, tmp_path):
    a = import_text(session, tmp_path, "a.txt", REPORT_A)
    b = import_text(session, tmp_path, "b.txt", REPORT_B)
    first = cite(session, a, "105亿元", "地区生产总值", 105)
    second = cite(session, b, "107亿元", "地区生产总值", 107)
    cite(session, b, "100亿元", "地区生产总值", 100, period="2024年")
    found = check_all(session)
    conflicts = sorted((f.indicator_id, f.other_id) for f in found if f.check == "conflict")
    assert conflicts == [(first.id, second.id), (second.id, first.id)]
    assert has_errors(found)
    on_screen = check_entries(session, [first.id])
    assert [f.check for f in on_screen[first.id]] == ["conflict"]
    delete_indicator(session, second.id, second.version)
    assert not has_errors(check_all(session))


def test_a_target_does_not_conflict_with_the_result(session, tmp_path):
    a = import_text(session, tmp_path, "a.txt", REPORT_A)
    b = import_text(session, tmp_path, "b.txt", REPORT_B)
    cite(session, a, "105亿元", "地区生产总值", 105)
    cite(session, b, "107亿元", "地区生产总值", 107, kind="target")
    assert [f for f in check_all(session) if f.check == "conflict"] == []


def test_parts_are_checked_against_their_total_through_the_catalog(session, tmp_path):
    total = add_item(session, CatalogItem(code="GDP", name="地区生产总值"))
    for code, name in (("P1", "第一产业增加值"), ("P2", "第二产业增加值")):
        add_item(session, CatalogItem(code=code, name=name, parent_id=total.id))
    a = import_text(session, tmp_path, "a.txt", REPORT_A)
    gdp = cite(session, a, "105亿元", "地区生产总值", 105)
    cite(session, a, "60亿元", "第一产业增加值", 60)
    cite(session, a, "50亿元", "第二产业增加值", 50)
    found = check_all(session)
    assert [(f.indicator_id, f.check, f.level) for f in found] == [(gdp.id, "parts", "warning")]
    assert "110亿元" in found[0].text


def test_a_typo_against_the_cited_passage_is_caught(session, tmp_path):
    a = import_text(session, tmp_path, "a.txt", REPORT_A)
    typo = cite(session, a, "105亿元", "地区生产总值", 10.5)
    (finding,) = check_entries(session, [typo.id])[typo.id]
    assert finding.check == "cited" and finding.params["cited"] == "105"


def test_big_and_tiny_values_are_judged_against_their_passage_on_every_store(session, tmp_path):
    text = "2025年出口总额3000000000美元，外资占比0.00005，增长0.35%。2024年出口总额29.5亿美元。"
    doc = import_text(session, tmp_path, "big.txt", text)
    right = [
        cite(session, doc, "3000000000美元", "出口总额", 3_000_000_000, unit="美元"),
        cite(session, doc, "0.00005", "外资占比", 0.00005, unit="", measure="share"),
        cite(session, doc, "增长0.35%", "出口增速", 0.35, unit="%", measure="growth_yoy"),
    ]
    typo = cite(session, doc, "3000000000美元", "出口总额", 30_000_000_000, period="2026年")
    found = check_all(session)
    assert [(f.indicator_id, f.check) for f in found] == [(typo.id, "cited")]
    assert found[0].params["cited"] == "3000000000"
    on_screen = check_entries(session, [e.id for e in right] + [typo.id])
    assert {i: [f.check for f in fs] for i, fs in on_screen.items()} == {typo.id: ["cited"]}


def test_the_series_of_an_entry_spans_documents_by_catalog_item_or_by_name(session, tmp_path):
    add_item(session, CatalogItem(code="GDP", name="地区生产总值"))
    a = import_text(session, tmp_path, "a.txt", REPORT_A)
    b = import_text(session, tmp_path, "b.txt", REPORT_B)
    first = cite(session, a, "105亿元", "地区生产总值", 105)
    second = cite(session, b, "107亿元", "地区生产总值", 107)
    earlier = cite(session, b, "100亿元", "地区生产总值", 100, period="2024年")
    assert first.catalog_id is not None and first.catalog_id == second.catalog_id
    unlinked = cite(session, a, "60亿元", "第一产业增加值", 60)
    rows, findings = series(session, second.id)
    assert sorted(r["id"] for r in rows) == sorted([first.id, second.id, earlier.id])
    assert [f.check for f in findings[second.id]] == ["conflict"]
    rows, findings = series(session, unlinked.id)
    assert ([r["id"] for r in rows], findings) == ([unlinked.id], {})


def test_a_conflict_names_the_earliest_of_equal_contradicting_entries(session, tmp_path):
    a = import_text(session, tmp_path, "a.txt", REPORT_A)
    b = import_text(session, tmp_path, "b.txt", REPORT_B)
    c = import_text(session, tmp_path, "c.txt", "快报：2025年地区生产总值107亿元。")
    first = cite(session, a, "105亿元", "地区生产总值", 105)
    earlier = cite(session, b, "107亿元", "地区生产总值", 107)
    later = cite(session, c, "107亿元", "地区生产总值", 107)
    named = {f.indicator_id: f.other_id for f in check_all(session) if f.check == "conflict"}
    assert named == {first.id: earlier.id, earlier.id: first.id, later.id: first.id}
