"""Indicator names: what may be one, and the form in which two spellings compare equal.

A name is a noun phrase (规模以上工业增加值). A function word (的), a verb (推动, 高于) or a
clause with its subject (我局已建立) is not, and the suggester leaves the name empty rather
than offer one. ``name_key`` folds the usual variants (规上 → 规模以上, 全市/全区 dropped,
brackets and spaces gone) so that names can be matched to a catalog.
"""

import re
import unicodedata

# Single characters and words that cannot name an indicator on their own.
_FUNCTION_WORDS = frozenset(
    "的了和与及或在是为有将把被对从向以其之等也都又并而但则就比较共约近达到至按由于上下中个家项年月日"
)
_VERB_RE = re.compile(
    "预测|预计|预期|推动|推进|高于|低于|超过|达到|实现|完成|增长|下降|提高|提升|增加|减少|加快|加强"
    "|促进|支持|带动|开展|实施|建设|建立|打造|培育|引进|突破|保持|稳定|确保|力争|计划|争取|扩大|巩固"
    "|深化|落实|持续|继续|进一步|累计|新增|同比|环比|比上年|占比|分别|其中|全年|今年|去年|上年|同期"
    "|新设|缩小|增产|减产|多种"
)
# A comparison at the start is the tail of a clause (比年初, 较末), not a name.
_CLAUSE_START_RE = re.compile(r"^(?:(?:比|较)(?!重|例|率|值)|即)")
# An actor at the start makes a clause, not a name: 我局已建立, 我们推动, 全市已完成.
_ACTOR_RE = re.compile(r"^(?:我们|我局|我委|我厅|我办|我市|我省|我区|我县|本局|本委|各地|各级)")
_TENSE_RE = re.compile(r"[已正将曾]")
_MIN_LEN = 2

# Spellings that mean the same thing in indicator names, folded before comparing.
_SYNONYMS = (
    ("规上", "规模以上"),
    ("限上", "限额以上"),
    ("GDP", "地区生产总值"),
    ("国内生产总值", "地区生产总值"),
    ("社零", "社会消费品零售总额"),
    ("CPI", "居民消费价格"),
    ("固投", "固定资产投资"),
)
# Words that say whose or which indicator it is, not what it is.
_DROP_RE = re.compile(
    r"全市|全省|全区|全县|全国|我市|我省|我区|本市|本省|本区|全年|今年|当年|累计|同比|其中"
)
_NOISE_RE = re.compile(r"[\s\"“”‘’'《》〈〉、·（）()\[\]【】]")


def is_plausible_name(name: str) -> bool:
    """Whether ``name`` can name an indicator: a noun phrase, not a word of grammar or a verb."""
    text = name.strip()
    if len(text) < _MIN_LEN or text in _FUNCTION_WORDS or _VERB_RE.fullmatch(text):
        return False
    if _ACTOR_RE.match(text) and _TENSE_RE.search(text[:4]):
        return False
    if _CLAUSE_START_RE.match(text) or _VERB_RE.fullmatch(text.lstrip("0123456789.")):
        return False  # 1缩小: a number's tail and a verb
    if all(ch in _FUNCTION_WORDS for ch in text):
        return False
    # a verb followed only by function words (推动了, 高于的) is still a verb
    stripped = text.rstrip("".join(_FUNCTION_WORDS))
    return not _VERB_RE.fullmatch(stripped) and len(stripped) >= _MIN_LEN


def clean_name(name: str) -> str:
    """``name`` without leading function words, or "" when no name is left."""
    text = name.strip()
    while text and text[0] in "的了和与及或在为将把被对从向以其":
        text = text[1:]
    return text if is_plausible_name(text) else ""


def name_key(name: str) -> str:
    """The form of a name used to match it: width folded, 规上 → 规模以上, 全市 dropped.

    工业增加值（规上） and 规上工业增加值 differ only in word order, so the bracketed
    qualifier is moved to the front before comparing.
    """
    text = unicodedata.normalize("NFKC", name).strip()
    text = re.sub(r"^(.+?)[（(]([^（）()]{1,8})[）)]$", r"\2\1", text)
    text = _NOISE_RE.sub("", text)
    text = _DROP_RE.sub("", text)
    for short, long in _SYNONYMS:
        text = text.replace(short, long)
    return text.upper()
