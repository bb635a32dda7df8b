"""`indicite team add-user`, `set-role` and `list` as an administrator runs them on a team
database, and the setup docs/team-mode-security.md describes."""

import pytest

from desk_logins import as_login, dropped_at_end, on_database, unique_name
from indicite.cli import main
from indicite.core.errors import PermissionDenied
from indicite.services import review
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.services.users import list_users


@pytest.fixture
def logins(pg_server):
    with dropped_at_end(pg_server) as names:
        yield names


@pytest.fixture
def run(capsys, monkeypatch):
    """The command as typed, on ``db``: a team database's URL or a file. (The database comes
    in as the default one, so these tests do not depend on how --db spells a URL.)"""

    def run(db, *argv):
        monkeypatch.setattr("indicite.cli.common.default_database", lambda: db)
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def stored_password(pg_server: str, name: str) -> str | None:
    import psycopg

    with psycopg.connect(pg_server) as admin:
        row = admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", [name])
        return row.fetchone()[0]


def test_owner_adds_an_editor_who_then_approves_as_themselves(
    run, pg_server, pg_url, logins, tmp_path
):
    name = unique_name("alice")
    logins.append(name)
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cret-密码\n", encoding="utf-8")
    code, out, err = run(
        pg_url, "team", "add-user", name, "--role", "editor", "--password-file", secret
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"{name} can now sign in as editor"
    verifier = stored_password(pg_server, name)
    assert verifier.startswith("SCRAM-SHA-256$") and "s3cret" not in verifier
    alice = Session.open(as_login(pg_url, name))
    try:
        assert alice.user == name
        assert {u.name: u.role for u in list_users(alice)}[name] == "editor"
    finally:
        alice.close()
    code, out, _ = run(pg_url, "team", "list")
    assert code == 0
    assert [line.split() for line in out.splitlines() if line.startswith(name)] == [
        [name, "editor", "yes"]
    ]


def test_an_admin_desk_adds_a_user_without_being_allowed_to_create_logins(
    run, pg_server, pg_url, logins
):
    boss, sam = unique_name("boss"), unique_name("sam")
    logins.extend([boss, sam])
    assert run(pg_url, "team", "add-user", boss, "--role", "admin", "--no-password")[0] == 0
    code, out, err = run(
        as_login(pg_url, boss), "team", "add-user", sam, "--role", "staff", "--no-password"
    )
    assert (code, err) == (0, "")
    code, out, _ = run(as_login(pg_url, sam), "team", "list")
    assert {tuple(line.split()[:2]) for line in out.splitlines()[1:]} >= {
        (boss, "admin"),
        (sam, "staff"),
    }
    code, out, err = run(as_login(pg_url, boss), "team", "set-role", sam, "--role", "editor")
    assert (code, out, err) == (0, f"{sam} is now editor\n", "")
    promoted = Session.open(as_login(pg_url, sam))
    try:
        assert promoted.store.desks.role_of(sam) == "editor"
    finally:
        promoted.close()


def test_staff_cannot_add_users_nor_call_the_servers_function(run, pg_server, pg_url, logins):
    import psycopg

    sam, eve = unique_name("sam"), unique_name("eve")
    logins.extend([sam, eve])
    run(pg_url, "team", "add-user", sam, "--role", "staff", "--no-password")
    code, out, err = run(
        as_login(pg_url, sam), "team", "add-user", eve, "--role", "admin", "--no-password"
    )
    assert code == 1 and out == ""
    assert err == "indicite: Only an admin can manage users and settings.\n"
    with psycopg.connect(as_login(pg_url, sam), autocommit=True) as raw:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("SELECT indicite_add_desk(%s, 'admin', NULL)", [eve])
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            raw.execute("SELECT indicite_set_desk_role(%s, 'admin')", [sam])
        assert raw.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [eve]).fetchone() is None


def test_refusals_are_one_line_and_change_nothing(run, pg_url, db_path, logins, tmp_path):
    name = unique_name("ann")
    logins.append(name)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = run(
        pg_url, "team", "add-user", name, "--role", "staff", "--password-file", empty
    )
    assert (
        code == 1 and err == "indicite: The password is empty; type one, or give --no-password.\n"
    )
    run(pg_url, "team", "add-user", name, "--role", "staff", "--no-password")
    code, _, err = run(pg_url, "team", "add-user", name, "--role", "editor", "--no-password")
    assert code == 1 and "has a user" in err and err.count("\n") == 1
    code, _, err = run(
        pg_url, "team", "add-user", "indicite_admin", "--role", "staff", "--no-password"
    )
    assert code == 1 and "has a user indicite_admin already" in err
    code, _, err = run(pg_url, "team", "add-user", "统" * 22, "--role", "staff", "--no-password")
    assert code == 1 and "at most 63 bytes" in err
    for reserved in ("pg_monitor_me", "public"):
        code, _, err = run(pg_url, "team", "add-user", reserved, "--role", "staff", "--no-password")
        assert code == 1 and "The server refused the login" in err and err.count("\n") == 1
    Session.open(db_path, "me").close()
    code, _, err = run(db_path, "team", "add-user", name, "--role", "staff", "--no-password")
    assert code == 1 and "team database" in err and err.count("\n") == 1


def test_the_documented_setup_with_an_owner_who_is_no_superuser(run, pg_server, logins):
    """docs/team-mode-security.md: a superuser makes an owner with CREATEROLE and its
    database; the owner's first opening migrates it, and the owner adds the desks."""
    import psycopg

    owner, wang, li = unique_name("owner"), unique_name("wang"), unique_name("li")
    database = unique_name("office")
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE")
        admin.execute(f"CREATE DATABASE {database} OWNER {owner}")
    try:
        logins.extend([wang, li, owner])
        url = as_login(on_database(pg_server, database), owner)
        assert (
            run(
                url, "--user", "主任", "team", "add-user", wang, "--role", "admin", "--no-password"
            )[0]
            == 0
        )
        boss = as_login(url, wang)
        assert run(boss, "team", "add-user", li, "--role", "staff", "--no-password")[0] == 0
        staff = Session.open(as_login(url, li))
        try:
            doc = (
                staff.store.db.table("documents")
                .insert(
                    {
                        "title": "公报",
                        "text": "增长5.2%",
                        "text_sha256": "",
                        "char_count": 6,
                        "imported_at": "2025-01-01",
                        "imported_by": li,
                    }
                )
                .last_pk
            )
            made = create_indicator(staff, doc, {"name": "增长", "value": 5.2}, [(0, 4)])
            made = review.submit(staff, made.id, made.version)
            with pytest.raises(PermissionDenied, match="refused this"), staff.store.transaction():
                staff.store.db.execute(
                    "UPDATE indicators SET status = 'approved', reviewed_by = ? WHERE id = ?",
                    [li, made.id],
                )
        finally:
            staff.close()
    finally:
        with psycopg.connect(pg_server, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
