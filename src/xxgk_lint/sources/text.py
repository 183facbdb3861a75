"""Decode a plain-text report: UTF-8 (with or without BOM) or GB18030/GBK, detected.

Government sites still serve GB2312/GBK pages; text copied from them keeps that encoding.
Strict UTF-8 is tried first (it is what nearly every report is, and a false positive is
practically impossible); otherwise charset-normalizer picks the encoding, and Chinese
legacy encodings are widened to GB18030, their superset, so that no character is lost.
"""

from __future__ import annotations

import codecs
import itertools
import re

from xxgk_lint.sources.limits import DEFAULT_LIMITS, Limits, over
from xxgk_lint.sources.model import InputError, Source

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "cp936", "euc_cn", "hz_gb_2312"}


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` if it is not text."""
    if not data.strip():
        raise InputError("the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(
                f"starts with a UTF-8 BOM but is not valid UTF-8 ({exc.reason})"
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(
                f"starts with a UTF-16 BOM but is not valid UTF-16 ({exc.reason})"
            ) from None
    if b"\x00" in data[:4096]:
        raise InputError("binary file (contains NUL bytes), not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported only when UTF-8 fails

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError("cannot detect the character encoding (not UTF-8 or GB18030 text)")
    encoding = best.encoding.lower().replace("-", "_")
    if encoding in _GB_FAMILY or not _looks_chinese(str(best)):
        # A legacy Chinese encoding (or a wrong guess for one): GB18030 covers them all.
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def _looks_chinese(text: str) -> bool:
    """Whether at least a tenth of the letters are CJK ideographs."""
    letters = [c for c in text[:2000] if c.isalpha()]
    if not letters:
        return False
    cjk = sum(1 for c in letters if "\u4e00" <= c <= "\u9fff")
    return cjk * 10 >= len(letters)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; line and column numbers are unchanged by this."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _separators_as_newlines(text: str) -> str:
    """Unicode's line and paragraph separators (U+2028, U+2029) become LF.

    Some sites' text exports end their lines with them. Unicode makes them mandatory line
    breaks (UAX #14) and Python's ``splitlines`` splits there: a finding's line counts them.
    (HTML is not read so: there they are characters of the text, and positions are the
    page's own lines.)"""
    if "\u2028" in text or "\u2029" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return text


#: A page break (form feed) and a vertical tab, each read as a space.
_PAGE_BREAKS = str.maketrans("\f\v", "  ")


def _page_breaks_as_spaces(text: str) -> str:
    """Form feeds and vertical tabs become spaces, one for one.

    ``pdftotext`` ends each page with a form feed, so every page after the first starts
    with one glued to its first line (``\\f二、主动公开政府信息情况``, ``\\f- 3 -``), and Word's
    "save as text" writes one for a page break: the heading or page footer must be read as
    if the page break were not there. A space, not a line break: editors show the form
    feed on the line it is in (``^L``), so every line and column stays the file's own."""
    if "\f" in text or "\v" in text:
        text = text.translate(_PAGE_BREAKS)
    return text


#: Box-drawing characters as a converter prints a table's grid with them (│ 规章 │ 0 │,
#: ├────┼────┤): the vertical ones and the corners and crossings become the cell
#: separator |, the horizontal ones a dash, so a bordered row reads as a markdown row
#: and a border line as a markdown rule line (one character for one: every line and
#: column stays the file's own). Light, heavy and double lines.
_BOX_DRAWING = {
    **dict.fromkeys(map(ord, "│┃║┼╋╬├┣╠┤┫╣┌┏╔┐┓╗└┗╚┘┛╝┬┳╦┴┻╩╞╡╪╟╢╫╤╧╥╨╒╓╕╖╘╙╛╜"), "|"),
    **dict.fromkeys(map(ord, "─━═"), "-"),
}
#: The vertical lines a bordered table's rows hold (one of them in a report is the test).
_BOX_VERTICALS = ("│", "┃", "║")


def _box_drawing_as_pipes(text: str) -> str:
    """A table drawn with box-drawing characters (``│ 规章 │ 0 │`` between border lines
    ``├────┼────┤``, as text converters and some sites print tables) read as a pipe table:
    its vertical lines as cell separators, its border lines as rule lines.

    Only a text holding a vertical line is translated (three substring searches on every
    report; none holds one unless it draws a table)."""
    if any(bar in text for bar in _BOX_VERTICALS):
        text = text.translate(_BOX_DRAWING)
    return text


#: A line of comma-separated cells ending as a table's row does: with an empty cell or a
#: number (规章,0,0,0 — 第二十条第(一)项,,,): the sign that a report holds a table
#: saved as CSV. Prose (whose commas are ASCII in some reports) ends with a word or 。.
#: With full-width commas (规章，0，0，0, as a typist writes the cells), a number: a line
#: of prose cut after a comma (a PDF's line) ends with one too.
#: (Blanks after the row's last cell are not looked for: the search runs on every report
#: holding a comma, and a plain pattern after a literal comma is the cheapest.)
_CSV_ROW_ENDS = {
    ",": re.compile(r",[0-9]*\n").search,
    "，": re.compile(r"，[0-9]+\n").search,
}
#: A number written with thousands separators (1,234,567), alone or after a word and a
#: blank (行政许可 1,493,000): its commas are no cells' (a CSV program quotes such a
#: number, "1,493"). Two cells 5,100 stay two (a row's cells are often so).
_THOUSANDS = re.compile(r"(?:.*[ \t\u3000])?[1-9][0-9]{0,2}(?:[,，][0-9]{3})+[ \t]*").fullmatch
#: The longest cell of a CSV row (the format's longest label is about 40 characters).
_CSV_CELL_LONGEST = 64
#: The brackets a label's commas may stand between ((二)部分公开(区分处理的,只计这一情形,
#: 不计其他情形)): a comma inside them separates no cells.
_OPENING = frozenset("(（")
_CLOSING = frozenset(")）")


def _csv_rows_as_pipes(text: str) -> str:
    """Rows of a table saved as CSV (``规章,0,0,0``; a cell holding a comma quoted:
    ``"(二)部分公开(区分处理的,只计这一情形,不计其他情形)",1,0``), or typed with
    full-width commas (``规章，0，0，0``), read as pipe rows: each separating comma becomes
    |, the quotes around a cell blanks (one character for one: lines and columns stay the
    file's own). A comma inside brackets separates nothing.

    A row is a line of cells (a comma outside quotes), with no 。 or ；, no cell longer than
    a label, among the short lines of a table's region (its captions, 第二十条第(五)项,
    and blank lines between) that hold a row of three cells or more with an empty or
    numeric cell (规章,0,0,0; with full-width commas a number): so a header of words
    (信息内容,本年制发件数,…) and a two-column block's rows (行政事业性收费,1071) are rows
    too, prose is not (a paragraph ends the region). Only a text with a line ending as a
    CSV row does (one search per comma) is looked at line by line."""
    for comma, row_end in _CSV_ROW_ENDS.items():
        if comma in text and row_end(text) is not None:
            text = _csv_region_rows(text, comma)
    if "、" in text and _DUN_ROW_END(text) is not None:
        text = _csv_region_rows(text, "、")
    return text


def _csv_region_rows(text: str, comma: str) -> str:
    """:func:`_csv_rows_as_pipes` with one comma (, ， or 、)."""
    lines = text.split("\n")
    changed = False
    run: list[tuple[int, str]] = []  # (the CSV rows of a run of table lines)
    tabled = False  # (whether the run holds a row of three cells or more with a value)
    for index, line in enumerate([*lines, "。"]):
        found = _dun_cells(line) if comma == "、" else _csv_cells(line, comma)
        if found is not None:
            run.append((index, found[0]))
            if comma == "、":
                tabled = tabled or sum(map(_is_number, found[1])) > 2
            elif comma == ",":
                tabled = tabled or (len(found[1]) > 2 and _has_csv_value(found[1]))
            else:
                tabled = tabled or (len(found[1]) > 2 and any(map(_is_number, found[1])))
        elif len(line) > _CSV_CELL_LONGEST or "。" in line or "；" in line:
            if tabled:
                for row, piped in run:
                    lines[row] = piped
                changed = True
            run, tabled = [], False
    return "\n".join(lines) if changed else text


def _is_csv_value(cell: str) -> bool:
    """Whether a CSV cell is empty or a number (what a table's row holds, prose not)."""
    bare = cell.strip()
    return not bare or bare.isdigit()


def _has_csv_value(cells: list[str]) -> bool:
    """Whether a line's cells (cut at ASCII commas) hold a table row's value: a number, or
    an empty cell between two others (规章,0,0,0; 第二十条第(一)项,,,; ,申请人情况,,,). A
    line of prose cut after a comma or before one (a PDF saved as text, wrapped at 20 to
    40 characters: 我区认真贯彻落实上级工作要求,紧紧围绕中心工作, or ,未能有效满足需求)
    has an empty cell at its end or start only: read as a row, it made the paragraphs
    around it rows of a table, their sentences lost."""
    return any(map(_is_number, cells)) or any(not cell.strip() for cell in cells[1:-1])


def _is_number(cell: str) -> bool:
    """Whether a cell is a number (digits)."""
    return cell.strip().isdigit()


def _csv_cells(line: str, comma: str = ",") -> tuple[str, list[str]] | None:
    """The line with its separating commas as | and its cells' quotes as blanks, and its
    cells; None when it is no CSV row (see _csv_rows_as_pipes)."""
    if comma not in line or "。" in line or "；" in line or "|" in line or "\t" in line:
        return None
    out = list(line)
    cells: list[str] = []
    quoted = False
    depth = 0
    start = 0
    index = 0
    while index < len(line):
        char = line[index]
        if char == '"':
            if quoted and line[index + 1 : index + 2] == '"':
                index += 2  # (an escaped quote, "", is a quote of the cell's text)
                continue
            if quoted or not line[start:index].strip():
                quoted = not quoted
                out[index] = " "
        elif char == comma and not quoted and not depth:
            cells.append(line[start:index])
            out[index] = "|"
            start = index + 1
        elif char in _OPENING:
            depth += 1
        elif char in _CLOSING and depth:
            depth -= 1
        index += 1
    cells.append(line[start:])
    if quoted or depth or len(cells) < 2 or max(map(len, cells)) > _CSV_CELL_LONGEST:
        return None
    if _THOUSANDS(line) is not None:
        return None  # (1,234,567 or 行政许可 1,493,000: commas of a number, not of cells)
    return "".join(out), cells


#: A line ending as a row of cells separated by 、 does (规章、0、0、0, 行政许可、1493、、):
#: with a number or an empty cell. A line of prose cut after a 、 (a PDF's line) ends
#: with one 、 after a word.
_DUN_ROW_END = re.compile(r"、(?:[0-9]+|、)\n").search
#: The brackets and quotes a 、 of a label's own may stand between.
_DUN_OPENING = frozenset("(（“《")
_DUN_CLOSING = frozenset(")）”》")
#: A chapter's or row's ordinal before its 、 (三、本年度办理结果): no cell of its own.
_CN_ORDINAL = re.compile(r"[一二三四五六七八九十]+").fullmatch
#: An item's ordinal written with 、 (1、属于国家秘密), as a cell's text before its 、.
_ITEM_ORDINAL = re.compile(r"[0-9]{1,2}").fullmatch
#: A label's start with an ordinal: (一), （一）, 1., 1、, 一、.
_ORDINAL_LED = re.compile(
    r"[(（][一二三四五六七八九十]+[)）]|[0-9]{1,2}[.．、]|[一二三四五六七八九十]+、"
)
#: A row label's start with an item's ordinal (1.申请人无正当理由逾期不补正、…).
_ITEM_LED = re.compile(r"[0-9]{1,2}[.．、]")


def _dun_cells(line: str) -> tuple[str, list[str]] | None:
    """The line with the 、 between its cells as |, and its cells; None when it is no row
    of cells separated by 、 (规章、0、0、0, as a typist or a CSV export with 、 writes a
    table).

    Labels hold 、 of their own, which separate nothing: an ordinal's (三、本年度办理结果,
    1、属于国家秘密), one inside brackets or quotes, and one inside an item's label in a
    row of values (1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请、0、…:
    a piece without an ordinal after an item's label goes on it). A line of words only
    led by an ordinal (四、政府信息公开行政复议、行政诉讼情况) is a heading, no row."""
    if "。" in line or "；" in line or "|" in line or "\t" in line:
        return None
    cuts: list[int] = []
    cells: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(line):
        if char in _DUN_OPENING:
            depth += 1
        elif char in _DUN_CLOSING and depth:
            depth -= 1
        elif char == "、" and not depth:
            cell = line[start:index].strip()
            if _CN_ORDINAL(cell) or (
                _ITEM_ORDINAL(cell)
                and _is_label(line[index + 1 : index + 2])
                and (not cells or _ORDINAL_LED.match(cells[-1].strip()))
            ):
                continue  # (an ordinal's 、: 三、本年度办理结果, 1、属于国家秘密)
            cells.append(line[start:index])
            cuts.append(index)
            start = index + 1
    cells.append(line[start:])
    if depth or len(cells) < 2 or max(map(len, cells)) > _CSV_CELL_LONGEST:
        return None
    if any(map(_is_csv_value, cells)):
        cells, cuts = _joined_item_labels(cells, cuts)
    elif _ORDINAL_LED.match(line.strip()):
        return None  # (a heading: 四、政府信息公开行政复议、行政诉讼情况)
    out = list(line)
    for cut in cuts:
        out[cut] = "|"
    return "".join(out), cells


def _is_label(text: str) -> bool:
    """Whether ``text`` is a label's (or its first character): not empty, no number."""
    bare = text.strip()
    return bool(bare) and not bare.isdigit()


def _joined_item_labels(cells: list[str], cuts: list[int]) -> tuple[list[str], list[int]]:
    """The cells of a row of values with an item's label split at its own 、 made one
    again (1.申请人无正当理由逾期不补正 + 行政机关不再处理其政府信息公开申请): a label
    cell led by no ordinal right after a label cell led by an item's ordinal."""
    joined = [cells[0]]
    kept: list[int] = []
    for cut, cell in zip(cuts, cells[1:], strict=True):
        previous = joined[-1].strip()
        if _is_label(cell) and _ITEM_LED.match(previous) and not _ORDINAL_LED.match(cell.strip()):
            joined[-1] += "、" + cell
            continue
        joined.append(cell)
        kept.append(cut)
    return joined, kept


#: A line that is a number alone, blanks around it (a page's number as PDF-to-text tools
#: print it at a page's foot, centred or not): 1 to 999. Found after its line's LF (the
#: text searched with one before it): a pattern that opens with a character ``re`` looks
#: for fast, where one opening with ``^`` is tried at every character of every report.
_BARE_NUMBER = re.compile(r"\n[ \t\u3000]*([1-9][0-9]{0,2})[ \t\u3000]*(?=\n|\Z)")
#: A line that is a number alone, any (a table's value written one cell per line: 0, 1493).
_NUMBER_LINE = re.compile(r"[ \t\u3000]*[0-9]+[ \t\u3000]*").fullmatch
#: The fewest lines between two pages' numbers (a page of text holds twenty and more).
_PAGE_LINES = 10
#: How many times the shortest page a page may be long (a table one cell per line makes a
#: page of a few hundred lines, prose one of thirty or forty).
_PAGE_SPREAD = 12
#: The same for two numbers only (a table's values 3 and 4 far apart are no pages).
_PAGE_SPREAD_OF_TWO = 3
#: More bare numbers than this: a table of values, no pages to look for.
_MOST_BARE = 400


def _page_starts(text: str) -> tuple[int, ...]:
    """The (1-based) lines the pages of a text copied out of a PDF start at, as
    :attr:`Source.pages` holds a PDF's, so that the parser reads their numbers and
    running headers as page furniture, not as the report's lines (a paragraph the page
    broke inside read as one; a table's rows not cut by a row 3).

    ``pdftotext`` starts each page but the first with a form feed, and Word's "save as
    text" writes one for a page break: a page starts at each line holding one. Without
    them (text copied from a viewer), the pages are told by their numbers printed bare at
    their foot (:func:`_page_number_lines`). Empty when neither is found."""
    if "\f" in text:
        # (a page's first line may be blank, the form feed alone: the next line read; a
        # page without text, as after the form feed ending pdftotext's output, is none)
        lines = text.split("\n")
        breaks = [n for n, line in enumerate(lines, 1) if "\f" in line and n > 1]
        starts = [
            start
            for start, end in zip([1, *breaks], [*breaks, len(lines) + 1], strict=True)
            if any(line.strip(" \t\f\v\u3000") for line in lines[start - 1 : end - 1])
        ]
        return tuple(starts) if len(starts) > 1 else ()
    found = _page_number_lines(text)
    return (1, *(number + 1 for number in found)) if found else ()


def _page_number_lines(text: str) -> list[int]:
    """The (1-based) lines of a text that are its pages' numbers printed bare (``3`` alone
    on a line, at each page's foot), each page's in order.

    A page's number goes up by one page by page at roughly even distances (ten lines and
    more apart, no page many times longer than the shortest), and stands apart: the lines
    around it are no numbers alone (a table written one cell per line holds many in a
    row: its values; a list of numbers stands in consecutive lines). Two such numbers
    going up by one at least. A page whose number falls among a table's values (not apart)
    is skipped, and its number taken if it is the only line of that number between its
    neighbours' (else the page starts halfway between them)."""
    found: list[tuple[int, int]] = []  # (line, value)
    searched = "\n" + text  # (each line after a LF: the first too)
    line, counted = 0, 0
    for match in _BARE_NUMBER.finditer(searched):
        line += searched.count("\n", counted, match.start() + 1)
        counted = match.start() + 1
        found.append((line, int(match[1])))
    if len(found) < 2 or len(found) > _MOST_BARE:
        return []
    lines = text.split("\n")

    def apart(number: int) -> bool:
        for step in (-1, 1):
            index = number - 1 + step
            while 0 <= index < len(lines) and not lines[index].strip():
                index += step
            if 0 <= index < len(lines) and _NUMBER_LINE(lines[index]) is not None:
                return False
        return True

    strong = [(number, value) for number, value in found if apart(number)]
    # The longest chain of numbers apart going up by one (or two: a page skipped).
    best: list[int] = []  # (each candidate's chain length)
    before: list[int] = []
    for at, (number, value) in enumerate(strong):
        best.append(1)
        before.append(-1)
        for prior in range(at):
            prior_number, prior_value = strong[prior]
            step = value - prior_value
            far = number - prior_number >= _PAGE_LINES * step
            if 1 <= step <= 2 and far and best[prior] + 1 > best[at]:
                best[at], before[at] = best[prior] + 1, prior
    if not best or max(best) < 2:
        return []
    at = best.index(max(best))
    chain: list[tuple[int, int]] = []
    while at >= 0:
        chain.append(strong[at])
        at = before[at]
    chain.reverse()
    # The lines a page holds: before the first number (its value's pages: 3 at line 67
    # says pages of some 22 lines, not of 468), and between two numbers (the last page
    # may be short: no measure of the shortest).
    gaps = [chain[0][0] / chain[0][1]]
    gaps += [(b - a) / (w - v) for (a, v), (b, w) in itertools.pairwise(chain)]
    spread = _PAGE_SPREAD if len(chain) > 2 else _PAGE_SPREAD_OF_TWO
    if max(gaps) > spread * min(gaps[:-1]):
        return []
    if len(chain) == 2 and chain[1][1] - chain[0][1] != 1:
        return []
    out = [chain[0][0]]
    for (a, v), (b, w) in itertools.pairwise(chain):
        if w - v == 2:  # (a page whose number was not apart: the only one between)
            among = [number for number, value in found if a < number < b and value == v + 1]
            out.append(among[0] if len(among) == 1 else (a + b) // 2)
        out.append(b)
    return out


def read_text(path: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Read a .txt/.md report, within the limits on lines and table cells."""
    text, encoding = decode_bytes(data)
    text_with_breaks = _separators_as_newlines(normalise_newlines(text))
    shown = _page_breaks_as_spaces(text_with_breaks)
    # (a table drawn or saved otherwise read as a pipe table, one character for one: the
    # snippets of findings show the file's own lines, │ and commas)
    text = _csv_rows_as_pipes(_box_drawing_as_pipes(shown))
    # (a text shorter than a limit cannot pass it: most reports are not counted at all)
    if len(text) >= limits.max_lines:
        lines = text.count("\n") + 1
        if lines > limits.max_lines:
            raise over("max-lines", limits.max_lines, f"{lines} lines")
    if len(text) > limits.max_cells:
        separators = text.count("\t") + text.count("|")
        if separators > limits.max_cells:
            raise over("max-cells", limits.max_cells, f"{separators} TAB and | separators")
    # ("<" first: a one-character search is a fraction of a word's in Chinese text)
    if "<" in text and ("<table" in text or "<TABLE" in text):
        # Tables written as HTML among the text (a PDF converted to Markdown by MinerU
        # and its kin): read as tables (lxml is imported only here).
        from xxgk_lint.sources.text_tables import read_text_with_tables

        source = read_text_with_tables(path, text, encoding, limits)
        if source is not None:
            return source
    original = () if text is shown else tuple(shown.split("\n"))
    return Source(
        path=path,
        kind="text",
        encoding=encoding,
        text=text,
        original_lines=original,
        pages=_page_starts(text_with_breaks if "\f" in text_with_breaks else text),
    )
