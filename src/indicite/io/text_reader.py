"""Plain text (.txt, .md): find the encoding from the bytes, never from the locale."""

import codecs
import re

from indicite.core.errors import ImportRefused
from indicite.core.text import normalize_newlines

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# What a renamed binary file starts with, so the message can say what it really is.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc/.xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)

# charset-normalizer names for the GB family; gb18030 is a superset of gbk and gb2312.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn"}

# Characters that say "these bytes were not text": control characters (tab, newlines,
# form feed and the DOS end-of-file marker \x1a are allowed) and the private use area,
# where random bytes read as UTF-16 land often.
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f\ue000-\uf8ff]")


def read_text(content: bytes, name: str) -> str:
    """The stored text of a .txt or .md file: decoded, BOM dropped, newlines as LF."""
    return normalize_newlines(decode_bytes(content, name))


def decode_bytes(content: bytes, name: str) -> str:
    """Decode text bytes: BOM, then strict UTF-8, then charset-normalizer; refuse binary."""
    text = _decode(content, name)
    refuse_if_binary(text, name)
    return text


def refuse_if_binary(text: str, name: str) -> None:
    """Refuse decoded text that is not text: a NUL, or over 1% control/private-use characters."""
    if "\x00" in text:
        raise _binary(name, b"")
    odd = len(_NOT_TEXT.findall(text))
    if odd and odd > max(2, len(text) // 100):
        raise _binary(name, b"")


def _decode(content: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            try:
                return content.decode(encoding)
            except UnicodeDecodeError:
                raise _undecodable(name) from None
    for magic, _ in _MAGIC:
        if content.startswith(magic):
            raise _binary(name, content)
    if b"\x00" in content:
        encoding = _bomless_utf16(content)
        if encoding is None:
            guess = _guess_encoding(content)  # UTF-16 of CJK text has NULs on both sides
            encoding = guess if guess and guess.startswith(("utf_16", "utf_32")) else None
        if encoding is None:
            raise _binary(name, content)
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            raise _binary(name, content) from None
    try:
        return content.decode("utf-8")  # the common case, and fast
    except UnicodeDecodeError:
        pass
    encoding = _guess_encoding(content)
    if encoding is None:
        raise _undecodable(name)
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise _undecodable(name) from None


def _bomless_utf16(content: bytes) -> str | None:
    """UTF-16 without a BOM shows as NUL bytes on one side of each ASCII character.

    Binary files have NULs on both sides; the caller still decodes strictly and checks
    the result for control characters.
    """
    if len(content) % 2:
        return None
    even = content[0::2].count(0)
    odd = content[1::2].count(0)
    if odd >= 2 and even <= odd // 20:
        return "utf-16-le"
    if even >= 2 and odd <= even // 20:
        return "utf-16-be"
    return None


def _guess_encoding(content: bytes) -> str | None:
    from charset_normalizer import from_bytes

    matches = [m.encoding.lower() for m in from_bytes(content)]
    if not matches:
        return None
    gb = any(m in _GB_FAMILY for m in matches)
    best = matches[0]
    if best in _GB_FAMILY:
        return "gb18030"
    # Without NUL bytes (checked before), a UTF-16/32 guess is weak; short GB text gets it.
    if best.startswith(("utf_16", "utf_32")) and gb:
        return "gb18030"
    return best


def _binary(name: str, content: bytes) -> ImportRefused:
    kind = next((what for magic, what in _MAGIC if content.startswith(magic)), "")
    if kind:
        return ImportRefused(
            "{name} is a binary file, not text (it looks like {kind}); "
            "import the original .txt, .md, .docx, .pdf or .html file",
            name=name,
            kind=kind,
        )
    return ImportRefused(
        "{name} is a binary file, not text; "
        "import the original .txt, .md, .docx, .pdf or .html file",
        name=name,
    )


def _undecodable(name: str) -> ImportRefused:
    return ImportRefused(
        "{name} is not in a text encoding Indicite can read (UTF-8, UTF-16 or GB18030); "
        "save it as UTF-8 and import again",
        name=name,
    )
