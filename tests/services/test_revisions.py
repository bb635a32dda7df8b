"""A revised document: citations re-anchor, changed numbers go back to review, nothing is lost."""

import pytest

from indicite.core.errors import ImportRefused
from indicite.services import review
from indicite.services.documents import import_file, list_documents
from indicite.services.indicators import create_indicator, update_indicator
from indicite.services.revisions import (
    import_new_version,
    numbers_differ,
    source_changes,
    versions,
)
from indicite.services.session import Session
from indicite.services.users import add_user, ensure_user
from indicite.services.verify import citations_by_version, verify_citations


@pytest.fixture
def people(session):
    ensure_user(session)
    add_user(session, "eve", "editor")
    return {"tester": session, "eve": Session(session.store, "eve")}


def span_of(text: str, passage: str, inner: str | None = None) -> tuple[int, int]:
    start = text.index(passage) + (passage.index(inner) if inner else 0)
    return start, start + len(inner or passage)


@pytest.fixture
def revised(tmp_path, people, sample_doc):
    """Three entries on version 1: one unchanged, one whose number changes, one deleted."""
    tester, eve = people["tester"], people["eve"]
    text = tester.store.documents.get(sample_doc).text
    kept = create_indicator(tester, sample_doc, {"name": "企业数"}, [span_of(text, "超170家")])
    grows = create_indicator(
        tester, sample_doc, {"name": "工业增加值增速"}, [span_of(text, "增长9.2%", "9.2%")]
    )
    grows = review.submit(tester, grows.id, grows.version)
    grows = review.approve(eve, grows.id, grows.version)
    lost_sentence = text[text.index("超170家") - 20 : text.index("超170家") - 2]
    lost = create_indicator(
        tester, sample_doc, {"name": "将被删除"}, [span_of(text, lost_sentence)]
    )
    new_text = (
        text.replace("增长9.2%", "增长9.4%", 1)
        .replace(lost_sentence, "", 1)
        .replace("\n\n", "\n\n（本文有修订。）\n\n", 1)
    )
    v2 = tmp_path / "v2.txt"
    v2.write_text(new_text, encoding="utf-8")
    report = import_new_version(tester, v2, sample_doc)
    return {"report": report, "kept": kept, "grows": grows, "lost": lost, "old_text": text,
            "new_text": new_text, "old_id": sample_doc}  # fmt: skip


def test_unchanged_quote_moves_with_the_text_and_still_reads_it(revised, session):
    report, kept = revised["report"], revised["kept"]
    ind = session.store.indicators.get(kept.id)
    assert ind.document_id == report.document_id
    (c,) = ind.citations
    assert c.anchor_state == "moved"  # a paragraph was inserted before it
    assert revised["new_text"][c.start : c.end] == "超170家"
    assert ind.source_changed == 0 and ind.status == "draft"


def test_changed_number_is_flagged_and_approved_entry_goes_back_to_review(revised, session):
    grows = session.store.indicators.get(revised["grows"].id)
    (c,) = grows.citations
    assert c.anchor_state == "changed" and c.exact == "9.4%"
    assert grows.source_changed == 1
    assert grows.status == "submitted"  # was approved
    events = review.history(session, grows.id)
    assert events[-1].action == "source_changed"
    assert events[-1].before == {"status": "approved", "quotes": ["9.2%"]}
    assert events[-1].after["quotes"] == ["9.4%"] and events[-1].after["status"] == "submitted"
    (queued,) = [e for e in review.review_queue(session) if e.id == grows.id]
    assert queued.source_changed
    flagged = {f.indicator_id: f for f in revised["report"].flagged}
    assert flagged[grows.id].old_quote == "9.2%" and flagged[grows.id].reopened


def test_lost_passage_is_orphaned_on_the_old_version_and_listed(revised, session):
    lost = session.store.indicators.get(revised["lost"].id)
    (c,) = lost.citations
    assert c.anchor_state == "orphaned"
    assert c.document_id == revised["old_id"]  # still reads its quote there
    assert revised["old_text"][c.start : c.end] == c.exact
    assert lost.source_changed == 1 and lost.document_id == revised["report"].document_id
    changes = source_changes(session, revised["report"].document_id)
    assert {c.indicator_id: c.state for c in changes} == {
        revised["grows"].id: "changed",
        lost.id: "orphaned",
    }
    (grew,) = source_changes(session, revised["report"].document_id, revised["grows"].id)
    assert grew.old[1] == "9.2%" and grew.new[1] == "9.4%"
    assert grew.old[0].endswith("增长") and grew.new[0].endswith("增长")
    assert revised["report"].states == {"moved": 1, "changed": 1, "orphaned": 1}


def test_nothing_of_the_old_version_is_deleted(revised, session):
    old = session.store.documents.get(revised["old_id"])
    assert old.text == revised["old_text"]
    listed = [d["id"] for d in list_documents(session)]
    assert listed == [revised["report"].document_id]  # the list shows the current version
    line = versions(session, revised["old_id"])
    assert [(v["id"], v["version_no"]) for v in line] == [
        (revised["old_id"], 1),
        (revised["report"].document_id, 2),
    ]
    kept = session.store.indicators.get(revised["kept"].id).citations[0]
    before = session.store.revisions.placements(kept.id)
    assert [(p["exact"], p["document_id"]) for p in before] == [("超170家", revised["old_id"])]
    assert verify_citations(session) == []
    lines = citations_by_version(session)
    assert any("version 1 (replaced): 1 orphaned" in line for line in lines)
    assert any("version 2:" in line and "1 changed" in line and "1 moved" in line for line in lines)


def test_editing_or_approving_clears_the_flag(revised, people):
    tester, eve = people["tester"], people["eve"]
    lost = tester.store.indicators.get(revised["lost"].id)
    lost = update_indicator(tester, lost.id, {"notes": "段落已删除，核对后保留"}, lost.version)
    assert lost.source_changed == 0
    grows = eve.store.indicators.get(revised["grows"].id)
    grows = review.approve(eve, grows.id, grows.version)
    assert grows.source_changed == 0 and grows.status == "approved"


def test_refusals_leave_the_database_as_it_was(revised, session, tmp_path):
    old_id, new_id = revised["old_id"], revised["report"].document_id
    again = tmp_path / "v3.txt"
    again.write_text(revised["new_text"] + "\n补充。", encoding="utf-8")
    count = session.store.documents.count()
    with pytest.raises(ImportRefused, match=f"already replaced by document {new_id}"):
        import_new_version(session, again, old_id)
    same_text = tmp_path / "same.txt"
    same_text.write_text(revised["new_text"], encoding="utf-8-sig")
    with pytest.raises(ImportRefused, match="same text"):
        import_new_version(session, same_text, new_id)
    assert session.store.documents.count() == count


def test_the_same_file_again_is_not_a_new_version(session, sample_doc, sample_file):
    with pytest.raises(ImportRefused, match="itself; a new version must differ"):
        import_new_version(session, sample_file, sample_doc)
    assert session.store.documents.count() == 1


def test_numbers_differ_reads_digits_and_chinese_numerals():
    assert numbers_differ("增长5.2%", "增长5.4%")
    assert numbers_differ("两批", "三批")
    assert not numbers_differ("同比增长5.2%", "比上年增长5.2%")


def test_a_file_like_an_earlier_one_is_recognised(session, sample_doc, tmp_path):
    from indicite.services.revisions import likely_earlier_version

    text = session.store.documents.get(sample_doc).text
    other = tmp_path / "other.txt"
    other.write_text(text.replace("9.2%", "9.3%"), encoding="utf-8")
    outcome = import_file(session, other)
    assert likely_earlier_version(session, outcome.document_id) is None  # no issuer given
    session.store.documents.update_meta(outcome.document_id, {"issuer": "天津市工业和信息化局"})
    assert likely_earlier_version(session, outcome.document_id) == sample_doc


def test_export_names_the_version_each_citation_reads(revised, session, tmp_path):
    import json

    from indicite.services.export import export

    export(session, tmp_path / "out.json", "json")
    rows = {r["id"]: r for r in json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))}
    new = session.store.documents.get(revised["report"].document_id)
    old = session.store.documents.get(revised["old_id"])
    (kept,) = rows[revised["kept"].id]["citations"]
    assert (kept["cited_document_id"], kept["cited_version"], kept["anchor_state"]) == (
        new.id,
        2,
        "moved",
    )
    assert kept["cited_sha256"] == new.text_sha256
    (lost,) = rows[revised["lost"].id]["citations"]
    assert (lost["cited_version"], lost["cited_sha256"], lost["anchor_state"]) == (
        1,
        old.text_sha256,
        "orphaned",
    )
    assert old.text[lost["start"] : lost["end"]] == lost["quote"]


def test_an_export_made_before_the_revision_loads_onto_the_new_version(
    tmp_path, sample_file, revised
):
    """The export of version 1, loaded into another database that has versions 1 and 2."""
    from indicite.services.documents import import_file
    from indicite.services.export import export
    from indicite.services.load import load

    before = tmp_path / "before"
    before.mkdir()
    first = Session.open(before / "v1.sqlite", "tester")
    try:
        doc = import_file(first, sample_file).document_id
        text = first.store.documents.get(doc).text
        create_indicator(first, doc, {"name": "企业数"}, [span_of(text, "超170家")])
        create_indicator(first, doc, {"name": "增速"}, [span_of(text, "增长9.2%", "9.2%")])
        export(first, before / "v1.csv", "csv")
    finally:
        first.close()
    other = Session.open(tmp_path / "other.sqlite", "tester")
    try:
        old_id = import_file(other, sample_file).document_id
        v2 = tmp_path / "v2.txt"
        v2.write_text(revised["new_text"], encoding="utf-8")
        new_id = import_new_version(other, v2, old_id).document_id
        report = load(other, before / "v1.csv")
        assert report.loaded == 2 and not report.refused
        loaded = {i.name: i for i in other.store.indicators.for_document(new_id)}
        kept = other.store.indicators.get(loaded["企业数"].id).citations[0]
        grew = other.store.indicators.get(loaded["增速"].id).citations[0]
        assert [loaded["企业数"].source_changed, loaded["增速"].source_changed] == [0, 1]
    finally:
        other.close()
    assert (kept.document_id, kept.anchor_state, kept.exact) == (new_id, "moved", "超170家")
    assert (grew.document_id, grew.anchor_state, grew.exact) == (new_id, "changed", "9.4%")


def test_the_diff_of_two_versions_shows_the_citations_on_both_sides(revised, session):
    from indicite.services.revisions import version_diff

    hunks = version_diff(session, revised["report"].document_id)
    changed = [h for h in hunks if h.old == "2" and h.new == "4"]
    assert len(changed) == 1
    assert changed[0].before.endswith("9.") and changed[0].after.startswith("%")
    assert changed[0].old_citations == (("工业增加值增速", ""),)
    assert ("工业增加值增速", "changed") in changed[0].new_citations
    lost = [h for h in hunks if ("将被删除", "orphaned") in h.old_citations]
    assert lost and not lost[0].new
    assert version_diff(session, revised["old_id"]) == []
