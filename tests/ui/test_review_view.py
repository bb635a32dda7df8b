"""Review mode driven from the keyboard, checked against the database."""

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from indicite.services import review
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.services.users import add_user, ensure_user
from indicite.ui.review_view import ReviewView

NEEDLES = ("4.2%", "8.6万个", "115.01亿元")


@pytest.fixture
def people(session):
    ensure_user(session)
    add_user(session, "eve", "editor")
    add_user(session, "sam", "staff")
    return {name: Session(session.store, name) for name in ("tester", "eve", "sam")}


@pytest.fixture
def submitted(people, sample_doc):
    """Three entries by sam, submitted in order, each cited to its value."""
    sam = people["sam"]
    text = sam.store.documents.get(sample_doc).text
    ids = []
    for needle in NEEDLES:
        start = text.index(needle) if needle in text else 0
        ind = create_indicator(
            sam, sample_doc, {"name": f"指标{needle}"}, [(start, start + len(needle))]
        )
        ids.append(review.submit(sam, ind.id, ind.version).id)
    return ids


@pytest.fixture
def view(qtbot, people, submitted):
    widget = ReviewView(people["eve"])
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    widget.table.setFocus()
    return widget


def type_chinese(widget, text):
    """Chinese arrives from the input method as a commit string, not as key presses."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def key(view, k):
    QTest.keyClick(view.focusWidget() or view, k)


def test_models_are_sound(qtmodeltester, view, people):
    from indicite.ui.users_dialog import UsersDialog

    qtmodeltester.check(view.model)
    qtmodeltester.check(view.history.model)
    qtmodeltester.check(UsersDialog(people["tester"], view).model)


def test_whole_review_from_the_keyboard(view, people, submitted):
    store = people["eve"].store
    first = store.indicators.get(submitted[0])
    assert view.progress.text() == "1 of 3"
    assert view.document.selected_text() == first.citations[0].exact
    key(view, Qt.Key.Key_A)
    assert view.progress.text() == "2 of 3"
    key(view, Qt.Key.Key_A)
    assert view.progress.text() == "3 of 3"
    key(view, Qt.Key.Key_R)
    assert view.return_box.isVisible() and view.return_box.hasFocus()
    type_chinese(view.return_box, "单位写错了")
    QTest.keyClick(view.return_box, Qt.Key.Key_Return)

    statuses = [store.indicators.get(i).status for i in submitted]
    assert statuses == ["approved", "approved", "returned"]
    actions = [(e.who, e.action) for e in review.history(people["eve"], submitted[2])]
    assert actions == [("sam", "create"), ("sam", "submit"), ("eve", "return")]
    (comment,) = review.comments(people["sam"], submitted[2])
    assert (comment.who, comment.kind, comment.body) == ("eve", "return", "单位写错了")
    assert [view.model.outcome(r) for r in range(3)] == ["approved", "approved", "returned"]
    history = view.history.model  # the returned entry is still the one shown
    assert history.rowCount() == 3
    assert "单位写错了" in history.data(history.index(2, 3))

    key(view, Qt.Key.Key_K)
    assert view.progress.text() == "2 of 3"
    assert not view.approve_button.isEnabled()  # already approved: nothing more to do


def test_return_needs_a_comment_and_escape_cancels(view, people, submitted):
    key(view, Qt.Key.Key_R)
    QTest.keyClick(view.return_box, Qt.Key.Key_Return)
    assert "comment" in view.message.text()
    assert people["eve"].store.indicators.get(submitted[0]).status == "submitted"
    QTest.keyClick(view.return_box, Qt.Key.Key_Escape)
    assert not view.return_box.isVisible()


def test_four_eyes_and_tampered_citation_are_not_approvable(qtbot, people, submitted):
    people["sam"].store.db.execute(
        "UPDATE citations SET exact = '假' WHERE indicator_id = ?", [submitted[1]]
    )
    widget = ReviewView(people["sam"])  # staff cannot approve at all
    qtbot.addWidget(widget)
    assert not widget.approve_button.isEnabled()
    widget = ReviewView(people["eve"])
    qtbot.addWidget(widget)
    assert widget.model.data(widget.model.index(1, 0)).startswith("⚠ The passage at")
    widget.table.selectAll()
    widget.approve_selected()
    assert "Approved 2." in widget.report.text()
    assert f"#{submitted[1]}" in widget.report.text() and "no longer" in widget.report.text()
    statuses = [people["eve"].store.indicators.get(i).status for i in submitted]
    assert statuses == ["approved", "submitted", "approved"]


def test_admin_manages_users_and_four_eyes(qtbot, people):
    from indicite.ui.users_dialog import UsersDialog

    dialog = UsersDialog(people["tester"])
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.new_name, "lee")
    dialog.new_role.setCurrentIndex(dialog.new_role.findData("editor"))
    QTest.keyClick(dialog.new_name, Qt.Key.Key_Return)
    dialog.four_eyes.click()
    assert {u.name: u.role for u in dialog.model._users}["lee"] == "editor"
    assert not review.four_eyes(people["tester"])
    actions = [r["action"] for r in people["tester"].store.db.query("SELECT action FROM events")]
    assert actions[-2:] == ["add_user", "set_four_eyes"]
    staff_view = UsersDialog(people["sam"])
    qtbot.addWidget(staff_view)
    assert not staff_view.four_eyes.isEnabled() and not staff_view.add_button.isEnabled()


def test_first_start_asks_for_the_name_once(qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from indicite.ui import user_prompt

    user_prompt.remember_name("")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("王芳", True))
    assert user_prompt.user_name() == "王芳"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest.fail("asked twice"))
    assert user_prompt.user_name() == "王芳"


def test_main_window_offers_review(qtbot, people, submitted, sample_doc):
    from indicite.ui.main_window import MainWindow

    window = MainWindow(people["eve"])
    qtbot.addWidget(window)
    window.open_document(sample_doc)
    window.select_indicator(submitted[0])
    window.review_mode.update_actions()
    actions = window.review_mode.transition_actions
    assert actions["approve"].isEnabled() and not actions["submit"].isEnabled()
    actions["approve"].trigger()
    assert people["eve"].store.indicators.get(submitted[0]).status == "approved"
    notice = window.review_mode.notice
    assert not notice.isHidden() and "Approved by eve" in notice.text()
    assert not window.form.isEnabled()  # locked until reopened
    ind = review.return_(people["eve"], submitted[1], 2, "请核对单位")
    window.select_indicator(ind.id)
    assert "请核对单位" in notice.text() and window.form.isEnabled()
    window.review_mode.mode_action.trigger()
    assert window.review_mode.stack.currentWidget() is window.review_mode.view
    assert window.review_mode.view.progress.text() == "1 of 1"


def test_refresh_shows_other_peoples_changes_and_keeps_a_half_typed_return(
    view, people, submitted, sample_doc
):
    key(view, Qt.Key.Key_R)
    type_chinese(view.return_box, "请核对")
    view.refresh()  # the idle refresh: nothing changed
    assert view.return_box.isVisible() and view.return_box.text() == "请核对"
    other = Session.open(people["sam"].store.path, "ann")  # a second app on the same file
    try:
        ind = create_indicator(other, sample_doc, {"name": "新指标"}, [(0, 4)])
        review.submit(other, ind.id, ind.version)
    finally:
        other.close()
    view.refresh()
    assert view.progress.text() == "1 of 4"
    assert view.return_box.text() == "请核对"
    view.table.setFocus()
    key(view, Qt.Key.Key_J)
    key(view, Qt.Key.Key_J)
    key(view, Qt.Key.Key_J)
    assert view.progress.text() == "4 of 4"
    assert view.current.name == "新指标"


def test_e_edits_in_place_and_four_eyes_then_blocks_approval(view, people, submitted):
    from indicite.ui.review_view import EditDialog

    key(view, Qt.Key.Key_E)
    dialog = view.findChild(EditDialog)
    notes = dialog.form.fields["notes"]
    notes.setFocus()
    type_chinese(notes, "编辑核对后修正")
    QTest.keyClick(notes, Qt.Key.Key_Return)
    stored = people["eve"].store.indicators.get(submitted[0])
    assert (stored.notes, stored.updated_by, stored.status) == (
        "编辑核对后修正",
        "eve",
        "submitted",
    )
    assert view.model.outcome(0) == "edited"
    assert not view.approve_button.isEnabled()
    assert "Four eyes" in view.approve_button.toolTip()
    key(view, Qt.Key.Key_A)
    assert people["eve"].store.indicators.get(submitted[0]).status == "submitted"


def test_queue_pages_through_many_entries_oldest_first(
    qtbot, qtmodeltester, people, sample_doc, monkeypatch
):
    from indicite.ui import review_view

    monkeypatch.setattr(review_view, "PAGE_SIZE", 4)  # many pages from a few entries
    sam, eve = people["sam"], people["eve"]
    days = [5, 3, 9, 1, 7, 2, 10, 4, 8, 6]  # when each of the ten was submitted, in September
    times = [f"2025-09-{day:02d}T10:00:00.000+00:00" for day in days]
    monkeypatch.setattr(review, "now_iso", lambda: times.pop(0))
    for n in range(10):
        ind = create_indicator(sam, sample_doc, {"name": f"指标{n}"}, [(n, n + 2)])
        review.submit(sam, ind.id, ind.version)
    widget = ReviewView(eve)
    qtbot.addWidget(widget)
    model = widget.model
    qtmodeltester.check(model)
    assert model.rowCount() == 10 and widget.progress.text() == "1 of 10"
    shown = [model.data(model.index(row, 1)) for row in range(10)]
    assert shown == [f"指标{n}" for n in (3, 5, 1, 7, 0, 9, 4, 8, 2, 6)]
    assert model.data(model.index(9, 6)) == "2025-09-10 10:00"
    assert widget.current.name == "指标3"

    widget.since.setDate(QDate(2025, 9, 4))
    widget.until.setDate(QDate(2025, 9, 5))
    assert [model.data(model.index(row, 1)) for row in range(model.rowCount())] == [
        "指标7",
        "指标0",
    ]
    assert widget.progress.text() == "1 of 2"


def test_a_refresh_keeps_what_this_pass_did_in_place(view, people, submitted):
    key(view, Qt.Key.Key_J)
    key(view, Qt.Key.Key_A)  # the second entry, approved: it left the queue
    view.refresh()
    assert view.model.rowCount() == 3
    assert [view.model.outcome(r) for r in range(3)] == ["", "approved", ""]
    assert view.model.data(view.model.index(1, 0)) == "Approved"
    view.reload_queue()  # a new pass: only what is still waiting
    assert view.model.rowCount() == 2


def test_a_hidden_history_reads_nothing_and_catches_up_when_shown(
    qtbot, people, submitted, sample_doc, tmp_path
):
    from workspace_helpers import make_window

    window = make_window(qtbot, people["eve"], tmp_path, sample_doc)
    mode = window.review_mode
    mode.docks["history"].hide()
    window.select_indicator(submitted[1])
    assert mode.history.model.rowCount() == 0  # nothing read for a panel nobody sees
    mode.docks["history"].show()
    model = mode.history.model
    actions = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert len(actions) == 2 and mode.history.indicator_id == submitted[1]  # create, submit
