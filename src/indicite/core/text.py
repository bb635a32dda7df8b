"""The stored reading text of a document and the few changes import is allowed to make."""

import hashlib


def normalize_newlines(text: str) -> str:
    """Drop a leading BOM and turn CRLF/CR into LF; nothing else may change (offsets)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def first_line(text: str, limit: int = 200) -> str:
    """The first non-empty line, used as the default title."""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            return stripped[:limit]
    return ""


def paragraph_starts(text: str) -> list[int]:
    """Offsets where each non-empty paragraph (line) begins; 第N段 counts these."""
    starts = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(pos)
        pos += len(line) + 1
    return starts
