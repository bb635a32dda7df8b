"""Small screens: at 1024×640, 1366×700 and 1920×1080, in Chinese and English, at 100% and
200% scaling, the workspace and the review queue fit the window with every field at its full
height (the form scrolls instead of squashing)."""

import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from workspace_helpers import make_window

from indicite.services import review
from indicite.services.indicators import create_indicator
from indicite.ui import i18n

SIZES = [(1024, 640), (1366, 700), (1920, 1080)]
CHECKED = (QLineEdit, QComboBox, QAbstractButton, QLabel)


def squashed(window: QWidget) -> list[str]:
    """Fields, buttons and labels shown lower than they need to show their text."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CHECKED) or not widget.isVisible():
            continue
        if widget.objectName().startswith("qt_"):  # parts inside Qt's own compound widgets
            continue
        if isinstance(widget, QLabel) and not widget.text():
            continue
        need = widget.minimumSizeHint().height()
        if widget.height() < need:
            found.append(f"{type(widget).__name__} {widget.text()!r}: {widget.height()}<{need}")
    return found


@pytest.mark.parametrize("lang", [i18n.ENGLISH, i18n.CHINESE])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_workspace_and_review_fit_with_fields_at_full_height(
    qtbot, session, sample_doc, tmp_path, size, lang
):
    text = session.store.documents.get(sample_doc).text
    ids = []
    for name, value in (
        ("规上工业增加值", "4.2%"),
        ("工业固定资产投资", "3.9%"),
        ("利润率", "6.91%"),
    ):
        start = text.index(value)
        ids.append(create_indicator(session, sample_doc, {"name": name}, [(start, start + 4)]).id)
    review.submit(session, ids[1], session.store.indicators.get(ids[1]).version)
    window = make_window(qtbot, session, tmp_path, sample_doc)
    i18n.install_language(lang)
    try:
        check_both_modes(window, size, ids[0])
    finally:
        i18n.install_language(i18n.ENGLISH)
        QApplication.processEvents()


def check_both_modes(window, size: tuple[int, int], first_id: int) -> None:
    window.resize(*size)
    window.select_indicator(first_id)
    for _ in range(3):  # a language switch relays the toolbar out in posted events
        QApplication.processEvents()

    assert (window.width(), window.height()) == size  # the window is not forced taller
    assert squashed(window) == [], squashed(window)
    table = window.indicator_table
    assert table.rowAt(table.viewport().height() - 1) in (-1, 2)  # all three rows in sight
    assert window.form.fields["notes"].height() >= window.form.fields["notes"].sizeHint().height()
    assert window.document_view.width() > size[0] // 3  # the text is not squeezed to a strip
    start = window.form.fields["period_start"]
    assert start.width() > start.fontMetrics().horizontalAdvance(start.text())  # a whole date
    assert not window.grab().isNull()

    window.review_mode.mode_action.trigger()
    QApplication.processEvents()
    assert (window.width(), window.height()) == size
    assert squashed(window) == [], squashed(window)
    assert window.review_mode.view.approve_button.height() > 0


@pytest.mark.skipif(os.environ.get("QT_SCALE_FACTOR") == "2", reason="already at 200%")
def test_everything_fits_at_200_percent_scaling():
    """The same checks with QT_SCALE_FACTOR=2 (it must be set before Qt starts)."""
    env = {**os.environ, "QT_SCALE_FACTOR": "2"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            __file__,
            "-k",
            "fit_with",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "6 passed" in result.stdout
