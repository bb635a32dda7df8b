"""An export never writes onto a database, its journals, a backup, a folder or a pipe (issue 12).

Each refusal is one line and leaves the database and the target exactly as they were.
"""

import os
import sqlite3
import sys

import pytest
from PySide6.QtCore import Qt

from indicite.cli import main
from indicite.services.backups import back_up
from indicite.services.indicators import create_indicator

FILE_STORE_ONLY = True  # export paths against the database file


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def entry(session, sample_doc):
    text = session.store.documents.get(sample_doc).text
    start = text.index("迈上新台阶")
    create_indicator(session, sample_doc, {"name": "新台阶"}, [(start, start + 5)])
    return session


def entries_in(db_path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM indicators").fetchone()[0]
    finally:
        conn.close()


def no_part_files(folder) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("spelling", ["itself", "wal", "shm", "dotdot", "symlink"])
def test_export_onto_the_database_is_refused(capsys, db_path, entry, tmp_path, spelling):
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.csv"
    link.symlink_to(db_path)
    out = {
        "itself": db_path,
        "wal": db_path.with_name(db_path.name + "-wal"),
        "shm": db_path.with_name(db_path.name + "-shm"),
        "dotdot": tmp_path / "sub" / ".." / db_path.name,
        "symlink": link,
    }[spelling]
    code, _out, err = run(capsys, "--db", db_path, "export", "--format", "csv", "--out", out)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and "it is the database" in err
    assert entries_in(db_path) == 1
    assert no_part_files(tmp_path)


def test_export_onto_the_open_database_of_the_app_is_refused(entry, tmp_path):
    """The GUI's export runs in the app's process: another path to its open file is refused."""
    from indicite.core.errors import IndiciteError
    from indicite.services.export import export

    other = tmp_path / "hard-link.sqlite"
    os.link(entry.store.path, other)
    with pytest.raises(IndiciteError, match="it is the database"):
        export(entry, other, "csv")
    assert entries_in(entry.store.path) == 1


def test_export_onto_a_backup_or_another_database_is_refused(capsys, db_path, entry, tmp_path):
    backup = back_up(entry)
    before = backup.read_bytes()
    code, _out, err = run(capsys, "--db", db_path, "export", "--format", "json", "--out", backup)
    assert code == 1 and "it is a database (or a backup)" in err
    assert backup.read_bytes() == before


def test_export_onto_a_folder_or_a_pipe_is_refused(capsys, db_path, entry, tmp_path):
    folder = tmp_path / "reports.xlsx"
    folder.mkdir()
    code, _out, err = run(capsys, "--db", db_path, "export", "--out", folder)
    assert code == 1 and "it is a folder" in err
    if sys.platform != "win32":
        fifo = tmp_path / "pipe.csv"
        os.mkfifo(fifo)
        code, _out, err = run(capsys, "--db", db_path, "export", "--out", fifo)
        assert code == 1 and "not an ordinary file" in err
    assert no_part_files(tmp_path)


def test_export_into_a_missing_folder_is_refused_without_creating_it(
    capsys, db_path, entry, tmp_path
):
    code, _out, err = run(capsys, "--db", db_path, "export", "--out", tmp_path / "new" / "x.csv")
    assert code == 1 and "there is no folder" in err
    assert not (tmp_path / "new").exists()


def test_a_failed_rename_leaves_no_part_file(capsys, db_path, entry, tmp_path, monkeypatch):
    def disk_refuses(_src, _dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("indicite.io.writers.os.replace", disk_refuses)
    out = tmp_path / "out.csv"
    code, _out, err = run(capsys, "--db", db_path, "export", "--out", out)
    assert code == 1 and "No space left" in err
    assert not out.exists() and no_part_files(tmp_path)


def test_the_export_dialog_refuses_the_database_as_target(qtbot, entry, monkeypatch):
    from PySide6.QtCore import QSettings

    from indicite.ui.export_dialog import ExportDialog
    from indicite.ui.workers import TaskRunner

    monkeypatch.setattr(TaskRunner, "force_serial", True)
    settings = QSettings(
        str(entry.store.path.with_name("settings.ini")), QSettings.Format.IniFormat
    )
    dialog = ExportDialog(entry, current_document_id=None, settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(entry.store.path))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "it is the database" in dialog.message.text()
    assert entries_in(entry.store.path) == 1
