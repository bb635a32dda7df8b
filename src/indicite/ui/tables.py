"""Shared set-up of the row-per-entry tables (indicators of a document, all indicators)."""

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def setup_row_table(table: QTableView, model: QAbstractItemModel, stretch_column: int) -> None:
    """Whole-row single selection, read-only cells, one stretching column, no sort shown yet."""
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)


def select_only_row(table: QTableView, row: int) -> None:
    """Make ``row`` the one selected and current row.

    ``QTableView.selectRow`` reads the keyboard modifiers in extended-selection mode, so
    selecting from code while Ctrl or Shift is held (Ctrl+Z, Alt+Down) would extend the
    selection instead of moving it.
    """
    model = table.model()
    index = model.index(row, 0)
    flags = QItemSelectionModel.SelectionFlag
    table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
