"""Re-anchoring on revisions with known true positions: never wrong text called exact or moved."""

import random
from pathlib import Path

import pytest
from revision_generator import citations_of, revise

from indicite.core.citations import quote_at
from indicite.core.reanchor import CHANGED, EXACT, MOVED, ORPHANED, Reanchorer

DATA = Path(__file__).parents[1] / "data"
DOCUMENTS = [
    (DATA / f"{name}.txt").read_text(encoding="utf-8")
    for name in (
        "tianjin_industry_2025",
        "national_gov_work_report_2023",
        "daqing_economic_analysis_2017",
    )
]


def place_all(old: str, new: str, spans):
    anchorer = Reanchorer(old, new)
    for start, end in spans:
        q = quote_at(old, start, end)
        yield (start, end), anchorer.place(q.start, q.end, q.exact, q.prefix, q.suffix)


def test_generated_revisions_place_no_quote_on_wrong_text():
    """200 revisions: inserted, deleted, moved, renumbered, re-punctuated, 10% rewritten."""
    wrong, unchanged, found = [], 0, 0
    for k in range(200):
        rnd = random.Random(k)
        old = DOCUMENTS[k % 3]
        revision = revise(old, DOCUMENTS[(k + 1) % 3], rnd)
        for (start, end), placed in place_all(old, revision.text, citations_of(old, rnd, 30)):
            truth = revision.true_start(start, end)
            if truth is not None:
                unchanged += 1
                found += placed.state in (EXACT, MOVED)
            if placed.state in (EXACT, MOVED) and not revision.placed_right(
                old, start, end, placed.start
            ):
                wrong.append((k, old[start:end], placed))
    assert wrong == []
    assert unchanged > 4000
    assert found / unchanged >= 0.98


def test_states_of_a_small_revision():
    one = "一、全市规模以上工业增加值比上年增长5.2%，其中制造业增长6.1%。\n"
    two = "二、全年货物进出口总额1.2万亿元，比上年增长3.4%，其中出口增长4.0%。\n"
    three = "三、全年新设市场主体企业300家，比上年增加12家。\n"
    old = one + two + three
    new = one.replace("5.2%", "5.4%") + "（新增的一段说明文字。）\n" + three + two
    spans = {
        "5.2%": (old.index("5.2%"), old.index("5.2%") + 4),
        "1.2万亿元": (old.index("1.2万亿元"), old.index("1.2万亿元") + 6),
        "一、全市": (0, 4),
    }
    placed = dict(place_all(old, new, spans.values()))
    assert placed[spans["一、全市"]].state == EXACT and placed[spans["一、全市"]].start == 0
    moved = placed[spans["1.2万亿元"]]
    assert moved.state == MOVED and new[moved.start : moved.end] == "1.2万亿元"
    changed = placed[spans["5.2%"]]
    assert changed.state == CHANGED and new[changed.start : changed.end] == "5.4%"


def test_a_sibling_sentence_is_not_taken_for_an_edited_one():
    old = "第一产业拉动GDP增长0.1个百分点；第二产业拉动GDP增长0.1个百分点。"
    new = "第一产业拉动经济增长0.3个百分点；第二产业拉动GDP增长0.1个百分点。"
    start = old.index("0.1")
    ((_, placed),) = place_all(old, new, [(start, start + 5)])
    assert placed.state in (CHANGED, ORPHANED)
    assert placed.start != new.rindex("0.1")


@pytest.mark.parametrize("text", ["", "短"])
def test_tiny_texts(text):
    anchorer = Reanchorer("原文5%", text)
    assert anchorer.place(2, 4, "5%", "原文", "").state in (CHANGED, ORPHANED)


def test_hunks_list_each_edit_with_its_surroundings():
    rest = "二、出口增长3.0%，进口增长1.0%。\n三、不变的一句话在这里。\n"
    old = "一、工业增长5.2%。\n" + rest
    new = "一、工业增长5.4%。\n" + rest + "四、新增。\n"
    hunks = Reanchorer(old, new).hunks(context=4)
    assert [(old[h.old_start : h.old_end], new[h.new_start : h.new_end]) for h in hunks] == [
        ("2", "4"),
        ("", "四、新增。\n"),
    ]
    assert hunks[0].before == "增长5." and hunks[0].after == "%。\n二"
