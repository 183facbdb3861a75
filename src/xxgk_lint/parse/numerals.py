"""Chinese numerals as reports write them: counts (十七件, 一百零五件, 两件) and dates
written digit by digit (二〇二三年十二月三十一日).

One place for the conversion, so that the prose's claims and the dates read the same
numerals the same way. Bounded: at most :data:`MAX_LENGTH` characters are read.
"""

from __future__ import annotations

from xxgk_lint.memo import compiled

DIGITS = {
    "〇": 0,
    "○": 0,
    "零": 0,
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
UNITS = {"十": 10, "百": 100, "千": 1000}
MAX_LENGTH = 12

#: A run of Chinese numeral characters (for patterns that look for a number).
NUMERAL = f"[〇○零一二两三四五六七八九十百千万]{{1,{MAX_LENGTH}}}"


def chinese_int(text: str) -> int | None:
    """The value of a Chinese numeral, or ``None`` when ``text`` is not one.

    Without a unit character the digits are positional (二〇二三 → 2023, 一 → 1); with
    units they are counted (十七 → 17, 一百零五 → 105, 三万二千 → 32000).
    """
    if not text or len(text) > MAX_LENGTH or not compiled(NUMERAL).fullmatch(text):
        return None
    if not any(c in UNITS or c == "万" for c in text):
        if any(c not in DIGITS for c in text):
            return None
        value = 0
        for c in text:
            value = value * 10 + DIGITS[c]
        return value
    total = 0
    if "万" in text:
        high, _, text = text.partition("万")
        if "万" in text:
            return None
        myriads = _below_10000(high) if high else 1
        if myriads is None:
            return None
        total = myriads * 10000
        if not text:
            return total
    rest = _below_10000(text)
    return None if rest is None else total + rest


def _below_10000(text: str) -> int | None:
    """十七 → 17, 一百零五 → 105, 二千 → 2000; ``None`` for what no one writes."""
    value = 0
    digit: int | None = None
    last_unit = 10000
    for c in text:
        if c in DIGITS:
            if digit is not None and digit != 0 and DIGITS[c] != 0:
                return None  # two digits in a row: 十二三
            digit = DIGITS[c]
        elif c in UNITS:
            unit = UNITS[c]
            if unit >= last_unit:
                return None  # 十百, 百百
            value += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        else:
            return None
    if digit is not None:
        value += digit
    return value
