"""The series view: one indicator and subject across documents, ordered by period.

A table of every entry (period, value, kind, status, check, document) and a line chart of the
actual values with targets, forecasts and plans as markers; entries that conflict with another
are marked red in both. Double-clicking a row opens its document at the cited passage.
pyqtgraph is imported when the view is built, so the app starts without it.

Signals of SeriesView: ``open_requested(document_id, indicator_id)``.
"""

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QDialog, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from indicite.core.checks import Finding, fmt
from indicite.services import checks
from indicite.services.session import Session
from indicite.ui.catalog.check_texts import finding_text
from indicite.ui.catalog.list_model import Index, ListTableModel
from indicite.ui.i18n import Retranslatable
from indicite.ui.indicator_model import status_names
from indicite.ui.labels import kind_names, measure_names

COLUMNS = ("period", "value", "measure", "kind", "status", "check", "document")
KIND_SYMBOLS = {"target": "t", "forecast": "d", "plan": "s"}
CONFLICT_COLOUR = "#c62828"


class SeriesModel(ListTableModel):
    columns = COLUMNS

    def __init__(self, parent=None):
        super().__init__(parent)
        self.findings: dict[int, list[Finding]] = {}
        self._shown: list[tuple[str, ...]] = []
        self.retranslate()

    def set_series(self, rows: list[dict[str, Any]], findings: dict[int, list[Finding]]) -> None:
        self.findings = findings
        self._shown = [self._cells(row) for row in rows]  # names looked up once, not per paint
        self.set_rows(rows)

    def _cells(self, row: dict[str, Any]) -> tuple[str, ...]:
        found = self.findings.get(row["id"], [])
        return (
            row["period_label"] or row["period_end"] or "",
            f"{fmt(row['value'])}{row['unit'] or ''}",
            self._measures.get(row["measure"], row["measure"]),
            self._kinds.get(row["kind"], row["kind"]),
            self._statuses.get(row["status"], row["status"]),
            "⚠ " + finding_text(found[0]) if found else "✓",
            row["document_title"],
        )

    def retranslate(self) -> None:
        self._measures, self._kinds, self._statuses = measure_names(), kind_names(), status_names()

    def conflicting(self, ind_id: int) -> bool:
        return any(f.check == "conflict" for f in self.findings.get(ind_id, []))

    def titles(self) -> tuple[str, ...]:
        return (
            self.tr("Period"),
            self.tr("Value"),
            self.tr("Measure"),
            self.tr("Kind"),
            self.tr("Status"),
            self.tr("Check"),
            self.tr("Document"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        found = self.findings.get(row["id"], [])
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.conflicting(row["id"]) or (column == "check" and found):
                return QColor(CONFLICT_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(finding_text(f) for f in found) or row.get("quote")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._shown[index.row()][index.column()]


def _x(row: dict[str, Any]) -> float | None:
    """Where a period sits on the time axis: its middle, in fractional years (2025 → 2025.5)."""
    start, end = row.get("period_start"), row.get("period_end")
    if not end:
        return None
    days = [date.fromisoformat(d) for d in (start or end, end)]
    return sum(d.year + (d.timetuple().tm_yday - 0.5) / 366 for d in days) / 2


class SeriesView(Retranslatable, QDialog):
    open_requested = Signal(int, int)

    def __init__(self, session: Session, ind_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        import pyqtgraph as pg

        self.session = session
        self.model = SeriesModel(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(50)  # not all 500 rows
        self.table.doubleClicked.connect(self._open)
        self.plot = pg.PlotWidget(background="w")
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        self.plot.addLegend(offset=(10, 10))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.plot)
        splitter.addWidget(self.table)
        splitter.setSizes([300, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self.resize(900, 640)
        self.ind_id = ind_id
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Series"))
        if self.model.rows:
            self.model.retranslate()
            self.reload()

    def reload(self) -> None:
        rows, findings = checks.series(self.session, self.ind_id)
        self.model.set_series(rows, findings)
        self.table.resizeColumnsToContents()
        first = next((r for r in rows if r["id"] == self.ind_id), rows[0] if rows else None)
        if first is not None:
            self.title.setText(
                self.tr("{name} · {subject} · {count} entries").format(
                    name=first["name"], subject=first["subject"] or "—", count=len(rows)
                )
            )
        self._draw(rows, first["measure"] if first else "level")

    def _draw(self, rows: list[dict[str, Any]], measure: str) -> None:
        """Actual values as a line, other kinds as markers, conflicts in red; one measure."""
        import pyqtgraph as pg

        self.plot.clear()
        shown = [r for r in rows if r["measure"] == measure and r["value"] is not None]
        actual = sorted(
            (x, r["value"]) for r in shown if r["kind"] == "actual" and (x := _x(r)) is not None
        )
        if actual:
            self.plot.plot(
                [a for a, _ in actual],
                [b for _, b in actual],
                pen=pg.mkPen("#1565c0", width=2),
                symbol="o",
                symbolBrush="#1565c0",
                name=kind_names()["actual"],
            )
        for kind, symbol in KIND_SYMBOLS.items():
            points = [(x, r["value"]) for r in shown if r["kind"] == kind and (x := _x(r))]
            if points:
                self.plot.plot(
                    [a for a, _ in points],
                    [b for _, b in points],
                    pen=None,
                    symbol=symbol,
                    symbolSize=12,
                    symbolBrush="#ef6c00",
                    name=kind_names()[kind],
                )
        conflicts = [
            (x, r["value"]) for r in shown if self.model.conflicting(r["id"]) and (x := _x(r))
        ]
        if conflicts:
            self.plot.plot(
                [a for a, _ in conflicts],
                [b for _, b in conflicts],
                pen=None,
                symbol="x",
                symbolSize=16,
                symbolPen=pg.mkPen(CONFLICT_COLOUR, width=2),
                symbolBrush=CONFLICT_COLOUR,
                name=self.tr("Conflict"),
            )
        unit = next((r["unit"] for r in shown if r["unit"]), "")
        self.plot.setLabel("left", unit)

    def _open(self, index: QModelIndex) -> None:
        row = self.model.rows[index.row()]
        self.open_requested.emit(row["document_id"], row["id"])
