"""Users and roles, and the four-eyes rule: an admin manages them; others can only look."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from indicite.core.entities import ROLES, User
from indicite.core.errors import IndiciteError
from indicite.services import review, users
from indicite.services.session import Session
from indicite.ui.errors import describe
from indicite.ui.i18n import Retranslatable
from indicite.ui.labels import role_names

Index = QModelIndex | QPersistentModelIndex


class UsersModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._users: list[User] = []

    def set_users(self, people: list[User]) -> None:
        self.beginResetModel()
        self._users = people
        self.endResetModel()

    def user(self, row: int) -> User:
        return self._users[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("Role"), self.tr("Since"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        user = self._users[index.row()]
        role_name = role_names().get(user.role, user.role)
        return (user.name, role_name, user.created_at[:10])[index.column()]


class UsersDialog(Retranslatable, QDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.is_admin = users.role_of(session) == "admin"
        self.model = UsersModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.role = QComboBox()
        self.set_role_button = QPushButton()
        self.new_name = QLineEdit()
        self.new_role = QComboBox()
        for combo in (self.role, self.new_role):
            for role in ROLES:
                combo.addItem("", role)
        self.add_button = QPushButton()
        self.four_eyes = QCheckBox()
        self.four_eyes.setChecked(review.four_eyes(session))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.selected_label = QLabel()
        role_row = QHBoxLayout()
        role_row.addWidget(self.selected_label)
        role_row.addWidget(self.role)
        role_row.addWidget(self.set_role_button)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.new_role)
        add_row.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(role_row)
        layout.addLayout(add_row)
        layout.addWidget(self.four_eyes)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for widget in (
            self.role,
            self.set_role_button,
            self.new_name,
            self.new_role,
            self.add_button,
            self.four_eyes,
        ):
            widget.setEnabled(self.is_admin)
        self.set_role_button.clicked.connect(self.set_role)
        self.add_button.clicked.connect(self.add_user)
        self.new_name.returnPressed.connect(self.add_user)
        self.four_eyes.toggled.connect(self.set_four_eyes)
        self.retranslate_ui()
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Users and roles"))
        self.set_role_button.setText(self.tr("Set role"))
        self.new_name.setPlaceholderText(self.tr("Name of a new user"))
        for combo in (self.role, self.new_role):
            for i in range(combo.count()):
                combo.setItemText(i, role_names()[combo.itemData(i)])
        self.add_button.setText(self.tr("Add user"))
        self.four_eyes.setText(
            self.tr("Four eyes: an editor cannot approve an entry they entered or last changed")
        )
        self.note.setText(
            self.tr(
                "Roles guard against mistakes, not against someone who edits the database file."
            )
            if self.is_admin
            else self.tr("Only an admin can change users, roles and the four-eyes rule.")
        )
        self.selected_label.setText(self.tr("Selected user:"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def refresh(self) -> None:
        self.model.set_users(users.list_users(self.session))

    def _selected(self, index: QModelIndex) -> None:
        if index.isValid():
            self.role.setCurrentIndex(self.role.findData(self.model.user(index.row()).role))

    def _run(self, call, *args) -> bool:
        try:
            call(self.session, *args)
        except IndiciteError as e:
            self.message.setText(describe(e))
            return False
        self.message.clear()
        self.refresh()
        return True

    def set_role(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            name = self.model.user(index.row()).name
            self._run(users.set_role, name, self.role.currentData())

    def add_user(self) -> None:
        if self._run(users.add_user, self.new_name.text(), self.new_role.currentData()):
            self.new_name.clear()

    def set_four_eyes(self, on: bool) -> None:
        if not self._run(review.set_four_eyes, on):
            self.four_eyes.blockSignals(True)
            self.four_eyes.setChecked(review.four_eyes(self.session))
            self.four_eyes.blockSignals(False)
