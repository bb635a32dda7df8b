"""Two desks on one team database: a save at one shows at the other within a second (through
the server's notifications, not a poll), and the review queue shows who has an entry open.

The issue promises one second; the waits allow three (a busy test machine), and print the
time measured.
"""

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from workspace_helpers import cite_and_name, make_window, type_text

from indicite.services import review
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.services.users import add_user, ensure_user
from indicite.ui.indicator_model import COLUMNS

PROMISED_S = 1.0
ALLOWED_MS = 3000


@pytest.fixture
def desks(pg_url, sample_file):
    """张三 (staff) and 李四 (editor), each with an own connection: two desks."""
    admin = Session.open(pg_url, "admin")
    ensure_user(admin)
    add_user(admin, "张三", "staff")
    add_user(admin, "李四", "editor")
    doc_id = import_file(admin, sample_file, DocumentMeta(subject="天津")).document_id
    admin.close()
    a, b = Session.open(pg_url, "张三"), Session.open(pg_url, "李四")
    yield a, b, doc_id
    a.close()
    b.close()


def names_listed(window) -> list[str]:
    model, column = window.indicator_model, COLUMNS.index("name")
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def waited(qtbot, condition, what: str) -> float:
    started = time.perf_counter()
    qtbot.waitUntil(condition, timeout=ALLOWED_MS)
    elapsed = time.perf_counter() - started
    print(f"\n{what}: {elapsed * 1000:.0f} ms (promised: {PROMISED_S:g} s)")
    return elapsed


def test_a_save_at_one_desk_shows_at_the_other_within_a_second(desks, qtbot, tmp_path):
    a, b, doc_id = desks
    desk_b = make_window(qtbot, b, tmp_path / "b", doc_id)
    desk_a = make_window(qtbot, a, tmp_path / "a", doc_id)  # the active window: 张三 types
    assert desk_b.live_updates.listening  # told by the server, not polling
    text = desk_a.document.text
    start = text.index("4.2%")

    cite_and_name(qtbot, desk_a, start, start + 4, "规上工业增加值增速")
    waited(
        qtbot,
        lambda: "规上工业增加值增速" in names_listed(desk_b),
        "another desk's new entry listed",
    )
    assert desk_b.document_view.text.toPlainText()  # the document stayed open at desk B

    ind_id = desk_b.indicator_model.id_at(0)
    desk_b.select_indicator(ind_id)
    desk_a.select_indicator(ind_id)
    name = desk_a.form.fields["name"]
    name.selectAll()
    type_text(name, "出口总额")
    QTest.keyClick(name, Qt.Key.Key_Return)
    waited(qtbot, lambda: names_listed(desk_b) == ["出口总额"], "another desk's edit listed")
    assert desk_b.selected_indicator_id() == ind_id  # the reader's selection stays


def queue_name(window, ind_id: int) -> str:
    """The entry's name cell in the review queue, as the reviewer reads it."""
    view = window.review_mode.view
    row = view.model.row_of(ind_id)
    return view.model.data(view.model.index(row, view.model.COLUMNS.index("name")))


def test_the_review_queue_shows_who_has_an_entry_open(desks, qtbot, tmp_path):
    a, b, doc_id = desks
    text = a.store.documents.get(doc_id).text
    start = text.index("4.2%")
    ind = create_indicator(a, doc_id, {"name": "增速"}, [(start, start + 4)])
    review.submit(a, ind.id, ind.version)
    desk_a = make_window(qtbot, a, tmp_path / "a", doc_id)
    desk_b = make_window(qtbot, b, tmp_path / "b")
    desk_b.review_mode.mode_action.trigger()  # 李四 reviews
    view = desk_b.review_mode.view
    assert queue_name(desk_b, ind.id) == "增速"

    table = desk_a.indicator_table  # 张三 clicks the entry in the list
    row_rect = table.visualRect(desk_a.indicator_model.index(0, COLUMNS.index("name")))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row_rect.center())
    assert desk_a.form.indicator_id == ind.id
    waited(qtbot, lambda: queue_name(desk_b, ind.id) == "[Open: 张三] 增速", "presence shown")
    assert "open at another desk by 张三" in view.status_label.text()

    desk_a.close()
    waited(qtbot, lambda: queue_name(desk_b, ind.id) == "增速", "presence gone after closing")
    assert "another desk" not in view.status_label.text()


def test_a_window_on_a_file_polls_and_writes_no_presence(qtbot, session, tmp_path, sample_doc):
    ind = create_indicator(session, sample_doc, {"name": "增速"}, [(0, 4)])
    window = make_window(qtbot, session, tmp_path, sample_doc)
    window.select_indicator(ind.id)
    assert not window.live_updates.listening
    assert window.presence.shown is None  # nothing was written to the file


def test_a_desk_whose_listener_was_cut_off_listens_again_and_catches_up(
    desks, qtbot, tmp_path, monkeypatch
):
    from indicite.ui import live_updates

    monkeypatch.setattr(live_updates, "RECONNECT_MS", 200)
    a, b, doc_id = desks
    desk_b = make_window(qtbot, b, tmp_path / "b", doc_id)
    cut = desk_b.live_updates.listener.raw.info.backend_pid
    a.store.db.execute("SELECT pg_terminate_backend(?)", [cut])  # the server drops it
    qtbot.waitUntil(lambda: not desk_b.live_updates.listening, timeout=ALLOWED_MS)
    create_indicator(a, doc_id, {"name": "断线期间的指标"}, [(0, 4)])  # while nobody listens
    waited(
        qtbot,
        lambda: names_listed(desk_b) == ["断线期间的指标"],
        "a change made while cut off, shown after listening again",
    )
    assert desk_b.live_updates.listening
    assert desk_b.live_updates.listener.raw.info.backend_pid != cut


def test_an_entry_submitted_at_one_desk_joins_the_open_review_queue_at_another(
    desks, qtbot, tmp_path
):
    a, b, doc_id = desks
    text = a.store.documents.get(doc_id).text
    start = text.index("4.2%")
    create_indicator(a, doc_id, {"name": "增速"}, [(start, start + 4)])
    desk_b = make_window(qtbot, b, tmp_path / "b")
    desk_b.review_mode.mode_action.trigger()  # 李四's queue is open, and empty
    view = desk_b.review_mode.view
    assert view.model.total() == 0
    desk_a = make_window(qtbot, a, tmp_path / "a", doc_id)
    desk_a.select_indicator(desk_a.indicator_model.id_at(0))
    desk_a.review_mode.transition_actions["submit"].trigger()  # 张三: Review → Submit
    waited(qtbot, lambda: view.model.total() == 1, "a submitted entry in the open queue")
    assert view.progress.text() == "1 of 1"
