"""Opening zip-based files (.docx, .xlsx) without trusting their headers.

A zip member's header states its unpacked size, but a hostile file can state 1,000 bytes for
a 1.9 GB member, and ``ZipFile.read`` inflates the whole member in one call before it notices.
So every member is inflated here as a stream, a chunk at a time, with a running total that
stops at ``MAX_UNZIPPED_BYTES`` whatever the headers say. Readers then work on the checked
bytes only. XML parts that declare a DOCTYPE are refused: Word and Excel never write one, and
entities in it are how an XML file hides, repeats or drops text.
"""

import io
import lzma
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO

from indicite.core.errors import ImportRefused

# Imported files are at most 50 MB and pictures do not shrink in a zip, so a real document
# unpacks to well under this; XML that unpacks beyond it is a bomb (or 30+ million characters).
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
_CHUNK = 1 << 16


class ZipRefused(ImportRefused):
    """The archive is too big unpacked, or holds a DOCTYPE."""


class ZipDamaged(ZipRefused):
    """The archive or one of its members cannot be unpacked; a reader may say it its way."""


def _open(source: bytes | Path, name: str) -> zipfile.ZipFile:
    try:
        handle: IO[bytes] | Path = io.BytesIO(source) if isinstance(source, bytes) else source
        return zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError):  # fmt: skip
        raise ZipDamaged(
            "{name} is damaged: it is not a readable zip archive; "
            "open it in its program, save a copy and use that",
            name=name,
        ) from None


def _too_big(name: str, limit: int) -> ZipRefused:
    return ZipRefused(
        "{name} would unpack to more than {limit_mb} MB "
        "(a damaged or malicious file); open it in its program, save a copy and use that",
        name=name,
        limit_mb=limit // (1024 * 1024),
    )


def _member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> Iterator[bytes]:
    try:
        with archive.open(info) as member:
            while chunk := member.read(_CHUNK):
                yield chunk
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError,
            EOFError, RuntimeError, zlib.error, lzma.LZMAError):  # fmt: skip
        raise ZipDamaged(
            "{name} is damaged: its part {part} cannot be unpacked; "
            "open it in its program, save a copy and use that",
            name=name,
            part=info.filename,
        ) from None


_DOCTYPE = b"<!DOCTYPE"


def _check_xml(part: str, data: bytes, name: str) -> None:
    """``data``: the member's bytes, or a chunk with the end of the one before it."""
    if _DOCTYPE in data:
        raise ZipRefused(
            "{name} declares a DOCTYPE in {part}, which Office never writes "
            "(entities can hide or repeat text); open it in its program, save a copy and use that",
            name=name,
            part=part,
        )


class _Budget:
    """The running total of bytes unpacked from one archive."""

    def __init__(self, name: str, limit: int):
        self.name, self.left, self.limit = name, limit, limit

    def take(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise _too_big(self.name, self.limit)


def inflate(content: bytes, name: str, limit: int | None = None) -> dict[str, bytes]:
    """Every member's unpacked bytes, checked: at most ``limit`` bytes in all, no DOCTYPE."""
    budget = _Budget(name, limit or MAX_UNZIPPED_BYTES)
    members: dict[str, bytes] = {}
    with _open(content, name) as archive:
        for info in archive.infolist():
            if info.filename.endswith("/"):  # a folder (is_dir() fails on an empty name)
                continue
            parts = []
            for chunk in _member_chunks(archive, info, name):
                budget.take(len(chunk))
                parts.append(chunk)
            data = b"".join(parts)
            _check_xml(info.filename, data, name)
            members[info.filename] = data
    return members


def repack(members: dict[str, bytes]) -> bytes:
    """Checked members as a new archive, stored uncompressed: whoever reads it next inflates
    nothing, so the limits checked in ``inflate`` hold for them too."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for part, data in members.items():
            archive.writestr(part, data)
    return out.getvalue()


def check_archive(
    path: Path,
    name: str,
    limit: int | None = None,
    watch: Mapping[str, Callable[[bytes], None]] | None = None,
) -> None:
    """Inflate ``path`` as a stream and throw the bytes away: refuses bombs and DOCTYPEs
    before another library (calamine) unpacks the file its own way. ``watch`` maps members to
    a function that sees their chunks in the same pass."""
    budget = _Budget(name, limit or MAX_UNZIPPED_BYTES)
    watch = watch or {}
    with _open(path, name) as archive:
        for info in archive.infolist():
            tail = b""
            seen = watch.get(info.filename)
            for chunk in _member_chunks(archive, info, name):
                budget.take(len(chunk))
                _check_xml(info.filename, tail + chunk, name)
                tail = chunk[-len(_DOCTYPE) :]
                if seen is not None:
                    seen(chunk)


def stream_member(path: Path, part: str, name: str, limit: int | None = None) -> Iterator[bytes]:
    """The unpacked chunks of one member of ``path`` (none if it is missing), capped."""
    budget = _Budget(name, limit or MAX_UNZIPPED_BYTES)
    with _open(path, name) as archive:
        try:
            info = archive.getinfo(part)
        except KeyError:
            return
        for chunk in _member_chunks(archive, info, name):
            budget.take(len(chunk))
            yield chunk
