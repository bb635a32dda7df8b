"""`indicite import` and `indicite docs` as a user runs them."""

import subprocess
import sys

import pytest

from indicite.cli import main


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_version_in_a_real_process():
    result = subprocess.run(
        [sys.executable, "-m", "indicite", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.startswith("indicite ")


def test_import_then_docs_lists_the_document(capsys, db_path, sample_file):
    code, out, err = run(
        capsys,
        "--db",
        db_path,
        "import",
        "--create",
        sample_file,
        "--issuer",
        "天津市工业和信息化局",
        "--date",
        "2025-12-20",
        "--subject",
        "天津",
    )
    assert code == 0, err
    assert "imported as document 1" in out
    code, out, _ = run(capsys, "--db", db_path, "docs")
    assert code == 0
    header, row = out.splitlines()
    assert header.split() == ["id", "title", "issuer", "date", "characters", "indicators"]
    assert "天津向高端高质攀升" in row
    assert "天津市工业和信息化局" in row and "2025-12-20" in row
    assert str(len(sample_file.read_text(encoding="utf-8"))) in row


def test_same_bytes_again_return_the_existing_document(capsys, db_path, sample_file, tmp_path):
    run(capsys, "--db", db_path, "import", "--create", sample_file)
    copy = tmp_path / "renamed copy.txt"
    copy.write_bytes(sample_file.read_bytes())
    code, out, _ = run(capsys, "--db", db_path, "import", "--create", copy)
    assert code == 0
    assert "already imported as document 1" in out
    _, out, _ = run(capsys, "--db", db_path, "docs")
    assert len(out.splitlines()) == 2


def test_bad_date_is_refused_before_anything_happens(capsys, db_path, sample_file):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(db_path), "import", "--create", str(sample_file), "--date", "20251220"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert not db_path.exists()


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    unsupported = tmp_path / "table.xyz"
    unsupported.write_text("1,2,3", encoding="utf-8")
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    return {
        "missing": tmp_path / "nowhere.txt",
        "empty": empty,
        "binary": binary,
        "unsupported": unsupported,
        "truncated pdf": truncated,
    }


def test_each_bad_input_is_one_line_and_leaves_the_database_unchanged(
    capsys, db_path, sample_file, tmp_path
):
    run(capsys, "--db", db_path, "import", "--create", sample_file)
    before = db_path.read_bytes()
    for label, path in _bad_inputs(tmp_path).items():
        code, _out, err = run(capsys, "--db", db_path, "import", "--create", path)
        assert code == 1, label
        lines = err.strip().splitlines()
        assert len(lines) == 1, (label, err)
        assert path.name in lines[0], (label, err)
        assert db_path.read_bytes() == before, label


def test_several_files_import_the_good_and_report_the_bad(capsys, db_path, sample_file, tmp_path):
    bad = _bad_inputs(tmp_path)
    code, out, err = run(
        capsys, "--db", db_path, "import", "--create", bad["empty"], sample_file, bad["binary"]
    )
    assert code == 1
    assert "imported as document 1" in out
    assert len(err.strip().splitlines()) == 2
