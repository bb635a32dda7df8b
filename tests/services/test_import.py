"""Import keeps the file's text and bytes, and refuses what it cannot read."""

import hashlib

from indicite.core.text import sha256_text
from indicite.services.documents import DocumentMeta, import_file, list_documents


def test_stored_text_is_the_file_text_with_bom_and_crlf_normalised(session, tmp_path):
    raw = "\ufeff标题\r\n\r\n1—11月，增长4.2%。\r旧式换行\n".encode()
    path = tmp_path / "报告.txt"
    path.write_bytes(raw)
    outcome = import_file(session, path, DocumentMeta(subject="天津"))
    assert outcome.ok
    doc = session.store.documents.get(outcome.document_id)
    assert doc.text == "标题\n\n1—11月，增长4.2%。\n旧式换行\n"
    assert doc.title == "标题"
    assert doc.subject == "天津"
    assert doc.text_sha256 == sha256_text(doc.text)
    original = session.store.documents.original_file(outcome.document_id)
    assert original["content"] == raw
    assert original["sha256"] == hashlib.sha256(raw).hexdigest()
    assert original["name"] == "报告.txt"


def test_title_falls_back_to_first_non_empty_line_and_can_be_given(session, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("\n\n   \n# 二〇二五年工作总结\n正文", encoding="utf-8")
    doc_id = import_file(session, path).document_id
    assert session.store.documents.get(doc_id).title == "# 二〇二五年工作总结"
    other = tmp_path / "b.txt"
    other.write_text("正文二", encoding="utf-8")
    doc_id = import_file(session, other, DocumentMeta(title="给定标题")).document_id
    assert session.store.documents.get(doc_id).title == "给定标题"


def test_import_is_recorded_in_the_history(session, sample_file):
    doc_id = import_file(session, sample_file).document_id
    (row,) = session.store.db.query("SELECT who, action, document_id FROM events")
    assert row == {"who": "tester", "action": "import", "document_id": doc_id}


def test_list_documents_searches_title_and_issuer(session, sample_file, tmp_path):
    import_file(session, sample_file, DocumentMeta(issuer="天津市工业和信息化局"))
    other = tmp_path / "guangdong.txt"
    other.write_text("广东省政府工作报告\n内容", encoding="utf-8")
    import_file(session, other, DocumentMeta(issuer="广东省人民政府"))
    assert [d["title"] for d in list_documents(session, "广东")] == ["广东省政府工作报告"]
    assert len(list_documents(session, "天津市工业")) == 1
    assert len(list_documents(session, "")) == 2
    assert list_documents(session, "%") == []
    latin = tmp_path / "gdp.txt"
    latin.write_text("2025年GDP快报\n内容", encoding="utf-8")
    import_file(session, latin, DocumentMeta(issuer="NBS"))
    assert [d["title"] for d in list_documents(session, "gdp")] == ["2025年GDP快报"]
    assert [d["issuer"] for d in list_documents(session, "Nbs")] == ["NBS"]
