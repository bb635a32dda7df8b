"""Document → Properties: correct what an import could not know — issuer, date, subject.

The date matters beyond the record: periods written as 1—11月 are resolved against it, in
the suggestions and in new indicators; the subject fills new indicators. The text itself is
shown (size, checksum, file) but never edited.

Signals of DocumentPropertiesDialog: ``saved(Document)`` after a change is stored.
"""

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from indicite.core.errors import IndiciteError, ValidationError
from indicite.services.documents import is_iso_date, update_document_meta
from indicite.services.session import Session
from indicite.ui.errors import describe
from indicite.ui.i18n import Retranslatable

EDITABLE = ("title", "issuer", "published_on", "source_url", "subject", "doc_type")
READ_ONLY = ("char_count", "file_name", "text_sha256", "imported")
ERROR_STYLE = "color: #b3261e;"


class DocumentPropertiesDialog(Retranslatable, QDialog):
    saved = Signal(object)

    def __init__(self, session: Session, doc_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.doc_id = doc_id
        self.document = session.store.documents.get(doc_id)
        self.fields = {key: QLineEdit() for key in EDITABLE}
        self.errors = {key: self._error_label() for key in EDITABLE}
        self.info = {key: QLineEdit() for key in READ_ONLY}
        self.labels = {key: QLabel() for key in (*EDITABLE, *READ_ONLY)}
        self.message = self._error_label()
        self.message.setWordWrap(True)  # a storage problem can take two lines
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        for key in EDITABLE:
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(self.fields[key])
            cell.addWidget(self.errors[key])
            self.labels[key].setBuddy(self.fields[key])
            form.addRow(self.labels[key], cell)
        for key in READ_ONLY:
            self.info[key].setReadOnly(True)
            self.info[key].setFrame(False)
            form.addRow(self.labels[key], self.info[key])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self._fill(session)
        for key in ("title", "published_on"):
            self.fields[key].textChanged.connect(self._check)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.retranslate_ui()

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        return label

    def _fill(self, session: Session) -> None:
        doc = self.document
        for key in EDITABLE:
            self.fields[key].setText(getattr(doc, key) or "")
            self.fields[key].setCursorPosition(0)
        completer = QCompleter(session.store.documents.distinct_issuers(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.fields["issuer"].setCompleter(completer)
        original = session.store.documents.original_file(self.doc_id)
        self.info["file_name"].setText(original["name"] if original else "")
        self.info["text_sha256"].setText(doc.text_sha256)
        self.info["text_sha256"].setCursorPosition(0)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Document properties"))
        texts = {
            "title": self.tr("&Title:"),
            "issuer": self.tr("&Issuer:"),
            "published_on": self.tr("&Date:"),
            "source_url": self.tr("Source &URL:"),
            "subject": self.tr("Default &subject:"),
            "doc_type": self.tr("T&ype:"),
            "char_count": self.tr("Characters:"),
            "file_name": self.tr("File:"),
            "text_sha256": self.tr("Text SHA-256:"),
            "imported": self.tr("Imported:"),
        }
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.fields["issuer"].setPlaceholderText(self.tr("The body that published it"))
        self.fields["published_on"].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.fields["published_on"].setToolTip(
            self.tr("Periods such as 1—11月 are read against this date.")
        )
        self.fields["subject"].setPlaceholderText(self.tr("e.g. 天津"))
        self.fields["subject"].setToolTip(self.tr("Filled in for new indicators."))
        doc = self.document
        self.info["char_count"].setText(QLocale().toString(doc.char_count))
        self.info["imported"].setText(
            self.tr("{at} by {who}").format(
                at=doc.imported_at[:16].replace("T", " "), who=doc.imported_by or "?"
            )
        )
        self._check()

    def _check(self) -> bool:
        """Say what is wrong beside the field while typing; OK waits until it is right."""
        problems = {
            "title": self.tr("Give the document a title.")
            if not self.fields["title"].text().strip()
            else "",
            "published_on": self.tr("Write the date as YYYY-MM-DD, e.g. 2025-12-20.")
            if self.fields["published_on"].text().strip()
            and not is_iso_date(self.fields["published_on"].text().strip())
            else "",
        }
        for key, problem in problems.items():
            self._show_error(key, problem)
        ok = not any(problems.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        return ok

    def _show_error(self, key: str, text: str) -> None:
        self.errors[key].setText(text)
        self.errors[key].setVisible(bool(text))

    def values(self) -> dict[str, str]:
        return {key: self.fields[key].text().strip() for key in EDITABLE}

    def accept(self) -> None:
        """Store the change; a refusal is shown in the dialog, which stays open."""
        if not self._check():
            return
        self.message.hide()
        try:
            doc = update_document_meta(self.session, self.doc_id, self.values())
        except ValidationError as e:
            if e.field in self.errors:
                self._show_error(e.field, describe(e))
            else:
                self._fail(describe(e))
            return
        except IndiciteError as e:
            self._fail(describe(e))
            return
        self.document = doc
        super().accept()
        self.saved.emit(doc)

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
