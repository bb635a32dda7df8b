"""The app's fast open: the cheap check at open, the full one later, and never a write between."""

import hashlib

import pytest

from indicite.core.errors import DatabaseUnusable
from indicite.services.health import check_pending, full_check, record_health
from indicite.services.indicators import create_indicator
from indicite.services.session import Session

FILE_STORE_ONLY = True  # about the SQLite file itself


@pytest.fixture
def good_bytes(session, sample_doc, db_path) -> bytes:
    # enough rows that the middle of the file is data, not the schema's pages (which sit
    # wherever the migrations put them on an empty file)
    for n in range(80):
        create_indicator(session, sample_doc, {"name": f"指标{n}", "notes": "x" * 500}, [(0, 4)])
    session.close()
    return db_path.read_bytes()


@pytest.fixture
def damaged_inside(good_bytes, db_path, overwrite_rows_page):
    """A page of indicator rows overwritten: the header and the schema still read."""
    overwrite_rows_page(db_path, good_bytes)
    return db_path


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_damage_inside_is_refused_at_the_first_write_and_nothing_is_written(damaged_inside):
    before = digest(damaged_inside)
    session = Session.open(damaged_inside, "tester", full_check=False)
    try:
        assert check_pending(session)
        with pytest.raises(DatabaseUnusable, match="integrity check"):
            create_indicator(session, 1, {"name": "新指标"}, [(0, 2)])
        with pytest.raises(DatabaseUnusable, match="integrity check"):  # and every write after it
            create_indicator(session, 1, {"name": "新指标"}, [(0, 2)])
    finally:
        session.close()
    assert digest(damaged_inside) == before


def test_the_workers_verdict_refuses_writes_without_checking_again(damaged_inside):
    before = digest(damaged_inside)
    problem = full_check(damaged_inside)
    assert "integrity check" in str(problem) and "restore a backup" in str(problem)
    session = Session.open(damaged_inside, "tester", full_check=False)
    try:
        record_health(session, problem)
        assert not check_pending(session)
        with pytest.raises(DatabaseUnusable, match="integrity check"):
            create_indicator(session, 1, {"name": "新指标"}, [(0, 2)])
    finally:
        session.close()
    assert digest(damaged_inside) == before


def test_a_sound_file_opens_and_takes_writes(good_bytes, db_path, sample_doc):
    assert full_check(db_path) is None
    session = Session.open(db_path, "tester", full_check=False)
    try:
        create_indicator(session, sample_doc, {"name": "新指标"}, [(0, 2)])
        assert not check_pending(session)  # the write ran the check itself
    finally:
        session.close()


@pytest.mark.parametrize("damage", ["zeroed", "truncated", "not sqlite"])
def test_the_cheap_check_still_refuses_what_it_can_see(good_bytes, db_path, damage):
    data = {
        "zeroed": good_bytes[:100] + bytes(len(good_bytes) - 100),
        "truncated": good_bytes[: len(good_bytes) // 2],
        "not sqlite": "这不是数据库".encode(),
    }[damage]
    db_path.write_bytes(data)
    with pytest.raises(DatabaseUnusable):
        Session.open(db_path, "tester", full_check=False)
    assert db_path.read_bytes() == data
