"""Normalise label text so that real-world variants compare equal (the model matches in it).

Reports print the same label with full-width or half-width punctuation, with spaces or
ideographic spaces inside (结 果 维 持), or in traditional characters (總計, 結轉下年度).
:func:`normalise` folds all of these before a label is matched against the template.

Traditional characters are folded with a small table covering only the characters of the
template's labels: the labels are a closed vocabulary of some 150 characters, and a full
converter (OpenCC) would cost start-up time and a dependency for no gain here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from xxgk_lint.memo import bounded, compiled

# Traditional → simplified, for the characters that occur in the model's labels and words.
TRADITIONAL = (
    "總計結轉辦處與開關規範許可處罰強製費裡於國條項資訊請數議訟復維糾審決"
    "報機關產務問題類過執卷詢業構組織護權險穩際無應滿現補確認頁統簽類繼續東雜單絡頭時內"
    "舉報訴復重獲標準運經濟會黨團監營證書產誌讓從級區鎮縣市廳局處爲為實際複覆繳體動號門戶網費額萬圓發廢納紙祕屬況進據禁劃另"
    "眾個師別"  # (the prose's words: 群眾, 個人, 律師事務所, 分別)
)
SIMPLIFIED = (
    "总计结转办处与开关规范许可处罚强制费里于国条项资讯请数议讼复维纠审决"
    "报机关产务问题类过执卷询业构组织护权险稳际无应满现补确认页统签类继续东杂单络头时内"
    "举报诉复重获标准运经济会党团监营证书产志让从级区镇县市厅局处为为实际复复缴体动号门户网费额万圆发废纳纸秘属况进据禁划另"
    "众个师别"
)
#: Variant characters that are not traditional forms but stand for the model's character in
#: real reports: 其它 for 其他 (row 3.其它, heading 六、其它需要报告的事项). Folded like the
#: traditional ones, so that every label, column and heading of the model reads them.
VARIANT = "它"
STANDARD = "他"
TRADITIONAL += VARIANT
SIMPLIFIED += STANDARD
_TRADITIONAL = str.maketrans(TRADITIONAL, SIMPLIFIED)
#: The minus signs real text puts before a number: the ASCII hyphen-minus, U+2212 (−, the
#: typographic minus), U+FF0D (－, full width, from Chinese input methods) and U+2013 (–,
#: the en dash word processors make of a hyphen). The one list of them: the report grammar
#: sees only the ASCII sign, every other one is folded to it first (:func:`fold_minus`).
MINUS_SIGNS = "-−－–"
_OTHER_MINUS = MINUS_SIGNS[1:]
#: A minus sign where a number starts (after a blank, a cell separator or nothing) and
#: before a digit: a range such as 2023–2024 is left alone.
_MINUS_BEFORE_DIGIT = f"(?<![^\\s|｜])[{_OTHER_MINUS}](?=[0-9０-９])"  # compiled when needed
_DASHES = str.maketrans(dict.fromkeys(_OTHER_MINUS + "—―", "-"))
#: The zero-width characters text copied from a web page carries (invisible, no blank to
#: ``str.split``): the zero-width space, non-joiner and joiner, the word joiner and the
#: byte-order mark. Removed by normalising, and by the cell reader before a number is read
#: (a ​0 is 0).
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
#: The marks normalising replaces besides: the zero-width characters, ``*`` and ``#``
#: (removed) and the corner and lenticular brackets (as round ones).
_MARKS = {**dict.fromkeys(ZERO_WIDTH + "*#", ""), "〔": "(", "〕": ")", "【": "(", "】": ")"}
#: Whether a text holds a character the two tables above or ``_MARKS`` change (most text
#: holds none: then each replacing pass is skipped). Only characters that change count:
#: the lists pair a few characters with themselves (市, 局, 重 …), and those are in
#: nearly every report's sentences. (One pattern for the fold and normalising: each
#: class of Chinese characters costs milliseconds to compile.)
_CHANGED = "".join(t for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True) if t != s)
_FOLDABLE = re.compile("[" + re.escape(_CHANGED + _OTHER_MINUS + "—―" + "".join(_MARKS)) + "]")
_FOLDED = _FOLDABLE.search
#: What each of those characters becomes: the traditional ones; the dashes too; the marks
#: too (what normalising replaces one by one once a text is in NFKC). No value is a key.
_SIMPLE = {t: s for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True) if t != s}
_BOTH = {**_SIMPLE, **dict.fromkeys(_OTHER_MINUS + "—―", "-")}
_BY_CHARACTER = {**_BOTH, **_MARKS}


def _replaced(text: str, pattern: re.Pattern[str], table: dict[str, str]) -> str:
    """``text`` with each character ``pattern`` finds that ``table`` has replaced by its
    value: the same as ``str.translate`` with that table (no value is a key), a
    ``str.replace`` per character the text holds instead of a dictionary look-up per
    character of the text (ten times faster on a sentence)."""
    for character in set(pattern.findall(text)):
        replacement = table.get(character)
        if replacement is not None:
            text = text.replace(character, replacement)
    return text


def _fold(text: str, table: dict[str, str]) -> str:
    """``text`` with the characters of ``table`` (traditional ones, dashes, marks) replaced."""
    return _replaced(text, _FOLDABLE, table)


#: The full-width forms nearly every Chinese sentence holds, each with its NFKD form (what
#: NFKC makes of it, whatever surrounds it): replaced first, in C, a pass each.
_COMMON_WIDE = (("，", ","), ("（", "("), ("）", ")"), ("：", ":"), ("；", ";"), ("\u3000", " "))
#: Every full-width ASCII character and the ideographic space, as NFKC maps each.
_WIDE = {c: unicodedata.normalize("NFKC", chr(c)) for c in (*range(0xFF01, 0xFF5F), 0x3000)}
_WIDE_FORMS = "[\uff01-\uff5e\u3000]"  # (compiled when first needed)
_WIDE_BY_CHARACTER = {chr(c): narrow for c, narrow in _WIDE.items()}


#: Where the CJK radicals (Kangxi radicals, the radicals supplement) and the compatibility
#: ideographs are (first and last code point): look-alikes a PDF's text layer gives for
#: ordinary characters when its font maps them so (⼀ U+2F00 for 一, ⾏ U+2F8F for 行).
#: NFKC maps each to its ideograph.
_RADICAL_RANGES = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF))
#: The first match of such a character in a text (None: it holds none).
find_radical = re.compile(
    "[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in _RADICAL_RANGES) + "]"
).search


@functools.cache
def _radical_table() -> dict[int, str]:
    """Each radical or compatibility ideograph that NFKC maps to one other character, and
    that character (made when first needed: some 700 characters at start-up)."""
    table = {}
    for first, last in _RADICAL_RANGES:
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if len(folded) == 1 and folded != chr(code):
                table[code] = folded
    return table


def fold_radicals(text: str) -> str:
    """``text`` with each radical or compatibility ideograph (``find_radical``) as the
    character NFKC makes of it, one for one: positions in it stay those of ``text``.
    Cells and labels are compared in NFKC already; a line read as a whole (a heading, its
    numeral) needs this."""
    if find_radical(text) is None:
        return text
    return text.translate(_radical_table())


def nfkc(text: str) -> str:
    """``unicodedata.normalize("NFKC", text)``, the same string, sooner.

    CPython composes a text that is not in NFKC already at about a microsecond per
    ideograph, and one full-width comma puts Chinese text there. Replacing a full-width
    character by its decomposition leaves NFKC's result the same, whatever surrounds it:
    the common ones are replaced first (a ``str.replace`` each), which leaves most text in
    NFKC already, returned at once; other text has each full-width form it holds replaced
    too (a ``str.replace`` per form) before NFKC runs."""
    folded = _nfkc_by_replacing(text)
    if folded is not None:
        return folded
    if "。" in text:
        # Only some sentences hold what else NFKC changes (①, …): a sentence at a time, NFKC
        # proper runs on those alone. The same string: 。 is a starter that composes with
        # nothing, so NFKC never reorders or joins characters across it.
        return "。".join([_nfkc_of_piece(piece) for piece in text.split("。")])
    return unicodedata.normalize("NFKC", text)


def _nfkc_of_piece(text: str) -> str:
    folded = _nfkc_by_replacing(text)
    return unicodedata.normalize("NFKC", text) if folded is None else folded


def _nfkc_by_replacing(text: str) -> str | None:
    """NFKC of ``text`` when replacing its full-width forms is all it takes (nearly every
    text), else None. Most labels are in NFKC already: asked first, they are returned
    without a test per common form (a text in NFKC holds none: each is a compatibility
    character, which NFKC replaces and never composes)."""
    if unicodedata.is_normalized("NFKC", text):
        return text
    for wide, narrow in _COMMON_WIDE:
        if wide in text:
            text = text.replace(wide, narrow)
    if unicodedata.is_normalized("NFKC", text):
        return text
    text = _replaced(text, compiled(_WIDE_FORMS), _WIDE_BY_CHARACTER)  # (= translate(_WIDE))
    return text if unicodedata.is_normalized("NFKC", text) else None


@bounded(4096)  # (template lines recur; a report's own lines would only churn a larger one)
def normalise(text: str) -> str:
    """Fold width, spaces, traditional characters and bracket styles; keep content."""
    return _normalise(text)


#: What :func:`normalise_each` joins the texts with: a character no step of normalising
#: changes, moves or removes, and at which NFKC neither composes nor reorders.
_JOINER = "\x00"


def normalise_each(texts: Sequence[str]) -> list[str]:
    """``[normalise(t) for t in texts]``, computed over all of them at once (joined, each
    step one C call over the whole, then split): a sentence at a time, the calls cost more
    than the characters. Not memoised; texts holding the joiner are normalised one by one."""
    if not texts:
        return []
    joined = _JOINER.join(texts)
    folded = _nfkc_by_replacing(joined)
    if folded is None or joined.count(_JOINER) != len(texts) - 1:
        # (NFKC proper runs at microseconds a character: only on the texts that need it)
        return [normalise(text) for text in texts]
    return _normalise(folded, nfkc_done=True).split(_JOINER)


def _normalise(text: str, nfkc_done: bool = False) -> str:
    if not nfkc_done:
        text = nfkc(text)
    if _FOLDED(text) is not None:
        # (= .translate(_TRADITIONAL).translate(_DASHES), the marks replaced: none is a
        # blank, so the order of these steps and the blanks' removal does not matter)
        text = _fold(text, _BY_CHARACTER)
    return _without_blanks(text)


def _without_blanks(text: str) -> str:
    r"""``text`` without what ``re.sub(r"\s+", "", text)`` removes (the ideographic and the
    no-break space are in ``\s``; the zero-width space is not), by str methods: a C pass
    each, where ``re`` tests a class at every character (2.5 times slower on a report's
    prose). ``str.split()`` splits at exactly the characters ``\s`` matches (a test checks
    every code point)."""
    return "".join(text.split())


def fold_minus(text: str) -> str:
    """``text`` with each minus sign that starts a number as the ASCII one (－1 → -1).

    Keeps the length, so that positions in the folded text are positions in ``text``.
    """
    for sign in _OTHER_MINUS:  # (`in` per sign: a tenth of the cost of a search)
        if sign in text:
            return compiled(_MINUS_BEFORE_DIGIT).sub("-", text)
    return text


def fold_traditional(text: str) -> str:
    """Traditional → simplified for the template's characters; keeps the length."""
    if _FOLDED(text) is None:
        return text  # (most text: nothing to fold)
    return _fold(text, _SIMPLE)  # (= .translate(_TRADITIONAL))


def traditional_of(character: str) -> str:
    """The traditional forms of a simplified ``character`` (for generated grammar terminals)."""
    pairs = zip(TRADITIONAL, SIMPLIFIED, strict=True)
    return "".join(dict.fromkeys(t for t, s in pairs if s == character and t != s))


def with_traditional(pattern: str) -> str:
    """``pattern`` with each CJK character that has traditional forms as a class (总 →
    [总總]), so that it matches raw text in either script without folding it first."""
    out = []
    for ch in pattern:
        alternatives = traditional_of(ch) if "\u4e00" <= ch <= "\u9fff" else ""
        out.append(f"[{ch}{alternatives}]" if alternatives else ch)
    return "".join(out)


#: The full-width marks of prose next to which a blank is letter-spacing too (see
#: :func:`_closes`), besides ideographs and CJK punctuation (、。《》 …, U+3001–U+303F).
_WIDE_MARKS = frozenset("，（）：；！？")
#: Runs of the blanks letter-spacing puts between characters (compiled when first needed;
#: it opens with a class, which ``re`` scans for in a tight loop of its own).
_BLANK_RUNS = "[ \t\u3000]+"
_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _closes(character: str) -> bool:
    """Whether a blank next to ``character`` may be letter-spacing: an ideograph, CJK
    punctuation or a full-width mark of prose."""
    return (
        "\u4e00" <= character <= "\u9fff"
        or "\u3001" <= character <= "\u303f"
        or (character in _WIDE_MARKS)
    )


def holds_blank(text: str) -> bool:
    """Whether ``text`` holds a blank :func:`close_up` may remove (``_BLANK_RUNS``): three
    one-character searches in C, the test that most text fails."""
    return " " in text or "\t" in text or "\u3000" in text


#: The blanks between characters of letter-spaced text (no tab: between digits, a tab
#: separates a table's cells).
_SPACING = frozenset(" \u3000")
#: How many one-character words either side of two digits are looked at for the Chinese
#: characters that say the text is letter-spaced (自 2 0 2 3 年: a year's four digits and
#: the characters around them).
_SPACED_REACH = 8


def _spaced_digits(text: str, begin: int, end: int) -> bool:
    """Whether the blanks ``text[begin:end]`` between two digits are letter-spacing: no tab
    among them, each digit a word of its own (a blank, or the text's end, on its other
    side), in a run of one-character words — a blank between every two characters — that
    holds two Chinese characters or marks of prose (自 2 0 2 3 年, 申 请 5 8 0 件 。). In
    ordinary prose a blank inside a number is a typo (期限自 2 023年: XG302 reports it),
    and numbers apart are apart (分别为 1 2 3 件: 分别为 is a word of three)."""
    if "\t" in text[begin:end]:
        return False
    found = 0
    for step, at in ((-1, begin - 1), (1, end)):
        for _ in range(_SPACED_REACH):
            # text[at] is a word of one character: a blank (or the text's end) either side
            if (at > 0 and text[at - 1] not in _SPACING) or (
                at + 1 < len(text) and text[at + 1] not in _SPACING
            ):
                break
            if _closes(text[at]):
                found += 1
                if found == 2:
                    return True
            # the next word: past the blanks on this side
            at += step
            while 0 <= at < len(text) and text[at] in _SPACING:
                at += step
            if not 0 <= at < len(text):
                break
    return False


@bounded(4096)
def close_up(text: str) -> tuple[str, tuple[int, ...] | None]:
    """``text`` with the blanks of letter-spaced Chinese removed (本 报 告 中 所 列 数 据 的 统
    计 期 限 自2023年1月1日 起 至…, as a PDF's justified or letter-spaced line gives it;
    two spaces or U+3000 alike), and where each of its characters was in ``text`` (one
    more entry: ``len(text)``), or None when nothing was removed (``text`` itself back).

    A blank goes between two Chinese characters, or between one and a digit (自 2023年,
    2023年 1月, 580 件); between two digits only inside letter-spaced text (自 2 0 2 3 年,
    5 8 0 件: see :func:`_spaced_digits`) — in ordinary prose 2 023年 is no number to read
    as 2023. Readers of prose (the period, the claims) match words without blanks inside
    them; the positions map what they find back to the file's columns."""
    if not holds_blank(text):
        return text, None  # (most text: no blank at all)
    last = len(text)
    blanks = []
    for match in compiled(_BLANK_RUNS).finditer(text):
        begin, end = match.span()
        if begin == 0 or end == last:
            continue
        left, right = text[begin - 1], text[end]
        if (_closes(left) and (_closes(right) or right in _DIGITS)) or (
            left in _DIGITS
            and (_closes(right) or (right in _DIGITS and _spaced_digits(text, begin, end)))
        ):
            blanks.append((begin, end))
    if not blanks:
        return text, None
    kept: list[int] = []
    pieces: list[str] = []
    start = 0
    for begin, end in blanks:
        kept.extend(range(start, begin))
        pieces.append(text[start:begin])
        start = end
    kept.extend(range(start, last + 1))
    pieces.append(text[start:])
    return "".join(pieces), tuple(kept)
