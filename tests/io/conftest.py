"""Builders for real files of each format, made fresh in tmp_path by each test."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def make_pdf(qapp, tmp_path) -> Callable[..., Path]:
    """Draw a PDF with Qt: one list of text lines per page; no lines means a drawn box only.

    Lines that are not ASCII need a CJK font and are left out where there is none.
    """
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QFont, QFontDatabase, QPageSize, QPainter, QPdfWriter

    cjk = next((f for f in QFontDatabase.families() if "CJK SC" in f), None)

    def make(name: str, pages: list[list[str]]) -> Path:
        path = tmp_path / name
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setResolution(72)
        painter = QPainter(writer)
        latin = painter.font()
        for number, lines in enumerate(pages):
            if number:
                writer.newPage()
            if not lines:
                painter.fillRect(QRect(72, 72, 300, 400), QColor("gray"))
            for row, line in enumerate(lines):
                if not line.isascii():
                    if not cjk:
                        continue
                    painter.setFont(QFont(cjk, 12))
                painter.drawText(72, 100 + 30 * row, line)
                painter.setFont(latin)
        painter.end()
        return path

    return make


@pytest.fixture
def make_encrypted_pdf(tmp_path) -> Callable[..., Path]:
    """A PDF that opens only with the password `opens_with`."""

    def make(name: str, opens_with: str) -> Path:
        path = tmp_path / name
        secret = opens_with.encode()
        path.write_bytes(_encrypted_pdf(secret, b"owner " + secret))
        return path

    return make


def _encrypted_pdf(user_password: bytes, owner_password: bytes) -> bytes:
    """A one-page PDF with a standard security handler (RC4 40-bit, revision 2).

    Written by hand because nothing in the test environment writes encrypted PDFs.
    """
    pad = bytes.fromhex(
        "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A"
    )  # the padding string from the PDF specification (7.6.3.3)

    def padded(password: bytes) -> bytes:
        return (password + pad)[:32]

    file_id = hashlib.md5(b"indicite test").digest()  # noqa: S324 (the PDF spec's hash)
    permissions = -4
    owner_key = hashlib.md5(padded(owner_password)).digest()[:5]  # noqa: S324
    o_entry = _rc4(owner_key, padded(user_password))
    key = hashlib.md5(  # noqa: S324
        padded(user_password) + o_entry + permissions.to_bytes(4, "little", signed=True) + file_id
    ).digest()[:5]
    u_entry = _rc4(key, pad)

    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"
        + o_entry.hex().encode()
        + b"> /U <"
        + u_entry.hex().encode()
        + b"> >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<%s> <%s>] >>\n" % (
        len(objects) + 1,
        file_id.hex().encode(),
        file_id.hex().encode(),
    )
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)
