"""`indicite copy`: the counts and a summary on success; one line and exit 1 when refused."""

from indicite.cli import main
from indicite.services.indicators import create_indicator


def test_copy_to_a_server_then_refused_when_done_again(
    session, sample_doc, db_path, pg_url, capsys
):
    create_indicator(session, sample_doc, {"name": "规上工业增加值"}, [(0, 4)])
    session.close()

    assert main(["copy", str(db_path), pg_url]) == 0
    out = capsys.readouterr().out
    assert "indicators: 1 rows" in out and "citations: 1 rows" in out
    assert "1 citations were checked" in out

    assert main(["copy", str(db_path), pg_url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already holds data (1 documents, 1 files" in err


def test_copy_from_a_missing_file_creates_nothing(tmp_path, capsys):
    target = tmp_path / "copy.sqlite"
    assert main(["copy", str(tmp_path / "nothing.sqlite"), str(target)]) == 1
    assert "There is no database at" in capsys.readouterr().err
    assert not target.exists()
