"""Why a button is grey: a refused Approve says why in its tooltip and, when its key is
pressed, in the status bar; the queue's Check column explains its marks."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from workspace_helpers import make_window

from indicite.services import review
from indicite.services.indicators import create_indicator, update_indicator
from indicite.services.users import add_user, ensure_user

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def submitted(session, sample_doc):
    """An entry by ann, submitted; tester is the admin; eve an editor, sam staff."""
    ensure_user(session)
    add_user(session, "eve", "editor")
    add_user(session, "sam", "staff")
    add_user(session, "ann", "staff")
    text = session.store.documents.get(sample_doc).text
    start = text.index("4.2%")
    session.user = "ann"
    ind = create_indicator(session, sample_doc, {"name": "增速"}, [(start, start + 4)])
    ind = review.submit(session, ind.id, ind.version)
    return ind


def review_window(qtbot, session, sample_doc, tmp_path, user: str):
    session.user = user
    window = make_window(qtbot, session, tmp_path, sample_doc)
    window.review_mode.mode_action.trigger()
    return window, window.review_mode.view


def test_staff_sees_wrong_role_and_a_says_it(qtbot, session, sample_doc, tmp_path, submitted):
    window, view = review_window(qtbot, session, sample_doc, tmp_path, "sam")
    assert not view.approve_button.isEnabled()
    assert "Only an editor" in view.approve_button.toolTip()
    QTest.keyClick(view.table, Qt.Key.Key_A)
    assert "Only an editor" in window.statusBar().currentMessage()
    assert session.store.indicators.get(submitted.id).status == "submitted"


def test_editor_who_last_changed_it_is_told_four_eyes(
    qtbot, session, sample_doc, tmp_path, submitted
):
    session.user = "eve"
    update_indicator(session, submitted.id, {"notes": "checked"}, submitted.version)
    window, view = review_window(qtbot, session, sample_doc, tmp_path, "eve")
    assert not view.approve_button.isEnabled()
    assert "you last changed this entry" in view.approve_button.toolTip()
    QTest.keyClick(view.table, Qt.Key.Key_A)
    assert "Four eyes" in window.statusBar().currentMessage()


def test_workspace_shortcut_of_a_grey_approve_says_why(
    qtbot, session, sample_doc, tmp_path, submitted
):
    session.user = "ann"
    window = make_window(qtbot, session, tmp_path, sample_doc)
    window.select_indicator(submitted.id)
    approve = window.review_mode.transition_actions["approve"]
    window.menus["review"].aboutToShow.emit()  # the rules are asked when the menu opens
    assert not approve.isEnabled()
    assert "Only an editor" in approve.toolTip()
    window.indicator_table.setFocus()
    QTest.keyClick(window.indicator_table, Qt.Key.Key_A, CTRL_SHIFT)
    assert "Only an editor" in window.statusBar().currentMessage()


def test_own_entry_editor_reads_you_entered(qtbot, session, sample_doc, tmp_path):
    ensure_user(session)  # tester: admin, may approve others' entries only
    text = session.store.documents.get(sample_doc).text
    start = text.index("3.9%")
    ind = create_indicator(session, sample_doc, {"name": "投资"}, [(start, start + 4)])
    review.submit(session, ind.id, ind.version)
    _window, view = review_window(qtbot, session, sample_doc, tmp_path, "tester")
    assert "you entered this entry" in view.approve_button.toolTip()


def test_check_column_explains_itself(qtbot, session, sample_doc, tmp_path, submitted):
    _window, view = review_window(qtbot, session, sample_doc, tmp_path, "eve")
    QApplication.processEvents()
    model = view.model
    header_tip = model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "✓" in header_tip and "⚠" in header_tip
    assert view.legend.isVisible() and "⚠" in view.legend.text()
    assert "reads as quoted" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert view.approve_button.isEnabled() and view.approve_button.toolTip() == ""
