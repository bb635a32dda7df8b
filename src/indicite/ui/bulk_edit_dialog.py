"""Change the period or the subject of several entries at once (fields left empty stay)."""

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from indicite.ui.i18n import Retranslatable


class BulkEditDialog(Retranslatable, QDialog):
    """Asks for a new period and/or subject; ``changes()`` holds only what was typed."""

    def __init__(self, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.count = count
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.period = QLineEdit()
        self.subject = QLineEdit()
        self.period.setObjectName("bulk_period")
        self.subject.setObjectName("bulk_subject")
        self.period_label, self.subject_label = QLabel(), QLabel()
        self.period_label.setBuddy(self.period)
        self.subject_label.setBuddy(self.subject)
        form = QFormLayout()
        form.addRow(self.period_label, self.period)
        form.addRow(self.subject_label, self.subject)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for edit in (self.period, self.subject):
            edit.textChanged.connect(self._update_ok)
        self.retranslate_ui()
        self._update_ok()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Change selected entries"))
        self.intro.setText(
            self.tr(
                "New values for all {n} selected entries; an empty field stays as it is."
            ).format(n=self.count)
        )
        self.period_label.setText(self.tr("&Period"))
        self.subject_label.setText(self.tr("&Subject"))
        self.period.setPlaceholderText(self.tr("e.g. 2025年1—11月"))

    def changes(self) -> dict[str, Any]:
        typed = {"period_label": self.period.text().strip(), "subject": self.subject.text().strip()}
        return {key: value for key, value in typed.items() if value}

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.changes()))
