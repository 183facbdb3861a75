"""Chinese numerals as reports write them: counts (十七件, 一百零五件, 两件) and dates
written digit by digit (二〇二三年十二月三十一日).

One place for the conversion, so that the prose's claims and the dates read the same
numerals the same way. Bounded: at most :data:`MAX_LENGTH` characters are read.
"""

from __future__ import annotations

from xxgk_lint.format.normalise import nfkc
from xxgk_lint.memo import compiled
from xxgk_lint.records import NamedTuple  # (typing's, without compiling annotations)

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


# --------------------------------------------------------------------- heading numerals

#: The values of the numerals a section heading is numbered with besides the format's
#: 一 … 八 and the digits: Roman numerals (Ⅰ … Ⅷ as one character each, or I … VIII in
#: letters) and the digits enclosed in one character — circled (①), with their full stop
#: (⒈), in brackets (⑴).
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
ENCLOSED = {
    **{chr(0x2160 + i): i + 1 for i in range(8)},  # Ⅰ … Ⅷ
    **{chr(0x2460 + i): i + 1 for i in range(8)},  # ① … ⑧
    **{chr(0x2488 + i): i + 1 for i in range(8)},  # ⒈ … ⒏
    **{chr(0x2474 + i): i + 1 for i in range(8)},  # ⑴ … ⑻
}
#: The most sections a numbering counts to (as the grammar's HEADING: 一 … 八).
_SECTIONS = 8
_BLANK_CHARACTERS = " \t\u3000\xa0"
_ARABIC = "0123456789０１２３４５６７８９"
_NUMERALS_CN = "一二三四五六七八"
_OPENING = "(（〔【［["
_CLOSING = ")）〕】］]"
#: What separates a numeral from its title (besides blanks); a digit takes only the first
#: three (1，总体情况 is no numbering anyone prints).
_SEPARATORS = "、.．，,:："
_DIGIT_SEPARATORS = "、.．"
#: The Roman numerals' letters, and the words PART is printed in.
_ROMAN_LETTERS = "IV"
_PART = ("PART", "Part", "part")
#: What a heading numeral starts with (the cheap test first).
NUMERAL_STARTS = frozenset("第Pp" + _OPENING + _ROMAN_LETTERS + _NUMERALS_CN + _ARABIC) | set(
    ENCLOSED
)


class HeadingNumeral(NamedTuple):
    """A section heading's numeral as :func:`heading_numeral` reads it."""

    #: The number it stands for (1 … 8).
    value: int
    #: As printed, with its brackets and separator (01, PART 01, Ⅱ., （一）, 第1部分：).
    printed: str
    #: How it is written, its number aside (the same for 01 and 02, for Ⅰ. and Ⅳ.; not for
    #: 01 and 1.): what tells the section headings of a report from its sub-headings.
    style: str
    #: Where the title starts (after the numeral, its separator and the blanks).
    end: int
    #: Whether sub-headings are numbered so too (（二）主动公开情况 under 一, ②, ⑴): under
    #: such a numeral a line is a section's heading only with the section's own number,
    #: never with the one it has once a section before it is left out.
    item: bool


def heading_numeral(text: str) -> HeadingNumeral | None:
    """The numeral opening ``text`` (a line without the blanks around it) when it opens as
    a section heading does, in any of the styles reports number them in; None otherwise:

    - 第一部分, 第1部分, 第Ⅰ部分; PART 01, Part 1 (as designed pages print them);
    - （一） （01） 〔一〕 【1】: a numeral in brackets;
    - ① ⒈ ⑴ Ⅰ: a digit or a Roman numeral printed as one character;
    - 01: a digit after a zero, glued to the title or not (01总体情况, 01 总体情况, 01.);
    - I. IV、 II 总体情况: a Roman numeral in letters, with its separator or a blank;
    - 1. 1、 1 总体情况: a digit with its separator or a blank (no digit after a full
      stop: 1.5万件 is a number);
    - 一、 一. 一， 一 总体情况, or 一 alone: the format's numerals.

    Then its separator and the blanks before the title. What follows is not looked at:
    whether it is a section's title is the caller's to say (format.section_key). Read
    with string methods: a regular expression of these styles costs two milliseconds to
    compile, more than a report's calls."""
    if not text or text[0] not in NUMERAL_STARTS:
        return None
    read = _numeral(text)
    if read is None:
        return None
    value, marks, at, item = read
    if not 0 < value <= _SECTIONS:
        return None
    numeral_end = at
    at = _after_blanks(text, at)
    separator = text[at : at + 1]
    if separator and separator in _SEPARATORS:
        marks += nfkc(separator)
        at = _after_blanks(text, at + 1)
    elif at > numeral_end:
        marks += " "  # (a blank between the numeral and the title: 01 总体情况)
    printed = text[:at].rstrip(_BLANK_CHARACTERS)
    if text[0] in _PRINTED_AS_NFKC:
        printed = nfkc(text[0]) + printed[1:]  # (⒈ is 1., ⑴ is (1))
    return HeadingNumeral(value, printed, marks, at, item)


def _numeral(text: str) -> tuple[int, str, int, bool] | None:
    """The numeral at the start of ``text``: its value, its marks with its number written as
    a marker of its kind (一 for a Chinese numeral, 1 for a digit, 01 for a digit after a
    zero, I for a Roman numeral, ① for a circled digit: its style without its separator),
    where it ends, and whether sub-headings are numbered so (bracketed, circled)."""
    first = text[0]
    if first == "第":  # 第一部分, 第1部分, 第Ⅰ部分
        at = _after_blanks(text, 1)
        character = text[at : at + 1]
        if character and "Ⅰ" <= character <= "Ⅷ":
            value, marker, at = ENCLOSED[character], "I", at + 1
        else:
            found = _number_at(text, at)
            if found is None:
                return None
            number, at = found
            value, marker = _number(number), _marker(number)
        at = _after_blanks(text, at)
        if not text.startswith("部分", at):
            return None
        return value, f"第{marker}部分", at + 2, False
    if text.startswith(_PART):
        found = _number_at(text, _after_blanks(text, 4), digits_only=True)
        if found is None:
            return None
        number, at = found
        return _number(number), f"PART{_marker(number)}", at, False
    if first in _OPENING:
        found = _number_at(text, _after_blanks(text, 1))
        if found is None:
            return None
        number, at = found
        at = _after_blanks(text, at)
        close = text[at : at + 1]
        if not close or close not in _CLOSING:
            return None
        return _number(number), nfkc(first + _marker(number) + close), at + 1, True
    if first in ENCLOSED:
        value = ENCLOSED[first]
        if "Ⅰ" <= first <= "Ⅷ":
            return value, "I", 1, False
        if "①" <= first <= "⑧":
            return value, "①", 1, True
        # ⒈ ⑴: a digit with its full stop, in brackets (as NFKC writes them: 1., (1))
        return value, nfkc(first).replace(str(value), "1"), 1, first not in _STOPPED
    if first in _ROMAN_LETTERS:
        at = 1
        while at < len(text) and text[at] in _ROMAN_LETTERS:
            at += 1
        roman = ROMAN.get(text[:at])
        after = text[at : at + 1]
        if roman is None or not after or after not in _BLANK_CHARACTERS + _SEPARATORS:
            return None
        return roman, "I", at, False
    found = _number_at(text, 0)
    if found is None:
        return None
    number, at = found
    after = text[at : at + 1]
    if number in DIGITS:  # (一: a separator, a blank or nothing after it)
        if after and after not in _BLANK_CHARACTERS + _SEPARATORS:
            return None
    elif len(number) == 1:  # (1: a separator not before a digit, or a blank)
        if not after or not (
            after in _BLANK_CHARACTERS
            or (after in _DIGIT_SEPARATORS and text[at + 1 : at + 2] not in _ARABIC)
        ):
            return None
    elif text[0] not in "0０":  # (two digits: only a digit after a zero, 01)
        return None
    return _number(number), _marker(number), at, False


def _number_at(text: str, at: int, digits_only: bool = False) -> tuple[str, int] | None:
    """The number at ``at``: a Chinese numeral 一 … 八, or one or two digits not followed by
    another; and where it ends."""
    first = text[at : at + 1]
    if not first:
        return None
    if first in _NUMERALS_CN and not digits_only:
        return first, at + 1
    end = at
    while end < len(text) and text[end] in _ARABIC:
        end += 1
    if end == at or end - at > 2:
        return None
    return text[at:end], end


def _after_blanks(text: str, at: int) -> int:
    """The position of the first character from ``at`` on that is no blank."""
    while at < len(text) and text[at] in _BLANK_CHARACTERS:
        at += 1
    return at


#: The digits printed in one character with their full stop or in brackets (⒈ … ⒏, ⑴ …
#: ⑻), given as NFKC writes them (1., (1)): the numeral in its style, a digit the
#: numbering's check reads. Those with a full stop are numbered as 1. is (no item's).
_STOPPED = frozenset(map(chr, range(0x2488, 0x2490)))
_PRINTED_AS_NFKC = _STOPPED | frozenset(map(chr, range(0x2474, 0x247C)))


def _number(text: str) -> int:
    """The value of a numeral of one Chinese character or of digits (either width)."""
    if text in DIGITS:
        return DIGITS[text]
    return int(nfkc(text))


def _marker(number: str) -> str:
    """A number's kind, written as a number of that kind: 一, 1 or 01."""
    if number in DIGITS:
        return "一"
    return "01" if len(number) == 2 and nfkc(number)[0] == "0" else "1"
