"""Loading indicators back: anchored by quote, reported by row, never twice, all or nothing."""

import csv
import subprocess
import sys
import textwrap

import pytest

from indicite.services.documents import DocumentMeta, import_file
from indicite.services.export import export
from indicite.services.indicators import add_citation, create_indicator
from indicite.services.load import load
from indicite.services.session import Session

TEXT = (
    "2025年某市统计公报\n"
    "\n"
    "𠀀 全市地区生产总值增长5.2%，工业增加值增长5.2%。\n"
    '出口 "A,B" 合计1,570亿元\n'
    "-13.5%是下降幅度，新增8.6万个。\n"
)
TITLE = "2025年某市统计公报"


@pytest.fixture
def source_text(tmp_path):
    path = tmp_path / "公报.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _import(session, source):
    meta = DocumentMeta(issuer="某市统计局", published_on="2025-03-01")
    return import_file(session, source, meta).document_id


def _counts(session) -> tuple[int, int, int]:
    db = session.store.db
    return tuple(
        db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        for table in ("indicators", "citations", "events")
    )


def _write_csv(path, header, rows):
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_hand_kept_sheet_loads_good_rows_and_reports_the_unanchorable(
    session, source_text, tmp_path
):
    doc = _import(session, source_text)
    sheet = _write_csv(
        tmp_path / "hand.csv",
        ["name", "value", "unit", "quote", "document_title"],
        [
            ["地区生产总值增速", "5.2", "%", "地区生产总值增长5.2%", TITLE],
            ["出口额", "1,570", "亿元", '"A,B" 合计1,570亿元', TITLE],
            ["进口额", "900", "亿元", "进口合计900亿元", TITLE],
            ["新增数量", "8.6", "万个", "新增8.6万个", TITLE],
        ],
    )
    report = load(session, sheet)
    assert report.loaded == 3
    assert [(p.row, "is not in document" in p.reason) for p in report.refused] == [(4, True)]
    rows = session.store.indicators.for_document(doc)
    assert [r.name for r in rows] == ["地区生产总值增速", "出口额", "新增数量"]
    added = rows[2]
    assert (added.value, added.unit, added.base_value, added.base_unit) == (
        8.6,
        "万个",
        86000,
        "个",
    )
    assert added.status == "draft" and added.created_by == "tester"
    (citation,) = session.store.indicators.citations(added.id)
    assert TEXT[citation.start : citation.end] == "新增8.6万个"
    assert [e.action for e in session.store.events.for_indicator(added.id)] == ["load"]


def test_chinese_headers_in_xlsx_are_understood(session, source_text, tmp_path):
    from openpyxl import Workbook

    _import(session, source_text)
    book = Workbook()
    book.active.append(["指标名称", "数值", "单位", "原文", "文档"])
    book.active.append(["出口额", 1570, "亿元", '"A,B" 合计1,570亿元', TITLE])
    book.save(tmp_path / "hand.xlsx")
    report = load(session, tmp_path / "hand.xlsx")
    assert (report.loaded, report.refused) == (1, [])


def test_repeated_quote_is_placed_by_prefix_or_refused_without_one(session, source_text, tmp_path):
    _import(session, source_text)
    sheet = _write_csv(
        tmp_path / "hand.csv",
        ["name", "value", "unit", "quote", "prefix", "document_title"],
        [
            ["工业增速", "5.2", "%", "增长5.2%", "工业增加值", TITLE],
            ["某增速", "5.2", "%", "增长5.2%", "", TITLE],
        ],
    )
    report = load(session, sheet)
    assert report.loaded == 1
    assert report.refused[0].row == 3 and "occurs 2 times" in report.refused[0].reason
    (ind,) = session.store.indicators.for_document(1)
    (citation,) = session.store.indicators.citations(ind.id)
    assert citation.start == TEXT.index("工业增加值增长5.2%") + len("工业增加值")


def test_nothing_is_loaded_twice(session, source_text, tmp_path):
    _import(session, source_text)
    sheet = _write_csv(
        tmp_path / "hand.csv",
        ["name", "value", "unit", "quote", "document_title"],
        [["出口额", "1570", "亿元", "合计1,570亿元", TITLE]] * 2,
    )
    first = load(session, sheet)
    assert (first.loaded, [p.row for p in first.skipped]) == (1, [3])
    second = load(session, sheet)
    assert (second.loaded, len(second.skipped)) == (0, 2)
    assert _counts(session)[0] == 1


def test_approved_rows_loaded_by_staff_come_in_as_submitted(session, source_text, tmp_path):
    _import(session, source_text)
    sheet = _write_csv(
        tmp_path / "hand.csv",
        ["name", "value", "quote", "document_title", "status", "reviewed_by", "reviewed_at"],
        [
            ["甲", "5.2", "地区生产总值增长5.2%", TITLE, "approved", "", ""],
            [
                "乙",
                "1570",
                "合计1,570亿元",
                TITLE,
                "approved",
                "编辑",
                "2025-03-02T08:00:00.000+00:00",
            ],
            ["丙", "8.6", "新增8.6万个", TITLE, "已审核", "", ""],
        ],
    )
    report = load(session, sheet)
    assert report.resubmitted == 2 and [p.row for p in report.refused] == [4]
    statuses = [(i.name, i.status, i.reviewed_by) for i in session.store.indicators.for_document(1)]
    assert statuses == [("甲", "submitted", None), ("乙", "submitted", None)]


@pytest.fixture
def source_db(session, source_text):
    doc = _import(session, source_text)
    for name, quote, value in [
        ('=HYPERLINK("http://x","y")', "-13.5%是下降幅度", -13.5),
        ("出口额", '"A,B" 合计1,570亿元\n-13.5%', 1570.0),
        ("空值", "𠀀", None),
    ]:
        start = TEXT.index(quote)
        ind = create_indicator(
            session, doc, {"name": name, "value": value}, [(start, start + len(quote))]
        )
    add_citation(session, ind.id, (TEXT.index("新增"), TEXT.index("新增") + 2), ind.version)
    first = session.store.indicators.get(1)
    approval = {"reviewed_by": "编辑", "reviewed_at": "2025-03-02T08:00:00.123+00:00"}
    session.store.indicators.update(1, {"status": "approved", **approval}, first.version)
    return doc


@pytest.fixture
def empty_copy(source_text, other_location):
    """Another database holding the same document and no indicators."""
    other = Session.open(other_location, "colleague")
    _import(other, source_text)
    yield other
    other.close()


# Who entered and reviewed an entry, and when, is the loading database's own history.
_WORKFLOW_COLUMNS = ("id", "status", "created_by", "created_at", "reviewed_by", "reviewed_at",
                     "document_id", "indicator_id")  # fmt: skip


def _content(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [
            {k: v for k, v in row.items() if k not in _WORKFLOW_COLUMNS}
            for row in csv.DictReader(f)
        ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_load_export_gives_the_same_rows(session, source_db, empty_copy, tmp_path, fmt):
    export(session, tmp_path / f"first.{fmt}", fmt)
    report = load(empty_copy, tmp_path / f"first.{fmt}")
    assert (report.loaded, report.refused, report.skipped) == (3, [], [])
    export(session, tmp_path / "source.csv", "csv")
    export(empty_copy, tmp_path / "again.csv", "csv")
    for name in ("{}.csv", "{}.citations.csv"):
        again = _content(tmp_path / name.format("again"))
        assert again == _content(tmp_path / name.format("source"))
        assert len(again) >= 1


def test_a_failure_inside_the_load_leaves_the_database_unchanged(
    session, source_db, empty_copy, tmp_path, monkeypatch
):
    from indicite.storage import export_queries

    export(session, tmp_path / "all.csv", "csv")
    before = _counts(empty_copy)
    original, calls = export_queries.insert_loaded, []

    def insert_then_fail(db, *args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk pulled out")
        return original(db, *args)

    monkeypatch.setattr(export_queries, "insert_loaded", insert_then_fail)
    with pytest.raises(RuntimeError):
        load(empty_copy, tmp_path / "all.csv")
    assert len(calls) == 3 and _counts(empty_copy) == before


def test_a_load_killed_half_way_leaves_the_database_unchanged(
    session, source_db, empty_copy, tmp_path
):
    export(session, tmp_path / "all.csv", "csv")
    before = _counts(empty_copy)
    script = textwrap.dedent(
        f"""
        import os, signal
        import indicite.services.load as load_module
        from indicite.services.session import Session
        load_module.PROGRESS_EVERY = 1
        def die(done):
            if done == 2:
                os.kill(os.getpid(), signal.SIGKILL)
        session = Session.open({str(empty_copy.store.location)!r}, "x")
        load_module.load(session, {str(tmp_path / "all.csv")!r}, die)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert result.returncode == -9, result.stderr
    assert _counts(empty_copy) == before
    assert load(empty_copy, tmp_path / "all.csv").loaded == 3


def test_gb18030_csv_kept_by_hand_is_read(session, source_text, tmp_path):
    _import(session, source_text)
    sheet = tmp_path / "legacy.csv"
    sheet.write_bytes(
        f'指标,数值,单位,原文,文档\n出口额,1570,亿元,"合计1,570亿元",{TITLE}\n'.encode("gb18030")
    )
    report = load(session, sheet)
    assert (report.loaded, report.refused) == (1, [])
    assert session.store.indicators.for_document(1)[0].name == "出口额"


def test_json_in_other_layouts_is_read_and_a_non_list_is_refused(session, source_text, tmp_path):
    import json

    from indicite.core.errors import ImportRefused

    _import(session, source_text)
    rows = [{"name": "出口额", "value": 1570, "unit": "亿元", "document_title": TITLE,
             "citations": [{"quote": '"A,B" 合计1,570亿元'}]}]  # fmt: skip
    (tmp_path / "pretty.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    assert load(session, tmp_path / "pretty.json").loaded == 1
    (tmp_path / "odd.json").write_text('{"name": "x"}')
    with pytest.raises(ImportRefused, match="expected a list"):
        load(session, tmp_path / "odd.json")
