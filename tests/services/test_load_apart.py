"""A big file is read and checked in a child process (services/load_apart.py): the load must
store and report exactly what reading it in the loading process does, refuse a bad file whole,
and leave no child behind when it stops early."""

import csv
import multiprocessing

import pytest

from indicite.core.errors import ImportRefused
from indicite.services import load_apart
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.load import load
from indicite.services.session import Session

TEXT = "2025年某市统计公报\n全市地区生产总值增长5.2%，出口合计1,570亿元。\n新增8.6万个。\n"
TITLE = "2025年某市统计公报"
HEADER = ["name", "value", "unit", "quote", "document_title", "status", "created_at"]
ROWS = 2500  # more than one batch of the child's


def _session(tmp_path, name: str) -> Session:
    session = Session.open(tmp_path / f"{name}.sqlite", "tester")
    source = tmp_path / "公报.txt"
    source.write_text(TEXT, encoding="utf-8")
    import_file(session, source, DocumentMeta(published_on="2025-03-01"))
    return session


def _row(i: int) -> list[str]:
    """Mostly good rows, with every kind of refusal and some repeats sprinkled in."""
    row = [f"指标{i}", f"{i}.5", "亿元", "地区生产总值增长5.2%", TITLE, "submitted", ""]
    if i % 97 == 0:
        row[1] = "五点二"  # not a number
    elif i % 101 == 0:
        row[5] = "closed"  # no such status
    elif i % 103 == 0:
        row[3] = "不存在的引文"  # not in the document
    elif i % 107 == 0:
        row[6] = "=1+1"  # no timestamp
    elif i % 109 == 0:
        row[4] = "另一份公报"  # no such document
    elif i % 113 == 0:
        row[0], row[1] = f"指标{i - 1}", f"{i - 1}.5"  # the row before again: skipped
    return row


def _write(path, rows) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)


def _stored(session) -> list[tuple]:
    sql = "SELECT name, value, base_value, status, submitted_at IS NOT NULL FROM indicators"
    return sorted(session.store.db.execute(sql).fetchall())


def _history(session) -> list[tuple]:
    sql = "SELECT action, after FROM events WHERE indicator_id IS NOT NULL"
    return sorted(session.store.db.execute(sql).fetchall())


def _read_apart_only(monkeypatch) -> None:
    """Every file goes to the child, and the loading process cannot read one itself."""
    monkeypatch.setattr(load_apart, "CHILD_PROCESS_BYTES", 0)

    def not_here(*args):
        raise AssertionError("the file was read in the loading process")

    monkeypatch.setattr(load_apart, "checked_rows", not_here)


def test_a_file_read_apart_is_stored_and_reported_as_when_read_here(tmp_path, monkeypatch):
    sheet = tmp_path / "big.csv"
    _write(sheet, [_row(i) for i in range(ROWS)])
    here, apart = _session(tmp_path, "here"), _session(tmp_path, "apart")
    expected = load(here, sheet)
    _read_apart_only(monkeypatch)
    seen = []
    report = load(apart, sheet, progress=seen.append)
    assert report == expected
    assert report.refused_count > 100 and report.skipped_count > 10
    assert report.loaded > 2300 and _stored(apart) == _stored(here)
    assert _history(apart) == _history(here)
    assert seen == list(range(500, ROWS + 1, 500))
    assert multiprocessing.active_children() == []


def test_a_file_broken_past_the_first_batch_is_refused_whole(session, tmp_path, monkeypatch):
    apart = _session(tmp_path, "apart")
    sheet = tmp_path / "broken.csv"
    _write(sheet, [_row(i) for i in range(ROWS)])
    with sheet.open("a", encoding="utf-8") as f:
        f.write('指标,1,亿元,"unclosed\n')
    _read_apart_only(monkeypatch)
    with pytest.raises(ImportRefused, match=f"row {ROWS + 2}: .*check the quotes") as refused:
        load(apart, sheet)
    assert refused.value.params["row"] == ROWS + 2  # the template's values came along
    assert _stored(apart) == []
    header = tmp_path / "header.csv"
    header.write_text("name,Name,value\n出口额,出口额,1\n", encoding="utf-8")
    with pytest.raises(ImportRefused, match="both name the column"):
        load(apart, header)


def test_a_load_that_fails_while_the_child_reads_stores_nothing_and_ends_it(tmp_path, monkeypatch):
    apart = _session(tmp_path, "apart")
    sheet = tmp_path / "big.csv"
    _write(sheet, [_row(i) for i in range(ROWS * 4)])

    def fail_half_way(rows_read):
        if rows_read == ROWS:
            raise RuntimeError("disk pulled out")

    _read_apart_only(monkeypatch)
    with pytest.raises(RuntimeError, match="disk pulled out"):
        load(apart, sheet, progress=fail_half_way)
    assert _stored(apart) == [] and multiprocessing.active_children() == []


def test_documents_too_big_to_send_are_anchored_in_the_loading_process(tmp_path, monkeypatch):
    sheet = tmp_path / "big.csv"
    _write(sheet, [_row(i) for i in range(300)])
    here, there = _session(tmp_path, "here"), _session(tmp_path, "there")
    expected = load(here, sheet)
    monkeypatch.setattr(load_apart, "CHILD_PROCESS_BYTES", 0)
    monkeypatch.setattr(load_apart, "TEXT_CHARS", len(TEXT) - 1)

    def no_child(method):
        raise AssertionError("a child process was started")

    monkeypatch.setattr(load_apart.multiprocessing, "get_context", no_child)
    assert load(there, sheet) == expected and _stored(there) == _stored(here)
