"""Document → Versions…: every version of the open document, and what each one changed."""

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from indicite.services.revisions import DiffHunk, source_changes, version_diff, versions
from indicite.services.session import Session
from indicite.ui.labels import anchor_state_names
from indicite.ui.revisions.passages import marked_pair
from indicite.ui.revisions.report_dialog import changes_html

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


class VersionsModel(QAbstractTableModel):
    """The versions of one document, oldest first (a handful)."""

    COLUMNS = ("version_no", "imported_at", "imported_by", "char_count", "citations")

    def __init__(self, rows: list[dict[str, Any]], parent=None):
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()][self.COLUMNS[index.column()]]
        if self.COLUMNS[index.column()] == "imported_at":
            return (value or "")[:16].replace("T", " ")
        return str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            self.tr("Version"),
            self.tr("Imported"),
            self.tr("By"),
            self.tr("Characters"),
            self.tr("Citations"),
        )[section]


class VersionsDialog(QDialog):
    def __init__(self, session: Session, doc_id: int, parent=None):
        super().__init__(parent)
        self.session = session
        rows = versions(session, doc_id)
        self.setWindowTitle(self.tr("Versions of “{title}”").format(title=rows[-1]["title"]))
        self.model = VersionsModel(rows, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.caption = QLabel()
        self.diff = QTextBrowser()
        # The entries of the current version that a person must look at: a changed number,
        # a passage not found (re-cite it, then remove the old citation).
        changes = source_changes(session, rows[-1]["id"])
        self.to_check = QTextBrowser()
        self.to_check.setHtml(changes_html(changes) if changes else "")
        self.to_check_caption = QLabel(
            self.tr(
                "%n entry(ies) to look at: their cited passage changed or was not found.",
                "",
                len({c.indicator_id for c in changes}),
            )
            if changes
            else self.tr("No entry needs looking at: every citation was found unchanged.")
        )
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.to_check_caption)
        lower_layout.addWidget(self.to_check)
        self.to_check.setVisible(bool(changes))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.diff)
        splitter.addWidget(lower)
        splitter.setSizes([120, 300, 200])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.caption)
        layout.addWidget(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._show_row)
        self.table.selectRow(len(rows) - 1)
        self.resize(820, 600)

    def _show_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.rows[current.row()]
        hunks = version_diff(self.session, row["id"])
        if row["replaces_id"] is None:
            self.caption.setText(self.tr("The first version."))
            self.diff.setHtml("")
            return
        self.caption.setText(
            self.tr("%n change(s) from version {old} to version {new}.", "", len(hunks)).format(
                old=row["version_no"] - 1, new=row["version_no"]
            )
        )
        self.diff.setHtml(self._html(hunks))

    def _html(self, hunks: list[DiffHunk]) -> str:
        header = (self.tr("Before"), self.tr("Now"), self.tr("Citations"))
        names = anchor_state_names()
        cells = [f"<tr>{''.join(f'<th align=left>{escape(h)}</th>' for h in header)}</tr>"]
        for hunk in hunks:
            old, new = marked_pair(hunk.old, hunk.new)
            before, after = escape(hunk.before[-12:]), escape(hunk.after[:12])
            cited = "<br>".join(
                escape(f"{name} · {names.get(state, state)}")
                for name, state in dict.fromkeys((*hunk.old_citations, *hunk.new_citations))
            )
            cells.append(
                f"<tr><td>…{before}{old}{after}…</td><td>…{before}{new}{after}…</td>"
                f"<td>{cited}</td></tr>"
            )
        return f"<table cellspacing=0 cellpadding=4 border=1>{''.join(cells)}</table>"
