"""Where a database file lives decides its journal: WAL needs every process on one host."""

import ctypes
import sys
from pathlib import Path

LINUX_MOUNTS = Path("/proc/self/mounts")

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
    if sys.platform == "darwin":
        return _darwin_mount_type(path)
    return None


def _linux_mount_type(path: Path) -> str | None:
    try:
        with LINUX_MOUNTS.open(encoding="utf-8") as f:
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


class _DarwinStatfs(ctypes.Structure):
    """struct statfs with 64-bit inodes (macOS 10.6 and later, Intel and Apple silicon)."""

    _fields_ = [
        ("f_bsize", ctypes.c_uint32),
        ("f_iosize", ctypes.c_int32),
        ("f_blocks", ctypes.c_uint64),
        ("f_bfree", ctypes.c_uint64),
        ("f_bavail", ctypes.c_uint64),
        ("f_files", ctypes.c_uint64),
        ("f_ffree", ctypes.c_uint64),
        ("f_fsid", ctypes.c_int32 * 2),
        ("f_owner", ctypes.c_uint32),
        ("f_type", ctypes.c_uint32),
        ("f_flags", ctypes.c_uint32),
        ("f_fssubtype", ctypes.c_uint32),
        ("f_fstypename", ctypes.c_char * 16),
        ("f_mntonname", ctypes.c_char * 1024),
        ("f_mntfromname", ctypes.c_char * 1024),
        ("f_flags_ext", ctypes.c_uint32),
        ("f_reserved", ctypes.c_uint32 * 7),
    ]


def _darwin_mount_type(path: Path) -> str | None:
    """The file system type name (apfs, smbfs, nfs, afpfs, webdav) from statfs(2)."""
    libc = ctypes.CDLL(None, use_errno=True)  # the C library is loaded in every process
    # Intel Macs export the 64-bit-inode variant under this name; Apple silicon has only statfs.
    statfs = getattr(libc, "statfs$INODE64", None) or libc.statfs
    statfs.argtypes = [ctypes.c_char_p, ctypes.POINTER(_DarwinStatfs)]
    result = _DarwinStatfs()
    probe = path if path.exists() else path.parent
    if statfs(str(probe).encode("utf-8"), ctypes.byref(result)) != 0:
        return None
    return result.f_fstypename.decode("utf-8", "replace") or None
