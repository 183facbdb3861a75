"""Limits on what a reader will take in: hostile or huge files cost bounded time and memory.

Every limit has a default that no real report comes near (the largest real reports are a
few hundred KB of text with a few thousand table cells), so that only damaged or hostile
files meet one. A file over a limit is not read: the reader raises
:class:`~xxgk_lint.sources.model.LimitError` naming the limit, and the file gets XG001.

The limits are configurable (``limits:`` in ``.xxgk-lint.yaml``, keys in kebab-case, e.g.
``max-file-bytes``); every one is documented in ``docs/configuration.md``.
"""

from __future__ import annotations

from dataclasses import fields

from xxgk_lint.records import record
from xxgk_lint.sources.model import LimitError

MIB = 1024 * 1024


@record(eq=False, slots=True)
class Limits:
    """The limits readers and the parser enforce (see the module docstring)."""

    #: Bytes read from any input file (a 100 MB text file is not a report).
    max_file_bytes: int = 50 * MIB
    #: Lines of extracted text handed to the parser.
    max_lines: int = 200_000
    #: Table cells in one report, of all tables together. HTML and Word count grid
    #: positions (a cell two columns wide counts 2); plain text counts TAB and "|"
    #: separators, an upper bound of its cells.
    max_cells: int = 200_000
    #: Nesting depth of HTML elements. libxml2 keeps at most 2048 levels and drops what is
    #: deeper, so a page that deep is over the limit whatever its value.
    max_html_depth: int = 2_000
    #: A rowspan, colspan, w:gridSpan or w:gridBefore larger than this is an error.
    max_span: int = 1_000
    #: Members of a .docx (zip) archive.
    max_zip_members: int = 10_000
    #: Uncompressed size of any one member of a .docx archive, and of all of them together
    #: (read from the archive's directory before anything is unpacked).
    max_zip_uncompressed_bytes: int = 200 * MIB
    #: Uncompressed size of any one XML part of a .docx (document.xml, styles.xml …): XML
    #: costs many times its size in memory once parsed; pictures are not XML.
    max_docx_xml_bytes: int = 32 * MIB
    #: A Word list number (w:start, w:startOverride) larger than this is an error.
    max_list_number: int = 100_000
    #: Pages of a PDF.
    max_pdf_pages: int = 2_000
    #: Uncompressed size of a PDF's compressed streams (page contents, fonts; pictures
    #: aside), all together, checked before PDFium reads a page: a deflate bomb.
    max_pdf_stream_bytes: int = 256 * MIB
    #: Objects on one PDF page, and characters read from it.
    max_pdf_page_chars: int = 200_000

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        """The config keys, in kebab-case (``max-file-bytes`` …)."""
        return tuple(f.name.replace("_", "-") for f in fields(cls))


DEFAULT_LIMITS = Limits()


def over(key: str, limit: int, found: str) -> LimitError:
    """The error for a file over ``key`` (kebab-case), with what was found, e.g.
    ``over("max-span", 1000, "rowspan=1000000")`` — "over the limit max-span = 1000
    (rowspan=1000000)". ``found`` is one of the phrases :mod:`.messages` translates."""
    return LimitError(f"over the limit {key} = {limit} ({found})")


def too_many_cells(limit: int) -> LimitError:
    """The error for a file whose tables hold more than ``limit`` cells (max-cells), as
    every reader that lays out a table counts them."""
    return over("max-cells", limit, f"more than {limit} table cells")
