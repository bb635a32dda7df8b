"""`indicite check` as a user runs it: a listing, JSON lines, and the exit code."""

import json

from indicite.cli import main
from indicite.services.indicators import create_indicator


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_check_exits_1_on_a_conflict_and_lists_it(capsys, db_path, session, sample_doc):
    text = session.store.documents.get(sample_doc).text
    start = text.index("4.2%")
    for value in (4.2, 4.5):
        create_indicator(
            session,
            sample_doc,
            {"name": "规模以上工业增加值", "value": value, "unit": "%", "measure": "growth_yoy"},
            [(start, start + 4)],
        )
    code, out, _ = run(capsys, "--db", db_path, "check", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert {(r["id"], r["check"], r["level"]) for r in rows} >= {
        (1, "conflict", "error"),
        (2, "conflict", "error"),
        (2, "cited", "error"),
    }
    code, out, _ = run(capsys, "--db", db_path, "check")
    assert code == 1 and "conflict" in out and out.strip().endswith("warnings")


def test_check_on_consistent_entries_exits_0(capsys, db_path, session, sample_doc):
    text = session.store.documents.get(sample_doc).text
    start = text.index("4.2%")
    create_indicator(
        session,
        sample_doc,
        {"name": "规模以上工业增加值", "value": 4.2, "unit": "%"},
        [(start, start + 4)],
    )
    code, out, _ = run(capsys, "--db", db_path, "check")
    assert code == 0 and out.strip() == "0 errors, 0 warnings"


def test_catalog_commands_load_list_and_export(capsys, db_path, tmp_path):
    source = tmp_path / "catalog.csv"
    source.write_text("代码,名称,别名\nIVA,规模以上工业增加值,规上工业增加值\n", encoding="utf-8")
    assert run(capsys, "--db", db_path, "catalog", "load", "--create", source)[0] == 0
    code, out, _ = run(capsys, "--db", db_path, "catalog", "list")
    assert code == 0 and "IVA" in out and "规上工业增加值" in out
    target = tmp_path / "out.csv"
    assert run(capsys, "--db", db_path, "catalog", "export", target, "--headers", "zh")[0] == 0
    assert target.read_text(encoding="utf-8-sig").splitlines()[0].startswith("代码,名称,别名")
    bad = tmp_path / "bad.csv"
    bad.write_text("代码,名称\n,无代码\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db_path, "catalog", "load", bad)
    assert code == 1 and "row 2" in err


def test_suggest_gives_kind_and_the_catalog_name(capsys, db_path, session, sample_doc, tmp_path):
    import json

    source = tmp_path / "catalog.csv"
    source.write_text("代码,名称,别名\nIVA,规模以上工业增加值,规上工业增加值\n", encoding="utf-8")
    assert run(capsys, "--db", db_path, "catalog", "load", "--create", source)[0] == 0
    code, out, _ = run(capsys, "--db", db_path, "suggest", sample_doc, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and all(r["kind"] in ("actual", "target", "forecast", "plan") for r in rows)
    growth = next(r for r in rows if r["text"] == "4.2%")
    assert (growth["indicator"], growth["catalog_code"], growth["kind"]) == (
        "规模以上工业增加值",
        "IVA",
        "actual",
    )
