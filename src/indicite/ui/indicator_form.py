"""The indicator form: every field of an indicator, checked in place, saved with Enter.

Nothing here writes to the database: the form checks what was typed and emits
``save_requested(fields)``; the main window runs the service call through the undo stack and
tells the form what went wrong (``show_error``, ``show_conflict``).

Signals: ``save_requested(dict)``, ``reload_requested()``, ``cancel_requested()``,
``add_to_catalog_requested(str)`` (the typed name, which no catalog item has),
``entry_shown(object)`` (the id of the stored entry now in the form, or None).
"""

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from indicite.core.catalog import CatalogItem, CatalogMatcher
from indicite.core.entities import MEASURES, QUALIFIERS, Indicator
from indicite.core.errors import ValidationError
from indicite.core.kinds import KINDS
from indicite.core.tables import CellRef
from indicite.core.validation import check_fields, parse_value
from indicite.ui.catalog.completion import MATCH_ROLE, fill_completions
from indicite.ui.errors import describe
from indicite.ui.i18n import Retranslatable
from indicite.ui.labels import kind_names, measure_names, qualifier_names

TEXT_FIELDS = (
    "name",
    "subject",
    "period_label",
    "period_start",
    "period_end",
    "value",
    "unit",
    "value_text",
    "notes",
    "value_high",
)
NUMBER_FIELDS = ("value", "value_high")
ERROR_STYLE = "border: 2px solid #c62828;"
ERROR_COLOUR = "#c62828"
WARNING_COLOUR = "#8a5a00"


def format_number(value: float | None) -> str:
    """A stored value as the user would type it: 86000 not 86000.0, 115.01 not 1.1501e+02."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def format_range(value: float | None, high: float | None) -> str:
    """A value, or a range as 2–3 (value_high is the high end of 2万至3万元)."""
    low = format_number(value)
    return low if high is None else f"{low}–{format_number(high)}"


def value_missing_from(value_text: str, quotes: list[str]) -> bool:
    """True when the value as written appears in none of the cited passages."""
    return bool(value_text.strip()) and bool(quotes) and not any(value_text in q for q in quotes)


def restyle(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only when it differs: each call restyles the widget (costly per jump)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


class IndicatorForm(Retranslatable, QWidget):
    save_requested = Signal(dict)
    reload_requested = Signal()
    cancel_requested = Signal()
    add_to_catalog_requested = Signal(str)
    entry_shown = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.mode: str | None = None  # "new" or "edit"
        self.document_id: int | None = None
        self.indicator_id: int | None = None
        self.version: int | None = None
        self.spans: list[tuple[int, int]] = []
        self.quotes: list[str] = []
        self.cell_ref: CellRef | None = None  # the table cell the first passage is, if any

        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.citation = QLabel()
        self.citation.setWordWrap(True)
        self.citation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.citation.setStyleSheet("color: #444; background: #fafafa; padding: 3px;")
        self.fields: dict[str, QLineEdit] = {name: QLineEdit() for name in TEXT_FIELDS}
        self.measure = QComboBox()
        for measure in MEASURES:
            self.measure.addItem(measure, measure)
        self.qualifier = QComboBox()
        for qualifier in QUALIFIERS:
            self.qualifier.addItem(qualifier, qualifier)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind, kind)
        self._shown_codes: tuple[str, ...] = ("level", "eq", "actual")
        self.catalog = CatalogMatcher([])
        self._catalog_items: list[CatalogItem] = []
        self._recent_names: list[str] = []
        self.catalog_hint = QLabel()
        self.catalog_hint.setStyleSheet("color: #555;")
        self.add_to_catalog_button = QPushButton()
        self.add_to_catalog_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_to_catalog_button.clicked.connect(
            lambda: self.add_to_catalog_requested.emit(self.fields["name"].text().strip())
        )
        self.name_completer = self._completer(self.fields["name"], QStandardItemModel(self))
        self.name_completer.setCompletionRole(MATCH_ROLE)
        self.name_completer.activated[str].connect(self._complete_name)
        self.unit_completer = self._completer(self.fields["unit"])
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.reload_button = QPushButton()
        self.reload_button.hide()
        self.reload_button.clicked.connect(self.reload_requested)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_requested)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        period_dates = QHBoxLayout()
        for key in ("period_start", "period_end"):  # a whole date stays readable when narrow
            edit = self.fields[key]
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2025-12-31") + 16)
        period_dates.addWidget(self.fields["period_start"])
        period_dates.addWidget(QLabel("–"))
        period_dates.addWidget(self.fields["period_end"])
        catalog_row = QHBoxLayout()
        catalog_row.addWidget(self.catalog_hint, 1)
        catalog_row.addWidget(self.add_to_catalog_button)
        value_row = QHBoxLayout()
        value_row.addWidget(self.qualifier)
        value_row.addWidget(self.fields["value"], 2)
        value_row.addWidget(QLabel("–"))
        value_row.addWidget(self.fields["value_high"], 2)
        value_row.addWidget(self.fields["unit"], 1)
        self._labels = {
            key: QLabel()
            for key in (
                "name",
                "subject",
                "period",
                "dates",
                "measure",
                "kind",
                "value",
                "value_text",
                "notes",
            )
        }
        self.form.addRow(self._labels["name"], self.fields["name"])
        self.form.addRow("", catalog_row)
        self.form.addRow(self._labels["subject"], self.fields["subject"])
        self.form.addRow(self._labels["period"], self.fields["period_label"])
        self.form.addRow(self._labels["dates"], period_dates)
        self.form.addRow(self._labels["measure"], self.measure)
        self.form.addRow(self._labels["kind"], self.kind)
        self.form.addRow(self._labels["value"], value_row)
        self.form.addRow(self._labels["value_text"], self.fields["value_text"])
        self.form.addRow(self._labels["notes"], self.fields["notes"])
        buttons = QHBoxLayout()
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.citation)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        for widget in self.fields.values():
            widget.textEdited.connect(self._clear_marks)
        self.fields["name"].textChanged.connect(self._show_catalog_link)
        self.retranslate_ui()
        self.clear()

    def retranslate_ui(self) -> None:
        texts = {
            "name": self.tr("&Name"),
            "subject": self.tr("&Subject"),
            "period": self.tr("&Period"),
            "dates": self.tr("From – to"),
            "measure": self.tr("&Measure"),
            "kind": self.tr("&Kind"),
            "value": self.tr("&Value"),
            "value_text": self.tr("As &written"),
            "notes": self.tr("N&otes"),
        }
        buddies = {
            "name": self.fields["name"],
            "subject": self.fields["subject"],
            "period": self.fields["period_label"],
            "dates": self.fields["period_start"],
            "measure": self.measure,
            "kind": self.kind,
            "value": self.fields["value"],
            "value_text": self.fields["value_text"],
            "notes": self.fields["notes"],
        }
        for key, label in self._labels.items():
            label.setText(texts[key])
            label.setBuddy(buddies[key])
        self.fields["name"].setPlaceholderText(self.tr("What is measured, e.g. 规上工业增加值"))
        self.fields["value"].setPlaceholderText(self.tr("Number, e.g. 4.2"))
        self.fields["value_high"].setPlaceholderText(self.tr("To (a range)"))
        self.fields["value_high"].setToolTip(
            self.tr("The high end of a range such as 7.0%—7.5%; empty for a single value")
        )
        self.fields["unit"].setPlaceholderText(self.tr("Unit"))
        for name in ("period_start", "period_end"):
            self.fields[name].setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.reload_button.setText(self.tr("Reload"))
        self.save_button.setText(self.tr("Save (Enter)"))
        self.save_button.setToolTip(self.tr("Save the indicator (Enter)"))
        self.cancel_button.setText(self.tr("Cancel (Esc)"))
        self.add_to_catalog_button.setText(self.tr("Add to catalog…"))
        self.add_to_catalog_button.setToolTip(
            self.tr("Make this name an indicator of the catalog, so entries can share it")
        )
        for combo, names in (
            (self.measure, measure_names()),
            (self.qualifier, qualifier_names()),
            (self.kind, kind_names()),
        ):
            for i in range(combo.count()):
                combo.setItemText(i, names[combo.itemData(i)])
        self._show_catalog_link()
        self._show_quotes()
        self._update_heading()

    def _completer(self, field: QLineEdit, model: Any = None) -> QCompleter:
        completer = QCompleter(model or QStringListModel(self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        field.setCompleter(completer)
        return completer

    def set_completions(self, names: list[str], units: list[str]) -> None:
        self._recent_names = list(names)
        self._rebuild_name_completion()
        self.unit_completer.model().setStringList(units)  # type: ignore[attr-defined]

    def set_catalog(self, items: list[CatalogItem]) -> None:
        """The catalog to complete names from and to link them to."""
        self._catalog_items = list(items)
        self.catalog = CatalogMatcher(self._catalog_items)
        self._rebuild_name_completion()
        self._show_catalog_link()

    def _rebuild_name_completion(self) -> None:
        model = self.name_completer.model()
        assert isinstance(model, QStandardItemModel)
        fill_completions(model, self._catalog_items, self._recent_names)

    def add_completions(self, name: str, unit: str) -> None:
        """Offer a just-saved name and unit without asking the database again."""
        if name and name not in self._recent_names:
            self._recent_names.insert(0, name)
            self._rebuild_name_completion()
        model = self.unit_completer.model()
        words = model.stringList()  # type: ignore[attr-defined]
        if unit and unit not in words:
            model.setStringList([unit, *words])  # type: ignore[attr-defined]

    def _complete_name(self, chosen: str) -> None:
        """A chosen alias or code puts the catalog's name in the field (once the line edit
        has put in what was chosen: that happens after this signal)."""
        item_id = self.catalog.match(chosen)
        if item_id is not None:
            QTimer.singleShot(0, lambda: self._set_name(self.catalog.names[item_id]))

    def _set_name(self, name: str) -> None:
        self.fields["name"].setText(name)
        self.fields["name"].setModified(True)

    def catalog_id(self) -> int | None:
        """The catalog item the typed name means, if any."""
        return self.catalog.match(self.fields["name"].text())

    def _show_catalog_link(self) -> None:
        name = self.fields["name"].text().strip()
        item_id = self.catalog.match(name) if name else None
        if item_id is None:
            self.catalog_hint.setText(self.tr("Not in the catalog") if name else "")
        else:
            code = next((i.code for i in self._catalog_items if i.id == item_id), "")
            self.catalog_hint.setText(
                self.tr("Catalog: {code} {name}").format(
                    code=code, name=self.catalog.names[item_id]
                )
            )
        self.add_to_catalog_button.setVisible(bool(name) and item_id is None)

    # --- filling -------------------------------------------------------------------------

    def clear(self) -> None:
        self.mode = None
        self.document_id = self.indicator_id = self.version = None
        self.spans, self.quotes = [], []
        self.cell_ref = None
        self._fill({})
        self._show_quotes()
        self.setEnabled(False)
        self._update_heading()
        self.entry_shown.emit(None)

    def start_new(
        self,
        doc_id: int,
        spans: list[tuple[int, int]],
        quotes: list[str],
        fields: dict[str, Any],
    ) -> None:
        """A new indicator cited to ``spans``; ``fields`` are the pre-filled guesses."""
        self.mode = "new"
        self.document_id, self.indicator_id, self.version = doc_id, None, None
        self.spans, self.quotes = list(spans), list(quotes)
        self.cell_ref = None
        self._fill(fields)
        self._show_quotes()
        self.setEnabled(True)
        self._update_heading()
        self.entry_shown.emit(None)
        self.fields["name"].setFocus()

    def show_indicator(self, ind: Indicator, quotes: list[str]) -> None:
        """Edit an existing indicator; Enter stores the changed fields."""
        self.mode = "edit"
        self.document_id, self.indicator_id, self.version = ind.document_id, ind.id, ind.version
        self.spans = [(c.start, c.end) for c in ind.citations]
        self.quotes = list(quotes)
        self.cell_ref = None
        self._fill(ind.editable_fields())
        self._show_quotes()
        self.setEnabled(True)
        self._update_heading()
        self.entry_shown.emit(ind.id)

    def _fill(self, values: dict[str, Any]) -> None:
        self._clear_marks()
        for name, widget in self.fields.items():
            value = values.get(name)
            widget.setText(format_number(value) if name in NUMBER_FIELDS else str(value or ""))
        self._select(self.measure, values.get("measure") or "level")
        self._select(self.qualifier, values.get("qualifier") or "eq")
        self._select(self.kind, values.get("kind") or "actual")
        self._shown_codes = self._codes()
        self._check_value_text()

    def _codes(self) -> tuple[str, ...]:
        return self.measure.currentData(), self.qualifier.currentData(), self.kind.currentData()

    def is_modified(self) -> bool:
        """Typed in a field or picked another measure or qualifier since the entry was shown."""
        typed = any(widget.isModified() for widget in self.fields.values())
        return typed or self._codes() != self._shown_codes

    @staticmethod
    def _select(combo: QComboBox, data: str) -> None:
        combo.setCurrentIndex(max(0, combo.findData(data)))

    def _show_quotes(self) -> None:
        """The cited passages, or with no indicator in the form, how to start one."""
        if self.mode is None:
            self.citation.setText(self.tr("Select a passage in the document and press Ctrl+Enter."))
            return
        shown = " … ".join(q if len(q) <= 120 else q[:117] + "…" for q in self.quotes)
        text = f"“{shown}”" if shown else ""
        if self.cell_ref is not None:
            where = self.tr("{table} · row {row} · column {column}").format(
                table=self.cell_ref.table,
                row=self.cell_ref.row_label,
                column=self.cell_ref.column_label,
            )
            text = f"{text}\n{where}"
        self.citation.setText(text)

    def show_cell(self, ref: CellRef | None) -> None:
        """Say which table cell the first cited passage is (table, row, column); None: prose."""
        self.cell_ref = ref
        self._show_quotes()

    def _update_heading(self) -> None:
        if self.mode == "new":
            self.heading.setText(self.tr("New indicator"))
        elif self.mode == "edit":
            self.heading.setText(self.tr("Indicator {id}").format(id=self.indicator_id))
        else:
            self.heading.setText(self.tr("No indicator selected"))

    # --- checking and saving ---------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The typed fields, with the value parsed; raises ValidationError naming the field."""
        raw = {name: widget.text().strip() for name, widget in self.fields.items()}
        values: dict[str, Any] = dict(raw)
        for name in NUMBER_FIELDS:
            values[name] = parse_value(raw[name], name) if raw[name] else None
        for name in ("period_start", "period_end"):
            values[name] = raw[name] or None
        values["measure"] = self.measure.currentData()
        values["qualifier"] = self.qualifier.currentData()
        values["kind"] = self.kind.currentData()
        check_fields(values)
        return values

    def save(self) -> None:
        if self.mode is None:
            return
        try:
            values = self.values()
        except ValidationError as e:
            self.show_error(e.field, describe(e))
            return
        self.save_requested.emit(values)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            return
        super().keyPressEvent(event)

    def show_error(self, field: str, message: str) -> None:
        """Mark the field in red and say what to do; nothing was stored."""
        self._clear_marks()
        widget = self.fields.get(field)
        if widget is not None:
            widget.setStyleSheet(ERROR_STYLE)
            widget.setFocus()
            widget.selectAll()
        self._say(message, ERROR_COLOUR)

    def show_conflict(self, message: str) -> None:
        self._say(message, ERROR_COLOUR)
        self.reload_button.show()

    def error_fields(self) -> list[str]:
        return [name for name, w in self.fields.items() if w.styleSheet() == ERROR_STYLE]

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisible() else ""

    def _say(self, message: str, colour: str) -> None:
        self.message.setText(message)
        restyle(self.message, f"color: {colour};")
        self.message.setVisible(bool(message))

    def _clear_marks(self) -> None:
        for widget in self.fields.values():
            restyle(widget, "")
        self.reload_button.hide()
        self._say("", ERROR_COLOUR)
        self._check_value_text()

    def _check_value_text(self) -> None:
        if value_missing_from(self.fields["value_text"].text(), self.quotes):
            self._say(
                self.tr("Warning: the cited passage does not contain “{text}”.").format(
                    text=self.fields["value_text"].text()
                ),
                WARNING_COLOUR,
            )
        elif self.message.styleSheet() == f"color: {WARNING_COLOUR};":
            self._say("", WARNING_COLOUR)
