"""`indicite --db postgresql://…`: every command on a team database, errors as one line."""

import csv

import psycopg
import pytest

from indicite.cli import main
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from pg_logins import CLERK, CLERK_PASSWORD, as_user


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def _rows(path):
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [(row["name"], row["value"], row["unit"], row["quote"]) for row in csv.DictReader(f)]


def _cite_two(session, doc_id):
    text = session.store.documents.get(doc_id).text
    for name, quote in [("京津冀", "京津冀产业协同发展"), ("新台阶", "迈上新台阶")]:
        start = text.index(quote)
        fields = {"name": name, "value": 1.5, "unit": "%"}
        create_indicator(session, doc_id, fields, [(start, start + len(quote))])


def test_import_export_verify_check_round_trip(
    capsys, pg_url, sample_file, session, sample_doc, db_path, tmp_path
):
    """The same work on a file and on the server gives the same export, verify and check."""
    code, out, err = run(capsys, "--db", pg_url, "import", sample_file)
    assert (code, err) == (0, "")
    assert out == f"{sample_file.name}: imported as document 1\n"
    on_server = Session.open(pg_url, "clerk", create=False)
    try:
        _cite_two(on_server, 1)
    finally:
        on_server.close()
    _cite_two(session, sample_doc)

    code, out, _ = run(capsys, "--db", pg_url, "docs")
    assert "天津" in out and out.splitlines()[1].split()[-1] == "2"  # two indicators

    from_file, from_server = tmp_path / "file.csv", tmp_path / "server.csv"
    assert run(capsys, "--db", db_path, "export", "--out", from_file)[0] == 0
    code, out, err = run(capsys, "--db", pg_url, "export", "--out", from_server)
    assert code == 0, err
    assert out == f"Exported 2 indicators to {from_server}\n"
    assert _rows(from_server) == _rows(from_file)
    assert [r[0] for r in _rows(from_server)] == ["京津冀", "新台阶"]

    code, out, err = run(capsys, "--db", pg_url, "verify")
    assert (code, err) == (0, "")
    assert out.endswith("OK: 2 citations in 1 document check out.\n")

    file_check = run(capsys, "--db", db_path, "check")
    server_check = run(capsys, "--db", pg_url, "check")
    assert server_check[0] == file_check[0]
    assert server_check[1] == file_check[1]


def test_every_reading_command_runs_on_the_server(capsys, pg_url, sample_file, tmp_path):
    assert run(capsys, "--db", pg_url, "import", "--create", sample_file)[0] == 0
    for command in (
        ["docs"],
        ["versions", "1"],
        ["suggest", "1", "--format", "table"],
        ["catalog", "list"],
        ["catalog", "export", tmp_path / "catalog.csv"],
        ["export", "--format", "xlsx", "--out", tmp_path / "all.xlsx"],
        ["export", "--format", "json", "--out", tmp_path / "all.json"],
    ):
        code, _out, err = run(capsys, "--db", pg_url, *command)
        assert (code, err) == (0, ""), command
    assert (tmp_path / "all.xlsx").stat().st_size > 0
    assert (tmp_path / "catalog.csv").is_file()


def test_an_export_names_the_database_without_its_password(capsys, pg_clerk_url, tmp_path):
    import openpyxl

    url = as_user(pg_clerk_url, CLERK, CLERK_PASSWORD)
    out = tmp_path / "x.xlsx"
    code, _, err = run(capsys, "--db", url, "export", "--out", out)
    assert code == 0, err
    book = openpyxl.load_workbook(out, read_only=True)
    cells = [str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row]
    book.close()
    assert pg_clerk_url in cells
    assert not any(CLERK_PASSWORD in c or "s3cret" in c for c in cells)


def _one_error_line(code, out, err):
    assert code == 1
    assert out == ""
    assert err.startswith("indicite: ") and err.endswith("\n") and err.count("\n") == 1, err
    return err


def test_a_server_that_does_not_answer(capsys, tmp_path):
    url = f"postgresql://someone@/team?host={tmp_path}"  # a folder with no server's socket
    err = _one_error_line(*run(capsys, "--db", url, "docs"))
    assert f"Could not connect to {url}:" in err
    assert "Check that the server is running" in err


def test_a_database_that_does_not_exist(capsys, pg_url):
    url = pg_url.replace("/t_", "/missing_t_", 1)
    err = _one_error_line(*run(capsys, "--db", url, "docs"))
    assert 'database "missing_t_' in err and "does not exist" in err


def test_a_password_nobody_gave_and_a_wrong_one(capsys, pg_clerk_url):
    err = _one_error_line(*run(capsys, "--db", pg_clerk_url, "docs"))
    assert err == (
        f"indicite: {pg_clerk_url} asks for a password; type it, or keep it in ~/.pgpass, "
        "PGPASSWORD or the keychain.\n"
    )
    wrong = as_user(pg_clerk_url, CLERK, "not-it")
    err = _one_error_line(*run(capsys, "--db", wrong, "docs"))
    assert err == (
        f"indicite: The server refused the password for {pg_clerk_url}; check it and try again.\n"
    )
    assert "not-it" not in err


def test_the_password_from_pgpassword_pgpass_or_the_keychain(
    capsys, pg_clerk_url, monkeypatch, tmp_path, memory_keychain
):
    monkeypatch.setenv("PGPASSWORD", CLERK_PASSWORD)
    assert run(capsys, "--db", pg_clerk_url, "docs")[0] == 0
    monkeypatch.delenv("PGPASSWORD")

    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"*:*:*:{CLERK}:{CLERK_PASSWORD}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    assert run(capsys, "--db", pg_clerk_url, "docs")[0] == 0
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    assert run(capsys, "--db", pg_clerk_url, "docs")[0] == 1

    memory_keychain[("indicite", pg_clerk_url)] = CLERK_PASSWORD
    code, _, err = run(capsys, "--db", pg_clerk_url, "docs")
    assert (code, err) == (0, "")


def test_not_an_indicite_database_and_a_newer_one_are_left_unchanged(capsys, pg_url):
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("INSERT INTO indicite_migrations (name) VALUES ('p999_from_the_future')")
    err = _one_error_line(*run(capsys, "--db", pg_url, "docs"))
    assert err == (
        f"indicite: {pg_url} was written by a newer version of Indicite; install the newer "
        "version to open it (the database was not changed)\n"
    )
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("DROP TABLE indicite_migrations")
        tables = db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        before = tables.fetchone()[0]
    err = _one_error_line(*run(capsys, "--db", pg_url, "import", "--create", __file__))
    assert "holds another program's tables, not an Indicite database" in err
    with psycopg.connect(pg_url, autocommit=True) as db:
        tables = db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone()[0] == before
        assert not db.execute("SELECT to_regclass('indicite_migrations')").fetchone()[0]


def test_a_url_libpq_cannot_read(capsys):
    err = _one_error_line(*run(capsys, "--db", "postgresql://x@/db?nonsense=1", "docs"))
    assert "is not a valid database address" in err


def test_a_connection_lost_midway_is_a_message_not_a_trace(pg_url):
    from indicite.core.errors import StorageProblem
    from indicite.services.documents import list_documents

    session = Session.open(pg_url, "clerk", create=False)
    try:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(%s)", [session.store.pg.conn.raw.info.backend_pid]
            )
        for _ in range(2):  # the read that finds it gone, and every one after
            with pytest.raises(StorageProblem, match="server could not be reached"):
                list_documents(session, "")
        with (
            pytest.raises(StorageProblem, match="nothing was saved"),
            session.store.transaction(),
        ):
            session.store.db.execute("SELECT 1")
    finally:
        session.close()


def test_on_a_terminal_the_password_is_asked_for(capsys, pg_clerk_url, monkeypatch):
    import getpass
    import sys

    asked = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or CLERK_PASSWORD)
    code, out, err = run(capsys, "--db", pg_clerk_url, "docs")
    assert code == 0, err
    assert asked == [f"Password for {pg_clerk_url}: "]
    assert out.startswith("id  title")
    monkeypatch.setattr(getpass, "getpass", lambda prompt: "wrong")
    err = _one_error_line(*run(capsys, "--db", pg_clerk_url, "docs"))
    assert "refused the password" in err and "wrong" not in err
