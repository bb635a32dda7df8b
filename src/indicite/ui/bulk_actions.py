"""Acting on several indicators at once: select rows with Shift/Ctrl-click or Ctrl+A, then
submit, delete, or set their period or subject — each one undoable step, one transaction.

Needs of the window: ``indicator_table``, ``selected_indicator_ids()``, ``ops``, ``menus``,
``session``, ``current_document_id``, ``statusBar()``, ``actions_by_key["undo"]``.
"""

from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView

from indicite.core.entities import Indicator
from indicite.core.errors import IndiciteError
from indicite.services import bulk
from indicite.services.bulk import BulkReport
from indicite.ui.bulk_edit_dialog import BulkEditDialog
from indicite.ui.errors import describe
from indicite.ui.i18n import WindowHelper

SKIPPED_SHOWN = 3


class BulkActions(WindowHelper):
    def __init__(self, window: Any):
        super().__init__(window)
        window.indicator_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.edit_action = QAction(window)
        self.edit_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.edit_action.triggered.connect(self.edit_selected)
        window.menus["indicator"].addAction(self.edit_action)
        window.addAction(self.edit_action)
        self.submit_all_action = QAction(window)
        self.submit_all_action.triggered.connect(self.submit_all_drafts)
        window.menus["review"].addAction(self.submit_all_action)
        window.indicator_table.selectionModel().selectionChanged.connect(self.update_actions)
        window.document_opened.connect(self.update_actions)
        self.retranslate_ui()
        self.update_actions()

    def retranslate_ui(self) -> None:
        self.edit_action.setText(self.tr("Change &period or subject of selected…"))
        self.submit_all_action.setText(self.tr("Submit all &drafts of this document"))

    def update_actions(self, *_args: Any) -> None:
        self.edit_action.setEnabled(bool(self.selected_ids()))
        self.submit_all_action.setEnabled(self.window.current_document_id is not None)

    def selected_ids(self) -> list[int]:
        return self.window.selected_indicator_ids()

    def selected(self) -> list[Indicator]:
        indicators = self.window.session.store.indicators
        return [indicators.get(ind_id, include_deleted=False) for ind_id in self.selected_ids()]

    # --- the actions --------------------------------------------------------------------------

    def submit_selected(self) -> None:
        self._submit({ind.id: ind.version for ind in self.selected() if ind.id is not None})

    def submit_all_drafts(self) -> None:
        doc_id = self.window.current_document_id
        if doc_id is None:
            return
        versions = bulk.drafts_of(self.window.session, doc_id)
        if not versions:
            self._say(self.tr("No drafts to submit in this document."))
            return
        self._submit(versions)

    def _submit(self, versions: dict[int, int]) -> None:
        if not versions:
            return
        try:
            report = self.window.ops.submit_many(versions)
        except IndiciteError as e:
            self._say(describe(e))
            return
        self._report(self.tr("Submitted {n} for review ({keys} undoes)."), report)

    def delete_selected(self) -> None:
        entries = self.selected()
        try:
            report = self.window.ops.delete_many({i.id: i.version for i in entries if i.id})
        except IndiciteError as e:
            self._say(describe(e))
            return
        self.window.form.clear()
        self._report(self.tr("Deleted {n} entries ({keys} undoes)."), report)

    def edit_selected(self) -> None:
        entries = self.selected()
        if not entries:
            return
        dialog = BulkEditDialog(len(entries), self.window)
        dialog.accepted.connect(lambda: self._edit(entries, dialog.changes()))
        dialog.open()
        self.dialog = dialog

    def _edit(self, entries: list[Indicator], changes: dict[str, Any]) -> None:
        try:
            report = self.window.ops.edit_many(entries, changes)
        except IndiciteError as e:
            self._say(describe(e))
            return
        self._report(self.tr("Changed {n} entries ({keys} undoes)."), report)

    def _report(self, done: str, report: BulkReport) -> None:
        undo = self.window.actions_by_key["undo"].shortcut()
        keys = undo.toString(QKeySequence.SequenceFormat.NativeText)
        parts = [done.format(n=len(report.done), keys=keys)]
        if report.skipped:
            parts.append(self.tr("Skipped {n}:").format(n=len(report.skipped)))
            parts += [f"#{i} {describe(e)}" for i, e in report.skipped[:SKIPPED_SHOWN]]
        self._say(" ".join(parts))

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 15000)
