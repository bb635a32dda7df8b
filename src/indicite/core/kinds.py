"""What kind of value an entry states: a result, or a target, forecast or plan.

A 2023 government work report says both "国内生产总值增长3%" (what happened) and "预期目标
是：国内生产总值增长5%左右" (what is aimed at); stored alike they would be averaged into one
series. The words that make a value a target, forecast or plan stand in its clause, earlier in
its sentence (力争全年新增100家，产值达到…), or in the heading of a list it belongs to
(主要预期目标是：…；…；…).
"""

import re

KINDS = ("actual", "target", "forecast", "plan")
_STOP_RE = re.compile(r"[。！？!?]")

# Words that mark the clause they stand in.
_CLAUSE_WORDS = (
    ("forecast", re.compile(r"预计|预测|预估|预期(?!目标|寿命)|估计|有望")),
    ("target", re.compile(r"目标|任务|确保|力争|争取|要达到")),
    ("plan", re.compile(r"计划|规划|(?<![模虚])拟[按安新建达完实]|将(?:新增|建成|完成|达到)")),
)
# Words that also carry over to the following clauses of the sentence or list.
_SCOPE_WORDS = (
    ("forecast", re.compile(r"预计|预测")),
    ("target", re.compile(r"目标|任务|力争|争取|确保")),
    ("plan", re.compile(r"计划|规划")),
)
# 完成计划/完成目标/超额: the value is a result measured against the plan.
_DONE_RE = re.compile(
    r"完成[^，。；]{0,8}(?:计划|任务|目标)|(?:实现|达成)[^，。；]{0,8}目标|超额|同比|比上年|较上年"
)


def detect_kind(clause: str, sentence: str = "", heading: str = "") -> str:
    """The kind of the value at the end of ``clause``.

    ``sentence`` is the text of its sentence before the clause, ``heading`` the text before
    the colon of the list it is an item of. The clause decides when it has a word of its own.
    """
    for text, words in ((clause, _CLAUSE_WORDS), (sentence, _SCOPE_WORDS), (heading, _SCOPE_WORDS)):
        if not text:
            continue
        if _DONE_RE.search(text):
            return "actual"
        found = _last(text, words)
        if found:
            return found
    return "actual"


def _last(text: str, words: tuple[tuple[str, re.Pattern[str]], ...]) -> str:
    """The kind whose word stands nearest the end of ``text``."""
    best, at = "", -1
    for kind, rx in words:
        for m in rx.finditer(text):
            if m.start() > at:
                best, at = kind, m.start()
    return best


def kind_at(text: str, pos: int, clause_start: int, sentence_start: int) -> str:
    """The kind of the value at ``pos`` of ``text``, given where its clause and sentence begin.

    The heading is the text before the last colon of the line ahead of the clause, when no
    full stop comes between (the items of a list end with ；); it may begin on the line before
    (主要预期目标 / 是：…, a line broken by the source).
    """
    line_start = text.rfind("\n", 0, pos) + 1
    colon = max(
        text.rfind("：", line_start, clause_start), text.rfind(":", line_start, clause_start)
    )
    heading = ""
    if colon >= 0 and not _STOP_RE.search(text, colon, pos):
        heading = "".join(text[max(0, colon - 30) : colon].split())
    return detect_kind(
        "".join(text[clause_start:pos].split()),
        "".join(text[sentence_start:clause_start].split()),
        heading,
    )
