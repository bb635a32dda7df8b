"""`indicite import FILE --replaces DOC_ID`, `indicite versions` and `verify` per version."""

from indicite.cli import main
from indicite.services.indicators import create_indicator


def test_new_version_from_the_command_line(session, sample_doc, db_path, tmp_path, capsys):
    text = session.store.documents.get(sample_doc).text
    start = text.index("9.2%")
    ind = create_indicator(session, sample_doc, {"name": "增速"}, [(start, start + 4)])
    revised = tmp_path / "修订版.txt"
    revised.write_text(text.replace("9.2%", "9.5%", 1), encoding="utf-8")
    session.close()

    code = main(["--db", str(db_path), "import", str(revised), "--replaces", str(sample_doc)])
    out = capsys.readouterr().out
    assert code == 0
    assert (
        "imported as document 2, version 2 of document 1; 1 citation re-anchored (1 changed)" in out
    )
    assert f"indicator {ind.id} «增速»: «9.2%» now reads «9.5%»" in out

    assert main(["--db", str(db_path), "versions", "2"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["version", "id", "title"]
    assert [line.split()[:2] for line in table[1:]] == [["1", "1"], ["2", "2"]]

    assert main(["--db", str(db_path), "verify"]) == 0
    out = capsys.readouterr().out
    assert "version 2: 1 changed" in out and "OK: 1 citation in 2 documents check out." in out

    assert main(["--db", str(db_path), "docs"]) == 0
    listed = capsys.readouterr().out.splitlines()[1:]
    assert [line.split()[0] for line in listed] == ["2"]  # only the current version


def test_replacing_an_old_version_is_refused_in_one_line(
    session, sample_doc, db_path, tmp_path, capsys
):
    text = session.store.documents.get(sample_doc).text
    for n in (2, 3):
        (tmp_path / f"v{n}.txt").write_text(text + "补充" * n, encoding="utf-8")
    session.close()
    assert main(["--db", str(db_path), "import", str(tmp_path / "v2.txt"), "--replaces", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "import", str(tmp_path / "v3.txt"), "--replaces", "1"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "indicite: Document 1 was already replaced by document 2; import the new version "
        "onto the current one, document 2."
    ]
