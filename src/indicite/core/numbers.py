"""Number grammar for Chinese economic prose: Arabic, full-width, spaced and Chinese numerals.

Everything here works on text whose full-width characters were folded with `fold_width`, a
one-to-one character mapping, so offsets found in the folded text are offsets in the original.
"""

from __future__ import annotations

import re

# Full-width digits and number punctuation -> ASCII. One character in, one out (offsets hold).
_FW_FROM = "０１２３４５６７８９．，％＋－／：∶"
_FW_TO = "0123456789.,%+-/::"
_FOLD = str.maketrans(_FW_FROM, _FW_TO)


def fold_width(text: str) -> str:
    """Fold full-width digits and number punctuation to ASCII without changing any offset."""
    return text.translate(_FOLD)


# Magnitudes are multipliers written after a number; %, ‰, 百分点 and 倍 are units, not these.
MAGNITUDES: dict[str, int] = {
    "十": 10,
    "百": 100,
    "千": 1_000,
    "万": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "十亿": 1_000_000_000,
    "百亿": 10_000_000_000,
    "千亿": 100_000_000_000,
    "万亿": 1_000_000_000_000,
}

CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}

# Arabic: thousands groups (1,570 / 12,345.6) or digits that may be spaced (7 4 7 7 2, 8 .8).
# Spaced digits are single digits one space apart; "12 11" (a date then a time) is two numbers.
_DIGITS = r"(?:\d(?: \d)+(?!\d)|\d+)"
ARABIC_RE = rf"(?:\d{{1,3}}(?:,\d{{3}})+|{_DIGITS})(?: ?\. ?{_DIGITS})?"
_ARABIC_FULL = re.compile(ARABIC_RE)


class NumberError(ValueError):
    """A string that looked like a number but is not one of ours (e.g. 十四五, 一二)."""


def parse_arabic(s: str) -> float:
    """Parse ASCII digits with optional thousands commas, spaces between digits and a point."""
    s = fold_width(s).replace(",", "").replace(" ", "").replace("\u3000", "")
    if not s or not re.fullmatch(r"\d+(?:\.\d+)?", s):
        raise NumberError(s)
    return float(s)


def _parse_cn_section(s: str) -> int:
    """Parse a numeral below 万 (e.g. 三千零五十, 十二); raise on digit runs like 一二."""
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for ch in s:
        if ch in CN_DIGITS:
            if digit is not None and not (digit == 0 or CN_DIGITS[ch] == 0):
                raise NumberError(s)
            digit = CN_DIGITS[ch]
        elif ch in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[ch]
            if unit >= last_unit:
                raise NumberError(s)
            total += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        else:
            raise NumberError(s)
    if digit:
        # 一千五 means 1500: a bare trailing digit takes the next smaller unit.
        if last_unit in (100, 1000) and s[-2] not in CN_DIGITS:
            total += digit * last_unit // 10
        else:
            total += digit
    return total


def _parse_cn_integer(s: str) -> int:
    """Parse an integer Chinese numeral with 万 and 亿 groups (一百五十六, 二千五百万, 三万亿)."""
    if not s:
        raise NumberError(s)
    if all(ch in CN_DIGITS for ch in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        # 一九五二 is a digit string, only ever a year or code; callers decide.
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    total = 0
    rest = s
    for big_word, big in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)):
        if big_word in rest:
            head, _, rest = rest.partition(big_word)
            if any(c in head for c in "万亿"):
                raise NumberError(s)
            total += (_parse_cn_section(head) if head else 1) * big
    if rest:
        total += _parse_cn_section(rest)
    return total


def is_cn_digit_string(s: str) -> bool:
    """一九五二 / 二〇二五: digits read one by one, used for years, never for quantities."""
    return len(s) > 1 and all(ch in CN_DIGITS for ch in s)


def parse_chinese(s: str) -> float:
    """Parse a Chinese numeral, with 点 decimals: 七十七点五, 二百五十万, 两千, 十."""
    whole, sep, frac = s.partition("点")
    value = float(_parse_cn_integer(whole))
    if sep:
        if not frac or not all(ch in CN_DIGITS for ch in frac):
            raise NumberError(s)
        value += float("0." + "".join(str(CN_DIGITS[ch]) for ch in frac))
    return value


def parse_number(s: str) -> float:
    """Parse one number as written: 1,570 / ８．６ / 7 4 7 7 2 / 二百 / 2/3 / 三分之一."""
    s = fold_width(s).strip()
    if s.startswith("百分之"):
        return parse_number(s[3:])
    if "分之" in s:
        den, _, num = s.partition("分之")
        d = parse_number(den)
        if d == 0:
            raise NumberError(s)
        return parse_number(num) / d
    if "/" in s:
        num, _, den = s.partition("/")
        d = parse_arabic(den)
        if d == 0:
            raise NumberError(s)
        return parse_arabic(num) / d
    if _ARABIC_FULL.fullmatch(s):
        return parse_arabic(s)
    # Mixed Arabic and magnitude (8.6万, 3亿) as a convenience for callers.
    for mag in sorted(MAGNITUDES, key=len, reverse=True):
        if s.endswith(mag) and _ARABIC_FULL.fullmatch(s[: -len(mag)]):
            return parse_arabic(s[: -len(mag)]) * MAGNITUDES[mag]
    return parse_chinese(s)


def split_magnitude(numeral: str) -> tuple[str, str]:
    """Split a Chinese numeral into (number, trailing magnitude): 二百五十万 -> (二百五十, 万).

    The published value keeps the magnitude in the unit (250 万吨), like 8.6万个 does.
    """
    for mag in ("万亿", "亿", "万"):
        if numeral.endswith(mag):
            head = numeral[: -len(mag)]
            if not head:
                return mag, ""  # 万亿元 alone: the magnitude is the number itself
            if "亿" in head or "万" in head:
                return numeral, ""  # 十二亿八千万: one value, no single magnitude
            return head, mag
    return numeral, ""
