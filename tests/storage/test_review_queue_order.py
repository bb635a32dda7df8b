"""Migration m006: the review queue's submitted_at, filled from history, and its index."""

import sqlite3

from sqlite_utils import Database

from indicite.storage.database import open_database
from indicite.storage.migrations import migrations
from indicite.storage.review_queries import QueueFilter, ReviewQueries

AT = "2025-0{}-01T10:00:00.000+00:00"


def test_waiting_entries_get_their_latest_submission_from_the_history(db_path):
    db = Database(sqlite3.connect(db_path, isolation_level=None))
    migrations.apply(db, stop_before="m006_review_queue_order")
    db["documents"].insert(
        {"id": 1, "title": "报告", "text": "全年增长5%", "text_sha256": "x", "char_count": 6,
         "imported_at": AT.format(1)}
    )  # fmt: skip
    history = {  # id: status, [(month, action)]
        1: ("submitted", [(1, "create"), (2, "submit"), (3, "return"), (5, "submit")]),
        2: ("submitted", [(1, "create"), (4, "submit")]),
        3: ("approved", [(1, "create"), (2, "submit"), (3, "approve")]),
        4: ("draft", [(1, "create")]),
    }
    for ind_id, (status, events) in history.items():
        db["indicators"].insert(
            {"id": ind_id, "document_id": 1, "name": f"指标{ind_id}", "status": status,
             "version": 1, "created_by": "sam", "created_at": AT.format(1)}
        )  # fmt: skip
        for month, action in events:
            db["events"].insert(
                {"at": AT.format(month), "who": "sam", "action": action, "indicator_id": ind_id}
            )
    db.close()

    db = open_database(db_path)
    stored = dict(db.execute("SELECT id, submitted_at FROM indicators ORDER BY id").fetchall())
    assert stored == {1: AT.format(5), 2: AT.format(4), 3: None, 4: None}
    assert ReviewQueries(db).queue_ids(QueueFilter()) == [2, 1]  # oldest submission first
    db.close()
