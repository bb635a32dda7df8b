"""`indicite --screenshot FILE`: the workspace with the sample document and a few indicators.

Renders offscreen into a throwaway database, so anyone (and CI) can look at the interface.
"""

import os
from pathlib import Path

# (name, measure, period, value as written, value, unit, qualifier, the words just before it).
SAMPLE_ENTRIES = (
    ("规模以上工业增加值", "growth_yoy", "2025年1—11月", "4.2%", 4.2, "%", "eq", "同比增长"),
    ("工业固定资产投资", "growth_yoy", "2025年1—11月", "3.9%", 3.9, "%", "eq", "投资同比增长"),
    ("规上工业企业营收利润率", "rate", "2025年前三季度", "6.91%", 6.91, "%", "eq", "利润率"),
    ("为北京整车配套企业", "count", "2025年", "170家", 170, "家", "gt", "整车配套企业超"),
)


def add_sample_indicators(session, doc_id: int) -> list[int]:
    """Cite a few values of the sample document, one of them submitted, as a user would."""
    from indicite.services.indicators import create_indicator
    from indicite.services.review import submit

    text = session.store.documents.get(doc_id).text
    ids = []
    for name, measure, period, value_text, value, unit, qualifier, before in SAMPLE_ENTRIES:
        where = text.find(before + value_text)
        if where < 0:
            continue
        start = where + len(before)
        fields = {
            "name": name,
            "measure": measure,
            "subject": "天津",
            "period_label": period,
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


def wait_for(signal, timeout_ms: int = 30_000) -> None:
    """Run the event loop until ``signal`` fires (or the timeout passes)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


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
        wait_for(window.suggestions_panel.loaded)  # suggestions come from a worker
        app.processEvents()
        window.grab().save(str(path))
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        session.close()
    return path
