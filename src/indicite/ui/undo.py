"""Every indicator write of the workspace, as undoable commands over the services.

A command does its service call once before it is pushed, so a refused write (bad input,
conflict, full disk) reaches the caller as an exception and never enters the stack. Undo is
the inverse service call, stored at once like any other write; if it is refused later (someone
else changed the entry meanwhile), the command is dropped and ``failed`` says why.

Signals of Operations: ``changed()`` after every write, ``failed(str)`` when an undo/redo
could not be stored.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from indicite.core.entities import Indicator
from indicite.core.errors import IndiciteError
from indicite.services import bulk
from indicite.services import indicators as service
from indicite.services.bulk import BulkReport
from indicite.services.session import Session
from indicite.ui.errors import describe


class ServiceCommand(QUndoCommand):
    """Base class: ``apply``/``revert`` are service calls returning the indicator they wrote."""

    def __init__(self, ops: "Operations", text: str):
        super().__init__(text)
        self.ops = ops
        self.indicator_id: int | None = None
        self._done_once = False

    @property
    def version(self) -> int:
        """The version our last write left; several commands on one entry share it."""
        assert self.indicator_id is not None
        return self.ops.versions[self.indicator_id]

    def _start_from(self, ind: Indicator) -> None:
        """The entry as the user saw it when they acted on it."""
        assert ind.id is not None
        self.indicator_id = ind.id
        self.ops.versions[ind.id] = ind.version

    def run_first(self) -> Indicator:
        ind = self.apply()
        self._remember(ind)
        self._done_once = True
        return ind

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, call: Callable[[], Indicator]) -> None:
        try:
            self._remember(call())
        except IndiciteError as e:
            self.setObsolete(True)
            self.ops.failed.emit(describe(e))
        self.ops.changed.emit()

    def _remember(self, ind: Indicator) -> None:
        self._start_from(ind)

    def apply(self) -> Indicator:
        raise NotImplementedError

    def revert(self) -> Indicator:
        raise NotImplementedError


class CreateCommand(ServiceCommand):
    """Create; undo soft-deletes the new entry, redo restores the same row."""

    def __init__(self, ops, doc_id: int, fields: dict[str, Any], spans: list[tuple[int, int]]):
        text = QCoreApplication.translate("Undo", "Create “{name}”")
        super().__init__(ops, text.format(name=fields.get("name", "")))
        self.doc_id, self.fields, self.spans = doc_id, fields, spans

    def apply(self) -> Indicator:
        if self.indicator_id is None:
            return service.create_indicator(self.ops.session, self.doc_id, self.fields, self.spans)
        return service.restore_indicator(self.ops.session, self.indicator_id, self.version)

    def revert(self) -> Indicator:
        assert self.indicator_id is not None
        return service.delete_indicator(self.ops.session, self.indicator_id, self.version)


class EditCommand(ServiceCommand):
    def __init__(self, ops, before: Indicator, changes: dict[str, Any]):
        text = QCoreApplication.translate("Undo", "Edit “{name}”")
        super().__init__(ops, text.format(name=before.name))
        self._start_from(before)
        self.after = changes
        self.before = {key: getattr(before, key) for key in changes}
        if "value" in changes or "unit" in changes or "value_high" in changes:
            self.before.update(
                base_value=before.base_value,
                base_unit=before.base_unit,
                base_value_high=before.base_value_high,
            )

    def apply(self) -> Indicator:
        assert self.indicator_id is not None
        return service.update_indicator(
            self.ops.session, self.indicator_id, self.after, self.version
        )

    def revert(self) -> Indicator:
        assert self.indicator_id is not None
        return service.update_indicator(
            self.ops.session, self.indicator_id, self.before, self.version
        )


class DeleteCommand(ServiceCommand):
    def __init__(self, ops, ind: Indicator):
        text = QCoreApplication.translate("Undo", "Delete “{name}”")
        super().__init__(ops, text.format(name=ind.name))
        self._start_from(ind)

    def apply(self) -> Indicator:
        assert self.indicator_id is not None
        return service.delete_indicator(self.ops.session, self.indicator_id, self.version)

    def revert(self) -> Indicator:
        assert self.indicator_id is not None
        return service.restore_indicator(self.ops.session, self.indicator_id, self.version)


class AddCitationCommand(ServiceCommand):
    """Cite one more passage; undo removes exactly the citation this command added."""

    def __init__(self, ops, ind: Indicator, span: tuple[int, int]):
        text = QCoreApplication.translate("Undo", "Cite another passage for “{name}”")
        super().__init__(ops, text.format(name=ind.name))
        self._start_from(ind)
        self.span = span
        self.citation_id: int | None = None

    def apply(self) -> Indicator:
        assert self.indicator_id is not None
        before = {c.id for c in self.ops.session.store.indicators.citations(self.indicator_id)}
        ind = service.add_citation(self.ops.session, self.indicator_id, self.span, self.version)
        (self.citation_id,) = [c.id for c in ind.citations if c.id not in before]
        return ind

    def revert(self) -> Indicator:
        assert self.indicator_id is not None and self.citation_id is not None
        return service.remove_citation(
            self.ops.session, self.indicator_id, self.citation_id, self.version
        )


BulkCall = Callable[[dict[int, int]], BulkReport]


class BulkCommand(QUndoCommand):
    """Several entries changed as one step: each way is one service call, one transaction.

    Undo and redo touch only the entries the first run changed; entries skipped then (refused
    by the rules, changed by someone else) stay as they were.
    """

    def __init__(self, ops: "Operations", text: str, apply: BulkCall, revert: BulkCall):
        super().__init__(text)
        self.ops = ops
        self._apply, self._revert = apply, revert
        self.ids: list[int] = []
        self._done_once = False

    def run_first(self, versions: dict[int, int]) -> BulkReport:
        report = self._apply(versions)
        self.ids = list(report.versions())
        self.ops.versions.update(report.versions())
        self._done_once = True
        return report

    def redo(self) -> None:
        if self._done_once:
            self._done_once = False
            return
        self._guarded(self._apply)

    def undo(self) -> None:
        self._guarded(self._revert)

    def _guarded(self, call: BulkCall) -> None:
        try:
            report = call({i: self.ops.versions[i] for i in self.ids})
        except IndiciteError as e:
            self.setObsolete(True)
            self.ops.failed.emit(describe(e))
        else:
            self.ops.versions.update(report.versions())
            if report.skipped:
                self.ops.failed.emit(describe(report.skipped[0][1]))
        self.ops.changed.emit()


class Operations(QObject):
    """The one place the workspace writes indicators: service call, undo entry, notification."""

    changed = Signal()
    failed = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.stack = QUndoStack(self)
        self.versions: dict[int, int] = {}

    def _run(self, command: ServiceCommand) -> Indicator:
        ind = command.run_first()
        self.stack.push(command)
        self.changed.emit()
        return ind

    def create(
        self, doc_id: int, fields: dict[str, Any], spans: list[tuple[int, int]]
    ) -> Indicator:
        return self._run(CreateCommand(self, doc_id, fields, spans))

    def edit(self, before: Indicator, changes: dict[str, Any]) -> Indicator:
        return self._run(EditCommand(self, before, changes))

    def delete(self, ind: Indicator) -> Indicator:
        return self._run(DeleteCommand(self, ind))

    def add_citation(self, ind: Indicator, span: tuple[int, int]) -> Indicator:
        return self._run(AddCitationCommand(self, ind, span))

    def _run_bulk(
        self, text: str, versions: dict[int, int], apply: BulkCall, revert: BulkCall
    ) -> BulkReport:
        """One undo step for all; nothing enters the stack when no entry was changed."""
        command = BulkCommand(self, text, apply, revert)
        report = command.run_first(versions)
        if report.done:
            self.stack.push(command)
            self.changed.emit()
        return report

    def submit_many(self, versions: dict[int, int]) -> BulkReport:
        text = QCoreApplication.translate("Undo", "Submit {n} entries").format(n=len(versions))
        return self._run_bulk(
            text,
            versions,
            lambda v: bulk.submit_many(self.session, v),
            lambda v: bulk.withdraw_many(self.session, v),
        )

    def delete_many(self, versions: dict[int, int]) -> BulkReport:
        text = QCoreApplication.translate("Undo", "Delete {n} entries").format(n=len(versions))
        return self._run_bulk(
            text,
            versions,
            lambda v: bulk.delete_many(self.session, v),
            lambda v: bulk.restore_many(self.session, v),
        )

    def edit_many(self, befores: list[Indicator], changes: dict[str, Any]) -> BulkReport:
        """The same ``changes`` (period, subject) in every entry; undo puts back each one's own
        values, period dates included."""
        if "period_label" in changes:  # new dates from the new label
            changes = {"period_start": None, "period_end": None, **changes}
        after = {ind.id: dict(changes) for ind in befores if ind.id is not None}
        before = {
            ind.id: {key: getattr(ind, key) for key in changes}
            for ind in befores
            if ind.id is not None
        }
        versions = {ind.id: ind.version for ind in befores if ind.id is not None}
        text = QCoreApplication.translate("Undo", "Edit {n} entries").format(n=len(versions))
        return self._run_bulk(
            text,
            versions,
            lambda v: bulk.update_many(self.session, after, v),
            lambda v: bulk.update_many(self.session, before, v),
        )
