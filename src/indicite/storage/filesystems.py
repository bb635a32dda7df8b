"""Where a database file lives decides its journal: WAL needs every process on one host."""

import sys
from pathlib import Path

NETWORK_FS_TYPES = {
    "nfs",
    "nfs4",
    "cifs",
    "smbfs",
    "smb3",
    "afpfs",
    "fuse.sshfs",
    "9p",
    "webdav",
    "davfs",
}


def is_network_path(path: Path) -> bool:
    """True for a UNC path or a folder mounted from a network file system."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    fs_type = _mount_type(path.resolve())
    return fs_type is not None and fs_type.lower() in NETWORK_FS_TYPES


def _mount_type(path: Path) -> str | None:
    if sys.platform.startswith("linux"):
        return _linux_mount_type(path)
    return None


def _linux_mount_type(path: Path) -> str | None:
    try:
        with open("/proc/self/mounts", encoding="utf-8") as f:
            mounts = [line.split()[1:3] for line in f if line.strip()]
    except OSError:
        return None
    best, best_type = "", None
    target = str(path)
    for mount_point, fs_type in mounts:
        mount_point = mount_point.replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fs_type
    return best_type
