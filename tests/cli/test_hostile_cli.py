"""The adversarial run's files through the command line (issue 13): each gives one line naming
the file (and row), exit code 1, no traceback, and the database exactly as it was."""

import json
import random
from pathlib import Path

import pytest

from indicite.cli import main
from indicite.io import table_reader
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.indicators import create_indicator

TEXT = "2025年某市统计公报\n全市地区生产总值增长5.2%，出口合计1,570亿元。\n"
TITLE = "2025年某市统计公报"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def doc(session, tmp_path):
    source = tmp_path / "公报.txt"
    source.write_text(TEXT, encoding="utf-8")
    return import_file(session, source, DocumentMeta(published_on="2025-03-01")).document_id


def _state(session) -> tuple:
    db = session.store.db
    counts = tuple(
        db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        for table in ("indicators", "citations", "events", "documents")
    )
    return counts, db.execute("PRAGMA integrity_check").fetchone()[0]


def _json(items) -> str:
    return json.dumps(items, ensure_ascii=False)


CITED = {"name": "出口额", "document_title": TITLE, "citations": [{"quote": "出口合计1,570亿元"}]}


def _hostile(tmp_path: Path, kind: str) -> Path:
    """Each file of the adversarial run that gave a traceback."""
    if kind == "binary.csv":
        path = tmp_path / "binary.csv"
        path.write_bytes(random.Random(3).randbytes(5000))
    elif kind == "unterminated.csv":
        path = tmp_path / "unterminated.csv"
        path.write_text(f'name,quote,document_title\n出口额,"出口合计1,570亿元,{TITLE}\n')
    elif kind == "huge-cell.csv":
        path = tmp_path / "huge-cell.csv"
        path.write_text(f"name,quote,document_title\n{'长' * 200_000},出口合计,{TITLE}\n")
    elif kind == "offsets-1e400.csv":
        path = tmp_path / "offsets-1e400.csv"
        path.write_text(
            f"name,quote,start,end,document_title\n出口额,出口合计,1e400,1e400,{TITLE}\n"
        )
    elif kind == "nested.json":
        path = tmp_path / "nested.json"
        path.write_text("[" * 100_000 + "]" * 100_000)
    else:
        path = tmp_path / f"{kind}.json"
        citation = {"quote": "出口合计1,570亿元", "start": float("nan"), "end": float("nan")}
        item = {
            "nan-offsets": CITED | {"citations": [citation]},
            "id-list": CITED | {"id": [1, 2]},
            "citations-strings": CITED | {"citations": ["出口合计1,570亿元"]},
        }[kind]
        path.write_text(_json([item]))
    return path


@pytest.mark.parametrize(
    ("kind", "where"),
    [
        ("binary.csv", "binary.csv is a binary file"),
        ("unterminated.csv", "unterminated.csv, row 2"),
        ("offsets-1e400.csv", "row 2"),
        ("nested.json", "nested.json is nested too deeply"),
        ("nan-offsets", "row 1"),
        ("id-list", "row 1"),
        ("citations-strings", "row 1"),
    ],
)
def test_hostile_load_is_one_line_exit_1_and_changes_nothing(
    capsys, session, doc, db_path, tmp_path, kind, where
):
    path = _hostile(tmp_path, kind)
    before = _state(session)
    code, _out, err = run(capsys, "--db", db_path, "load", path)
    assert code == 1
    assert "Traceback" not in err and where in err
    problem_lines = [line for line in err.splitlines() if line]
    assert len(problem_lines) == 1, err
    assert _state(session) == before


def test_a_cell_over_the_field_limit_is_one_line(
    capsys, session, doc, db_path, tmp_path, monkeypatch
):
    monkeypatch.setattr(table_reader, "MAX_FIELD_CHARS", 100_000)
    path = _hostile(tmp_path, "huge-cell.csv")
    before = _state(session)
    code, _, err = run(capsys, "--db", db_path, "load", path)
    assert code == 1 and err.count("\n") == 1
    assert "huge-cell.csv, row 2: field larger than field limit" in err
    assert _state(session) == before


def test_a_200_kib_cell_within_the_limit_loads(capsys, session, doc, db_path, tmp_path):
    path = tmp_path / "long-notes.csv"
    path.write_text(f"name,notes,quote,document_title\n出口额,{'长' * 200_000},出口合计,{TITLE}\n")
    code, out, err = run(capsys, "--db", db_path, "load", path)
    assert (code, err) == (0, "") and "Loaded 1 indicators" in out


def test_thousands_of_bad_rows_print_20_lines_and_a_count(capsys, session, doc, db_path, tmp_path):
    path = tmp_path / "bad.csv"
    rows = "".join(f"坏{i},不存在{i},{TITLE}\n" for i in range(3000))
    path.write_text("name,quote,document_title\n" + rows)
    code, _, err = run(capsys, "--db", db_path, "load", path)
    lines = err.splitlines()
    assert code == 1 and len(lines) == 21
    assert lines[-1] == "… and 2980 more rows not loaded"


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_onto_a_full_disk_is_one_line_and_leaves_no_file(
    capsys, session, doc, db_path, tmp_path, fmt
):
    """The file being written is /dev/full, where every write fails as on a full disk."""
    from indicite.io.writers import PendingFile

    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("needs /dev/full (Linux) to fail writes as a full disk does")
    create_indicator(session, doc, {"name": "出口额", "notes": "长" * 30_000}, [(14, 20)])
    out = tmp_path / "out" / f"indicators.{fmt}"
    out.parent.mkdir()
    part = PendingFile(out).part
    part.unlink()
    part.symlink_to(full)
    before = _state(session)
    code, _, err = run(capsys, "--db", db_path, "export", "--out", out)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    assert "No space left on device" in err and f"indicators.{fmt}" in err
    assert list(out.parent.iterdir()) == []
    assert _state(session) == before


NASTY = "report\n\x1b[31mFAKE OK\x1b[0m\u202e.csv"


def test_file_names_with_newlines_and_escape_codes_are_shown_escaped(
    capsys, session, doc, db_path, tmp_path
):
    path = tmp_path / NASTY
    path.write_text("name,quote\n")
    code, out, err = run(capsys, "--db", db_path, "load", path)
    shown = out + err
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "report\\n\\x1b[31mFAKE OK\\x1b[0m\\u202e.csv" in shown
    assert all(line.startswith(("Loaded", "indicite", "not loaded")) for line in shown.splitlines())

    txt = tmp_path / "bad\n\x1b[2Jname.txt"
    txt.write_bytes(b"hello 5.2%\x00world")
    code, out, err = run(capsys, "--db", db_path, "import", txt)
    assert code == 1 and err.count("\n") == 1
    assert "bad\\n\\x1b[2Jname.txt" in err and "\x1b" not in err


def test_a_document_title_with_escape_codes_is_listed_escaped(capsys, session, db_path, tmp_path):
    """The title defaults to the first line of the text, which a hostile file controls."""
    path = tmp_path / "title.txt"
    path.write_text(
        "\x1b]0;owned\x07\x1b[2J公报\n" + "全市地区生产总值增长5.2%。\n" * 30, encoding="utf-8"
    )
    assert run(capsys, "--db", db_path, "import", path)[0] == 0
    code, out, _ = run(capsys, "--db", db_path, "docs")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;owned\\x07\\x1b[2J公报" in out
