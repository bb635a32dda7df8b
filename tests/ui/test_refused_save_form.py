"""The database refuses a save (read-only file here; a full disk takes the same path, see
tests/faults/test_disk_full.py): the user is told, and what they typed stays in the form."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from workspace_helpers import make_window, select_passage, type_text


def test_refused_save_keeps_the_typed_form_and_saves_once_writable(
    qtbot, session, sample_doc, tmp_path
):
    window = make_window(qtbot, session, tmp_path, sample_doc)
    start = window.document.text.index("4.2%")
    select_passage(window, start, start + 4)
    view = window.document_view.text
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    name = window.form.fields["name"]
    type_text(name, "规上工业增加值增速")
    session.store.db.execute("PRAGMA query_only = ON")  # the file became read-only

    QTest.keyClick(name, Qt.Key.Key_Return)

    assert session.store.indicators.count() == 0
    assert "read-only" in window.form.message.text()
    assert name.text() == "规上工业增加值增速"
    assert window.form.mode == "new"

    session.store.db.execute("PRAGMA query_only = OFF")
    QTest.keyClick(name, Qt.Key.Key_Return)
    (ind,) = session.store.indicators.for_document(sample_doc)
    assert ind.name == "规上工业增加值增速"


def test_full_disk_keeps_the_typed_form_and_saves_once_space_is_back(
    qtbot, session, sample_doc, tmp_path
):
    window = make_window(qtbot, session, tmp_path, sample_doc)
    start = window.document.text.index("4.2%")
    select_passage(window, start, start + 4)
    view = window.document_view.text
    QTest.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    notes = "口径说明：" * 4000  # needs new pages in the file
    type_text(window.form.fields["notes"], notes)
    name = window.form.fields["name"]
    type_text(name, "规上工业增加值增速")
    pages = session.store.db.execute("PRAGMA page_count").fetchone()[0]
    session.store.db.execute(f"PRAGMA max_page_count = {pages:d}")  # the disk is full

    QTest.keyClick(name, Qt.Key.Key_Return)

    assert session.store.indicators.count() == 0
    assert "disk is full" in window.form.message.text()
    assert (name.text(), window.form.fields["notes"].text()) == ("规上工业增加值增速", notes)

    session.store.db.execute("PRAGMA max_page_count = 1073741823")  # space is back
    QTest.keyClick(name, Qt.Key.Key_Return)
    (ind,) = session.store.indicators.for_document(sample_doc)
    assert (ind.name, ind.notes) == ("规上工业增加值增速", notes)
