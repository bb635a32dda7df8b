"""A wrong --db is an error, not a new database; creating one is asked for with --create."""

import argparse

import pytest

from indicite.cli import main
from indicite.core.errors import NotFound

READING = [
    ["docs"],
    ["export", "--out", "{tmp}/x.csv"],
    ["verify"],
    ["suggest", "1"],
    ["load", "{sample}"],
    ["import", "{sample}"],
]


@pytest.mark.parametrize("command", READING, ids=lambda c: c[0])
def test_a_command_on_a_missing_database_says_so_and_creates_nothing(
    capsys, tmp_path, sample_file, command
):
    missing = tmp_path / "typo.sqlite"
    args = [a.format(tmp=tmp_path, sample=sample_file) for a in command]
    assert main(["--db", str(missing), *args]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"indicite: There is no database at {missing}; check --db, or create one with "
        f"`indicite --db {missing} import --create FILE`.\n"
    )
    assert not missing.exists()
    assert not (tmp_path / "x.csv").exists()


def test_import_create_makes_the_database(capsys, tmp_path, sample_file):
    new = tmp_path / "new.sqlite"
    assert main(["--db", str(new), "import", "--create", str(sample_file)]) == 0
    capsys.readouterr()
    assert main(["--db", str(new), "docs"]) == 0
    assert "天津" in capsys.readouterr().out


def test_load_create_makes_the_database(capsys, tmp_path):
    sheet = tmp_path / "empty.csv"
    sheet.write_text("name,value,unit,quote,document_title\n", encoding="utf-8-sig")
    new = tmp_path / "new.sqlite"
    assert main(["--db", str(new), "load", "--create", str(sheet)]) == 0
    assert new.is_file()


def test_create_never_makes_a_missing_folder(capsys, tmp_path, sample_file):
    new = tmp_path / "no" / "such" / "folder.sqlite"
    assert main(["--db", str(new), "import", "--create", str(sample_file)]) == 1
    assert "There is no folder" in capsys.readouterr().err
    assert not (tmp_path / "no").exists()


def test_the_app_refuses_a_missing_db_but_creates_its_own_default(tmp_path):
    from indicite.paths import default_database
    from indicite.ui.app import open_session

    missing = tmp_path / "typo.sqlite"
    with pytest.raises(NotFound, match="There is no database at"):
        open_session(argparse.Namespace(demo=False, db=missing, user="u"))
    assert not missing.exists()
    session, _ = open_session(argparse.Namespace(demo=False, db=None, user="u"))
    try:
        assert session.store.path == default_database() and default_database().is_file()
    finally:
        session.close()
