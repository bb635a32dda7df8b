"""One query text, two engines: what the repositories write in SQLite's spelling gives the same
answer on PostgreSQL (``storage.postgres.sql`` translates it there) as on SQLite.

Each query runs on both stores and the rows it returns are compared with what SQL means, so
a translation that changed a literal, lost a parameter or misread a spelling shows as a wrong
answer on the server.
"""

import json

import pytest


def rows(session, sql, values=None):
    return [tuple(r) for r in session.store.db.execute(sql, values).fetchall()]


def one(session, sql, values=None):
    (row,) = rows(session, sql, values)
    return row


def test_question_marks_outside_literals_take_the_values_in_order(session):
    assert one(session, "SELECT ?, ?, ? + 1", ["甲", 2, 40]) == ("甲", 2, 41)


def test_question_marks_and_names_inside_literals_stay_text(session):
    assert one(session, "SELECT '?', 'a?b', ':name', ?", [7]) == ("?", "a?b", ":name", 7)
    assert one(session, "SELECT 'it''s ?', :x", {"x": "y"}) == ("it's ?", "y")


def test_a_numbered_placeholder_repeated_is_the_same_value(session):
    assert one(session, "SELECT ?1 * 10 + ?1, ?2, ?1", [3, "乙"]) == (33, "乙", 3)


def test_named_placeholders_take_the_dict_values(session):
    values = {"low": 2, "high": 5, "word": "丙"}
    assert one(session, "SELECT :high - :low, :word, :low", values) == (3, "丙", 2)


def test_a_cast_is_not_a_named_placeholder(session):
    # SQLite has no "::"; CAST is shared, and a ":" after a quote is not a name either
    assert one(session, "SELECT CAST('5' AS INTEGER) + :n, 'x:y'", {"n": 1}) == (6, "x:y")


@pytest.mark.parametrize("values", [None, [], [1]], ids=["no-values", "empty", "one-value"])
def test_a_percent_sign_is_kept_with_or_without_values(session, values):
    marks = ", ?" if values else ""
    got = one(
        session,
        f"SELECT 7 % 3, '50%', 'a%b' LIKE 'a%', 'x' AS \"100%\"{marks} -- 5% of\n",
        values,
    )
    assert got[:4] == (1, "50%", True, "x")
    assert got[4:] == tuple(values or ())


def test_a_percent_sign_beside_placeholders_in_a_like_pattern(session):
    got = one(
        session,
        "SELECT ? LIKE '%' || ? || '%', ? LIKE '%' || ? || '%'",
        ["甲乙丙", "乙", "甲", "丁"],
    )
    assert got == (True, False)


def test_json_each_of_a_list_of_ids(session):
    ids = json.dumps([3, 1, 2])
    assert rows(
        session, "SELECT 10 * v.value FROM (SELECT value FROM json_each(?)) AS v ORDER BY 1", [ids]
    ) == [
        (10,),
        (20,),
        (30,),
    ]
    got = rows(
        session, "SELECT 2 WHERE 2 IN (SELECT value FROM json_each(?1)) AND ?2 = 'k'", [ids, "k"]
    )
    assert got == [(2,)]


def test_json_each_of_a_list_of_rows_read_by_position(session):
    pairs = json.dumps([["甲", "2025"], ["乙", "2024"]], ensure_ascii=False)
    got = rows(
        session, "SELECT w.value ->> 0, w.value ->> 1 FROM json_each(?) w ORDER BY 2", [pairs]
    )
    assert got == [("乙", "2024"), ("甲", "2025")]


def test_group_concat_joins_the_texts_with_the_separator(session):
    (joined,) = one(
        session,
        "SELECT group_concat(name, '、') FROM (SELECT 'a' AS name UNION ALL SELECT '乙') AS n",
    )
    assert sorted(joined.split("、")) == ["a", "乙"]


def test_char_instr_and_real_casts(session):
    got = one(session, "SELECT char(65), char(10), instr('统计局', '局'), CAST('1.5' AS REAL)")
    assert got == ("A", "\n", 3, 1.5)


def test_spellings_inside_literals_are_left_alone(session):
    got = one(
        session, "SELECT 'group_concat(', 'instr(', 'char(9)', \"x\" FROM (SELECT 1 AS x) AS t"
    )
    assert got == ("group_concat(", "instr(", "char(9)", 1)


def test_an_index_hint_reads_the_same_rows(session, sample_doc):
    from indicite.services.indicators import create_indicator

    ind = create_indicator(session, sample_doc, {"name": "甲", "value": 1.0}, [(0, 4)])
    got = rows(
        session,
        "SELECT i.id FROM indicators i INDEXED BY indicators_live_by_series "
        "WHERE i.deleted_at IS NULL",
    )
    assert got == [(ind.id,)]
