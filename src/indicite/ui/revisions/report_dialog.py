"""What importing a new version did: how the citations were placed, what needs a person."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout

from indicite.services.revisions import RevisionReport, SourceChange
from indicite.ui.labels import anchor_state_names
from indicite.ui.revisions.passages import side_by_side


def changes_html(changes: list[SourceChange]) -> str:
    """The changed and lost passages as a side-by-side table (old | new)."""
    names = anchor_state_names()
    rows = [(f"{c.name} · {names.get(c.state, c.state)}", c.old, c.new) for c in changes]
    headers = (
        QCoreApplication.translate("RevisionPassages", "Entry"),
        QCoreApplication.translate("RevisionPassages", "Before"),
        QCoreApplication.translate("RevisionPassages", "Now"),
    )
    return side_by_side(
        rows,
        headers,
        QCoreApplication.translate("RevisionPassages", "not in the new version: cite it again"),
    )


class RevisionReportDialog(QDialog):
    def __init__(self, report: RevisionReport, changes: list[SourceChange], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New version imported"))
        names = anchor_state_names()
        counts = ", ".join(
            f"{report.states[state]} {name}"
            for state, name in names.items()
            if report.states[state]
        )
        self.summary = QLabel(
            self.tr(
                "Version {version} replaces document {old}. %n citation(s) re-anchored: "
                "{counts}. Entries whose number changed went back to review.",
                "",
                report.citations,
            ).format(version=report.version_no, old=report.replaces_id, counts=counts or "—")
        )
        self.summary.setWordWrap(True)
        self.changes = QTextBrowser()
        self.changes.setHtml(changes_html(changes) if changes else "")
        self.changes.setVisible(bool(changes))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.changes, 1)
        layout.addWidget(buttons)
        self.resize(760, 420 if changes else 140)
