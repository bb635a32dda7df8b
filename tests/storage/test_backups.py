"""Backups: made with the online backup API, listed with counts, pruned, restored."""

from datetime import datetime, timedelta
from pathlib import Path

from indicite.services.backups import (
    back_up,
    back_up_if_due,
    backups_folder,
    backups_of,
    restore_backup,
    restore_damaged,
)
from indicite.services.indicators import create_indicator, delete_indicator
from indicite.services.session import Session
from indicite.storage.backups import BackupInfo, to_delete

FILE_STORE_ONLY = True  # about the SQLite file itself

T0 = datetime(2026, 3, 1, 9, 0, 0)


def _add(session, doc_id, name="规上工业增加值增速"):
    return create_indicator(session, doc_id, {"name": name, "value": 4.2, "unit": "%"}, [(0, 4)])


def test_backup_lists_time_and_counts(session, sample_doc):
    _add(session, sample_doc)
    path = back_up(session, T0)
    assert path.parent == backups_folder()
    (info,) = backups_of(session.store.path)
    assert (info.taken_at, info.documents, info.indicators) == (T0, 1, 1)


def test_backups_of_other_databases_are_not_listed(session, sample_doc, tmp_path):
    back_up(session, T0)
    (tmp_path / "elsewhere").mkdir()
    other = Session.open(tmp_path / "elsewhere" / session.store.path.name, "tester")
    try:
        back_up(other, T0)
        assert len(backups_of(other.store.path)) == 1
        assert backups_of(other.store.path)[0].documents == 0
    finally:
        other.close()
    assert backups_of(session.store.path)[0].documents == 1


def test_backup_after_30_minutes_only_when_work_was_done(session, sample_doc):
    back_up(session, T0)
    assert back_up_if_due(session, T0 + timedelta(minutes=29)) is None
    assert back_up_if_due(session, T0 + timedelta(minutes=31)) is None  # no work since
    _add(session, sample_doc)
    assert back_up_if_due(session, T0 + timedelta(minutes=29)) is None
    assert back_up_if_due(session, T0 + timedelta(minutes=31)) is not None
    assert [b.indicators for b in backups_of(session.store.path)] == [1, 0]


def test_first_backup_is_made_when_none_exists(session, sample_doc):
    assert back_up_if_due(session, T0) is not None


def _info(at: datetime) -> BackupInfo:
    return BackupInfo(Path(f"b-{at:%Y%m%d%H%M}.sqlite"), at, 0, 0)


def test_policy_keeps_last_ten_and_one_a_day_for_30_days():
    now = T0
    hourly_today = [_info(now - timedelta(hours=h)) for h in range(9)]  # 9 today
    daily = [_info(now - timedelta(days=d, hours=12)) for d in range(1, 40)]  # one per day
    extra_same_day = [_info(now - timedelta(days=3, hours=13))]
    gone = {b.taken_at for b in to_delete(hourly_today + daily + extra_same_day, now)}
    assert all(b.taken_at not in gone for b in hourly_today)
    kept_daily = [b for b in daily if b.taken_at not in gone]
    assert [(now - b.taken_at).days for b in kept_daily] == list(range(1, 30))
    assert extra_same_day[0].taken_at in gone


def test_pruning_removes_files(session, sample_doc):
    for minutes in range(15):
        back_up(session, T0 + timedelta(minutes=minutes))
    assert len(backups_of(session.store.path)) == 10


def test_restore_brings_back_the_content_and_keeps_the_current_one(session, sample_doc):
    kept = _add(session, sample_doc, "工业投资")
    backup = back_up(session, T0)
    delete_indicator(session, kept.id, kept.version)
    _add(session, sample_doc, "新的")
    restore_backup(session, backup)
    names = [i.name for i in session.store.indicators.for_document(sample_doc)]
    assert names == ["工业投资"]
    counts = [b.indicators for b in backups_of(session.store.path)]
    assert sorted(counts) == [1, 1]  # the backup restored and the content before restoring
    newest = backups_of(session.store.path)[0]
    assert newest.path != backup


def test_restore_damaged_database_sets_it_aside_unchanged(session, sample_doc):
    _add(session, sample_doc)
    backup = back_up(session, T0)
    database = session.store.path
    session.close()
    damaged = b"SQLite format 3\x00" + b"\x07" * 5000
    database.write_bytes(damaged)
    restored = restore_damaged(database, backup, "tester")
    try:
        assert restored.store.indicators.count() == 1
    finally:
        restored.close()
    (aside,) = backups_folder().glob("*.damaged")
    assert aside.read_bytes() == damaged
