"""`indicite suggest` prints what the suggester finds, from a file or a stored document."""

import json

from indicite.cli import main

REQUIRED_KEYS = {
    "start", "end", "text", "value", "unit", "base_value", "base_unit",
    "qualifier", "measure", "period_label", "indicator", "subject",
}  # fmt: skip


def test_jsonl_from_a_file_carries_every_field_and_true_offsets(capsys, sample_file):
    assert main(["suggest", str(sample_file), "--subject", "天津", "--date", "2025-12-20"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    text = sample_file.read_text(encoding="utf-8")
    assert len(rows) > 50
    for row in rows:
        assert row.keys() >= REQUIRED_KEYS
        assert text[row["start"] : row["end"]] == row["text"]
    growth = next(r for r in rows if r["text"] == "4.2%")
    assert (growth["base_value"], growth["base_unit"], growth["measure"]) == (
        4.2,
        "%",
        "growth_yoy",
    )
    assert growth["period_label"] == "1—11月"
    assert growth["subject"] == "天津"


def test_a_stored_document_by_id_gives_the_same_suggestions(capsys, db_path, sample_file):
    main(["--db", str(db_path), "import", "--create", str(sample_file)])
    capsys.readouterr()
    main(["suggest", str(sample_file)])
    from_file = capsys.readouterr().out
    assert main(["--db", str(db_path), "suggest", "1"]) == 0
    assert capsys.readouterr().out == from_file


def test_table_format_and_a_missing_document(capsys, session, db_path, sample_file):
    assert main(["suggest", str(sample_file), "--format", "table"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.split()[:4] == ["start", "end", "text", "value"]
    assert main(["--db", str(db_path), "suggest", "42"]) == 1
    assert "no document 42" in capsys.readouterr().err


def test_a_workbook_suggests_its_cells_by_their_headers_as_file_and_as_document(capsys, db_path):
    from pathlib import Path

    workbook = Path(__file__).resolve().parents[1] / "data" / "yearbook_gdp.xlsx"
    assert main(["suggest", str(workbook)]) == 0
    from_file = capsys.readouterr().out
    rows = [json.loads(line) for line in from_file.splitlines()]
    cell = next(r for r in rows if r["text"] == "106,436")
    assert (cell["value"], cell["unit"], cell["base_unit"], cell["table"]) == (
        106436,
        "元",
        "元",
        1,
    )
    assert (cell["row_label"], cell["period_label"]) == ("2017", "2017年")
    assert cell["indicator"] == "人均地区生产总值"
    assert cell["column_label"] == "人均地区生产总值（元）"
    assert "2017" not in {r["text"] for r in rows}
    assert main(["--db", str(db_path), "import", "--create", str(workbook)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "suggest", "1"]) == 0
    assert capsys.readouterr().out == from_file
