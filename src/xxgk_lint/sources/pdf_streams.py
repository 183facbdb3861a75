"""Check how far a PDF's compressed streams unpack, before PDFium reads a page.

PDFium unpacks a page's content stream whole when it loads the page: a deflate bomb (a
1 GiB stream of zeros packs into 1 MB) costs gigabytes there. This module finds every
``stream`` in the file's bytes and unpacks the Flate-compressed ones in chunks, keeping
nothing, and raises LimitError as soon as they unpack to more than
``max-pdf-stream-bytes`` together. Pictures (``/Subtype /Image``) are left out: PDFium does
not unpack them to read text, and a scanned page may well be large.

Deflate packs at most about 1032 bytes into one, so a file whose bytes could not unpack to
the limit even so is not unpacked at all (every file under 260 KB with the default
limit), and the unpacking stops as soon as what is left could not reach the limit either.

Streams inside object streams cannot hold other streams, so the file's bytes show every
stream there is. Bytes that are not zlib data (other filters, damaged streams) are left to
PDFium, which says what is wrong with them.
"""

from __future__ import annotations

import re
import zlib

from xxgk_lint.sources.limits import Limits, over

# The keyword that starts a stream's data (not "endstream"), and its line end.
_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")
#: How far before a stream its dictionary is looked for.
_DICT_WINDOW = 4096
_CHUNK = 1 << 16
_OUT = 1 << 20
#: The most bytes deflate unpacks from one (258-byte matches in 2 bits, and some).
_MAX_RATIO = 1032


def check_streams(data: bytes, limits: Limits) -> None:
    """Raise LimitError if the compressed streams unpack to more than the limit."""
    limit = limits.max_pdf_stream_bytes
    total = 0
    for match in _STREAM.finditer(data):
        if total + (len(data) - match.start()) * _MAX_RATIO <= limit:
            return  # what is left of the file cannot unpack to the limit
        start = match.end()
        head = data[max(0, match.start() - _DICT_WINDOW) : match.start()]
        head = head[head.rfind(b"obj") + 1 :]
        if b"/Image" in head or b"/FlateDecode" not in head:
            continue  # a picture, or not Flate-compressed
        total = _unpack(data, start, total, limit)
        if total > limit:
            found = f"streams that unpack to more than {limit} bytes"
            raise over("max-pdf-stream-bytes", limit, found)


def _unpack(data: bytes, start: int, total: int, limit: int) -> int:
    """Unpack the zlib data at ``start``, adding its size to ``total``, up to ``limit``."""
    inflater = zlib.decompressobj()
    at = start
    try:
        while total <= limit and not inflater.eof and at < len(data):
            chunk = data[at : at + _CHUNK]
            at += len(chunk)
            out = inflater.decompress(chunk, _OUT)
            total += len(out)
            while inflater.unconsumed_tail and total <= limit:
                out = inflater.decompress(inflater.unconsumed_tail, _OUT)
                total += len(out)
    except zlib.error:
        pass  # not zlib data, or damaged: PDFium will say
    return total
