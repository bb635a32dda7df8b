"""Plain text (.txt, .md): find the encoding from the bytes, never from the locale."""

import codecs
import re

from indicite.core.errors import ImportRefused
from indicite.core.text import normalize_newlines

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
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
                return content[len(bom) :].decode(encoding)  # the text without its BOM
            except UnicodeDecodeError as e:
                at = min(e.start + len(bom), len(content) - 1)
                raise undecodable(name, at, content[at], encoding) from None
    for magic, _ in _MAGIC:
        if content.startswith(magic):
            raise _binary(name, content)
    if b"\x00" in content:
        # Without a BOM only the UTF-16 pattern (NULs beside each ASCII character) makes NULs
        # text; anything else is a binary file or text with a NUL inside: refuse, saying where.
        text = _bomless_utf16(content)
        if text is None:
            raise nul_refusal(name, content.index(b"\x00"))
        return text
    try:
        return content.decode("utf-8")  # the common case, and fast
    except UnicodeDecodeError as e:
        first_bad = e.start
    if damaged_utf8(content):
        raise undecodable(name, first_bad, content[first_bad], "UTF-8")
    encoding = _guess_encoding(content)
    if encoding is None:
        raise undecodable(name, first_bad, content[first_bad], "UTF-8, GB18030")
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise undecodable(name, first_bad, content[first_bad], f"UTF-8, {encoding}") from None


def damaged_utf8(content: bytes) -> bool:
    """UTF-8 with a few bad bytes: most non-ASCII bytes form valid UTF-8 characters.

    Any other encoding's non-ASCII text is mostly invalid UTF-8, so a guess there is safe;
    here a guess would turn the whole file into mojibake because of one stray byte.
    """
    decoded = content.decode("utf-8", errors="surrogateescape")
    bad = sum(1 for ch in decoded if "\udc80" <= ch <= "\udcff")
    good = sum(1 for ch in decoded if ch > "\x7f") - bad
    return good >= 4 and bad * 20 <= good


# What Chinese and English text consists of: ASCII, CJK ideographs and punctuation, full-width
# forms. Read with the wrong byte order (or from bytes that are not UTF-16) it is mostly not.
_USUAL = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
)


def _bomless_utf16(content: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order whose reading is at least 90% usual characters.

    ASCII characters put NULs on one side, but ideographs such as 一 (U+4E00) put them on the
    other, so the NUL pattern alone cannot tell; the reading can. None when neither fits.
    """
    if len(content) % 2:
        return None
    best, best_share = None, 0.9
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = content.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = len(_USUAL.findall(text)) / max(1, len(text))
        if share >= best_share and "\x00" not in text:
            best, best_share = text, share
    return best


# charset-normalizer's "mess" of its best guess above which the guess is refused, not used.
_MAX_CHAOS = 0.1


def _guess_encoding(content: bytes) -> str | None:
    """A confident guess, or None: a doubtful one would import garbled text."""
    from charset_normalizer import from_bytes

    matches = [(m.encoding.lower(), m.chaos) for m in from_bytes(content)]
    if not matches or matches[0][1] > _MAX_CHAOS:
        return None
    names = [encoding for encoding, _ in matches]
    gb = any(m in _GB_FAMILY for m in names)
    best = names[0]
    if best in _GB_FAMILY:
        return "gb18030"
    # Without NUL bytes (checked before), a UTF-16/32 guess is weak; short GB text gets it.
    if best.startswith(("utf_16", "utf_32")):
        return "gb18030" if gb else None
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


def undecodable(name: str, offset: int, byte: int, tried: str) -> ImportRefused:
    """The refusal of bytes that do not decode: where the first bad byte is, what was tried."""
    return ImportRefused(
        "{name} is not readable text: byte {offset} (0x{byte:02X}) does not fit its encoding "
        "(tried {tried}); save it as UTF-8 and import again",
        name=name,
        offset=offset,
        byte=byte,
        tried=tried,
    )


def nul_refusal(name: str, offset: int) -> ImportRefused:
    return ImportRefused(
        "{name} is a binary file, not text: byte {offset} is a NUL "
        "(tried UTF-8, UTF-16 and GB18030); import the original .txt, .md, .docx, .pdf or "
        ".html file",
        name=name,
        offset=offset,
    )
