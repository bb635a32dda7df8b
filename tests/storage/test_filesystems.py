"""A database on a network share uses the rollback journal: WAL needs one host."""

import sys
from pathlib import Path

import pytest

from indicite.storage import database, filesystems
from indicite.storage.filesystems import is_network_path

FILE_STORE_ONLY = True  # about the SQLite file itself

MOUNTS = """\
sysfs /sys sysfs rw,nosuid 0 0
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/统计 /mnt/share cifs rw,vers=3.0 0 0
server:/export /mnt/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/share/local\\040disk ext4 rw 0 0
sshfs#me@host: /home/me/remote fuse.sshfs rw 0 0
"""


@pytest.fixture
def linux_mounts(tmp_path, monkeypatch):
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS, encoding="utf-8")
    monkeypatch.setattr(filesystems, "LINUX_MOUNTS", mounts)
    monkeypatch.setattr(sys, "platform", "linux")


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/mnt/share/数据/indicite.sqlite", True),
        ("/mnt/nfs/db.sqlite", True),
        ("/home/me/remote/db.sqlite", True),
        ("/mnt/share/local disk/db.sqlite", False),  # a local disk mounted inside the share
        ("/mnt/sharelike/db.sqlite", False),
        ("/home/me/db.sqlite", False),
    ],
)
def test_linux_mounts(linux_mounts, path, network):
    assert is_network_path(Path(path)) is network


@pytest.mark.parametrize("path", [r"\\server\share\indicite.sqlite", "//server/share/db.sqlite"])
def test_unc_paths_are_network(path):
    assert is_network_path(Path(path))


@pytest.mark.parametrize(
    ("fs_type", "network"), [("smbfs", True), ("afpfs", True), ("nfs", True), ("apfs", False)]
)
def test_macos_file_system_types(monkeypatch, fs_type, network):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(filesystems, "_darwin_mount_type", lambda path: fs_type)
    assert is_network_path(Path("/Volumes/share/db.sqlite")) is network


def test_local_database_uses_wal(session):
    assert session.store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_network_database_uses_the_rollback_journal(db_path, monkeypatch):
    monkeypatch.setattr(database, "is_network_path", lambda path: True)
    db = database.open_database(db_path)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        db.close()
