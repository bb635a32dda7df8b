"""`indicite --screenshot FILE`: the workspace with the sample document and a few indicators.

Renders offscreen into a throwaway database, so anyone (and CI) can look at the interface.
"""

import os
from pathlib import Path

# (name, value as written, value, unit, qualifier, the words just before it) in the sample.
SAMPLE_ENTRIES = (
    ("规模以上工业增加值增速", "4.2%", 4.2, "%", "eq", "规模以上工业增加值同比增长"),
    ("工业固定资产投资增速", "3.9%", 3.9, "%", "eq", "工业固定资产投资同比增长"),
    ("规上工业企业营收利润率", "6.91%", 6.91, "%", "eq", "企业营收利润率"),
    ("为北京整车配套企业数", "170家", 170, "家", "gt", "为北京整车配套企业超"),
)


def add_sample_indicators(session, doc_id: int) -> list[int]:
    """Cite a few values of the sample document, one of them submitted, as a user would."""
    from indicite.services.indicators import create_indicator
    from indicite.services.review import submit

    text = session.store.documents.get(doc_id).text
    ids = []
    for name, value_text, value, unit, qualifier, before in SAMPLE_ENTRIES:
        where = text.find(before + value_text)
        if where < 0:
            continue
        start = where + len(before)
        fields = {
            "name": name,
            "subject": "天津",
            "period_label": "2025年1—11月",
            "value": value,
            "unit": unit,
            "qualifier": qualifier,
            "value_text": value_text,
        }
        ind = create_indicator(session, doc_id, fields, [(start, start + len(value_text))])
        ids.append(ind.id)
    if len(ids) > 1:
        submit(session, ids[1], session.store.indicators.get(ids[1]).version)
    return ids


def save_screenshot(path: Path, user: str | None = None) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from indicite.services.demo import open_demo
    from indicite.ui.app import make_application
    from indicite.ui.i18n import chosen_language, install_language
    from indicite.ui.main_window import MainWindow

    app = make_application()
    install_language(chosen_language())
    session, doc_id = open_demo(user)
    try:
        ids = add_sample_indicators(session, doc_id)
        settings = QSettings(
            str(Path(session.store.path or ".").with_suffix(".ini")), QSettings.Format.IniFormat
        )
        window = MainWindow(session, settings)
        window.resize(1440, 900)
        window.open_document(doc_id)
        window.show()
        if ids:
            window.select_indicator(ids[0])
        app.processEvents()
        window.grab().save(str(path))
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        session.close()
    return path
