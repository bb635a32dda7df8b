"""File → Open team database…: the address of a PostgreSQL database, its password, TLS.

The fields and a pasted ``postgresql://`` URL follow each other. Connect opens the database
here, in the dialog: a refusal (no server, wrong password, not an Indicite database) is
shown under the fields and the dialog stays open with what was typed. The password is never
written to the settings; "Remember in the system keychain" keeps it in the OS keychain.
"""

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from indicite.core.errors import DatabaseUnusable, IndiciteError, PasswordNeeded
from indicite.services.session import Session
from indicite.services.team import (
    DEFAULT_PORT,
    DEFAULT_SSLMODE,
    SSLMODES,
    TeamAddress,
    keychain_available,
    remember_password,
    without_password,
)
from indicite.ui.errors import describe
from indicite.ui.i18n import Retranslatable


class TeamDatabaseDialog(Retranslatable, QDialog):
    """Asks for a team database and connects to it.

    Signals: ``connected(Session)`` once the database is open (the dialog then closes).
    ``keychain_problem`` holds why the keychain did not keep the password, if it did not.
    """

    connected = Signal(object)

    def __init__(self, user: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.user = user
        self.session: Session | None = None
        self.keychain_problem = ""
        self.options: dict[str, str] = {}  # a pasted URL's other libpq settings
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.url_edit = QLineEdit()
        self.url_edit.setClearButtonEnabled(True)
        self.host_edit = QLineEdit()
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(DEFAULT_PORT)
        self.database_edit = QLineEdit()
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox()
        self.sslmode_combo = QComboBox()
        for mode in SSLMODES:
            self.sslmode_combo.addItem("", mode)
        self.sslmode_combo.setCurrentIndex(SSLMODES.index(DEFAULT_SSLMODE))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setObjectName("team_database_message")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.try_connect)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.field_labels = [QLabel() for _ in range(7)]
        fields = (
            self.url_edit,
            self.host_edit,
            self.port_spin,
            self.database_edit,
            self.user_edit,
            self.password_edit,
            self.sslmode_combo,
        )
        for label, field in zip(self.field_labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.form.insertRow(6, "", self.remember_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.url_edit.textEdited.connect(self._url_edited)
        for edit in (self.host_edit, self.database_edit, self.user_edit):
            edit.textEdited.connect(self._fields_edited)
        self.port_spin.valueChanged.connect(self._fields_edited)
        self.sslmode_combo.currentIndexChanged.connect(self._fields_edited)
        self.remember_check.setEnabled(keychain_available())
        self.setMinimumWidth(self.fontMetrics().height() * 36)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Open team database"))
        self.intro.setText(
            self.tr(
                "A database on your office's PostgreSQL server, shared by the whole team. "
                "Fill in the fields, or paste the address your administrator gave you."
            )
        )
        names = (
            self.tr("&Address (URL):"),
            self.tr("&Server:"),
            self.tr("P&ort:"),
            self.tr("&Database:"),
            self.tr("&User name:"),
            self.tr("Pass&word:"),
            self.tr("&Encryption (TLS):"),
        )
        for label, name in zip(self.field_labels, names, strict=True):
            label.setText(name)
        self.url_edit.setPlaceholderText("postgresql://user@server:5432/database")
        self.host_edit.setPlaceholderText(self.tr("e.g. db.stats.local"))
        self.password_edit.setPlaceholderText(
            self.tr("empty: from ~/.pgpass, PGPASSWORD or the keychain")
        )
        self.remember_check.setText(self.tr("&Remember in the system keychain"))
        self.remember_check.setToolTip(
            self.tr("The password is kept by the operating system, never in Indicite's settings.")
            if self.remember_check.isEnabled()
            else self.tr(
                "This system has no keychain; keep the password in ~/.pgpass instead, "
                "or type it each time."
            )
        )
        modes = {
            "disable": self.tr("Off"),
            "allow": self.tr("Only if the server wants it"),
            "prefer": self.tr("When the server offers it (default)"),
            "require": self.tr("Required"),
            "verify-ca": self.tr("Required, with the server's certificate checked"),
            "verify-full": self.tr("Required, with the certificate and server name checked"),
        }
        for i in range(self.sslmode_combo.count()):
            self.sslmode_combo.setItemText(i, modes[self.sslmode_combo.itemData(i)])
        self.connect_button.setText(self.tr("&Connect"))

    def address(self) -> TeamAddress:
        return TeamAddress(
            host=self.host_edit.text().strip(),
            port=self.port_spin.value(),
            database=self.database_edit.text().strip(),
            user=self.user_edit.text().strip(),
            password=self.password_edit.text(),
            sslmode=self.sslmode_combo.currentData(),
            options=self.options,
        )

    def prefill(self, url: str, message: str = "") -> None:
        """Show ``url``'s parts (a database from Recent) and, if given, why it was not opened:
        the password field then has the focus."""
        self.url_edit.setText(without_password(url))
        self._url_edited(url)
        self.url_edit.setCursorPosition(0)
        if message:
            self.show_message(message)
            self.password_edit.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    @Slot(str)
    def _url_edited(self, text: str) -> None:
        """A pasted URL fills the fields (the password field too, if the URL holds one)."""
        try:
            address = TeamAddress.from_url(text.strip())
        except DatabaseUnusable:
            return  # still being typed
        self.options = address.options
        for edit, value in (
            (self.host_edit, address.host),
            (self.database_edit, address.database),
            (self.user_edit, address.user),
        ):
            edit.setText(value)
        if address.password:
            self.password_edit.setText(address.password)
            self.url_edit.setText(without_password(text.strip()))
        with QSignalBlocker(self.port_spin), QSignalBlocker(self.sslmode_combo):
            self.port_spin.setValue(address.port)
            if address.sslmode in SSLMODES:
                self.sslmode_combo.setCurrentIndex(SSLMODES.index(address.sslmode))

    @Slot()
    def _fields_edited(self) -> None:
        address = self.address()
        address.password = ""
        self.url_edit.setText(address.url() if address.database else "")

    @Slot()
    def try_connect(self) -> None:
        """Open the database; on a refusal say why here and keep everything typed."""
        address = self.address()
        if not address.database:
            self.show_message(self.tr("Give the name of the database."))
            self.database_edit.setFocus()
            return
        url = address.url()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            session = Session.open(url, self.user, create=False)
        except PasswordNeeded as e:
            self.show_message(describe(e))
            self.password_edit.selectAll()
            self.password_edit.setFocus()
            return
        except IndiciteError as e:
            self.show_message(describe(e))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.remember_check.isChecked() and address.password:
            try:
                remember_password(url, address.password)
            except IndiciteError as e:
                self.keychain_problem = describe(e)
        self.session = session
        self.connected.emit(session)
        self.accept()
