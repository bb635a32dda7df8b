"""The catalog in the main window: Indicator → Catalog… and Series…, and the form's link to it.

Needs of the window: ``menus["indicator"]``, ``session``, ``form``, ``ops``,
``selected_indicator_id()``, ``open_document(id)``, ``select_indicator(id)``, ``refresh()``.
"""

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence

from indicite.core.catalog import CatalogItem
from indicite.core.errors import IndiciteError
from indicite.services import catalog
from indicite.ui.catalog.window import CatalogWindow, ItemDialog
from indicite.ui.errors import describe


class CatalogActions(QObject):
    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        menu = window.menus["indicator"]
        menu.addSeparator()
        self.catalog_action = QAction(window)
        self.catalog_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.catalog_action.triggered.connect(self.show_catalog)
        self.series_action = QAction(window)
        self.series_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.series_action.triggered.connect(self.show_series)
        for action in (self.catalog_action, self.series_action):
            menu.addAction(action)
            window.addAction(action)
        window.form.add_to_catalog_requested.connect(self.add_to_catalog)
        window.installEventFilter(self)
        self.retranslate_ui()
        self.update_form()

    def retranslate_ui(self) -> None:
        self.catalog_action.setText(self.tr("Catalog of &indicators…"))
        self.series_action.setText(self.tr("&Series across documents…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().eventFilter(watched, event)

    def update_form(self) -> None:
        """The form completes names from, and links them to, the current catalog."""
        try:
            self.window.form.set_catalog(self.window.session.store.catalog.names())
        except IndiciteError as e:
            self.window.statusBar().showMessage(describe(e), 10000)

    def show_catalog(self) -> CatalogWindow:
        dialog = CatalogWindow(self.window.session, self.window)
        dialog.changed.connect(self.update_form)
        dialog.changed.connect(self.window.refresh)
        dialog.open()
        return dialog

    def add_to_catalog(self, name: str) -> CatalogItem | None:
        """A new catalog item named as typed; the entry in the form is linked to it."""
        form = self.window.form
        values = form.values() if form.mode else {}
        item = CatalogItem(
            name=name, measure=values.get("measure") or "", unit=values.get("unit") or ""
        )
        dialog = ItemDialog(self.window.session, item, catalog.items(self.window.session))
        if dialog.exec() != ItemDialog.DialogCode.Accepted or dialog.saved is None:
            return None
        self.update_form()
        if form.mode == "edit" and form.indicator_id is not None:
            before = self.window.session.store.indicators.get(form.indicator_id)
            self.window.ops.edit(before, {"catalog_id": dialog.saved.id})
            self.window.refresh()
        return dialog.saved

    def show_series(self, ind_id: int | None = None):
        from indicite.ui.catalog.series import SeriesView

        ind_id = ind_id or self.window.selected_indicator_id()
        if ind_id is None:
            self.window.statusBar().showMessage(self.tr("Select an indicator first."), 5000)
            return None
        view = SeriesView(self.window.session, ind_id, self.window)
        view.open_requested.connect(self._open_entry)
        view.show()
        return view

    def _open_entry(self, doc_id: int, ind_id: int) -> None:
        self.window.open_document(doc_id)
        self.window.select_indicator(ind_id)
        self.window.raise_()
