"""Export to CSV, XLSX and JSON: every column survives pandas, every citation is there, safely."""

import json
from datetime import datetime

import pytest

from indicite.core.errors import IndiciteError, NotFound
from indicite.core.export_format import (
    DATE,
    INDICATOR_COLUMNS,
    INT,
    NUMBER,
    restore,
)
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.export import ExportCancelled, export
from indicite.services.indicators import add_citation, create_indicator

TEXT = (
    "2025年天津市国民经济和社会发展统计公报\n"
    "\n"
    "𠀀字在前：全市规模以上工业增加值比上年增长5.2%。\n"
    '-13.5%是下降幅度；出口 "A,B" 合计1,570亿元\n'
    "第二行写着8.6万个。\n"
)
HYPERLINK = '=HYPERLINK("http://x","y")'


def span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def exported_db(session, tmp_path):
    """A document with tricky text and indicators covering every kind of value."""
    source = tmp_path / "公报.txt"
    source.write_text(TEXT, encoding="utf-8")
    meta = DocumentMeta(issuer="天津市统计局", published_on="2025-03-01", source_url="http://t")
    doc = import_file(session, source, meta).document_id
    growth = create_indicator(
        session,
        doc,
        {"name": "规模以上工业增加值", "subject": "天津", "value": 5.2, "unit": "%",
         "measure": "growth_yoy", "period_label": "2025年", "period_start": "2025-01-01",
         "period_end": "2025-12-31", "value_text": "增长5.2%"},
        [span(TEXT, "工业增加值比上年增长5.2%")],
    )  # fmt: skip
    create_indicator(
        session,
        doc,
        {"name": HYPERLINK, "value": -13.5, "unit": "%", "value_text": "-13.5%"},
        [span(TEXT, "-13.5%是下降幅度")],
    )
    both = create_indicator(
        session,
        doc,
        {"name": "出口", "value": 1570, "unit": "亿元", "notes": '逗号, 引号" 和换行'},
        [span(TEXT, '"A,B" 合计1,570亿元\n第二行')],
    )
    add_citation(session, both.id, span(TEXT, "8.6万个"), both.version)
    create_indicator(session, doc, {"name": "空值"}, [span(TEXT, "𠀀字在前")])
    session.store.indicators.update(
        growth.id,
        {
            "status": "approved",
            "reviewed_by": "editor",
            "reviewed_at": "2025-03-02T08:00:00.123+00:00",
        },
        growth.version,
    )
    return doc


def _canonical(kind: str, value):
    """One spelling per value whatever the reader gave: pandas NaN, Timestamp, str or number."""
    if value is None or value == "" or value != value:  # NaN and NaT are not themselves
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.round("ms").to_pydatetime()
    if isinstance(value, datetime):
        if kind == DATE:
            return value.date().isoformat()
        return value.isoformat(timespec="milliseconds") + "+00:00"
    if kind == INT:
        return int(value)
    if kind == NUMBER:
        return float(value)
    return str(value)


def _rows(frame) -> list[dict]:
    kinds = {c.name: c.kind for c in INDICATOR_COLUMNS}
    return [
        {name: _canonical(kinds[name], value) for name, value in row.items()}
        for row in frame.to_dict("records")
    ]


def read_csv(path):
    import pandas as pd

    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return _rows(frame.map(restore))


def read_xlsx(path):
    import pandas as pd

    return _rows(pd.read_excel(path, sheet_name="indicators", engine="openpyxl"))


def read_json(path):
    import pandas as pd

    rows = []
    for obj in pd.read_json(path, orient="records", dtype=False).to_dict("records"):
        citations = obj.pop("citations")
        rows.append({**obj, **citations[0], "citation_count": len(citations)})
        rows[-1].pop("position")
    kinds = {c.name: c.kind for c in INDICATOR_COLUMNS}
    return [{k: _canonical(kinds[k], v) for k, v in row.items()} for row in rows]


def test_every_column_round_trips_through_csv_xlsx_and_json(session, exported_db, tmp_path):
    found = {}
    for fmt, reader in (("csv", read_csv), ("xlsx", read_xlsx), ("json", read_json)):
        result = export(session, tmp_path / f"out.{fmt}", fmt)
        assert result.rows == 4
        found[fmt] = reader(tmp_path / f"out.{fmt}")
    csv_rows = found["csv"]
    assert [list(r) for r in csv_rows] == [[c.name for c in INDICATOR_COLUMNS]] * 4
    assert found["xlsx"] == csv_rows
    assert [{k: r[k] for k in csv_rows[0]} for r in found["json"]] == csv_rows

    growth, link, both, empty = csv_rows
    assert growth["name"] == "规模以上工业增加值" and growth["value"] == 5.2
    assert growth["period_start"] == "2025-01-01" and growth["period_end"] == "2025-12-31"
    assert growth["status"] == "approved" and growth["reviewed_by"] == "editor"
    assert growth["reviewed_at"] == "2025-03-02T08:00:00.123+00:00"
    assert growth["created_by"] == "tester" and growth["issuer"] == "天津市统计局"
    assert (
        growth["citation"]
        == "《2025年天津市国民经济和社会发展统计公报》，天津市统计局，2025-03-01，第2段"
    )
    start = TEXT.index("工业增加值比上年增长5.2%")
    assert (growth["start"], growth["start_utf16"]) == (start, start + 1)  # 𠀀 is 2 in Qt
    assert growth["paragraph"] == 2
    assert link["name"] == HYPERLINK and link["value"] == -13.5
    assert link["quote"] == "-13.5%是下降幅度"
    assert both["quote"] == '"A,B" 合计1,570亿元\n第二行'
    assert both["notes"] == '逗号, 引号" 和换行'
    assert both["base_value"] == 1570 * 10**8 and both["citation_count"] == 2
    assert empty["quote"] == "𠀀字在前" and empty["value"] is None
    assert empty["period_start"] is None and empty["reviewed_by"] is None


def test_further_citations_are_listed_in_order_never_dropped(session, exported_db, tmp_path):
    import pandas as pd

    export(session, tmp_path / "out.xlsx", "xlsx")
    sheet = pd.read_excel(tmp_path / "out.xlsx", sheet_name="citations", engine="openpyxl")
    assert sheet[["indicator_id", "position", "quote"]].values.tolist() == [[3, 2, "8.6万个"]]
    export(session, tmp_path / "out.csv", "csv")
    sidecar = pd.read_csv(tmp_path / "out.citations.csv", encoding="utf-8-sig")
    assert sidecar["quote"].tolist() == ["8.6万个"]
    export(session, tmp_path / "out.json", "json")
    nested = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [c["quote"] for c in nested[2]["citations"]] == [
        '"A,B" 合计1,570亿元\n第二行',
        "8.6万个",
    ]
    assert [c["position"] for c in nested[2]["citations"]] == [1, 2]


def test_xlsx_has_documents_and_about_sheets(session, exported_db, tmp_path):
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    export(session, tmp_path / "out.xlsx", "xlsx", statuses=["approved", "draft"])
    book = load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["indicators", "citations", "documents", "about"]
    sheet = book["indicators"]
    assert sheet.freeze_panes == "A2"
    last = get_column_letter(len(INDICATOR_COLUMNS))  # the filter spans every column
    assert sheet.auto_filter.ref == f"A1:{last}5"
    assert sheet["E2"].is_date and sheet["E2"].number_format == "yyyy-mm-dd"
    documents = book["documents"]
    assert documents["B2"].value == "2025年天津市国民经济和社会发展统计公报"
    assert documents["K2"].value == 4  # indicators exported from it
    about = {row[0]: row[1] for row in book["about"].iter_rows(values_only=True)}
    assert about["format_version"] == "1"
    assert about["statuses"] == "approved, draft" and about["exported_by"] == "tester"


def test_csv_starts_with_a_bom_and_gb18030_decodes(session, exported_db, tmp_path):
    export(session, tmp_path / "utf8.csv", "csv")
    data = (tmp_path / "utf8.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    export(session, tmp_path / "gb.csv", "csv", encoding="gb18030")
    legacy = (tmp_path / "gb.csv").read_bytes()
    assert not legacy.startswith(b"\xef\xbb\xbf")
    text = legacy.decode("gb18030")
    assert "规模以上工业增加值" in text and "𠀀字在前" in text
    assert text == data.decode("utf-8-sig")


def test_formulas_are_neutralised_in_csv_and_strings_in_xlsx(session, exported_db, tmp_path):
    import csv

    from openpyxl import load_workbook

    export(session, tmp_path / "out.csv", "csv")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    link = rows[1]
    assert link["name"] == "'" + HYPERLINK
    assert link["quote"] == "'-13.5%是下降幅度"
    assert link["value_text"] == "'-13.5%"
    assert link["value"] == "-13.5"  # numbers stay numbers

    export(session, tmp_path / "out.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx")["indicators"]
    names = [c.value for c in sheet[1]]
    row = {name: cell for name, cell in zip(names, sheet[3], strict=True)}
    assert row["name"].data_type == "s" and row["name"].value == HYPERLINK
    assert row["quote"].data_type == "s" and row["quote"].value == "-13.5%是下降幅度"
    assert row["value"].data_type == "n" and row["value"].value == -13.5


def test_filters_by_status_and_document(session, exported_db, tmp_path):
    assert export(session, tmp_path / "a.csv", "csv", statuses=["approved"]).rows == 1
    assert export(session, tmp_path / "b.csv", "csv", document_ids=[exported_db]).rows == 4
    assert export(session, tmp_path / "c.csv", "csv", statuses=["returned"]).rows == 0
    with pytest.raises(NotFound, match="There is no document 99"):
        export(session, tmp_path / "d.csv", "csv", document_ids=[99])


def test_unwritable_path_is_one_line_error_and_leaves_nothing(session, exported_db, tmp_path):
    with pytest.raises(IndiciteError) as error:
        export(session, tmp_path / "missing" / "out.xlsx", "xlsx")
    assert "Cannot write" in str(error.value) and "\n" not in str(error.value)


def test_cancel_removes_what_was_written(session, exported_db, tmp_path, monkeypatch):
    monkeypatch.setattr("indicite.services.export.PROGRESS_EVERY", 1)
    with pytest.raises(ExportCancelled):
        export(session, tmp_path / "out.xlsx", "xlsx", cancelled=lambda: True)
    assert list(tmp_path.glob("*out*")) == []


def test_progress_reaches_the_total(session, exported_db, tmp_path, monkeypatch):
    monkeypatch.setattr("indicite.services.export.PROGRESS_EVERY", 1)
    seen = []
    export(session, tmp_path / "out.json", "json", progress=lambda done, total: seen.append(done))
    assert seen[-1] == 4 and seen == sorted(seen)


def test_xlsx_keeps_odd_text_exactly(session, exported_db, tmp_path):
    from python_calamine import CalamineWorkbook

    odd = " <a & b>\x07_x0041_ "
    session.store.indicators.update(1, {"name": odd, "notes": "注" * 32_767}, 2)
    export(session, tmp_path / "out.xlsx", "xlsx")
    rows = CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).get_sheet_by_index(0)
    header, first = rows.to_python()[:2]
    row = dict(zip(header, first, strict=True))
    assert row["name"] == odd
    assert row["notes"] == "注" * 32_767


def test_an_export_holds_the_entries_as_they_were_when_it_began(
    session, exported_db, store_location, tmp_path
):
    from indicite.services.indicators import delete_indicator
    from indicite.services.session import Session

    other = Session.open(store_location, "ann")
    before = other.store.indicators.for_document(exported_db)

    def another_desk_writes(done, _total):
        if done == 0:
            create_indicator(other, exported_db, {"name": "后来的"}, [span(TEXT, "8.6万个")])
            third = other.store.indicators.get(3)
            add_citation(other, third.id, span(TEXT, "𠀀字在前"), third.version)
            delete_indicator(other, 2, other.store.indicators.get(2).version)

    try:
        export(session, tmp_path / "out.json", "json", progress=another_desk_writes)
    finally:
        other.close()
    rows = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in rows] == [i.name for i in before]
    assert [len(r["citations"]) for r in rows] == [1, 1, 2, 1]
    export(session, tmp_path / "now.json", "json")
    now = json.loads((tmp_path / "now.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in now] == [before[0].name, *(i.name for i in before[2:]), "后来的"]
    assert [len(r["citations"]) for r in now] == [1, 3, 1, 1]
