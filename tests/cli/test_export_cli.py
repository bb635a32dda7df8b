"""`indicite export` and `indicite load` as a user runs them."""

import csv

import pytest

from indicite.cli import main
from indicite.services.indicators import create_indicator


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def two_indicators(session, sample_doc):
    text = session.store.documents.get(sample_doc).text
    for name, quote in [("京津冀", "京津冀产业协同发展"), ("新台阶", "迈上新台阶")]:
        start = text.index(quote)
        create_indicator(session, sample_doc, {"name": name}, [(start, start + len(quote))])
    first = session.store.indicators.get(1)
    session.store.indicators.update(
        1, {"status": "approved", "reviewed_by": "ed", "reviewed_at": first.created_at}, 1
    )
    return sample_doc


def _names(path, encoding="utf-8-sig"):
    with path.open(encoding=encoding, newline="") as f:
        return [row["name"] for row in csv.DictReader(f)]


def test_export_with_filters_and_format_from_the_file_name(
    capsys, db_path, two_indicators, tmp_path
):
    out_file = tmp_path / "approved.csv"
    code, out, err = run(
        capsys, "--db", db_path, "export", "--status", "approved", "--out", out_file
    )
    assert code == 0, err
    assert f"Exported 1 indicators to {out_file}" in out
    assert _names(out_file) == ["京津冀"]
    code, out, _ = run(
        capsys, "--db", db_path, "export", "--status", "approved", "--status", "draft",
        "--document", two_indicators, "--format", "csv", "--encoding", "gb18030",
        "--out", tmp_path / "legacy.txt",
    )  # fmt: skip
    assert code == 0
    assert _names(tmp_path / "legacy.txt", "gb18030") == ["京津冀", "新台阶"]


def test_export_json_and_xlsx(capsys, db_path, two_indicators, tmp_path):
    for fmt in ("json", "xlsx"):
        code, _out, err = run(
            capsys, "--db", db_path, "export", "--format", fmt, "--out", tmp_path / f"x.{fmt}"
        )
        assert code == 0, err
        assert (tmp_path / f"x.{fmt}").stat().st_size > 0


def test_unwritable_export_path_gives_one_line_error(capsys, db_path, two_indicators, tmp_path):
    code, _out, err = run(
        capsys, "--db", db_path, "export", "--out", tmp_path / "no" / "such" / "dir.xlsx"
    )
    assert code == 1
    assert err.startswith("indicite: Cannot write") and err.count("\n") == 1


def test_load_reports_refused_rows_and_exits_1(capsys, db_path, two_indicators, tmp_path):
    title = "天津向高端高质攀升 推动全国先进制造研发基地建设迈上新台阶"
    sheet = tmp_path / "hand.csv"
    sheet.write_text(
        "name,value,unit,quote,document_title\n"
        f"协同,,,推进京津冀协同发展,{title}\n"
        f"不存在,1,个,这句话不在文中,{title}\n",
        encoding="utf-8-sig",
    )
    code, out, err = run(capsys, "--db", db_path, "load", sheet)
    assert code == 1
    assert "Loaded 1 indicators" in out
    assert "not loaded row 3: the quote “这句话不在文中” is not in document 1" in err
    code, out, err = run(capsys, "--db", db_path, "load", sheet)
    assert "Loaded 0 indicators" in out and "skipped row 2" in err


def test_load_of_a_missing_file_is_one_line_error(capsys, db_path, tmp_path):
    code, _, err = run(capsys, "--db", db_path, "load", tmp_path / "nope.csv")
    assert code == 1 and err.startswith("indicite: ") and err.count("\n") == 1


def test_load_of_a_damaged_spreadsheet_is_one_line_error(capsys, db_path, tmp_path):
    fake = tmp_path / "report.xlsx"
    fake.write_text("not a workbook", encoding="utf-8")
    code, _, err = run(capsys, "--db", db_path, "load", "--create", fake)
    assert code == 1 and "report.xlsx is not a readable spreadsheet" in err
    assert err.count("\n") == 1


def test_export_without_out_writes_a_dated_workbook_here(
    capsys, db_path, two_indicators, tmp_path, monkeypatch
):
    from datetime import date

    monkeypatch.chdir(tmp_path)
    code, _out, err = run(capsys, "--db", db_path, "export")
    assert code == 0, err
    assert (tmp_path / f"indicators-{date.today().isoformat()}.xlsx").is_file()


def test_load_of_a_document_instead_of_a_table_is_one_line(
    capsys, db_path, session, sample_doc, sample_file
):
    before = session.store.indicators.count()
    code, _out, err = run(capsys, "--db", db_path, "load", sample_file)
    assert code == 1
    assert err.strip().splitlines() == [
        "indicite: tianjin_industry_2025.txt is not a table of indicators (no name column); "
        "load reads files in the export format"
    ]
    assert session.store.indicators.count() == before


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["export", "--format", "pdf"], "indicite export: argument --format: invalid choice"),
        (["--bogus"], "indicite: unrecognized arguments: --bogus"),
    ],
)
def test_usage_errors_are_one_line_with_a_help_hint(capsys, args, says):
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(says) and line.endswith("--help")
