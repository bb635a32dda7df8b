"""File → Restore and the damaged-database dialog, driven through their real widgets."""

from datetime import datetime

from workspace_helpers import make_window

from indicite.services.backups import back_up, backups_of
from indicite.services.indicators import create_indicator
from indicite.ui.damaged_dialog import DamagedDialog
from indicite.ui.restore_dialog import RestoreAction, RestoreDialog


def test_restore_dialog_lists_backups_and_restores_the_chosen_one(qtbot, session, sample_doc):
    back_up(session, datetime(2026, 3, 1, 9, 0))
    create_indicator(session, sample_doc, {"name": "工业投资"}, [(0, 4)])
    back_up(session, datetime(2026, 3, 1, 10, 0))
    create_indicator(session, sample_doc, {"name": "出口额"}, [(0, 4)])

    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    model = dialog.model
    shown = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    assert shown == [["2026-03-01 10:00:00", "1", "1"], ["2026-03-01 09:00:00", "1", "0"]]
    dialog.table.selectRow(1)
    dialog.restore_button.click()

    assert dialog.result() == dialog.DialogCode.Accepted
    assert session.store.indicators.count() == 0
    assert backups_of(session.store.path)[0].indicators == 2  # what it held was kept first


def test_restore_dialog_says_what_the_chosen_backup_would_undo(qtbot, session, sample_doc):
    from indicite.services import review
    from indicite.services.session import Session
    from indicite.services.users import add_user, ensure_user

    ensure_user(session)
    add_user(session, "eve", "editor")
    back_up(session, datetime(2026, 3, 1, 12, 30))
    editor = Session(session.store, "eve")
    for name in ("工业投资", "出口额"):
        ind = create_indicator(session, sample_doc, {"name": name}, [(0, 4)])
        ind = review.submit(session, ind.id, ind.version)
        review.approve(editor, ind.id, ind.version)
    back_up(session, datetime(2026, 3, 1, 13, 0))

    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.consequence.text() == (
        "Nothing was recorded after 2026-03-01 13:00: restoring this backup loses no work."
    )
    dialog.table.selectRow(1)
    assert dialog.consequence.text() == (
        "Restoring the backup of 2026-03-01 12:30 loses what was recorded after it: "
        "2 review decisions, 2 new entries and 2 other changes."
    )
    dialog.restore_button.click()
    assert session.store.indicators.count() == 0
    kept = backups_of(session.store.path)[0]  # the current content was backed up first
    assert kept.indicators == 2


def test_restore_dialog_without_backups_says_so(qtbot, session):
    dialog = RestoreDialog(session)
    qtbot.addWidget(dialog)
    assert "no backups" in dialog.intro.text()
    assert not dialog.restore_button.isEnabled()


def test_damaged_database_offers_the_latest_backup(qtbot, session, sample_doc, db_path):
    create_indicator(session, sample_doc, {"name": "工业投资"}, [(0, 4)])
    back_up(session, datetime(2026, 3, 1, 9, 0))
    session.close()
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 3000)

    dialog = DamagedDialog(db_path, f"{db_path} is damaged")
    qtbot.addWidget(dialog)
    assert "2026-03-01 09:00" in dialog.informativeText()
    dialog.restore_button.click()
    restored = dialog.restored_session("tester")
    try:
        assert restored.store.indicators.count() == 1
    finally:
        restored.close()


def test_damaged_database_without_backup_offers_quit(qtbot, tmp_path):
    path = tmp_path / "x.sqlite"
    path.write_text("not a database")
    dialog = DamagedDialog(path, "damaged")
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    dialog.quit_button.click()
    assert dialog.restored_session("tester") is None


def test_file_restore_puts_back_a_backup_and_the_window_shows_it(
    qtbot, session, sample_doc, tmp_path, monkeypatch
):
    back_up(session, datetime(2026, 3, 1, 9, 0))
    window = make_window(qtbot, session, tmp_path, sample_doc)
    plugin = RestoreAction(window)
    file_actions = window.menus["file"].actions()
    assert plugin.action in file_actions and file_actions[-1] is not plugin.action  # Quit last
    create_indicator(session, sample_doc, {"name": "工业投资"}, [(0, 4)])
    window.refresh()
    assert window.indicator_model.rowCount() == 1

    def choose_first_and_restore(dialog):
        dialog.table.selectRow(0)
        dialog.restore_button.click()
        return dialog.result()

    monkeypatch.setattr(RestoreDialog, "exec", choose_first_and_restore)
    plugin.action.trigger()

    assert window.indicator_model.rowCount() == 0
    assert "restored" in window.statusBar().currentMessage()
