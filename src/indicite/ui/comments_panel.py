"""The comment thread of one indicator, and the notice a returned entry shows above its form.

Signals of CommentsPanel: ``commented(int)`` after a comment on that indicator was stored.
"""

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from indicite.core.entities import Indicator
from indicite.core.errors import IndiciteError
from indicite.services import review
from indicite.services.session import Session
from indicite.ui.errors import describe
from indicite.ui.i18n import Retranslatable

KIND_COLOURS = {"return": "#c62828", "reopen": "#8a5a00", "comment": "#333333"}


class CommentsPanel(Retranslatable, QWidget):
    commented = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.indicator_id: int | None = None
        self.thread = QTextBrowser()
        self.thread.setOpenLinks(False)
        self.field = QLineEdit()
        self.send_button = QPushButton()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        self.message.hide()
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thread, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.field.returnPressed.connect(self.send)
        self.send_button.clicked.connect(self.send)
        self.retranslate_ui()
        self.set_indicator(None)

    def retranslate_ui(self) -> None:
        self.field.setPlaceholderText(self.tr("Write a comment; Enter sends"))
        self.send_button.setText(self.tr("Send"))
        self.refresh()

    def set_indicator(self, indicator_id: int | None) -> None:
        self.indicator_id = indicator_id
        self.field.setEnabled(indicator_id is not None)
        self.send_button.setEnabled(indicator_id is not None)
        self.message.hide()
        self.refresh()

    def refresh(self) -> None:
        if self.indicator_id is None:
            self.thread.clear()
            return
        parts = []
        for c in review.comments(self.session, self.indicator_id):
            kind = {
                "return": self.tr("returned it"),
                "reopen": self.tr("reopened it"),
            }.get(c.kind, self.tr("wrote"))
            colour = KIND_COLOURS.get(c.kind, "#333333")
            parts.append(
                f"<p><b>{escape(c.who)}</b> <span style='color:{colour}'>{kind}</span> "
                f"<span style='color:#888'>{escape(c.at[:16].replace('T', ' '))}</span><br>"
                f"{escape(c.body)}</p>"
            )
        empty = self.tr("No comments yet.")
        self.thread.setHtml("".join(parts) or f"<p style='color:#888'>{empty}</p>")

    def send(self) -> None:
        if self.indicator_id is None:
            return
        try:
            review.add_comment(self.session, self.indicator_id, self.field.text())
        except IndiciteError as e:
            self.message.setText(describe(e))
            self.message.show()
            return
        self.field.clear()
        self.message.hide()
        self.refresh()
        self.commented.emit(self.indicator_id)


class StatusNotice(Retranslatable, QLabel):
    """Above the form: the editor's reason while an entry is returned, or that an approved
    entry is locked; hidden otherwise."""

    RETURNED_STYLE = "background: #fdecea; color: #8e1b1b; border: 1px solid #f5c2c0;"
    LOCKED_STYLE = "background: #e8f5e9; color: #1b5e20; border: 1px solid #b7dfb9;"

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.indicator: Indicator | None = None
        self.setWordWrap(True)
        self.hide()

    def retranslate_ui(self) -> None:
        self.show_for(self.indicator)

    def show_for(self, ind: Indicator | None) -> None:
        self.indicator = ind
        comment = review.return_comment(self.session, ind) if ind is not None else None
        if comment is not None:
            text = self.tr("Returned by {who}: {body}").format(who=comment.who, body=comment.body)
            style = self.RETURNED_STYLE
        elif ind is not None and ind.status == "approved":
            text = self.tr("Approved by {who}; an editor must reopen it before it can change.")
            text = text.format(who=ind.reviewed_by or "")
            style = self.LOCKED_STYLE
        else:
            self.clear()
            self.hide()
            return
        self.setText(text)
        self.setStyleSheet(style + " padding: 6px;")
        self.show()
