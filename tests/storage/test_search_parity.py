"""Search finds the same indicators on both stores: FTS5 trigrams on SQLite, pg_trgm on PostgreSQL.

One random corpus (Chinese names and quotes with Latin letters in both cases, digits, and the
characters LIKE and FTS5 treat specially) is written with the same ids into a SQLite file and
a PostgreSQL database. Random queries of 1, 2, 3, 5 and more characters, one or several terms,
in changed case, must give the same ids on both, and the ids a plain reading of the rule
(every term, casefolded, occurs in the name or in one quote of a live indicator) gives.
"""

import os
import random
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicite.storage.search import query_terms
from indicite.storage.store import Store

CHINESE = (
    "规模以上工业增加值同比增长万个亿元专精特新企业融资全市生产总值社会消费品零售总额固定资产投资"
)
LATIN = "ABCGPMIabcgpmiＧＤＰｇｄｐ"
# letters whose case folding is more than lower(): micro sign and mu, final sigma, long s,
# the Greek symbol letters (the units of an environmental bulletin: µg/m³, μg/m³)
FOLDED = "µμΣσςſϐβϑθϕφΩω"
SPECIAL = "%_\\'\"．，。（）-/"
ALPHABET = CHINESE + LATIN + FOLDED + "0123456789.5G" + SPECIAL
SEED = 20
INDICATORS = 400


def random_text(rng: random.Random, low: int, high: int) -> str:
    """Mostly Chinese, like the documents; now and then a run of Latin, digits or marks."""
    out = []
    while len(out) < rng.randint(low, high):
        pool = rng.choice([CHINESE, CHINESE, CHINESE, LATIN, FOLDED, "0123456789.", SPECIAL])
        out.extend(rng.choice(pool) for _ in range(rng.randint(1, 4)))
    return "".join(out)


def make_corpus() -> dict[str, list[dict]]:
    rng = random.Random(SEED)
    indicators, citations = [], []
    for n in range(1, INDICATORS + 1):
        indicators.append(
            {
                "id": n,
                "document_id": 1,
                "name": random_text(rng, 1, 16),
                "created_by": "tester",
                "created_at": "2025-01-01T00:00:00",
                "deleted_at": "2025-02-01T00:00:00" if rng.random() < 0.1 else None,
            }
        )
    # citations are added in random order, so their ids do not follow the indicators'
    owners = [n for n in range(1, INDICATORS + 1) for _ in range(rng.randint(0, 3))]
    rng.shuffle(owners)
    for cid, owner in enumerate(owners, start=1):
        exact = random_text(rng, 2, 30)
        citations.append(
            {
                "id": cid,
                "indicator_id": owner,
                "document_id": 1,
                "start": 0,
                "end": len(exact),
                "exact": exact,
                "position": cid,
            }
        )
    return {"indicators": indicators, "citations": citations}


CORPUS = make_corpus()
DOCUMENT = {
    "id": 1,
    "title": "测试文件",
    "text": "全文",
    "text_sha256": "0" * 64,
    "char_count": 2,
    "imported_at": "2025-01-01T00:00:00",
}


def fill(store: Store) -> Store:
    with store.transaction():
        store.db.table("documents").insert_all([DOCUMENT])
        store.db.table("indicators").insert_all(CORPUS["indicators"])
        store.db.table("citations").insert_all(CORPUS["citations"])
    return store


@pytest.fixture(scope="module")
def sqlite_store(tmp_path_factory):
    store = fill(Store.open(tmp_path_factory.mktemp("parity") / "search.sqlite"))
    yield store
    store.close()


@pytest.fixture(scope="module")
def pg_store(pg_server, pg_template):
    name = f"search_parity_{os.getpid()}"
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    store = fill(Store.open(urlunsplit(urlsplit(pg_server)._replace(path=f"/{name}"))))
    yield store
    store.close()
    with psycopg.connect(pg_server, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def expected(query: str) -> list[int]:
    """The rule, read plainly: every term in the live indicator's name, or in one of its quotes."""
    terms = query_terms(query)
    if not terms:
        return []
    quotes: dict[int, list[str]] = {}
    for c in CORPUS["citations"]:
        quotes.setdefault(c["indicator_id"], []).append(c["exact"])
    return [
        i["id"]
        for i in CORPUS["indicators"]
        if i["deleted_at"] is None
        and any(
            all(t in text.casefold() for t in terms)
            for text in [i["name"], *quotes.get(i["id"], [])]
        )
    ]


def both(sqlite_store, pg_store, query: str, limit: int = 1000):
    return sqlite_store.search.indicator_ids(query, limit), pg_store.search.indicator_ids(
        query, limit
    )


def changed_case(draw, text: str) -> str:
    flips = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    return "".join(c.swapcase() if flip else c for c, flip in zip(text, flips, strict=True))


@st.composite
def terms(draw) -> str:
    """A piece of a name or quote of the corpus (so that it matches something), or random."""
    length = draw(st.sampled_from([1, 2, 3, 5, 8]))
    if draw(st.integers(0, 3)) == 0:
        return changed_case(draw, draw(st.text(ALPHABET, min_size=length, max_size=length)))
    pool = CORPUS[draw(st.sampled_from(["indicators", "citations"]))]
    row = draw(st.sampled_from(pool))
    text = row.get("name") or row["exact"]
    start = draw(st.integers(0, max(0, len(text) - length)))
    return changed_case(draw, text[start : start + length])


@st.composite
def queries(draw) -> str:
    words = draw(st.lists(terms(), min_size=1, max_size=3))
    return draw(st.sampled_from([" ", "  ", "\u3000"])).join(words)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=queries())
def test_random_queries_find_the_same_ids_on_both_stores(sqlite_store, pg_store, query):
    lite, pg = both(sqlite_store, pg_store, query)
    assert lite.ids == pg.ids == expected(query)
    assert lite.complete and pg.complete


@pytest.mark.parametrize(
    "query",
    [
        "%",
        "_",
        "\\",
        "'",
        '"',
        '"%',
        "%_",
        "\\%",
        "_\\_",
        "''",
        '""',
        "%%%",
        "g",
        "G",
        "5g",
        "5G",
        "ＧＤＰ",
        "ｇｄｐ",
        "Ｇ",
        "µ",
        "μ",
        "µg",
        "μg",
        "ΜG",
        "ς",
        "σ",
        "Σ",
        "ſ",
        "s",
        "ϐ",
        "β",
        "ABC",
        "abc",
        "aBc",
        "工",
        "工业",
        "工业增",
        "增加值 同比",
        "工 业",
        "亿元 %",
        "名不见经传",
        " ",
    ],
)
def test_marks_case_and_short_terms_find_the_same_ids_on_both_stores(sqlite_store, pg_store, query):
    lite, pg = both(sqlite_store, pg_store, query)
    assert lite.ids == pg.ids == expected(query)


@pytest.mark.parametrize("query", ["工", "业", "%", "a", "值"])
def test_a_cut_off_search_says_so_on_both_stores(sqlite_store, pg_store, query):
    """With a limit below the number of matches each store returns that many true matches and
    says the list is incomplete. Which ones may differ: PostgreSQL gives the lowest ids,
    SQLite the first quotes in the order they were cited (the FTS index's order)."""
    everything = expected(query)
    assert len(everything) > 5
    lite, pg = both(sqlite_store, pg_store, query, limit=5)
    for hits in (lite, pg):
        assert len(hits.ids) == 5
        assert set(hits.ids) <= set(everything)
        assert not hits.complete
