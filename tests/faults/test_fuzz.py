"""Hostile input: mutated real files through every importer, random text through the number
grammar. No crash other than a clear ImportRefused, no file taking over 5 s, nothing fetched.

Iterations run are printed (``-s``); set FUZZ_ITERATIONS to run more.
"""

import io
import os
import random
import re
import signal
import socket
import zipfile
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicite.core.errors import ImportRefused
from indicite.core.numbers import NumberError, parse_number
from indicite.core.periods import find_period
from indicite.core.suggest import suggest
from indicite.io.readers import read_file

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "tianjin_industry_2025.txt"
ITERATIONS = int(os.environ.get("FUZZ_ITERATIONS", "60"))
SECONDS_PER_FILE = 5

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>公报</title>
<link rel="stylesheet" href="http://example.com/a.css"><script src="https://example.com/x.js">
</script></head><body><h1>2024年国民经济和社会发展统计公报</h1>
<p>全年地区生产总值<b>2,610.8</b>亿元，比上年增长4.2%。<img src="http://example.com/i.png"></p>
<iframe src="http://example.com/frame"></iframe><table><tr><td>规上工业</td><td>增长5.1%</td>
</tr></table><!DOCTYPE x SYSTEM "http://example.com/x.dtd"></body></html>"""


class Hang(Exception):
    pass


@contextmanager
def deadline(seconds: float):
    """Fail the file that takes too long instead of hanging the suite."""

    def expired(signum, frame):
        raise Hang(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        pytest.fail(f"an importer tried to reach the network: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("全市规模以上工业增加值同比增长4.2%。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "工业投资"
    table.cell(0, 1).text = "增长13.5%"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf_bytes(tmp_path: Path) -> bytes:
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    path = tmp_path / "seed.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    for page in range(2):
        if page:
            writer.newPage()
        painter.drawText(100, 200, f"GDP grew 4.2% to 2,610.8 billion yuan (page {page + 1})")
    painter.end()
    return path.read_bytes()


@pytest.fixture
def seeds(qapp, tmp_path) -> dict[str, bytes]:
    return {
        ".txt": SAMPLE.read_bytes(),
        ".html": HTML.encode("utf-8"),
        ".docx": _docx_bytes(),
        ".pdf": _pdf_bytes(tmp_path),
    }


def mutate(rng: random.Random, data: bytes) -> bytes:
    """Flip, drop, repeat, truncate or splice bytes: what damaged and hostile files look like."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(6)
        at = rng.randrange(len(buf)) if buf else 0
        if kind == 0 and buf:
            buf[at] = rng.randrange(256)
        elif kind == 1:
            del buf[at : at + rng.randint(1, 512)]
        elif kind == 2:
            buf[at:at] = buf[at : at + rng.randint(1, 512)] * rng.randint(1, 20)
        elif kind == 3:
            del buf[rng.randint(0, len(buf)) :]
        elif kind == 4:
            buf[at:at] = rng.randbytes(rng.randint(1, 256))
        else:
            buf[at : at + 4] = rng.choice([b"\x00\x00\x00\x00", b"\xff\xff\xff\xff", b"\x7f\xff"])
    return bytes(buf)


def mutate_inside(rng: random.Random, docx_bytes: bytes) -> bytes:
    """A sound zip holding damaged XML: gets past the zip layer to the XML parser."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml" or rng.random() < 0.1:
                data = mutate(rng, data)
            target.writestr(item.filename, data)
    return out.getvalue()


def read_hostile(path: Path) -> str:
    """'ok' or 'refused'; anything else fails the test with the file named."""
    with deadline(SECONDS_PER_FILE):
        try:
            result = read_file(path)
        except ImportRefused as e:
            assert str(e).strip() and "\n" not in str(e)
            return "refused"
    assert isinstance(result.text, str)
    return "ok"


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".pdf"])
def test_mutated_files_are_read_or_refused(seeds, suffix, tmp_path, no_network):
    rng = random.Random(f"fuzz{suffix}")
    outcomes = {"ok": 0, "refused": 0}
    for n in range(ITERATIONS):
        path = tmp_path / f"mutant-{n}{suffix}"
        inside = suffix == ".docx" and n % 2
        mutant = mutate_inside(rng, seeds[suffix]) if inside else mutate(rng, seeds[suffix])
        path.write_bytes(mutant)
        outcomes[read_hostile(path)] += 1
        path.unlink()
    print(f"\nfuzz {suffix}: {ITERATIONS} mutants, {outcomes}, 0 crashes")


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".pdf"])
def test_random_bytes_are_refused_or_read(suffix, tmp_path, no_network):
    rng = random.Random(f"random{suffix}")
    for n in range(ITERATIONS // 3):
        path = tmp_path / f"noise-{n}{suffix}"
        path.write_bytes(rng.randbytes(rng.randint(1, 20_000)))
        read_hostile(path)


def test_docx_whose_document_is_not_a_word_document_is_refused(tmp_path):
    path = tmp_path / "foreign.docx"
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    with zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = b'<?xml version="1.0"?><html><body>not Word</body></html>'
            target.writestr(item.filename, data)
    with pytest.raises(ImportRefused):
        read_file(path)


def test_zip_bomb_docx_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(300):  # 300 MB of zeros, a few hundred KB on disk
                member.write(chunk)
    assert path.stat().st_size < 2_000_000
    with pytest.raises(ImportRefused, match="would unpack to more than"), deadline(5):
        read_file(path)


def test_html_import_fetches_nothing(tmp_path, no_network):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    text = read_file(path).text
    assert "2,610.8" in text and "example.com" not in text


@pytest.mark.parametrize(
    "name",
    ["报告 (最终版)·2024#1.txt", "a'b\"c;d.txt", "  leading space.txt", "résumé\u200b.txt",
     "𠀀字.txt", "-rf.txt", "$(echo hi).txt", "x" * 200 + ".txt"],
)  # fmt: skip
def test_odd_file_names_are_handled(tmp_path, name, session):
    from indicite.services.documents import import_file

    path = tmp_path / name
    path.write_bytes(SAMPLE.read_bytes())
    outcome = import_file(session, path)
    assert outcome.ok, outcome.error
    assert "天津向高端高质攀升" in session.store.documents.get(outcome.document_id).text


texts = st.text(
    alphabet=st.sampled_from(
        list("0123456789０１２３４５６７８９.,．，%％‰-—~～/+ 零一二两三四五六七八九十百千万亿")
        + list("增长下降同比个百分点元亿元万吨约近超过余以上不到前三季度1—11月年月日分之")
        + ["\u3000", "\n", "\ufeff", "𠀀"]
    ),
    max_size=80,
) | st.text(max_size=80)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_suggest_never_crashes(text):
    with deadline(SECONDS_PER_FILE):
        found = suggest(text)
    for s in found:
        assert 0 <= s.start < s.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_parse_number_gives_a_number_or_a_number_error(text):
    try:
        value = parse_number(text)
    except NumberError:
        return
    assert isinstance(value, float | int)


@settings(max_examples=300, deadline=None)
@given(texts, st.dates(min_value=date(1949, 1, 1), max_value=date(2100, 12, 31)) | st.none())
def test_find_period_never_crashes(text, doc_date):
    with deadline(SECONDS_PER_FILE):
        period = find_period(text, doc_date)
    if period is not None and period.start and period.end:
        assert period.start <= period.end


# --- issue 13: zip headers, encodings and JSON shapes ------------------------------------------

_ZIP_FIELDS = {  # offset, size of the fields a hostile header lies in (local, central)
    b"PK\x03\x04": [(8, 2), (14, 4), (18, 4), (22, 4), (26, 2), (28, 2)],
    b"PK\x01\x02": [(10, 2), (16, 4), (20, 4), (24, 4), (28, 2), (30, 2), (42, 4)],
    b"PK\x05\x06": [(8, 2), (10, 2), (12, 4), (16, 4)],
}


def mutate_zip_headers(rng: random.Random, data: bytes) -> bytes:
    """Lie in the zip's own headers: sizes, CRCs, methods, name lengths, offsets, counts."""
    buf = bytearray(data)
    places = [
        (at + offset, size)
        for signature, fields in _ZIP_FIELDS.items()
        for at in _find_all(buf, signature)
        for offset, size in fields
    ]
    for at, size in rng.sample(places, k=min(len(places), rng.randint(1, 4))):
        value = rng.choice([0, 1, 1000, 2**31 - 1, 2 ** (8 * size) - 1, rng.getrandbits(8 * size)])
        buf[at : at + size] = (value % 2 ** (8 * size)).to_bytes(size, "little")
    return bytes(buf)


def _find_all(buf: bytearray, needle: bytes) -> list[int]:
    found, at = [], buf.find(needle)
    while at >= 0:
        found.append(at)
        at = buf.find(needle, at + 1)
    return found


ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be")


def mutate_encoding(rng: random.Random, text: str) -> tuple[bytes, bool]:
    """The text in some encoding, then perhaps damaged the way real files are: a stray byte,
    a NUL, a cut character, a second encoding spliced in. Returns the bytes and whether they
    are still the clean encoding of ``text``."""
    data = text.encode(rng.choice(ENCODINGS))
    kind = rng.randrange(5)
    at = rng.randrange(1, len(data))
    if kind == 0:
        return data, True
    if kind == 1:
        return data[:at] + bytes([rng.choice([0xFF, 0xFE, 0x80, 0xC0, 0xE4])]) + data[at:], False
    if kind == 2:
        return data[:at] + b"\x00" + data[at:], False
    if kind == 3:
        return data[: at | 1], False
    return data[:at] + text[: rng.randint(1, 200)].encode(rng.choice(ENCODINGS)), False


def test_docx_with_lying_zip_headers_is_read_or_refused(seeds, tmp_path, no_network):
    rng = random.Random("zip headers")
    outcomes = {"ok": 0, "refused": 0}
    for n in range(ITERATIONS):
        path = tmp_path / f"liar-{n}.docx"
        path.write_bytes(mutate_zip_headers(rng, seeds[".docx"]))
        outcomes[read_hostile(path)] += 1
        path.unlink()
    print(f"\nfuzz zip headers (.docx): {ITERATIONS} mutants, {outcomes}, 0 crashes")


def test_text_in_damaged_encodings_is_read_exactly_or_refused(tmp_path, no_network):
    rng = random.Random("encodings")
    text = SAMPLE.read_text(encoding="utf-8")[:3000]
    outcomes = {"ok": 0, "refused": 0}
    for n in range(ITERATIONS):
        path = tmp_path / f"encoded-{n}.txt"
        data, clean = mutate_encoding(rng, text)
        path.write_bytes(data)
        outcome = read_hostile(path)
        outcomes[outcome] += 1
        if clean:
            assert outcome == "ok" and read_file(path).text == text, path
        path.unlink()
    print(f"\nfuzz encodings (.txt): {ITERATIONS} files, {outcomes}, 0 crashes")


@settings(max_examples=max(50, ITERATIONS), deadline=None)
@given(st.integers(min_value=0, max_value=2999), st.sampled_from([0xFF, 0xFE, 0x80, 0xC3]))
def test_utf8_chinese_with_one_stray_byte_is_never_read_as_another_encoding(at, byte):
    text = SAMPLE.read_text(encoding="utf-8")[:1000].encode("utf-8")
    at %= len(text) + 1
    damaged = text[:at] + bytes([byte]) + text[at:]
    from indicite.io.text_reader import decode_bytes

    try:
        decoded = decode_bytes(damaged, "stray.txt")
    except ImportRefused as e:
        # the first bad byte: the stray one, or a byte of the character it breaks
        first_bad = int(re.search(r"byte (\d+) ", str(e)).group(1))
        assert abs(first_bad - at) <= 3, str(e)
        return
    assert decoded == damaged.decode("utf-8")  # only when the byte completed a character


_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
)
_json_values = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8),
                                                                          inner, max_size=3),
    max_leaves=10,
)  # fmt: skip
_keys = st.sampled_from(["id", "name", "value", "unit", "status", "created_at", "reviewed_by",
                         "document_title", "citations", "quote", "start", "end"])  # fmt: skip


@pytest.fixture(scope="module")
def load_db(tmp_path_factory):
    """One database holding the sample document, shared by the JSON-shape examples."""
    from indicite.services.documents import import_file
    from indicite.services.session import Session

    folder = tmp_path_factory.mktemp("json-shapes")
    session = Session.open(folder / "db.sqlite", "fuzzer")
    source = folder / SAMPLE.name
    source.write_bytes(SAMPLE.read_bytes())
    import_file(session, source)
    yield session, folder
    session.close()


@settings(
    max_examples=max(100, ITERATIONS),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.dictionaries(_keys, _json_values, max_size=6) | _json_values, max_size=4))
def test_json_of_any_shape_loads_or_is_refused_in_one_line(load_db, items):
    import json

    from indicite.services.load import LoadReport, load

    session, folder = load_db
    path = folder / "shapes.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    before = session.store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    with deadline(SECONDS_PER_FILE):
        try:
            report = load(session, path)
        except ImportRefused as e:
            assert "\n" not in str(e)
            after = session.store.db.execute("SELECT count(*) FROM events").fetchone()[0]
            assert after == before  # a refused file changes nothing
            return
    assert isinstance(report, LoadReport)
    for problem in report.refused:
        assert "\n" not in str(problem)


def test_mutated_exports_load_or_are_refused(load_db, tmp_path):
    """Our own CSV and XLSX exports, byte-flipped and with lying zip headers, through load."""
    from indicite.services.export import export
    from indicite.services.indicators import create_indicator
    from indicite.services.load import load

    session, _ = load_db
    text = session.store.documents.get(1).text
    for i, quote in enumerate(("京津冀产业协同发展", "迈上新台阶")):
        start = text.index(quote)
        create_indicator(session, 1, {"name": f"指标{i}", "value": 1.5}, [(start, start + 5)])
    seeds = {}
    for fmt in ("csv", "xlsx"):
        export(session, tmp_path / f"seed.{fmt}", fmt)
        seeds[fmt] = (tmp_path / f"seed.{fmt}").read_bytes()
    rng = random.Random("exports")
    outcomes = {"loaded": 0, "refused": 0}
    for n in range(ITERATIONS):
        fmt = rng.choice(("csv", "xlsx"))
        data = seeds[fmt]
        mutant = mutate_zip_headers(rng, data) if fmt == "xlsx" and n % 2 else mutate(rng, data)
        path = tmp_path / f"mutant-{n}.{fmt}"
        path.write_bytes(mutant)
        with deadline(SECONDS_PER_FILE):
            try:
                load(session, path)
                outcomes["loaded"] += 1
            except ImportRefused as e:
                assert "\n" not in str(e)
                outcomes["refused"] += 1
        path.unlink()
    print(f"\nfuzz load (csv/xlsx exports): {ITERATIONS} mutants, {outcomes}, 0 crashes")
