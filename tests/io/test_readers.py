"""read_file: the stored text of each format, and a one-line refusal for every bad input."""

import codecs
import io
import zipfile
from pathlib import Path

import pytest

from indicite.core.errors import ImportRefused
from indicite.core.text import normalize_newlines
from indicite.io.readers import MAX_FILE_BYTES, ReadResult, read_file
from indicite.io.zip_guard import MAX_UNZIPPED_BYTES

DATA = Path(__file__).parent.parent / "data"
CHINESE = "天津市2025年规模以上工业增加值增长6.1%。\r\n高技术制造业增长9.4%，\r\n占比15.8%。\r\n"
CHINESE_STORED = CHINESE.replace("\r\n", "\n")


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def read(path: Path) -> ReadResult:
    result = read_file(path)
    # What read_file returns is already the stored form: importing it changes nothing.
    assert normalize_newlines(result.text) == result.text
    assert result.content == path.read_bytes()
    return result


def refusal(path: Path) -> str:
    with pytest.raises(ImportRefused) as excinfo:
        read_file(path)
    message = str(excinfo.value)
    assert path.name in message
    assert "\n" not in message
    return message


# --- plain text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(CHINESE.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + CHINESE.encode("utf-8"), id="utf-8-bom"),
        pytest.param(CHINESE.encode("utf-16"), id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_LE + CHINESE.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + CHINESE.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(CHINESE.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(CHINESE.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(CHINESE.encode("gb18030"), id="gb18030"),
        pytest.param(CHINESE.encode("gbk"), id="gbk"),
        pytest.param(CHINESE.replace("\r\n", "\r").encode("gb18030"), id="gb18030-cr"),
    ],
)
def test_text_encodings_give_the_same_stored_text(tmp_path, data):
    result = read(write(tmp_path / "report.txt", data))
    assert result.text == CHINESE_STORED
    assert result.doc_type == "txt"
    assert result.page_starts is None


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_a_whole_report_with_crlf_round_trips(tmp_path, encoding):
    original = (DATA / "tianjin_industry_2025.txt").read_text(encoding="utf-8")
    data = original.replace("\n", "\r\n").encode(encoding)
    assert read(write(tmp_path / "tianjin.txt", data)).text == original


def test_utf16_without_bom_and_almost_no_ascii(tmp_path):
    text = "规模以上工业增加值比上年增长百分之六点一高技术制造业增长较快\n" * 3
    assert read(write(tmp_path / "wide.txt", text.encode("utf-16-le"))).text == text


def test_short_gb18030_text_is_not_taken_for_utf16(tmp_path):
    text = "我市农村经济在新常态下稳"  # 12 characters, 24 bytes: both decodings are possible
    assert read(write(tmp_path / "short.txt", text.encode("gb18030"))).text == text


def test_markdown_is_kept_as_written(tmp_path):
    data = b"# GDP\r\n\r\n| region | value |\r\n|---|---|\r\n| Tianjin | 1.8 |\r\n"
    result = read(write(tmp_path / "notes.md", data))
    assert result.text == "# GDP\n\n| region | value |\n|---|---|\n| Tianjin | 1.8 |\n"
    assert result.doc_type == "md"


@pytest.mark.parametrize(
    "name", ["report 2025.txt", "天津 工业报告.txt", "growth 📈 report.TXT", "a'b&c#(1).md"]
)
def test_odd_file_names_work(tmp_path, name):
    assert read(write(tmp_path / name, b"GDP grew 5%\n")).text == "GDP grew 5%\n"


# --- Word ---------------------------------------------------------------------------------


def docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("天津工业 2025", level=1)
    document.add_paragraph("Before the table.")
    table = document.add_table(rows=2, cols=3)
    for row, values in enumerate([("地区", "增加值", "增速"), ("天津", "1234.5亿元", "6.1%")]):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.add_paragraph("After the table: exports rose 3.2%.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_document_order(tmp_path):
    result = read(write(tmp_path / "报告.docx", docx_bytes()))
    assert result.text == (
        "天津工业 2025\n"
        "Before the table.\n"
        "地区\t增加值\t增速\n"
        "天津\t1234.5亿元\t6.1%\n"
        "After the table: exports rose 3.2%."
    )
    assert result.doc_type == "docx"
    assert result.page_starts is None


def zip_bytes(members: dict[str, bytes | int]) -> bytes:
    """A zip whose members are given as bytes, or as a count of zero bytes (streamed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in members.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w", force_zip64=True) as member:
                chunk = bytes(1024 * 1024)
                for _ in range(content // len(chunk)):
                    member.write(chunk)
    return buffer.getvalue()


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path):
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as real:
        members: dict[str, bytes | int] = {n: real.read(n) for n in real.namelist()}
    members["word/media/padding.bin"] = MAX_UNZIPPED_BYTES + 1024 * 1024
    message = refusal(write(tmp_path / "bomb.docx", zip_bytes(members)))
    assert f"{MAX_UNZIPPED_BYTES // (1024 * 1024)} MB" in message


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(docx_bytes()[:2000], id="truncated"),
        pytest.param(b"This is plain text with a .docx name\n", id="text"),
        pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), id="old-word-doc"),
        pytest.param(zip_bytes({"hello.txt": b"hi"}), id="zip-without-document"),
        pytest.param(
            zip_bytes({"[Content_Types].xml": b"<Types", "word/document.xml": b"<w:document"}),
            id="broken-xml",
        ),
    ],
)
def test_damaged_docx_is_refused(tmp_path, data):
    message = refusal(write(tmp_path / "broken report.docx", data))
    assert "not a readable Word document" in message


# --- PDF ----------------------------------------------------------------------------------

PAGE_ONE = ["Page one: output grew 5.1 percent", "天津 工业增加值增长6.1%"]
PAGE_TWO = ["Page two: exports rose 3.2 percent"]


def test_pdf_text_and_page_starts(make_pdf):
    result = read(make_pdf("two pages.pdf", [PAGE_ONE, PAGE_TWO]))
    assert result.doc_type == "pdf"
    assert result.page_starts is not None
    assert len(result.page_starts) == 2
    assert result.page_starts[0] == 0
    assert result.text.startswith("Page one: output grew 5.1 percent")
    assert result.text[result.page_starts[1] :].startswith("Page two: exports rose 3.2 percent")
    assert "\r" not in result.text
    assert "\f" not in result.text


def test_pdf_with_only_pictures_names_the_ocr_extra_when_it_is_not_installed(make_pdf, monkeypatch):
    monkeypatch.setattr("indicite.io.ocr.ocr_installed", lambda: False)
    monkeypatch.setattr("indicite.io.pdf_reader.ocr_installed", lambda: False)
    message = refusal(make_pdf("scan.pdf", [[], []]))
    assert "no text layer" in message
    assert 'pip install "indicite[ocr]"' in message


def test_pictures_name_the_ocr_extra_when_it_is_not_installed(tmp_path, monkeypatch):
    monkeypatch.setattr("indicite.io.ocr.ocr_installed", lambda: False)
    for suffix in (".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        path = tmp_path / f"notice{suffix}"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
        assert 'pip install "indicite[ocr]"' in refusal(path)


def test_truncated_pdf_is_refused(make_pdf, tmp_path):
    data = make_pdf("full.pdf", [PAGE_ONE, PAGE_TWO]).read_bytes()
    for cut, part in [("half", data[: len(data) // 2]), ("tail", data[:-20])]:
        message = refusal(write(tmp_path / f"cut {cut}.pdf", part))
        assert "damaged or truncated" in message


def test_encrypted_pdf_asks_to_remove_the_password(make_encrypted_pdf):
    path = make_encrypted_pdf("locked.pdf", opens_with="secret")
    import pypdfium2

    pypdfium2.PdfDocument(path.read_bytes(), password="secret").close()  # noqa: S106 (a real one)
    message = refusal(path)
    assert "password-protected: remove the password and import again" in message


def test_a_text_file_named_pdf_is_refused(tmp_path):
    message = refusal(write(tmp_path / "notes.pdf", b"GDP grew 5%\n"))
    assert "not a PDF" in message


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>Page title</title><meta charset="utf-8">
<style>p { color: red }</style><script>var secret = "script text";</script></head>
<body>
<noscript>Enable JavaScript</noscript><template><p>template text</p></template>
<h1>天津工业  2025</h1>
<div><p>First   paragraph,
wrapped in the source.</p><p>Second<br>line two</p></div>
<!-- a comment -->
<table>
  <tr><th>地区</th><th>增加值</th></tr>
  <tr><td>天津</td><td><b>1234.5</b> 亿元</td></tr>
</table>


<p>After the table.</p>
<ul><li>one</li><li>two</li></ul>
<script>document.write("more script")</script>
</body></html>
"""


def test_html_readable_text(tmp_path):
    result = read(write(tmp_path / "page.html", PAGE.encode("utf-8")))
    assert result.text == (
        "天津工业 2025\n"
        "First paragraph, wrapped in the source.\n"
        "Second\n"
        "line two\n"
        "地区\t增加值\n"
        "天津\t1234.5 亿元\n"
        "After the table.\n"
        "one\n"
        "two"
    )
    assert result.doc_type == "html"


@pytest.mark.parametrize("declared", ["gb2312", "gbk", "GB18030"])
def test_html_encoding_from_meta_charset(tmp_path, declared):
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
    page += "</head><body><p>全年地区生产总值增长5.1%</p></body></html>"
    result = read(write(tmp_path / "gb.htm", page.encode("gb18030")))
    assert result.text == "全年地区生产总值增长5.1%"


def test_html_saved_as_utf8_with_an_old_gb2312_meta(tmp_path):
    page = '<html><head><meta charset="gb2312"></head><body><p>全年地区生产总值增长5.1%</p>'
    result = read(write(tmp_path / "resaved.html", page.encode("utf-8")))
    assert result.text == "全年地区生产总值增长5.1%"


def test_html_encoding_detected_without_meta(tmp_path):
    page = "<html><body><p>全年地区生产总值增长5.1%，规模以上工业增加值增长6.1%。</p></body></html>"
    result = read(write(tmp_path / "gb.html", page.encode("gb18030")))
    assert result.text == "全年地区生产总值增长5.1%，规模以上工业增加值增长6.1%。"


def test_html_loads_nothing_from_outside(tmp_path):
    secret = write(tmp_path / "secret.txt", b"SECRET-FILE-CONTENT")
    page = f"""<?xml version="1.0"?>
<!DOCTYPE html SYSTEM "http://192.0.2.1/never.dtd" [
  <!ENTITY leak SYSTEM "{secret.as_uri()}">
]>
<html><head><link rel="stylesheet" href="http://192.0.2.1/x.css"></head>
<body><p>Text &leak; end</p><img src="http://192.0.2.1/x.png">
<iframe src="{secret.as_uri()}"></iframe></body></html>"""
    result = read(write(tmp_path / "evil.html", page.encode("utf-8")))
    assert "SECRET-FILE-CONTENT" not in result.text
    assert "Text &leak; end" in result.text  # what a browser shows for an unknown entity


# --- refusals common to all formats -------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02" + bytes(40)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", "empty"),
        ("empty.pdf", b"", "empty"),
        ("blank.txt", b"  \r\n\t\n \xe3\x80\x80\n", "no text"),
        ("blank.md", codecs.BOM_UTF8 + b"\n\n", "no text"),
        ("blank.html", b"<html><head><title>t</title></head><body> </body></html>", "no text"),
        ("picture.txt", PNG, "binary"),
        ("picture.html", PNG, "binary"),
        ("nul.txt", b"GDP grew\x00\x005%\x00\n" * 3, "binary"),
        ("controls.md", b"GDP\x01\x02\x03\x04\x05\x06 grew\x07\x08\x0e 5%\n", "binary"),
        ("table.xlsx", b"PK\x03\x04", "not a readable Excel workbook"),
        ("table.ods", b"PK\x03\x04", "supported: .txt, .md, .docx, .pdf, .html, .htm, .xlsx, .csv"),
        ("README", b"GDP grew 5%", "supported: .txt"),
    ],
)
def test_bad_input_is_refused(tmp_path, name, data, words):
    assert words in refusal(write(tmp_path / name, data))


def test_missing_file_is_refused(tmp_path):
    assert "does not exist" in refusal(tmp_path / "gone 报告.txt")


def test_folder_is_refused(tmp_path):
    folder = tmp_path / "reports.txt"
    folder.mkdir()
    assert "folder" in refusal(folder)


def test_file_over_the_limit_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge 📈.txt"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    assert f"{MAX_FILE_BYTES // (1024 * 1024)} MB" in refusal(path)


def test_text_no_encoding_decodes_is_refused(tmp_path):
    import random

    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(4000))
    message = refusal(write(tmp_path / "noise.txt", noise))
    assert "binary" in message or "encoding" in message
