"""Office files are zip archives: open one only after checking it is not a zip bomb."""

import io
import zipfile

from indicite.core.errors import ImportRefused

# Refuse an archive that would unpack to more than this (a damaged or malicious file).
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024


def checked_members(content: bytes, damaged: ImportRefused, too_big: ImportRefused) -> set[str]:
    """The names in the archive; ``damaged`` if it is no zip, ``too_big`` if it unpacks past
    MAX_UNZIPPED_BYTES (each reader words its own messages, naming the program to use)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        raise damaged from None
    if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise too_big
    return {m.filename for m in members}
