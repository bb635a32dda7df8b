"""History in words: labels instead of field names, values as the form shows them, columns
sized to their content, and one History in review mode."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from workspace_helpers import make_window

from indicite.services import review
from indicite.services.indicators import (
    create_indicator,
    delete_indicator,
    restore_indicator,
    update_indicator,
)

FIELD_NAMES = ("deleted_at", "base_value", "base_unit", "period_label", "value_text", "_")


def details(panel) -> list[tuple[str, str]]:
    model = panel.model
    return [
        (model.index(row, 2).data(), model.index(row, 3).data()) for row in range(model.rowCount())
    ]


def test_history_names_fields_and_formats_values(qtbot, session, sample_doc, tmp_path):
    text = session.store.documents.get(sample_doc).text
    start = text.index("170家")
    fields = {"name": "配套企业", "value": 170.0, "unit": "家", "measure": "count"}
    ind = create_indicator(session, sample_doc, fields, [(start, start + 4)])
    ind = update_indicator(session, ind.id, {"value": 86000.0, "unit": "个"}, ind.version)
    ind = delete_indicator(session, ind.id, ind.version)
    ind = restore_indicator(session, ind.id, ind.version)
    window = make_window(qtbot, session, tmp_path, sample_doc)
    window.select_indicator(ind.id)
    panel = window.review_mode.history
    rows = details(panel)
    assert [action for action, _ in rows] == ["Created", "Edited", "Deleted", "Restored"]
    for _action, line in rows:
        assert not any(name in line for name in FIELD_NAMES), line
        assert ".0" not in line, line  # 170, not 170.0
    assert "Value: 170" in rows[0][1] and "Measure: Count" in rows[0][1]
    assert "Value: 170 → 86000" in rows[1][1] and "Base value: 170 → 86000" in rows[1][1]

    panel.show()
    QApplication.processEvents()
    header = panel.table.horizontalHeader()
    fm = panel.table.fontMetrics()
    when = panel.model.index(0, 0).data()
    assert header.sectionSize(0) >= fm.horizontalAdvance(when)  # the time is not cut
    assert header.sectionSize(2) >= fm.horizontalAdvance("Restored")


def test_review_mode_shows_history_once(qtbot, session, sample_doc, tmp_path):
    text = session.store.documents.get(sample_doc).text
    start = text.index("4.2%")
    ind = create_indicator(session, sample_doc, {"name": "增速"}, [(start, start + 4)])
    review.submit(session, ind.id, ind.version)
    window = make_window(qtbot, session, tmp_path, sample_doc)
    dock = window.review_mode.docks["history"]
    assert dock.isVisible()
    window.review_mode.mode_action.trigger()
    assert not dock.isVisible()
    view = window.review_mode.view
    assert view.tabs.isVisible() and view.tabs.indexOf(view.history) >= 0  # its own, once
    window.review_mode.mode_action.trigger()
    assert dock.isVisible()  # back in the workspace as it was
    assert Qt.DockWidgetArea.BottomDockWidgetArea == window.dockWidgetArea(dock)


def test_closing_in_review_mode_remembers_the_docks_of_the_workspace(
    qtbot, session, sample_doc, tmp_path
):
    from PySide6.QtCore import QSettings

    from indicite.ui.main_window import MainWindow

    window = make_window(qtbot, session, tmp_path, sample_doc)
    window.review_mode.mode_action.trigger()
    window.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = MainWindow(session, settings)
    qtbot.addWidget(again)
    again.show()
    assert again.review_mode.docks["history"].isVisible()
