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


def test_streamed_rows_come_from_the_server_in_batches_beside_other_queries(pg):
    open_cursors = "SELECT count(*) FROM pg_cursors WHERE name LIKE 'indicite_rows_%'"
    with pg.transaction():
        numbers = pg.stream("SELECT n, ? || n FROM generate_series(1, 5000) AS n", ["第"])
        letters = pg.stream("SELECT chr(n) FROM generate_series(65, 70) AS n")
        assert pg.execute(open_cursors).fetchone()[0] == 2
        pairs = list(zip(numbers, letters, strict=False))
        assert pairs[0] == ((1, "第1"), ("A",)) and len(pairs) == 6
        assert [n for n, _ in numbers][-1] == 5000
        numbers.close()
        letters.close()
        assert pg.execute(open_cursors).fetchone()[0] == 0

    held = pg.stream("SELECT n, '%' FROM generate_series(1, 300) AS n")  # no transaction
    assert [tuple(r) for r in held][-1] == (300, "%")
    held.close()
    assert pg.execute(open_cursors).fetchone()[0] == 0
