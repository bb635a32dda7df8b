"""The interface language: which translation is installed, the View → Language menu, retranslation.

The app follows the system locale (Chinese interface on a Chinese system, English otherwise)
until the user picks a language in the menu; that choice is kept in QSettings. Switching
installs new QTranslators, and Qt then sends every widget a ``LanguageChange`` event: widgets
that show text inherit :class:`Retranslatable` and set their texts in ``retranslate_ui()``.
"""

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from indicite.paths import resources_dir

ENGLISH = "en"
CHINESE = "zh_CN"
# Each language is named in its own language, so nobody needs to read the other one to find it.
LANGUAGE_NAMES = {CHINESE: "中文", ENGLISH: "English"}
SETTINGS_KEY = "ui/language"


def app_translation_file(language: str) -> Path:
    return resources_dir() / "translations" / f"indicite_{language}.qm"


def qt_translations_dir() -> Path:
    """Where Qt's own translations (qtbase_*.qm, for the standard dialogs) are installed."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def system_language() -> str:
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


def chosen_language() -> str:
    """The language the user picked, or the system's."""
    stored = QSettings().value(SETTINGS_KEY)
    return stored if stored in LANGUAGE_NAMES else system_language()


def load_translators(language: str) -> list[QTranslator]:
    """Indicite's and Qt's translators for ``language`` (none for English, the source language).

    Raises FileNotFoundError when Indicite's own translation is missing, which means a broken
    install; Qt's translation is optional (the standard dialogs then stay in English).
    """
    if language == ENGLISH:
        return []
    own = QTranslator()
    path = app_translation_file(language)
    if not own.load(str(path)):
        raise FileNotFoundError(f"The {language} translation is missing: {path}")
    translators = [own]
    qt = QTranslator()
    if qt.load(f"qtbase_{language}", str(qt_translations_dir())):
        translators.append(qt)
    return translators


class _Installed:
    """The translators currently installed in the application (kept alive here)."""

    language = ENGLISH
    translators: list[QTranslator] = []  # noqa: RUF012 - one shared list is the point


def current_language() -> str:
    return _Installed.language


def install_language(language: str) -> None:
    """Replace the installed translators; every widget then receives a LanguageChange event."""
    translators = load_translators(language)
    for old in _Installed.translators:
        QCoreApplication.removeTranslator(old)
    for translator in translators:
        QCoreApplication.installTranslator(translator)
    _Installed.translators = translators
    _Installed.language = language
    QLocale.setDefault(QLocale(language))


def set_language(language: str) -> None:
    """Switch the interface now and remember the choice for the next start."""
    install_language(language)
    QSettings().setValue(SETTINGS_KEY, language)


class Retranslatable:
    """Mixin for widgets whose texts must follow a language switch.

    Put it before the Qt class (``class Panel(Retranslatable, QWidget)``), set every text in
    ``retranslate_ui()`` and call that once from ``__init__``.
    """

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


class WindowHelper(QObject):
    """Base of an object that adds actions or labels to a window and renames them on a
    language switch (it watches the window's ``LanguageChange``; it is the window's child).

    Subclasses set every text in ``retranslate_ui()`` and call it once from ``__init__``.
    """

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return super().eventFilter(watched, event)


class LanguageMenu(Retranslatable, QMenu):
    """View → Language: one checkable entry per language; picking one switches at once."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.group)
            action.setCheckable(True)
            action.setData(code)
            action.setChecked(code == current_language())
            self.addAction(action)
        self.group.triggered.connect(lambda action: set_language(action.data()))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("&Language"))
        for action in self.group.actions():
            action.setChecked(action.data() == current_language())
