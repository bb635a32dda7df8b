"""The Chinese interface: every visible string is translated, and the language switches live."""

import ast
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from indicite.ui import i18n
from indicite.ui.start_page import StartPage

ROOT = Path(__file__).resolve().parents[2]
TS_FILE = ROOT / "resources" / "translations" / "indicite_zh_CN.ts"
UI_SOURCES = sorted(str(p) for p in (ROOT / "src" / "indicite" / "ui").rglob("*.py"))
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source text) -> <message> element, leaving out strings no longer in the code."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):  # noqa: S314 - our own file
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") not in ("vanished", "obsolete"):
                found[(name, message.findtext("source"))] = message
    return found


def translated(message: ET.Element) -> str:
    translation = message.find("translation")
    if translation.get("type") == "unfinished":
        return ""
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return "" if forms and not all(forms) else (translation.text or "".join(forms))


@pytest.fixture
def english_afterwards(qapp):
    yield
    i18n.install_language(i18n.ENGLISH)
    QSettings().remove(i18n.SETTINGS_KEY)


def test_every_visible_ui_string_has_a_finished_chinese_translation(tmp_path):
    extracted = tmp_path / "extracted.ts"
    subprocess.run(
        [str(LUPDATE), "-silent", *UI_SOURCES, "-ts", str(extracted)], check=True, timeout=60
    )
    in_code = messages(extracted)
    assert in_code, "lupdate found no tr() strings"
    committed = messages(TS_FILE)
    missing = [
        f"{context}: {source!r}"
        for context, source in in_code
        if (context, source) not in committed or not translated(committed[(context, source)])
    ]
    assert not missing, (
        "Strings without a finished zh_CN translation (run packaging/update_translations.sh, "
        "translate them in the .ts, run it again):\n" + "\n".join(missing)
    )


def test_the_built_qm_holds_every_finished_translation(qapp):
    (own, *_) = i18n.load_translators(i18n.CHINESE)
    stale = [
        (context, source)
        for (context, source), message in messages(TS_FILE).items()
        if translated(message) and not own.translate(context, source)
    ]
    assert not stale, (
        f"the .qm is older than the .ts; run packaging/update_translations.sh: {stale}"
    )


def test_a_chinese_system_gets_the_chinese_interface(tmp_path):
    code = (
        "from indicite.ui.app import make_application; make_application();"
        "from indicite.ui.i18n import chosen_language; print(chosen_language())"
    )
    env = {**os.environ, "LC_ALL": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8", "HOME": str(tmp_path)}
    env.pop("LANGUAGE", None)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "zh_CN"
    env.update(LC_ALL="en_US.UTF-8", LANG="en_US.UTF-8")
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "en"


def test_the_language_menu_switches_at_once_and_keeps_what_was_typed(
    qtbot, db_path, english_afterwards
):
    window = QWidget()
    qtbot.addWidget(window)
    page = StartPage(db_path)
    typed = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(page)
    layout.addWidget(typed)
    menu = i18n.LanguageMenu(window)
    window.show()
    qtbot.keyClicks(typed, "4.2%")
    assert menu.title() == "&Language"

    chinese = next(a for a in menu.actions() if a.text() == "中文")
    chinese.trigger()
    qtbot.waitUntil(lambda: page.sample_button.text() != "Open the &sample document")
    assert "示例" in page.sample_button.text()
    assert menu.title().startswith("语言")
    assert chinese.isChecked()
    assert typed.text() == "4.2%"
    assert QSettings().value(i18n.SETTINGS_KEY) == "zh_CN"

    english = next(a for a in menu.actions() if a.text() == "English")
    english.trigger()
    qtbot.waitUntil(lambda: page.sample_button.text() == "Open the &sample document")
    assert typed.text() == "4.2%"
    assert i18n.chosen_language() == "en"


def test_no_ui_string_sits_outside_a_translation_context(tmp_path):
    """tr() through a helper function loses the context, and the string is never translated."""
    extracted = tmp_path / "extracted.ts"
    subprocess.run(
        [str(LUPDATE), "-silent", *UI_SOURCES, "-ts", str(extracted)], check=True, timeout=60
    )
    stray = [source for context, source in messages(extracted) if not context]
    assert not stray, (
        'Call QCoreApplication.translate("Context", "literal") or self.tr("literal") '
        f"directly, so lupdate sees the context: {stray}"
    )


def _is_tr(call: ast.Call) -> bool:
    f = call.func
    if isinstance(f, ast.Name):
        return f.id == "tr"
    if not isinstance(f, ast.Attribute):
        return False
    is_translate = isinstance(f.value, ast.Name) and f.value.id == "QCoreApplication"
    return f.attr == "tr" or (f.attr == "translate" and is_translate)


def _has_literal_text(call: ast.Call) -> bool:
    """tr("text") or QCoreApplication.translate("Context", "text") with a plain string."""
    position = 1 if isinstance(call.func, ast.Attribute) and call.func.attr == "translate" else 0
    text = call.args[position] if len(call.args) > position else None
    return isinstance(text, ast.Constant) and isinstance(text.value, str)


def test_every_tr_call_holds_a_literal_that_lupdate_can_read():
    """lupdate skips tr() inside an f-string and tr() of a variable: those never get translated."""
    unreadable = []
    # describe() translates error templates; lupdate reads those from error_texts.py
    for path in (p for p in UI_SOURCES if Path(p).name != "errors.py"):
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        in_fstrings = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for inner in ast.walk(node)
        }
        unreadable += [
            f"{Path(path).name}:{node.lineno}: {ast.unparse(node)}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and _is_tr(node)
            and (id(node) in in_fstrings or not _has_literal_text(node))
        ]
    assert not unreadable, (
        "Put the literal string itself in tr(), outside any f-string, and format afterwards: "
        + "; ".join(unreadable)
    )


def test_the_main_window_in_chinese_keeps_the_typing_when_switched(
    qtbot, session, sample_doc, english_afterwards
):
    from indicite.ui.main_window import MainWindow

    i18n.set_language(i18n.CHINESE)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.open_document(sample_doc)
    titles = [window.menus[key].title() for key in ("file", "edit", "view", "help")]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert window.indicator_filter.placeholderText() == "按名称、主体、统计期、单位筛选"
    assert window.actions_by_key["cite"].text() == "引用所选文字(&C)"

    text = session.store.documents.get(sample_doc).text
    start = text.index("同比增长4.2%")
    window.document_view.select_span(start, start + len("同比增长4.2%"))
    window.cite_selection()
    name = window.form.fields["name"]
    name.clear()
    qtbot.keyClicks(name, "Industrial value added")

    i18n.set_language(i18n.ENGLISH)
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&File")
    assert name.text() == "Industrial value added"
    assert window.has_unsaved_changes()
    window.form.clear()


def test_every_error_message_is_a_template_the_translators_see():
    """Errors from core, storage, io and services reach the interface through describe():
    each must be a literal template with named fields, listed in ui/error_texts.py."""
    root = Path(__file__).parents[2]
    result = subprocess.run(
        [sys.executable, str(root / "packaging" / "collect_error_texts.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_an_error_is_shown_in_the_interface_language(qapp):
    from indicite.core.errors import NotFound
    from indicite.ui.errors import describe
    from indicite.ui.i18n import install_language

    error = NotFound("There is no document {doc_id}; `indicite docs` lists them.", doc_id=42)
    # windows of earlier tests, closed with their database, must not retranslate now
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    try:
        install_language("zh_CN")
        shown = describe(error)
    finally:
        install_language("en")
    assert "42" in shown
    assert "There is no" not in shown
    assert describe(error) == str(error)


def test_codes_inside_an_error_are_named_in_the_interface_language(qapp):
    from indicite.core.entities import Indicator
    from indicite.core.workflow import Facts, refusal
    from indicite.ui.errors import describe
    from indicite.ui.i18n import install_language

    entry = Indicator(id=1, status="approved", created_by="a", updated_by="a")
    reason = refusal("submit", entry, "b", "staff", True, Facts())
    assert str(reason) == describe(reason)
    assert "approved" in str(reason) and "submitted" in str(reason)
    try:
        install_language("zh_CN")
        shown = describe(reason)
    finally:
        install_language("en")
    assert "approved" not in shown and "submit" not in shown
