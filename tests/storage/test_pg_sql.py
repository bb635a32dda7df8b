"""SQLite's spelling run on PostgreSQL: a percent sign in a string means itself."""

import pytest

from indicite.storage.postgres.connect import open_postgres


@pytest.fixture
def pg(pg_url):
    db = open_postgres(pg_url)
    yield db
    db.close()


def test_a_percent_in_a_literal_is_kept_with_and_without_values(pg):
    assert pg.execute("SELECT '增长5%' -- 100% sure").fetchone()[0] == "增长5%"
    row = pg.execute("SELECT '增长5%', ? || '%', 7 % 4", ["8"]).fetchone()
    assert tuple(row) == ("增长5%", "8%", 3)
    assert [r["x"] for r in pg.query("SELECT 'a%b' AS x WHERE 'a%b' LIKE '%b'")] == ["a%b"]
