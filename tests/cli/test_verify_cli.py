"""`indicite verify`: exit 0 with a summary, or exit 1 naming each broken citation."""

from indicite.cli import main
from indicite.services.indicators import create_indicator


def test_verify_clean_then_tampered(session, sample_doc, db_path, capsys):
    ind = create_indicator(session, sample_doc, {"name": "规上工业增加值"}, [(0, 4)])
    assert main(["--db", str(db_path), "verify"]) == 0
    assert "OK: 1 citation in 1 document check out." in capsys.readouterr().out

    session.store.db.execute("UPDATE citations SET exact = '伪造' WHERE indicator_id = ?", [ind.id])
    assert main(["--db", str(db_path), "verify"]) == 1
    out = capsys.readouterr().out
    assert f"indicator {ind.id} «规上工业增加值»" in out and "伪造" in out
