"""Hostile documents from the adversarial run (issue 13), each built here: refused in one line
that says where the problem is, fast and without unpacking what the headers hide."""

import io
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from indicite.core.errors import ImportRefused
from indicite.io import readers
from indicite.io.readers import read_file

DATA = Path(__file__).parent.parent / "data"
REPORT = (DATA / "tianjin_industry_2025.txt").read_text(encoding="utf-8")


def _docx(paragraph: str = "全市规模以上工业增加值同比增长4.2%。") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _replace_member(docx_bytes: bytes, part: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, data if item.filename == part else source.read(item))
    return out.getvalue()


def _claim_size(archive: bytes, part: str, claimed: int) -> bytes:
    """Make the local header and the central directory of ``part`` state ``claimed`` bytes."""
    data = bytearray(archive)
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        name_length = struct.unpack("<H", data[at + 28 : at + 30])[0]
        if data[at + 46 : at + 46 + name_length] == part.encode():
            data[at + 24 : at + 28] = struct.pack("<I", claimed)
            local = struct.unpack("<I", data[at + 42 : at + 46])[0]
            data[local + 22 : local + 26] = struct.pack("<I", claimed)
        at += 4
    return bytes(data)


def _refusal(path: Path) -> str:
    with pytest.raises(ImportRefused) as caught:
        read_file(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_docx_whose_header_understates_the_document_is_refused_without_inflating_it(tmp_path):
    xml = b"<w:document>" + b" " * (150 * 1024 * 1024) + b"</w:document>"
    bomb = _claim_size(
        _replace_member(_docx(), "word/document.xml", xml), "word/document.xml", 1000
    )
    assert len(bomb) < 1_000_000
    path = tmp_path / "claims 1000 bytes.docx"
    path.write_bytes(bomb)
    tracemalloc.start()
    try:
        message = _refusal(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "not a readable Word document" in message  # its CRC does not match 1000 bytes
    assert peak < 160 * 1024 * 1024  # the checked bytes so far, not the 1.9 GB a read() makes


def test_small_docx_of_a_huge_document_is_refused(tmp_path):
    xml = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    para = "<w:p><w:r><w:t>" + "增长" * 500 + "</w:t></w:r></w:p>"
    xml += para.encode() * 40_000 + b"</w:document>"  # 120 MB of XML in under 1 MB
    path = tmp_path / "expands.docx"
    path.write_bytes(_replace_member(_docx(), "word/document.xml", xml))
    assert path.stat().st_size < 1_500_000
    assert "would unpack to more than" in _refusal(path)


def test_text_over_the_length_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_TEXT_CHARS", 10_000)
    path = tmp_path / "long.txt"
    path.write_text(REPORT * 10, encoding="utf-8")
    assert "over the limit of 10,000" in _refusal(path)
    path.write_text(REPORT[:9_000], encoding="utf-8")
    assert read_file(path).text == REPORT[:9_000]


def test_the_documented_text_limit_is_the_one_applied():
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"{readers.MAX_TEXT_CHARS:,} characters" in readme


def test_utf8_with_one_stray_byte_is_refused_at_that_byte(tmp_path):
    good = REPORT[:1000].encode("utf-8")
    path = tmp_path / "stray.txt"
    path.write_bytes(good[:1500] + b"\xff" + good[1500:])
    message = _refusal(path)
    assert "byte 1500 (0xFF)" in message and "UTF-8" in message


def test_nul_inside_text_is_refused_at_its_offset(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(b"hello 5.2%\x00world")
    message = _refusal(path)
    assert "byte 10 is a NUL" in message and "UTF-16" in message


def test_real_gb18030_and_bomless_utf16_still_import(tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes(REPORT[:2000].encode("gb18030"))
    assert read_file(path).text == REPORT[:2000]
    path.write_bytes(REPORT[:2000].encode("utf-16-be"))
    assert read_file(path).text == REPORT[:2000]


def test_docx_with_a_doctype_and_entities_is_refused(tmp_path):
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e "5.2%">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>growth &e; and more text</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "entity.docx"
    path.write_bytes(_replace_member(_docx(), "word/document.xml", xml))
    message = _refusal(path)
    assert "DOCTYPE" in message and "word/document.xml" in message
