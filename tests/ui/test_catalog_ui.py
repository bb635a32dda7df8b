"""The catalog, kinds, checks and series in the interface, driven like a user would."""

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from workspace_helpers import make_window, select_passage, type_text

from indicite.core.catalog import CatalogItem
from indicite.services import review
from indicite.services.catalog import add_item, items
from indicite.services.documents import DocumentMeta, import_file
from indicite.services.indicators import create_indicator
from indicite.services.session import Session
from indicite.services.users import add_user, ensure_user
from indicite.ui.catalog.series import SeriesView
from indicite.ui.catalog.window import CatalogWindow, ItemDialog
from indicite.ui.review_view import ReviewView


@pytest.fixture
def iva(session):
    return add_item(
        session,
        CatalogItem(code="IVA", name="规模以上工业增加值", aliases=["规上工业增加值"], unit="%"),
    )


def test_catalog_models_are_sound(qtmodeltester, qtbot, session, iva):
    window = CatalogWindow(session)
    qtbot.addWidget(window)
    qtmodeltester.check(window.model)


def test_adding_an_item_in_the_dialog_stores_it(qtbot, session, iva):
    dialog = ItemDialog(session, CatalogItem(), items(session))
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.code, "GDP")
    type_text(dialog.name, "地区生产总值")
    type_text(dialog.aliases, "GDP|生产总值")
    dialog.parent_item.setCurrentIndex(dialog.parent_item.findData(iva.id))
    QTest.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    stored = {i.code: i for i in items(session)}["GDP"]
    assert (stored.name, stored.aliases, stored.parent_id) == (
        "地区生产总值",
        ["GDP", "生产总值"],
        iva.id,
    )


def test_a_taken_code_is_refused_in_the_dialog(qtbot, session, iva):
    dialog = ItemDialog(session, CatalogItem(), items(session))
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.code, "IVA")
    type_text(dialog.name, "别的指标")
    QTest.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert "IVA" in dialog.message.text() and dialog.saved is None
    assert [i.code for i in items(session)] == ["IVA"]


def test_merging_two_selected_items_in_the_window(qtbot, session, sample_doc, iva, monkeypatch):
    ensure_user(session)  # admin
    dup = add_item(session, CatalogItem(code="IVA2", name="规上增加值"))
    ind = create_indicator(session, sample_doc, {"name": "规上增加值"}, [(0, 4)])
    window = CatalogWindow(session)
    qtbot.addWidget(window)
    window.show()
    selection = window.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    window.table.setCurrentIndex(window.proxy.index(0, 0))  # IVA, kept
    selection.select(window.proxy.index(1, 0), flags)
    assert window.buttons["merge"].isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    QTest.mouseClick(window.buttons["merge"], Qt.MouseButton.LeftButton)
    assert [i.code for i in items(session)] == ["IVA"]
    assert session.store.indicators.get(ind.id).catalog_id == iva.id
    assert window.model.item(0).usage == 1 and "规上增加值" in window.model.item(0).aliases
    assert dup.code in window.message.text()


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # the completion popup
def test_the_form_completes_an_alias_to_the_catalog_name_and_stores_kind_and_link(
    qtbot, session, sample_doc, tmp_path, iva
):
    window = make_window(qtbot, session, tmp_path, sample_doc)
    text = window.document.text
    start = text.index("4.2%")
    select_passage(window, start, start + 4)
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    form = window.form
    type_text(form.fields["name"], "规上")
    popup = form.name_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.fields["name"].text() == "规模以上工业增加值")
    assert "IVA" in form.catalog_hint.text() and not form.add_to_catalog_button.isVisible()
    form.kind.setCurrentIndex(form.kind.findData("target"))
    QTest.keyClick(form.fields["name"], Qt.Key.Key_Return)
    (stored,) = session.store.indicators.for_document(sample_doc)
    assert (stored.name, stored.kind, stored.catalog_id) == ("规模以上工业增加值", "target", iva.id)


def test_a_new_name_is_added_to_the_catalog_from_the_form(qtbot, session, sample_doc, tmp_path):
    window = make_window(qtbot, session, tmp_path, sample_doc)
    ind = create_indicator(session, sample_doc, {"name": "工业投资增速"}, [(0, 4)])
    window.refresh()
    window.select_indicator(ind.id)
    form = window.form
    assert form.add_to_catalog_button.isVisible()

    def fill_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ItemDialog) and dialog.name.text() == "工业投资增速"
        QTest.keyClicks(dialog.code, "INV")
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, fill_dialog)
    QTest.mouseClick(form.add_to_catalog_button, Qt.MouseButton.LeftButton)
    (item,) = items(session)
    assert (item.code, item.name, item.usage) == ("INV", "工业投资增速", 1)
    assert session.store.indicators.get(ind.id).catalog_id == item.id
    assert "INV" in form.catalog_hint.text()


def _two_reports(session, tmp_path):
    docs = []
    for year, value in ((2024, "105亿元"), (2025, "107亿元")):
        path = tmp_path / f"{year}.txt"
        path.write_text(f"2025年全市地区生产总值{value}。", encoding="utf-8")
        meta = DocumentMeta(title=f"{year}年报告", subject="天津", published_on=f"{year}-12-01")
        docs.append(import_file(session, path, meta).document_id)
    return docs


def test_review_queue_names_the_conflict_and_filters_to_warnings(qtbot, session, tmp_path):
    ensure_user(session)
    add_user(session, "eve", "editor")
    ids = []
    for doc, value in zip(_two_reports(session, tmp_path), (105, 107), strict=True):
        text = session.store.documents.get(doc).text
        start = text.index(f"{value}亿元")
        fields = {"name": "地区生产总值", "value": value, "unit": "亿元", "period_label": "2025年"}
        ind = create_indicator(session, doc, fields, [(start, start + 6)])
        ids.append(review.submit(session, ind.id, ind.version).id)
    fine = create_indicator(session, doc, {"name": "别的", "value": 2025, "unit": "年"}, [(0, 4)])
    review.submit(session, fine.id, fine.version)
    view = ReviewView(Session(session.store, "eve"))
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    assert view.model.total() == 3
    check = view.model.data(view.model.index(0, 0))
    assert check.startswith("⚠ 105亿元 differs from 107亿元")
    QTest.mouseClick(view.warnings_only, Qt.MouseButton.LeftButton)
    assert view.model.ids() == ids


def test_series_view_lists_entries_by_period_and_opens_the_passage(qtbot, session, tmp_path):
    docs = _two_reports(session, tmp_path)
    made = []
    for doc, value, kind in zip(docs, (105, 107), ("actual", "target"), strict=True):
        text = session.store.documents.get(doc).text
        start = text.index(f"{value}亿元")
        period = "2025年" if kind == "actual" else "2026年"
        fields = {"name": "地区生产总值", "value": value, "unit": "亿元", "kind": kind}
        fields["period_label"] = period
        made.append(create_indicator(session, doc, fields, [(start, start + 6)]))
    window = make_window(qtbot, session, tmp_path, docs[0])
    view = window.catalog_actions.show_series(made[1].id)
    qtbot.addWidget(view)
    assert isinstance(view, SeriesView)
    periods = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert periods == ["2025年", "2026年"]
    assert view.model.index(1, 3).data() == "Target"
    assert len(view.plot.getPlotItem().listDataItems()) == 2  # actual line, target marker
    qtbot.waitExposed(view)
    rect = view.table.visualRect(view.model.index(1, 1))
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_document_id == docs[1]
    assert window.selected_indicator_id() == made[1].id


def test_every_check_message_is_listed_for_the_translators():
    from indicite.core import checks
    from indicite.ui.catalog.check_texts import TEMPLATES

    assert set(TEMPLATES) == set(checks.TEMPLATES)


def test_the_document_table_shows_and_filters_by_kind(qtbot, session, sample_doc, tmp_path):
    for name, kind in (("产值", "actual"), ("产值目标", "target")):
        create_indicator(session, sample_doc, {"name": name, "kind": kind}, [(0, 4)])
    window = make_window(qtbot, session, tmp_path, sample_doc)
    model = window.indicator_model
    kind_column = model.columns.index("kind")
    assert [model.index(r, kind_column).data() for r in range(2)] == ["Actual", "Target"]
    window.kind_filter.setCurrentIndex(window.kind_filter.findData("target"))
    assert model.rowCount() == 1 and model.index(0, 0).data() == "产值目标"


def test_a_selected_forecast_opens_the_form_as_a_forecast(qtbot, session, tmp_path):
    from workspace_helpers import import_text

    doc = import_text(session, tmp_path, "预计全年工业增加值增长5%。\n", "forecast.txt")
    window = make_window(qtbot, session, tmp_path, doc)
    select_passage(window, 0, len("预计全年工业增加值增长5%"))
    QTest.keyClick(
        window.document_view.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    assert window.form.kind.currentData() == "forecast"
    QTest.keyClick(window.form, Qt.Key.Key_Escape)  # nothing to keep: the window may close


def test_the_suggestion_list_shows_each_kind(qtmodeltester):
    from indicite.core.suggest import suggest
    from indicite.ui.suggestions_model import SuggestionsModel

    text = "去年增长4.2%，预计今年增长5%。"
    model = SuggestionsModel()
    model.set_suggestions(text, suggest(text))
    qtmodeltester.check(model)
    kinds = [model.index(r, model.KIND).data() for r in range(model.rowCount())]
    assert kinds == ["Actual", "Forecast"]


def test_the_window_loads_and_saves_a_catalog_file(qtbot, session, tmp_path):
    source = tmp_path / "目录.csv"
    source.write_text("代码,名称,别名\nGDP,地区生产总值,GDP\n,无代码,\n", encoding="utf-8")
    window = CatalogWindow(session)
    qtbot.addWidget(window)
    window.load_file(str(source))
    assert window.model.rowCount() == 1 and "row 3" in window.message.text()
    window.export_file(str(tmp_path / "out.xlsx"))
    assert (tmp_path / "out.xlsx").is_file() and "out.xlsx" in window.message.text()
