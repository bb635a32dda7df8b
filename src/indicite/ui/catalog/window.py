"""The catalog window: the indicators an office tracks, with how many entries use each.

Add, edit and merge items; load an office's own code list from CSV/XLSX or save it. Every
change goes through services.catalog (one transaction each); the window re-reads the list
after it. Signals of CatalogWindow: ``changed()`` after any write.
"""

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from indicite.core.catalog import CatalogItem, split_aliases
from indicite.core.entities import MEASURES
from indicite.core.errors import IndiciteError, ValidationError
from indicite.services import catalog
from indicite.services.session import Session
from indicite.ui.catalog.list_model import Index, ListTableModel
from indicite.ui.errors import describe
from indicite.ui.i18n import Retranslatable
from indicite.ui.labels import measure_names

COLUMNS = ("code", "name", "aliases", "measure", "unit", "parent", "usage")


class CatalogModel(ListTableModel):
    """Adapter over the list of catalog items (an office's catalog is hundreds, not millions)."""

    columns = COLUMNS

    def set_items(self, items: list[CatalogItem]) -> None:
        self._codes = {i.id: i.code for i in items}
        self.set_rows(items)

    def item(self, row: int) -> CatalogItem:
        return self.rows[row]

    def items(self) -> list[CatalogItem]:
        return list(self.rows)

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Aliases"),
            self.tr("Measure"),
            self.tr("Unit"),
            self.tr("Part of"),
            self.tr("Entries"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.EditRole and column == "usage":
            return item.usage  # sorts as a number
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        return {
            "code": item.code,
            "name": item.name,
            "aliases": "、".join(item.aliases),
            "measure": measure_names().get(item.measure, item.measure),
            "unit": item.unit,
            "parent": self._codes.get(item.parent_id, ""),
            "usage": str(item.usage),
        }[column]


class ItemDialog(Retranslatable, QDialog):
    """Add or edit one catalog item; the service checks it, and a refusal stays in the dialog."""

    def __init__(self, session: Session, item: CatalogItem, items: list[CatalogItem], parent=None):
        super().__init__(parent)
        self.session = session
        self.item = item
        self.saved: CatalogItem | None = None
        self.code = QLineEdit(item.code)
        self.name = QLineEdit(item.name)
        self.aliases = QLineEdit("|".join(item.aliases))
        self.measure = QComboBox()
        self.measure.addItem("", "")
        for measure in MEASURES:
            self.measure.addItem(measure_names()[measure], measure)
        self.measure.setCurrentIndex(max(0, self.measure.findData(item.measure)))
        self.unit = QLineEdit(item.unit)
        self.description = QLineEdit(item.description)
        self.parent_item = QComboBox()
        self.parent_item.addItem("", None)
        for other in items:
            if other.id != item.id:
                self.parent_item.addItem(f"{other.code} {other.name}", other.id)
        self.parent_item.setCurrentIndex(max(0, self.parent_item.findData(item.parent_id)))
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(7)]
        for label, widget in zip(
            self._labels,
            (
                self.code,
                self.name,
                self.aliases,
                self.measure,
                self.unit,
                self.description,
                self.parent_item,
            ),
            strict=True,
        ):
            label.setBuddy(widget)
            self.form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        (self.name if item.code else self.code).setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            self.tr("Edit catalog item") if self.item.id else self.tr("Add to catalog")
        )
        texts = (
            self.tr("&Code"),
            self.tr("&Name"),
            self.tr("&Aliases"),
            self.tr("&Measure"),
            self.tr("&Unit"),
            self.tr("&Description"),
            self.tr("&Part of"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.aliases.setPlaceholderText(self.tr("Other spellings, separated by |"))
        self.code.setPlaceholderText(self.tr("Letters and digits, e.g. IVA_YOY"))

    def values(self) -> CatalogItem:
        return CatalogItem(
            id=self.item.id,
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            aliases=split_aliases(self.aliases.text()),
            measure=self.measure.currentData() or "",
            unit=self.unit.text().strip(),
            description=self.description.text().strip(),
            parent_id=self.parent_item.currentData(),
        )

    def save(self) -> None:
        item = self.values()
        try:
            if item.id is None:
                self.saved = catalog.add_item(self.session, item)
            else:
                self.saved = catalog.edit_item(self.session, item)
        except ValidationError as e:
            widget = {"code": self.code, "name": self.name, "measure": self.measure}.get(e.field)
            if widget is not None:
                widget.setFocus()
            self.message.setText(describe(e))
            self.message.show()
            return
        except IndiciteError as e:
            self.message.setText(describe(e))
            self.message.show()
            return
        self.accept()


class CatalogWindow(Retranslatable, QDialog):
    changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.model = CatalogModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.filter = QLineEdit()
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.buttons = {
            key: QPushButton() for key in ("add", "edit", "merge", "load", "export", "close")
        }
        slots = {
            "add": self.add,
            "edit": self.edit_selected,
            "merge": self.merge_selected,
            "load": self.load_file,
            "export": self.export_file,
            "close": self.accept,
        }
        row = QHBoxLayout()
        for key, button in self.buttons.items():
            button.clicked.connect(slots[key])
            if key == "close":
                row.addStretch(1)
            row.addWidget(button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resize(860, 520)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Catalog of indicators"))
        self.filter.setPlaceholderText(self.tr("Filter by code, name or alias"))
        texts = {
            "add": self.tr("&Add…"),
            "edit": self.tr("&Edit…"),
            "merge": self.tr("&Merge two…"),
            "load": self.tr("&Load from file…"),
            "export": self.tr("&Save to file…"),
            "close": self.tr("Close"),
        }
        for key, button in self.buttons.items():
            button.setText(texts[key])
        self.buttons["merge"].setToolTip(
            self.tr("Select two items: the second is merged into the first")
        )

    def refresh(self) -> None:
        self.model.set_items(catalog.items(self.session))
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected_items(self) -> list[CatalogItem]:
        rows = self.table.selectionModel().selectedRows()
        current = self.table.currentIndex()
        rows.sort(key=lambda i: i.row() != current.row())  # the current row first
        return [self.model.item(self.proxy.mapToSource(i).row()) for i in rows]

    def _update_buttons(self, *_args: Any) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.buttons["edit"].setEnabled(count == 1)
        self.buttons["merge"].setEnabled(count == 2)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.message.setText(text)

    def open_item(self, item: CatalogItem) -> CatalogItem | None:
        dialog = ItemDialog(self.session, item, self.model.items(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.refresh()
        self.changed.emit()
        return dialog.saved

    def add(self) -> None:
        self.open_item(CatalogItem())

    def edit_selected(self) -> None:
        chosen = self.selected_items()
        if len(chosen) == 1:
            self.open_item(chosen[0])

    def merge_selected(self) -> None:
        chosen = self.selected_items()
        if len(chosen) != 2:
            return
        keep, gone = chosen
        answer = QMessageBox.question(
            self,
            self.tr("Merge catalog items"),
            self.tr(
                "Merge {gone} ({gone_name}, {count} entries) into {keep} ({keep_name})? "
                "Its entries move over and its name becomes an alias."
            ).format(
                gone=gone.code,
                gone_name=gone.name,
                count=gone.usage,
                keep=keep.code,
                keep_name=keep.name,
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            catalog.merge_items(self.session, keep.id or 0, gone.id or 0)
        except IndiciteError as e:
            self._say(describe(e), error=True)
            return
        self.refresh()
        self.changed.emit()
        self._say(self.tr("Merged {gone} into {keep}.").format(gone=gone.code, keep=keep.code))

    def load_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Load catalog"), "", self.tr("Catalog (*.csv *.xlsx)")
            )
        if not path:
            return
        try:
            report = catalog.load_catalog(self.session, Path(path))
        except IndiciteError as e:
            self._say(describe(e), error=True)
            return
        self.refresh()
        self.changed.emit()
        text = self.tr("{added} added, {updated} updated.").format(
            added=report.added, updated=report.updated
        )
        if report.refused:
            text += " " + self.tr("Not loaded: {rows}").format(rows="; ".join(report.refused))
        self._say(text, error=bool(report.refused))

    def export_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save catalog"), "catalog.xlsx", self.tr("Catalog (*.xlsx *.csv)")
            )
        if not path:
            return
        try:
            saved = catalog.export_catalog(self.session, Path(path))
        except IndiciteError as e:
            self._say(describe(e), error=True)
            return
        self._say(self.tr("Saved {path}.").format(path=saved))
