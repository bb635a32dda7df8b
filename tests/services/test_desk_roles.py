"""Team mode's rules held by the server: a desk is its PostgreSQL login, and what services
refuse, the server refuses too when the desk sends its own SQL through the app's connection."""

import pytest

from desk_logins import as_login, dropped_at_end, unique_name
from indicite.core.errors import PermissionDenied
from indicite.services import review
from indicite.services.indicators import create_indicator
from indicite.services.search import search_indicators
from indicite.services.session import Session
from indicite.services.users import ensure_user, list_users, set_role


@pytest.fixture
def owner(pg_url):
    """The connection that ran the migrations (the test cluster's superuser): trusted to name
    its user, as `indicite copy` and an administrator's maintenance are."""
    session = Session.open(pg_url, "owner")
    assert ensure_user(session).role == "admin"  # the first user of a new database
    yield session
    session.close()


@pytest.fixture
def doc_id(owner, sample_file) -> int:
    from indicite.services.documents import DocumentMeta, import_file

    outcome = import_file(owner, sample_file, DocumentMeta(issuer="天津市工业和信息化局"))
    assert outcome.ok, outcome.error
    return outcome.document_id


@pytest.fixture
def desks(pg_server, pg_url, owner):
    """A function making a desk (a login of one group) and opening a session as it."""
    import psycopg

    sessions: list[Session] = []
    with dropped_at_end(pg_server) as made:

        def desk(role: str, **open_as) -> Session:
            name = unique_name(f"desk_{role}")
            with psycopg.connect(pg_server, autocommit=True) as admin:
                admin.execute(f"CREATE ROLE {name} LOGIN IN ROLE indicite_role_{role}")
            made.append(name)
            session = Session.open(as_login(pg_url, name), **open_as)
            sessions.append(session)
            return session

        yield desk
        for session in sessions:
            session.close()


def entry(session: Session, doc_id: int, name: str = "工业增加值", submit: bool = True):
    ind = create_indicator(session, doc_id, {"name": name, "value": 5.1, "unit": "%"}, [(0, 4)])
    return review.submit(session, ind.id, ind.version) if submit else ind


def approve_by_sql(desk: Session, ind_id: int, as_who: str | None = None) -> None:
    """What a desk could type into psql, or send through the app's own connection."""
    desk.store.db.execute(
        "UPDATE indicators SET status = 'approved', reviewed_by = ? WHERE id = ?",
        [as_who or desk.user, ind_id],
    )


def status_of(owner: Session, ind_id: int) -> str:
    return owner.store.indicators.get(ind_id).status


def test_a_desk_is_its_login_whatever_name_it_gives(desks, owner, doc_id):
    sam = desks("staff", user="somebody_else")
    login = sam.store.login
    assert sam.user == login and login.startswith("desk_")
    made = entry(sam, doc_id)
    assert made.created_by == login
    assert review.history(owner, made.id)[-1].who == login
    owner.store.db.execute("DELETE FROM users")  # as on a new database: sam would be its admin
    assert ensure_user(sam).role == "staff"  # but the server says staff
    assert [u.role for u in list_users(owner) if u.name == login] == ["staff"]


def test_staff_cannot_approve_with_raw_sql_on_the_apps_connection(desks, owner, doc_id):
    import psycopg

    sam = desks("staff")
    made = entry(sam, doc_id)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="staff and cannot move"):
        approve_by_sql(sam, made.id)
    assert status_of(owner, made.id) == "submitted"


def test_the_services_refusal_and_the_servers_reach_the_user_as_one_line(desks, owner, doc_id):
    sam = desks("staff")
    made = entry(sam, doc_id)
    with pytest.raises(PermissionDenied) as refused, sam.store.transaction():
        sam.store.db.execute("UPDATE indicators SET status = 'approved' WHERE id = ?", [made.id])
    assert "\n" not in str(refused.value)
    assert str(refused.value).startswith("The database server refused this: ")
    with pytest.raises(PermissionDenied, match="Only an editor"):
        review.approve(sam, made.id, made.version)


def test_an_editor_cannot_approve_their_own_entry_with_raw_sql(desks, owner, doc_id):
    import psycopg

    eve = desks("editor")
    mine = entry(eve, doc_id)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Four eyes"):
        approve_by_sql(eve, mine.id)
    assert status_of(owner, mine.id) == "submitted"


def test_an_editor_approves_a_colleagues_entry_through_the_service(desks, owner, doc_id):
    import psycopg

    sam, eve = desks("staff"), desks("editor")
    made = entry(sam, doc_id)
    approved = review.approve(eve, made.id, made.version)
    assert (approved.status, approved.reviewed_by) == ("approved", eve.user)
    assert review.history(owner, made.id)[-1].who == eve.user
    gone = entry(sam, doc_id, "已删")
    sam.store.db.execute("UPDATE indicators SET deleted_at = '2025-01-02' WHERE id = ?", [gone.id])
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="deleted; restore it"):
        approve_by_sql(eve, gone.id)


def test_an_editor_cannot_approve_under_a_colleagues_name(desks, owner, doc_id):
    import psycopg

    sam, eve, ann = desks("staff"), desks("editor"), desks("editor")
    made = entry(sam, doc_id)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="reviews under their own"):
        approve_by_sql(eve, made.id, as_who=ann.user)
    assert status_of(owner, made.id) == "submitted"


def test_staff_cannot_switch_the_rules_off(desks, owner):
    import psycopg

    sam = desks("staff")
    for sql in (
        "ALTER TABLE indicators DISABLE TRIGGER ALL",
        "ALTER TABLE indicators DISABLE TRIGGER indicators_desk_rules",
        "DROP TRIGGER indicators_desk_rules ON indicators",
        "SET session_replication_role = replica",
        "TRUNCATE events CASCADE",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sam.store.db.execute(sql)
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sam.store.db.execute("UPDATE settings SET value = 'off' WHERE key = 'four_eyes'")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        sam.store.db.execute("INSERT INTO settings (key, value) VALUES ('four_eyes', 'off')")
    for table in ("events", "indicators", "users", "documents"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            sam.store.db.execute(f"DELETE FROM {table}")  # noqa: S608


def test_a_temporary_settings_table_does_not_switch_four_eyes_off(desks, owner, doc_id):
    import psycopg

    eve = desks("editor")
    mine = entry(eve, doc_id)
    eve.store.db.execute("CREATE TEMPORARY TABLE settings (key text, value text)")
    eve.store.db.execute("INSERT INTO settings VALUES ('four_eyes', 'off')")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Four eyes"):
        approve_by_sql(eve, mine.id)


def test_forging_the_author_is_refused(desks, owner, doc_id):
    import psycopg

    sam, ann = desks("staff"), desks("staff")
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="under their own name"):
        sam.store.db.execute(
            "INSERT INTO indicators (document_id, name, created_by, created_at) "
            "VALUES (?, '伪造', ?, '2025-01-01T00:00:00+00:00')",
            [doc_id, ann.user],
        )
    made = entry(sam, doc_id, submit=False)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="cannot be changed"):
        sam.store.db.execute(
            "UPDATE indicators SET created_by = ? WHERE id = ?", [ann.user, made.id]
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="events under their own"):
        sam.store.db.execute(
            "INSERT INTO events (at, who, action) VALUES ('2025-01-01', ?, 'approve')", [ann.user]
        )
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="documents under their own"):
        sam.store.db.execute(
            "INSERT INTO documents (title, text, text_sha256, char_count, imported_at, "
            "imported_by) VALUES ('伪造', '伪造', '', 2, '2025-01-01', ?)",
            [ann.user],
        )
    assert owner.store.indicators.get(made.id).created_by == sam.user


def test_an_approved_entry_is_locked_on_the_server(desks, owner, doc_id):
    import psycopg

    sam, eve = desks("staff"), desks("editor")
    made = entry(sam, doc_id)
    review.approve(eve, made.id, made.version)
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="approved and locked"):
        sam.store.db.execute("UPDATE indicators SET value = 9.9 WHERE id = ?", [made.id])
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="approved and locked"):
        sam.store.db.execute("DELETE FROM citations WHERE indicator_id = ?", [made.id])
    # back to review only when a new version of the document changed its number
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="cannot move"):
        sam.store.db.execute("UPDATE indicators SET status = 'submitted' WHERE id = ?", [made.id])
    sam.store.db.execute(  # as services.revisions does
        "UPDATE indicators SET status = 'submitted', source_changed = 1 WHERE id = ?", [made.id]
    )
    assert status_of(owner, made.id) == "submitted"
    after = owner.store.indicators.get(made.id)
    assert (after.value, len(after.citations)) == (5.1, 1)


def test_with_four_eyes_off_an_editor_approves_their_own(desks, owner, doc_id):
    eve, boss = desks("editor"), desks("admin")
    with pytest.raises(PermissionDenied):
        review.set_four_eyes(eve, False)
    review.set_four_eyes(boss, False)
    mine = entry(eve, doc_id)
    assert review.approve(eve, mine.id, mine.version).status == "approved"


def test_a_desk_role_change_changes_the_servers_group(desks, owner, doc_id):
    import psycopg

    boss, sam = desks("admin"), desks("staff")
    made = entry(desks("staff"), doc_id)
    assert {u.name: u.role for u in list_users(owner)}[sam.user] == "staff"
    assert set_role(boss, sam.user, "editor").role == "editor"
    assert sam.store.desks.role_of(sam.user) == "editor"
    promoted = Session.open(sam.store.location)
    try:
        assert review.approve(promoted, made.id, made.version).status == "approved"
    finally:
        promoted.close()
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="Only an admin"):
        sam.store.db.execute("UPDATE users SET role = 'staff' WHERE name = 'owner'")
    assert {u.name: u.role for u in list_users(owner)}[sam.user] == "editor"


def test_an_editor_stores_an_approved_entry_only_when_a_colleague_entered_it(desks, owner, doc_id):
    """How a loaded file's approved row comes in (services.load): entered and approved by the
    loading editor, and the file's author kept in load_provenance in the same transaction;
    four eyes is held against that author when the transaction commits."""
    eve = desks("editor")

    def store_approved(name: str, author: str | None) -> None:
        with eve.store.transaction():
            ind_id = (
                eve.store.db.table("indicators")
                .insert(
                    {
                        "document_id": doc_id,
                        "name": name,
                        "status": "approved",
                        "created_by": eve.user,
                        "created_at": "2025-01-01T00:00:00+00:00",
                        "updated_by": eve.user,
                        "reviewed_by": eve.user,
                    }
                )
                .last_pk
            )
            if author is not None:
                eve.store.db.table("load_provenance").insert(
                    {"indicator_id": ind_id, "file": "a.csv", "row": 2, "created_by": author},
                    pk="indicator_id",
                )

    store_approved("同事录入", "同事")
    for name, author in (("自录自批", None), ("自称同事", eve.user)):
        with pytest.raises(PermissionDenied, match=r"Four eyes: .* entered entry"):
            store_approved(name, author)
    entries = owner.store.indicators.for_document(doc_id)
    assert [(i.name, i.status) for i in entries] == [("同事录入", "approved")]


def test_a_desk_finds_its_entry_by_one_or_two_characters(desks, doc_id):
    """The short words' search index is written as a desk saves, with the desk's rights."""
    sam = desks("staff")
    made = entry(sam, doc_id, name="煤炭消费比重", submit=False)
    assert search_indicators(sam, "煤", 100).ids == [made.id]
    assert search_indicators(sam, "比重", 100).ids == [made.id]
    assert search_indicators(sam, "重比", 100).ids == []
