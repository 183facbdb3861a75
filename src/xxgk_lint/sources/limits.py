"""Limits on what a reader will take in: hostile or huge files cost bounded time and memory.

Every limit has a default that no real report comes near (the largest real reports are a
few hundred KB of text with a few thousand table cells), so that only damaged or hostile
files meet one. A file over a limit is not read: the reader raises
:class:`~xxgk_lint.sources.model.LimitError` naming the limit, and the file gets XG001.

The limits are configurable (``limits:`` in ``.xxgk-lint.yaml``, keys in kebab-case, e.g.
``max-file-bytes``); every one is documented in ``docs/configuration.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits readers and the parser enforce (see the module docstring)."""

    #: Bytes read from any input file (a 100 MB text file is not a report).
    max_file_bytes: int = 50 * MIB
    #: Lines of extracted text handed to the parser.
    max_lines: int = 200_000
    #: Table cells (of all tables together) in one report.
    max_cells: int = 200_000
    #: Nesting depth of HTML elements. libxml2 keeps at most 2048 levels and drops what is
    #: deeper, so a page that deep is over the limit whatever its value.
    max_html_depth: int = 2_000
    #: A rowspan, colspan, w:gridSpan or w:gridBefore larger than this is an error.
    max_span: int = 1_000
    #: Members of a .docx (zip) archive.
    max_zip_members: int = 10_000
    #: Uncompressed size of any one member of a .docx archive, and of all of them together.
    max_zip_uncompressed_bytes: int = 200 * MIB
    #: A Word list number (w:start, w:startOverride) larger than this is an error.
    max_list_number: int = 100_000
    #: Pages of a PDF.
    max_pdf_pages: int = 2_000
    #: Text objects (characters) read from one PDF page.
    max_pdf_page_chars: int = 200_000

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        """The config keys, in kebab-case (``max-file-bytes`` …)."""
        return tuple(f.name.replace("_", "-") for f in fields(cls))


DEFAULT_LIMITS = Limits()
