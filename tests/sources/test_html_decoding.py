"""The HTML reader's charset look-up: a regular expression over a plain head, lxml otherwise.

Both ways must give the same answer; the quick one must stand aside (None) whenever the
page's start is not plain, so that lxml decides.
"""

from __future__ import annotations

import pytest

from xxgk_lint.sources.html import _declared_charset, _parsed_charset, _quick_charset, read_html

HEADS = [
    # (head, the charset lxml finds, whether the quick look answers)
    (b'<meta charset="gbk">', "gb18030", True),
    (b"<HTML>\r\n<HEAD>\r\n<META CHARSET='GBK'>", "gb18030", True),
    (
        b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">\n'
        b'<html xmlns="http://www.w3.org/1999/xhtml"><head>\n'
        b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />',
        "gb18030",
        True,
    ),
    (b"<title>t</title><meta name=a><meta content=x><meta charset=big5>", "big5", True),
    (b'<meta content=" CharSet = utf-8 ">', "utf-8", True),
    (b"<meta charset=\"'gbk'\">", "gb18030", True),
    (b"<meta charset=utf-8/>", "utf-8", True),
    # The first attribute of a name counts, whatever its case.
    (b'<meta CHARSET="big5" charset="gbk">', "big5", True),
    # A charset Python does not know ends the look-up: no charset.
    (b"<meta charset=nonsense><meta charset=gbk>", None, True),
    # No charset at all, or spaces only: lxml reads the whole head.
    (b'<meta charset="  "><meta charset=gbk>', None, True),
    (b"<html><head><title>t</title></head><body><p>x</p>", None, False),
    # Not plain: lxml decides.
    (b"<!-- <meta charset=gbk> --><meta charset=utf-8>", "utf-8", False),
    (b"<title><meta charset=gbk></title><meta charset=utf-8>", "utf-8", False),
    (b'<meta charset="&#103;bk">', "gb18030", False),
    (b"<metadata charset=gbk><meta charset=utf-8>", "utf-8", False),
    (b"<script>var a = '<meta charset=gbk>'</script><meta charset=utf-8>", "utf-8", False),
]


@pytest.mark.parametrize(("head", "expected", "quick"), HEADS)
def test_charset_the_same_both_ways(head: bytes, expected: str | None, quick: bool) -> None:
    assert _parsed_charset(head) == expected
    assert _declared_charset(head) == expected
    assert (_quick_charset(head) is not None) is quick


def test_charset_found_after_8_kb_of_plain_head_is_not_read() -> None:
    # lxml reads the first 8 KB only; a tag cut there is not a charset.
    head = b"<head>" + b" " * 8180 + b"<meta charset=gbk>"
    assert _declared_charset(head[:8192]) is None
    assert _parsed_charset(head[:8192]) is None


def test_page_decoded_by_the_charset_of_a_plain_head() -> None:
    page = '<html><head><meta charset="big5"><title>標題</title></head><body><p>政府資訊公開</p>'
    source = read_html("t.html", page.encode("big5"))
    assert source.encoding == "big5"
    assert source.text == "政府資訊公開\n"


def test_utf8_page_is_parsed_from_its_own_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A valid UTF-8 page without BOM or CR goes to lxml as it is; any other page is its
    text encoded again (a BOM dropped, CRLF made LF, a bad byte replaced)."""
    from lxml import etree

    from xxgk_lint.sources import html as html_module

    given: list[bytes] = []
    parse = etree.fromstring

    def recording(data: bytes, parser: object) -> object:
        given.append(data)
        return parse(data, parser)  # type: ignore[arg-type]

    monkeypatch.setattr(html_module.etree, "fromstring", recording)
    body = "<html><body><p>收到申请 12 件</p></body></html>"
    plain = ('<meta charset="utf-8">' + body).encode()
    cases = [
        (plain, True),
        (b"\xef\xbb\xbf" + plain, False),
        (plain.replace(b"<p>", b"\r\n<p>"), False),
        (plain.replace(b"12", b"1\xff2"), False),  # replaced: U+FFFD in the text
    ]
    for data, same in cases:
        given.clear()
        source = read_html("t.html", data)
        assert (given[-1] is data) is same
        assert source.text.strip() in ("收到申请 12 件", "收到申请 1\ufffd2 件")
    assert read_html("t.html", cases[0][0]).text == read_html("t.html", cases[2][0]).text


REPORT = "<p>收到政府信息公开申请12件，均已按时答复。</p>" * 40
#: A description a CMS cut at a byte count, in the middle of a character (UTF-8: 2 bytes
#: of 3; GBK: 1 of 2).
CUT = "根据《中华人民共和国政府信息公开条例》".encode()[:40]
CUT_GBK = "根据《中华人民共和国政府信息公开条例》".encode("gbk")[:21]


def cut_page(charset: str, encoding: str, cut: bytes) -> bytes:
    head = (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        if charset
        else ""
    )
    page = f'<html><head>{head}<meta name="description" content="@"></head><body>{REPORT}</body></html>'
    return page.encode(encoding).replace(b"@", cut)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (cut_page("", "utf-8", CUT), "utf-8"),  # no charset: not lost any more
        (cut_page("utf-8", "utf-8", CUT), "utf-8"),
        (cut_page("gb2312", "utf-8", CUT), "utf-8"),  # a wrong charset (the server said UTF-8)
        (cut_page("gbk", "utf-8", CUT + b"\xff"), "utf-8"),
        (cut_page("gb2312", "gbk", CUT_GBK), "gb18030"),
        (cut_page("utf-8", "gbk", CUT_GBK), "gb18030"),  # a wrong charset
        (cut_page("", "gbk", CUT_GBK + b"\xff"), "gb18030"),
    ],
)
def test_a_page_with_a_stray_byte_is_read_in_the_encoding_that_reads_it_best(
    data: bytes, encoding: str
) -> None:
    """No encoding reads the page whole: the one that leaves the fewest bytes unread (each
    a U+FFFD) is taken, if they are few, rather than the declared one or none."""
    source = read_html("t.html", data)
    assert source.encoding == encoding
    lines = source.text.split("\n")
    assert lines[:2] == ["收到政府信息公开申请12件，均已按时答复。"] * 2
    assert len(lines) == 41


def test_a_page_mostly_unreadable_is_not_taken_by_its_fewest_bad_bytes() -> None:
    from xxgk_lint.sources.html import _nearly_decoded

    assert _nearly_decoded(cut_page("", "utf-8", CUT), []) is not None
    assert _nearly_decoded(cut_page("", "utf-8", CUT * 30), []) is None  # too many
    assert _nearly_decoded(bytes(range(128, 256)) * 20, ["utf-8"]) is None
