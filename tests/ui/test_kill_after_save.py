"""Nothing typed is lost when the app is killed right after Enter: the save is committed."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from indicite.services.session import Session

SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QInputMethodEvent, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from indicite.services.session import Session
    from indicite.ui.main_window import MainWindow

    app = QApplication([])
    db, doc_id, ini = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    session = Session.open(db, "killed")
    window = MainWindow(session, QSettings(ini, QSettings.Format.IniFormat))
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.open_document(doc_id)
    text = window.document.text
    start = text.index("4.2%")
    cursor = QTextCursor(window.document_view.text.document())
    cursor.setPosition(start)
    cursor.setPosition(start + 4, QTextCursor.MoveMode.KeepAnchor)
    edit = window.document_view.text
    edit.setTextCursor(cursor)
    QTest.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    name = window.form.fields["name"]
    name.setFocus()
    typed = QInputMethodEvent("", [])
    typed.setCommitString("规上工业增加值增速")
    QApplication.sendEvent(name, typed)
    QTest.keyClick(name, Qt.Key.Key_Return)
    print("saved", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_indicator_survives_sigkill_right_after_save(session, sample_doc, db_path, tmp_path):
    session.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(db_path), str(sample_doc), str(tmp_path / "s.ini")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "saved", proc.stderr.read()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    again = Session.open(db_path, "tester")
    try:
        (ind,) = again.store.indicators.for_document(sample_doc)
        assert ind.name == "规上工业增加值增速"
        assert ind.value == 4.2
        (citation,) = ind.citations or again.store.indicators.citations(ind.id)
        assert citation.exact == "4.2%"
    finally:
        again.close()
