"""Indicator writes: one transaction each, with its event, and no silent overwrite."""

import pytest

from indicite.core.errors import ConflictError, ValidationError
from indicite.services.indicators import (
    add_citation,
    create_indicator,
    delete_indicator,
    remove_citation,
    restore_indicator,
    update_indicator,
)
from indicite.services.session import Session

ASTRAL = "𠀀"


def span_of(session, doc_id, needle):
    text = session.store.documents.get(doc_id).text
    start = text.index(needle)
    return start, start + len(needle)


def actions(session, ind_id):
    return [e.action for e in session.store.events.for_indicator(ind_id)]


def test_create_stores_fields_base_value_citation_and_event(session, sample_doc):
    span = span_of(session, sample_doc, "4.2%")
    ind = create_indicator(
        session,
        sample_doc,
        {"name": "规模以上工业增加值", "value": 4.2, "unit": "%", "measure": "growth_yoy"},
        [span],
    )
    stored = session.store.indicators.get(ind.id)
    assert (stored.name, stored.value, stored.unit, stored.status) == (
        "规模以上工业增加值",
        4.2,
        "%",
        "draft",
    )
    assert (stored.base_value, stored.base_unit) == (4.2, "%")
    (citation,) = stored.citations
    text = session.store.documents.get(sample_doc).text
    assert (citation.start, citation.end) == span
    assert citation.exact == text[span[0] : span[1]] == "4.2%"
    assert text[: span[0]].endswith(citation.prefix) and len(citation.prefix) == 32
    assert actions(session, ind.id) == ["create"]


def test_magnitude_goes_into_base_value(session, sample_doc):
    ind = create_indicator(
        session, sample_doc, {"name": "5G基站", "value": 8.6, "unit": "万个"}, [(0, 4)]
    )
    assert (ind.base_value, ind.base_unit) == (86000, "个")


def test_missing_name_or_passage_stores_nothing(session, sample_doc):
    with pytest.raises(ValidationError) as exc:
        create_indicator(session, sample_doc, {"name": " ", "value": 1.0}, [(0, 4)])
    assert exc.value.field == "name"
    with pytest.raises(ValidationError):
        create_indicator(session, sample_doc, {"name": "x", "value": 1.0}, [])
    with pytest.raises(ValidationError):
        create_indicator(session, sample_doc, {"name": "x", "value": "多"}, [(0, 4)])
    assert session.store.indicators.count() == 0
    assert session.store.db.execute("SELECT count(*) FROM citations").fetchone()[0] == 0


def test_citation_after_a_character_outside_the_bmp(session, tmp_path):
    from indicite.services.documents import import_file

    path = tmp_path / "astral.txt"
    path.write_text(f"生僻字{ASTRAL}之后，产值增长7.5%。", encoding="utf-8")
    doc_id = import_file(session, path).document_id
    span = span_of(session, doc_id, "7.5%")
    ind = create_indicator(session, doc_id, {"name": "产值", "value": 7.5, "unit": "%"}, [span])
    assert ind.citations[0].exact == "7.5%"


def test_edit_records_before_and_after_of_changed_fields_only(session, sample_doc):
    ind = create_indicator(
        session, sample_doc, {"name": "甲", "value": 1.0, "unit": "家"}, [(0, 4)]
    )
    edited = update_indicator(session, ind.id, {"name": "乙", "unit": "家"}, ind.version)
    assert edited.name == "乙" and edited.version == ind.version + 1
    edit = session.store.events.for_indicator(ind.id)[-1]
    assert (edit.action, edit.before, edit.after) == ("edit", {"name": "甲"}, {"name": "乙"})


def test_second_writer_with_a_stale_version_is_refused(session, sample_doc, store_location):
    ind = create_indicator(session, sample_doc, {"name": "甲", "value": 1.0}, [(0, 4)])
    other = Session.open(store_location, "colleague")
    try:
        update_indicator(other, ind.id, {"value": 2.0}, ind.version)
        with pytest.raises(ConflictError, match="reload"):
            update_indicator(session, ind.id, {"value": 3.0}, ind.version)
    finally:
        other.close()
    assert session.store.indicators.get(ind.id).value == 2.0


def test_soft_delete_hides_and_restore_brings_back(session, sample_doc):
    ind = create_indicator(session, sample_doc, {"name": "甲", "value": 1.0}, [(0, 4)])
    gone = delete_indicator(session, ind.id, ind.version)
    assert session.store.indicators.for_document(sample_doc) == []
    assert session.store.indicators.get(ind.id).deleted_at is not None
    back = restore_indicator(session, ind.id, gone.version)
    assert [i.id for i in session.store.indicators.for_document(sample_doc)] == [ind.id]
    assert back.deleted_at is None
    assert actions(session, ind.id) == ["create", "delete", "restore"]


def test_add_and_remove_a_second_citation(session, sample_doc):
    ind = create_indicator(session, sample_doc, {"name": "甲", "value": 4.2}, [(0, 4)])
    span = span_of(session, sample_doc, "4.2%")
    two = add_citation(session, ind.id, span, ind.version)
    assert [(c.start, c.end) for c in two.citations] == [(0, 4), span]
    one = remove_citation(session, ind.id, two.citations[1].id, two.version)
    assert [(c.start, c.end) for c in one.citations] == [(0, 4)]
    with pytest.raises(ValidationError, match="at least one"):
        remove_citation(session, ind.id, one.citations[0].id, one.version)
    assert actions(session, ind.id) == ["create", "cite", "uncite"]


def test_period_as_written_is_resolved_to_dates_the_user_left_empty(session, sample_doc):
    ind = create_indicator(
        session, sample_doc, {"name": "甲", "value": 4.2, "period_label": "2025年1—11月"}, [(0, 4)]
    )
    assert (ind.period_start, ind.period_end) == ("2025-01-01", "2025-11-30")
    given = create_indicator(
        session,
        sample_doc,
        {"name": "乙", "value": 1.0, "period_label": "2025年", "period_start": "2025-06-30"},
        [(0, 4)],
    )
    assert (given.period_start, given.period_end) == ("2025-06-30", None)
    relabel = {"period_label": "2025年前三季度", "period_start": None, "period_end": None}
    relabelled = update_indicator(session, ind.id, relabel, ind.version)
    assert (relabelled.period_start, relabelled.period_end) == ("2025-01-01", "2025-09-30")


def test_a_relative_period_needs_the_document_date(session, tmp_path):
    from indicite.services.documents import DocumentMeta, import_file

    path = tmp_path / "report.txt"
    path.write_text("1—11月，规模以上工业增加值同比增长4.2%。", encoding="utf-8")
    dated = import_file(session, path, DocumentMeta(published_on="2025-12-20")).document_id
    ind = create_indicator(
        session, dated, {"name": "甲", "value": 4.2, "period_label": "1—11月"}, [(0, 4)]
    )
    assert (ind.period_start, ind.period_end) == ("2025-01-01", "2025-11-30")
