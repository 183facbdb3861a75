"""Open a Word package with python-docx, also when it is a Word document python-docx refuses.

python-docx opens a document whose main part is found by the package relationship of type
``…/2006/relationships/officeDocument`` and has the content type of a ``.docx``. Two kinds
of real Word files fail that test although Word opens them as any other document:

* a document saved as "Strict Open XML" (Word's 另存为 "Strict Open XML 文档"): the same
  parts, but every namespace and relationship type is the ISO/IEC 29500 Strict one
  (``http://purl.oclc.org/ooxml/…``), so python-docx finds no main document;
* a macro-enabled document (``.docm``) or a template (``.dotx``, ``.dotm``): a main part
  of another content type, with the same XML;
* a package without its relationships (``_rels/.rels``, which a tool that wrote the zip
  by hand left out): the content types still name the main part;
* a package whose members are not named as its relationships name its parts (zip tools
  on Windows write ``word\\document.xml``, some ``/word/document.xml`` or
  ``./word/document.xml``; some spell ``Word/Document.xml`` or ``[content_types].xml``
  although the relationships say ``word/document.xml``): part names are not case-sensitive
  (ISO/IEC 29500-2 §9.1.1.1) and Word opens such a file, python-docx looks each member up
  by its exact name.

Such a package is rewritten in memory — the Strict namespaces replaced by their
Transitional twins, the main part given the ``.docx`` content type, the relationship to
it written, the members and the relationships' targets named in one spelling — and opened
again.
Only a package python-docx has refused pays for the rewrite: a ``.docx`` is opened once.
"""

from __future__ import annotations

import io
import zipfile

__all__ = ["open_document"]

#: The content type python-docx requires of the main document part.
_DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

#: The main parts of other Word files that hold the same XML as a .docx's: macro-enabled
#: documents, templates, macro-enabled templates.
_WORD_MAINS = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)

#: ISO/IEC 29500 Strict namespaces (and relationship-type prefixes) and their Transitional
#: twins: those of the parts the reader reads (document, styles, numbering, drawings).
_STRICT = (
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    ),
    (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/main",
        b"http://schemas.openxmlformats.org/drawingml/2006/main",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/picture",
        b"http://schemas.openxmlformats.org/drawingml/2006/picture",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/math",
        b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/sharedTypes",
        b"http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
    ),
)
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"
_XML_SUFFIXES = (".xml", ".rels")


def open_document(data: bytes) -> object:
    """The python-docx Document of package ``data``; a Strict or ``.docm``/``.dotx``
    package is rewritten (:func:`_as_docx`) and opened again. Raises what python-docx
    raises for the package as given when the rewrite does not help, so that the caller
    explains the original failure."""
    import docx  # imported here: linting text files never pays for python-docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as first:  # python-docx raises many types on bad input
        rewritten = _as_docx(data)
        if rewritten is None:
            raise
        try:
            return docx.Document(io.BytesIO(rewritten))
        except Exception:
            raise first from None


def _as_docx(data: bytes) -> bytes | None:
    """Package ``data`` as a Transitional ``.docx``: its XML parts with the Strict
    namespaces replaced, its Word main part of another kind given the ``.docx`` content
    type; None if there is nothing to rewrite (or it is not a zip archive). The archive's
    limits were checked before (:func:`~xxgk_lint.sources.archive.check_archive`)."""
    changed = False
    out = io.BytesIO()
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as archive,
            zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy,
        ):
            names = {_member_name(name) for name in archive.namelist()}
            written: set[str] = set()
            for info in archive.infolist():
                name = _member_name(info.filename)
                if name in written:  # two members of one name once spelled alike
                    continue
                written.add(name)
                changed = changed or name != info.filename
                content = archive.read(info)
                if name.endswith(_XML_SUFFIXES):
                    fixed = _transitional(content)
                    if name.endswith(".rels"):
                        fixed = _internal_targets(fixed)
                    if name == "[Content_Types].xml":
                        for kind in _WORD_MAINS:
                            fixed = fixed.replace(kind, _DOCX_MAIN)
                        if _PACKAGE_RELS not in names:
                            main = _main_part(fixed)
                            if main is not None:
                                copy.writestr(_PACKAGE_RELS, _relationships(main.lower()))
                                changed = True
                    changed = changed or fixed != content
                    content = fixed
                copy.writestr(name, content)
    except Exception:  # zipfile fails in many ways on a damaged archive (see archive.py)
        return None
    return out.getvalue() if changed else None


_PACKAGE_RELS = "_rels/.rels"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_CONTENT_TYPES_PART = "[Content_Types].xml"
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _member_name(filename: str) -> str:
    """A zip member's name as python-docx looks it up: forward slashes, no leading ``/``
    or ``./``, in lower case (part names are not case-sensitive; the relationships'
    targets are put in lower case alike, :func:`_internal_targets`), the content-type
    list spelled ``[Content_Types].xml``."""
    name = filename.replace("\\", "/")
    while name.startswith(("/", "./")):
        name = name[2:] if name.startswith("./") else name[1:]
    name = name.lower()
    return _CONTENT_TYPES_PART if name == _CONTENT_TYPES_PART.lower() else name


def _internal_targets(rels: bytes) -> bytes:
    """A relationships part with the targets of its internal relationships spelled as
    :func:`_member_name` names members (forward slashes, lower case); the part as it was
    if nothing changes or it does not parse (python-docx then explains)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(rels, parser)
    except etree.XMLSyntaxError:
        return rels
    changed = False
    for relationship in root.iter(f"{_RELATIONSHIPS}Relationship"):
        target = relationship.get("Target")
        if target is None or relationship.get("TargetMode") == "External":
            continue
        spelled = target.replace("\\", "/").lower()
        if spelled != target:
            relationship.set("Target", spelled)
            changed = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") if changed else rels


def _main_part(types: bytes) -> str | None:
    """The part ``[Content_Types].xml`` gives the content type of a Word main document:
    where the package's relationships (``_rels/.rels``, missing) would have led."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for override in etree.fromstring(types, parser).iter(f"{_CONTENT_TYPES}Override"):
        if (override.get("ContentType") or "").encode() == _DOCX_MAIN:
            name = override.get("PartName") or ""
            return name if name.startswith("/") else None
    return None


def _relationships(main: str) -> bytes:
    """A package's relationships that lead to the main document part ``main``."""
    from xml.sax.saxutils import quoteattr

    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/officeDocument" Target={quoteattr(main)}/></Relationships>'
    ).encode()


def _transitional(xml: bytes) -> bytes:
    """XML with the Strict namespaces replaced by the Transitional ones (nothing to do,
    and no copy, for a part that names none)."""
    if _STRICT_MARK not in xml:
        return xml
    for strict, transitional in _STRICT:
        xml = xml.replace(strict, transitional)
    return xml
