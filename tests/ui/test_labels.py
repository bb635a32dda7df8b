"""Codes the database stores (measures, qualifiers, roles) are shown by name, in the UI language."""

import pytest

from indicite.core.entities import MEASURES, QUALIFIERS, ROLES, Event
from indicite.ui import i18n, labels
from indicite.ui.history_panel import describe
from indicite.ui.indicator_form import IndicatorForm


@pytest.fixture
def chinese(qapp):
    i18n.install_language(i18n.CHINESE)
    yield
    i18n.install_language(i18n.ENGLISH)


def test_every_stored_code_has_a_name():
    assert list(labels.measure_names()) == list(MEASURES)
    assert list(labels.qualifier_names()) == list(QUALIFIERS)
    assert list(labels.role_names()) == list(ROLES)


def test_the_form_lists_measures_and_qualifiers_by_name_and_follows_the_language(qtbot):
    form = IndicatorForm()
    qtbot.addWidget(form)
    measure = form.measure.findData("growth_yoy")
    assert form.measure.itemText(measure) == "Year-on-year growth"
    form.measure.setCurrentIndex(measure)

    i18n.install_language(i18n.CHINESE)
    try:
        qtbot.waitUntil(lambda: form.measure.itemText(measure) == "同比增长")
        assert form.qualifier.itemText(form.qualifier.findData("approx")) == "约"
        assert form.measure.currentData() == "growth_yoy"
    finally:
        i18n.install_language(i18n.ENGLISH)
    qtbot.waitUntil(lambda: form.measure.itemText(measure) == "Year-on-year growth")


def test_history_names_fields_codes_and_statuses(chinese):
    edit = Event(action="edit", before={"measure": "level"}, after={"measure": "growth_yoy"})
    assert describe(edit) == "指标类型: 总量 → 同比增长"
    submit = Event(action="submit", before={"status": "draft"}, after={"status": "submitted"})
    assert describe(submit) == "草稿 → 已提交"
