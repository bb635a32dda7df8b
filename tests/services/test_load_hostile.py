"""Hostile and malformed files against `load` and export (issue 13), each built in the test:
no review bypassed, no formula exported live, no infinity stored, no silent truncation."""

import csv
import json
import zipfile

import pytest

from indicite.core.errors import ImportRefused, IndiciteError
from indicite.io import table_reader
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.export import export
from indicite.services.indicators import create_indicator
from indicite.services.load import load
from indicite.services.session import Session
from indicite.storage.provenance import provenance_of

TEXT = "2025年某市统计公报\n全市地区生产总值增长5.2%，出口合计1,570亿元。\n新增8.6万个。\n"
TITLE = "2025年某市统计公报"
FORMULA = "@SUM(1+1)*cmd|' /C calc'!A0"
HEADER = ["name", "value", "quote", "document_title", "status", "created_by", "created_at",
          "reviewed_by", "reviewed_at"]  # fmt: skip


@pytest.fixture
def doc(session, tmp_path):
    source = tmp_path / "公报.txt"
    source.write_text(TEXT, encoding="utf-8")
    return import_file(session, source, DocumentMeta(published_on="2025-03-01")).document_id


def _as(session, name: str, role: str | None = None) -> Session:
    """The same database as ``name``; ``role`` is stored for them first."""
    if role is not None:
        session.store.users.add(name, role, "2025-01-01T00:00:00.000+00:00")
    return Session(session.store, name)


def _csv(path, header, rows, encoding="utf-8-sig"):
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _counts(session) -> tuple[int, ...]:
    db = session.store.db
    return tuple(
        db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        for table in ("indicators", "citations", "events", "load_provenance")
    )


def _approved_row(created_by="bob", reviewed_by="mallory"):
    return ["出口额", "1570", "出口合计1,570亿元", TITLE, "approved", created_by,
            "2020-01-01T00:00:00+00:00", reviewed_by, "2020-01-02T00:00:00+00:00"]  # fmt: skip


# --- 1. load cannot bypass review -------------------------------------------------------------


@pytest.mark.parametrize("reviewed_by", ["mallory", "bob"])
def test_staff_loading_approved_rows_gets_submitted_entries(session, doc, tmp_path, reviewed_by):
    mallory = _as(session, "mallory", "staff")
    sheet = _csv(tmp_path / "approved.csv", HEADER, [_approved_row(reviewed_by=reviewed_by)])
    report = load(mallory, sheet)
    assert (report.loaded, report.resubmitted, report.approved) == (1, 1, 0)
    (entry,) = session.store.indicators.for_document(doc)
    assert entry.status == "submitted" and entry.reviewed_by is None
    assert entry.created_by == "mallory" and not entry.created_at.startswith("2020")
    events = session.store.events.for_indicator(entry.id)
    assert [(e.action, e.who) for e in events] == [("load", "mallory")]
    assert events[0].after["from_file"]["reviewed_by"] == reviewed_by
    claims = provenance_of(session.store.db, entry.id)
    assert (claims["status"], claims["created_by"], claims["reviewed_by"]) == (
        "approved",
        "bob",
        reviewed_by,
    )
    assert claims["file"] == "approved.csv" and claims["row"] == 2


def test_an_editor_loading_approves_as_their_own_act_now(session, doc, tmp_path):
    erin = _as(session, "erin", "editor")
    sheet = _csv(tmp_path / "approved.csv", HEADER, [_approved_row()])
    report = load(erin, sheet)
    assert (report.loaded, report.approved) == (1, 1)
    (entry,) = session.store.indicators.for_document(doc)
    assert (entry.status, entry.reviewed_by, entry.created_by) == ("approved", "erin", "erin")
    assert entry.reviewed_at == entry.created_at and not entry.reviewed_at.startswith("2020")
    events = session.store.events.for_indicator(entry.id)
    assert [(e.action, e.who, e.after["status"]) for e in events] == [
        ("load", "erin", "submitted"),
        ("approve", "erin", "approved"),
    ]


@pytest.mark.parametrize(("created_by", "status"), [("erin", "approved"), ("", "approved"),
                                                     ("bob", "returned")])  # fmt: skip
def test_four_eyes_hold_for_a_loading_editor(session, doc, tmp_path, created_by, status):
    erin = _as(session, "erin", "editor")
    row = _approved_row(created_by=created_by)
    row[4] = status
    report = load(erin, _csv(tmp_path / "own.csv", HEADER, [row]))
    assert (report.loaded, report.approved, report.resubmitted) == (1, 0, 1)
    (entry,) = session.store.indicators.for_document(doc)
    assert (entry.status, entry.reviewed_by) == ("submitted", None)


# --- 2. timestamps validated, every exported text cell neutralised ----------------------------


@pytest.mark.parametrize("column", ["created_at", "reviewed_at"])
def test_formula_in_a_timestamp_is_refused_with_its_row(session, doc, tmp_path, column):
    row = _approved_row()
    row[HEADER.index(column)] = FORMULA
    before = _counts(session)
    report = load(session, _csv(tmp_path / "formula.csv", HEADER, [row]))
    assert report.loaded == 0
    assert report.refused[0].row == 2 and column in report.refused[0].reason
    assert _counts(session) == before


@pytest.mark.parametrize("period", ["20250101", "2025-W01-1", "=1+1", "2025-02-30"])
def test_periods_are_iso_days_only(session, doc, tmp_path, period):
    sheet = _csv(tmp_path / "period.csv", ["name", "quote", "document_title", "period_start"],
                 [["出口额", "出口合计1,570亿元", TITLE, period]])  # fmt: skip
    report = load(session, sheet)
    assert report.loaded == 0 and "is not a date (YYYY-MM-DD)" in report.refused[0].reason


def _hostile_timestamps_in_the_database(session, doc):
    """What a hand-edited or older database may hold: a formula where a time belongs."""
    start = TEXT.index("新增8.6万个")
    ind = create_indicator(session, doc, {"name": "新增"}, [(start, start + 7)])
    session.store.db.execute(
        "UPDATE indicators SET reviewed_at = ?, period_start = ? WHERE id = ?",
        [FORMULA, "=1+1", ind.id],
    )


def test_csv_export_neutralises_formulas_in_date_columns(session, doc, tmp_path):
    _hostile_timestamps_in_the_database(session, doc)
    export(session, tmp_path / "out.csv", "csv")
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as f:
        (row,) = csv.DictReader(f)
    assert row["reviewed_at"] == "'" + FORMULA and row["period_start"] == "'=1+1"


def test_xlsx_export_marks_formula_like_text_in_any_column_as_text(session, doc, tmp_path):
    from openpyxl import load_workbook

    _hostile_timestamps_in_the_database(session, doc)
    export(session, tmp_path / "out.xlsx", "xlsx")
    sheet = load_workbook(tmp_path / "out.xlsx")["indicators"]
    header = [c.value for c in sheet[1]]
    for column, value in (("reviewed_at", FORMULA), ("period_start", "=1+1")):
        cell = sheet.cell(2, header.index(column) + 1)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (value, "s", True)
    name = sheet.cell(2, header.index("name") + 1)
    assert name.value == "新增" and not name.quotePrefix


# --- 3. numbers are finite --------------------------------------------------------------------


@pytest.mark.parametrize(("value", "words"), [("1e400", "too large"), ("-1e400", "too large"),
                                              ("1e-400", "too close to zero")])  # fmt: skip
def test_values_that_overflow_or_underflow_are_refused(session, doc, tmp_path, value, words):
    sheet = _csv(tmp_path / "big.csv", ["name", "value", "quote", "document_title"],
                 [["出口额", value, "出口合计1,570亿元", TITLE]])  # fmt: skip
    report = load(session, sheet)
    assert report.loaded == 0 and report.refused[0].row == 2
    assert words in report.refused[0].reason
    assert session.store.indicators.for_document(doc) == []


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ('"value": Infinity', "finite"),
        ('"value": -Infinity', "finite"),
        ('"value": NaN', "finite"),
        ('"value": 1570, "value": 9999', "“value” is given twice"),  # not last-one-wins
    ],
)
def test_json_python_would_read_silently_refuses_the_row(session, doc, tmp_path, fields, words):
    path = tmp_path / "odd.json"
    path.write_text(
        f'[{{"name": "出口额", {fields}, "document_title": "{TITLE}", '
        '"citations": [{"quote": "出口合计1,570亿元"}]}]',
        encoding="utf-8",
    )
    report = load(session, path)
    assert report.loaded == 0 and report.refused[0].row == 1
    assert words in report.refused[0].reason
    assert session.store.indicators.for_document(doc) == []


# --- 4. export → load gives the same data, or says why not ------------------------------------


@pytest.fixture
def long_text_doc(session, tmp_path):
    source = tmp_path / "long.txt"
    passage = "增长" * 20_000  # 40,000 characters in one paragraph
    source.write_text(f"长文\n{passage}\n出口合计1,570亿元。\n", encoding="utf-8")
    return import_file(session, source).document_id, passage


def test_xlsx_export_refuses_text_longer_than_a_cell_naming_the_entries(
    session, long_text_doc, tmp_path
):
    doc_id, passage = long_text_doc
    text = session.store.documents.get(doc_id).text
    start = text.index(passage)
    long_quote = create_indicator(session, doc_id, {"name": "长引文"}, [(start, start + 40_000)])
    start = text.index("出口合计")
    long_notes = create_indicator(
        session, doc_id, {"name": "长备注", "notes": "注" * 40_000}, [(start, start + 4)]
    )
    with pytest.raises(IndiciteError) as refused:
        export(session, tmp_path / "out.xlsx", "xlsx")
    message = str(refused.value)
    assert f"indicator {long_quote.id} quote" in message
    assert f"indicator {long_notes.id} notes" in message and "32,767" in message
    assert list(tmp_path.glob("*out.xlsx*")) == []


def test_csv_export_with_200000_character_notes_loads_back(session, doc, tmp_path, other_location):
    notes = "说明" * 100_000
    start = TEXT.index("新增8.6万个")
    create_indicator(session, doc, {"name": "新增", "notes": notes}, [(start, start + 7)])
    export(session, tmp_path / "long.csv", "csv")
    other = Session.open(other_location, "colleague")
    try:
        source = tmp_path / "公报.txt"
        import_file(other, source, DocumentMeta(published_on="2025-03-01"))
        report = load(other, tmp_path / "long.csv")
        assert (report.loaded, report.refused) == (1, [])
        (entry,) = other.store.indicators.for_document(1)
        assert entry.notes == notes
    finally:
        other.close()


# --- 6. caps on rows and bytes; at most 20 problems listed ------------------------------------


def test_a_file_over_the_row_limit_is_refused_whole(session, doc, tmp_path, monkeypatch):
    monkeypatch.setattr(table_reader, "MAX_LOAD_ROWS", 50)
    rows = [["出口额", "1570", "出口合计1,570亿元", TITLE]] + [["x", "1", "q", TITLE]] * 60
    sheet = _csv(tmp_path / "many.csv", ["name", "value", "quote", "document_title"], rows)
    before = _counts(session)
    with pytest.raises(ImportRefused, match="more than 50 rows"):
        load(session, sheet)
    assert _counts(session) == before


def test_a_file_over_the_byte_limit_is_refused_before_reading(session, doc, tmp_path, monkeypatch):
    monkeypatch.setattr(table_reader, "MAX_LOAD_BYTES", 1000)
    sheet = _csv(tmp_path / "big.csv", ["name", "notes"], [["x", "y" * 2000]])
    with pytest.raises(ImportRefused, match="larger than the 0 MB load limit"):
        load(session, sheet)


def test_many_bad_rows_are_counted_and_only_the_first_20_kept(session, doc, tmp_path):
    rows = [["坏", "1", f"不存在的引文{i}", TITLE] for i in range(500)]
    sheet = _csv(tmp_path / "bad.csv", ["name", "value", "quote", "document_title"], rows)
    report = load(session, sheet)
    assert report.refused_count == 500 and len(report.refused) == 20
    assert [p.row for p in report.refused] == list(range(2, 22))


# --- 7. text that is not what it claims -------------------------------------------------------


def test_utf8_csv_with_a_stray_byte_is_refused_at_that_byte(session, doc, tmp_path):
    good = "name,value,quote,document_title\n" + f"出口额,1570,出口合计1570亿元,{TITLE}\n" * 20
    data = good.encode("utf-8")
    path = tmp_path / "stray.csv"
    path.write_bytes(data[:300] + b"\xff" + data[300:])
    with pytest.raises(ImportRefused, match=r"byte 300 \(0xFF\).*tried UTF-8"):
        load(session, path)


def test_csv_with_a_nul_is_refused_at_its_offset(session, doc, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"name,value\nhello 5.2%\x00world,1\n")
    with pytest.raises(ImportRefused, match="byte 21 is a NUL"):
        load(session, path)


# --- 8. silent choices become refusals naming the cell ----------------------------------------


def _xlsx_with_cell(path, cell_xml: str) -> None:
    """A workbook whose B2 is replaced by ``cell_xml`` (what Excel writes for it)."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["name", "value", "quote", "document_title"])
    book.active.append(["出口额", 1570, "出口合计1,570亿元", TITLE])
    book.active.append(["新增", 8.6, "新增8.6万个", TITLE])
    book.save(path)
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    members["xl/worksheets/sheet1.xml"] = sheet.replace(
        '<c r="B2" t="n"><v>1570</v></c>', cell_xml
    ).encode()
    assert members["xl/worksheets/sheet1.xml"].decode() != sheet
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)


@pytest.mark.parametrize(
    ("cell_xml", "words"),
    [
        ('<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>', "cell B2 holds the error #DIV/0!"),
        ('<c r="B2" t="e"><v>#N/A</v></c>', "cell B2 holds the error #N/A"),
        ('<c r="B2"><f>SUM(C1:C9)</f></c>', "cell B2 is a formula with no saved value"),
        ('<c r="B2"><f>SUM(C1:C9)</f><v></v></c>', "cell B2 is a formula with no saved value"),
    ],
)
def test_xlsx_error_cells_and_unsaved_formulas_refuse_their_row(
    session, doc, tmp_path, cell_xml, words
):
    path = tmp_path / "cells.xlsx"
    _xlsx_with_cell(path, cell_xml)
    report = load(session, path)
    assert report.loaded == 1
    assert [(p.row, words in p.reason) for p in report.refused] == [(2, True)]
    assert [i.name for i in session.store.indicators.for_document(doc)] == ["新增"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_duplicate_column_names_refuse_the_file_naming_the_cells(session, doc, tmp_path, suffix):
    header = ["name", "value", "quote", "document_title", "数值"]  # 数值 is value too
    row = ["出口额", "1570", "出口合计1,570亿元", TITLE, "9999"]
    path = tmp_path / f"dup{suffix}"
    if suffix == ".csv":
        _csv(path, header, [row])
    else:
        from openpyxl import Workbook

        book = Workbook()
        book.active.append(header)
        book.active.append(row)
        book.save(path)
    with pytest.raises(ImportRefused, match="cells B1 and E1 both name the column “value”"):
        load(session, path)
    assert session.store.indicators.for_document(doc) == []


# --- 5. shapes that used to raise tracebacks become row refusals ------------------------------


@pytest.mark.parametrize(
    ("item", "words"),
    [
        ({"id": [1, 2]}, "“id” is a list"),
        ({"citations": ["出口合计1,570亿元"]}, "“citations” must be a list of objects"),
        ({"citations": {"quote": "x"}}, "“citations” must be a list of objects"),
        ({"name": {"zh": "出口额"}}, "“name” is an object"),
        ({"citations": [{"quote": "出口合计1,570亿元", "start": 1e400}]}, "finite"),
        ({"citations": [{"quote": "出口合计1,570亿元", "start": float("nan")}]}, "finite"),
        ({"value": 10**400}, "too large"),
        ({"value": 1e300, "unit": "万亿元"}, "too large"),  # its base value overflows
    ],
)
def test_json_values_of_the_wrong_shape_refuse_their_row(session, doc, tmp_path, item, words):
    base = {"name": "出口额", "value": 1570, "document_title": TITLE,
            "citations": [{"quote": "出口合计1,570亿元"}]}  # fmt: skip
    path = tmp_path / "shapes.json"
    path.write_text(json.dumps([base | item, base | {"name": "好"}]), encoding="utf-8")
    report = load(session, path)
    assert report.loaded == 1 and report.refused[0].row == 1
    assert words in report.refused[0].reason


def test_xlsx_that_unpacks_beyond_the_limit_or_declares_a_doctype_is_refused(
    session, doc, tmp_path, monkeypatch
):
    path = tmp_path / "bomb.xlsx"
    _xlsx_with_cell(path, '<c r="B2" t="n"><v>1570</v></c>' + "<!-- pad -->" * 10_000)
    monkeypatch.setattr(table_reader, "MAX_UNPACKED_XLSX_BYTES", 100_000)
    with pytest.raises(ImportRefused, match="would unpack to more than"):
        load(session, path)
    monkeypatch.undo()
    with zipfile.ZipFile(path) as source:
        members = {i.filename: source.read(i) for i in source.infolist()}
    sheet = members["xl/worksheets/sheet1.xml"]
    members["xl/worksheets/sheet1.xml"] = b'<!DOCTYPE x [<!ENTITY e "1570">]>' + sheet
    with zipfile.ZipFile(path, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    with pytest.raises(ImportRefused, match="DOCTYPE"):
        load(session, path)
    assert session.store.indicators.for_document(doc) == []


def test_csv_offsets_of_1e400_refuse_the_row(session, doc, tmp_path):
    sheet = _csv(tmp_path / "offsets.csv", ["name", "quote", "start", "end", "document_title"],
                 [["出口额", "出口合计1,570亿元", "1e400", "1e400", TITLE]])  # fmt: skip
    report = load(session, sheet)
    assert report.loaded == 0 and "start" in report.refused[0].reason
