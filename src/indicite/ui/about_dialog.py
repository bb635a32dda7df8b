"""Help → About: the version, and where this installation keeps its data, database and log."""

import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from indicite import __version__
from indicite.logs import log_file
from indicite.paths import data_dir
from indicite.ui.app import app_icon
from indicite.ui.i18n import Retranslatable


def selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(Retranslatable, QDialog):
    """Version, data folder, database path and log file; a button opens the data folder."""

    def __init__(self, database: Path | str, parent: QWidget | None = None):
        """``database``: the store's ``shown_location`` (a file, or a URL without password)."""
        super().__init__(parent)
        self.database = database
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(72, 72))
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.tagline = QLabel()
        self.tagline.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.tagline)
        heading.addStretch()
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        self.version_value = selectable(__version__)
        self.data_value = selectable(str(data_dir()))
        self.database_value = selectable(str(self.database))
        self.log_value = selectable(str(log_file()))
        self.runtime_value = selectable(
            f"Python {sys.version.split()[0]}, PySide6 {pyside_version}"
        )
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.field_labels = [QLabel() for _ in range(5)]
        values = (
            self.version_value,
            self.data_value,
            self.database_value,
            self.log_value,
            self.runtime_value,
        )
        for label, value in zip(self.field_labels, values, strict=True):
            self.form.addRow(label, value)

        self.open_folder_button = QPushButton()
        self.open_folder_button.clicked.connect(self.open_data_folder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        self.setMinimumWidth(self.fontMetrics().height() * 28)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("About Indicite"))
        self.title.setText("<h2>Indicite</h2>")
        self.tagline.setText(
            self.tr("Enter, cite, review and export economic indicators from source documents.")
        )
        names = (
            self.tr("Version:"),
            self.tr("Data folder:"),
            self.tr("Database:"),
            self.tr("Log file:"),
            self.tr("Runs on:"),
        )
        for label, name in zip(self.field_labels, names, strict=True):
            label.setText(name)
        self.open_folder_button.setText(self.tr("Open data &folder"))

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))
