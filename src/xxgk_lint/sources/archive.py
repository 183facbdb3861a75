"""Check a .docx (zip) archive against the limits from its directory, before unpacking.

A zip archive says in its central directory how many members it holds and how large each
one is once unpacked. A zip bomb (a few MB that unpack to gigabytes) or an archive of a
million members is refused from those numbers, before python-docx reads any of it. The
number of members is read from the end-of-central-directory record first, so that a
directory of millions of entries is not even listed. Python's zipfile never unpacks a
member past the size its directory gives, so the checked sizes bound what is read.
"""

from __future__ import annotations

import io
import struct
import zipfile

from xxgk_lint.sources.limits import Limits, over

_EOCD = b"PK\x05\x06"
_EOCD64 = b"PK\x06\x06"
_EOCD_SIZE = 22
#: The end record is at most a 64 KiB comment away from the end.
_EOCD_SEARCH = _EOCD_SIZE + 0xFFFF

#: Parts of a .docx that are XML (parsed whole into memory).
_XML_SUFFIXES = (".xml", ".rels")


def member_count(data: bytes) -> int | None:
    """How many members the archive's end record declares; None if there is no record."""
    at = data.rfind(_EOCD, max(0, len(data) - _EOCD_SEARCH))
    if at == -1 or len(data) < at + _EOCD_SIZE:
        return None
    total = struct.unpack_from("<H", data, at + 10)[0]
    if total != 0xFFFF:
        return int(total)
    at64 = data.rfind(_EOCD64, max(0, at - 1024), at)
    if at64 == -1 or len(data) < at64 + 40:
        return int(total)
    return int(struct.unpack_from("<Q", data, at64 + 32)[0])


def check_archive(data: bytes, limits: Limits) -> None:
    """Raise LimitError if the archive is over a limit; say nothing of a damaged one.

    A damaged archive is left for python-docx to refuse, with its own explanation.
    """
    count = member_count(data)
    if count is not None and count > limits.max_zip_members:
        raise over("max-zip-members", limits.max_zip_members, f"{count} zip members")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # zipfile fails in many ways on a damaged archive (BadZipFile,
        return  # NotImplementedError for an unknown version, struct.error …)
    if len(members) > limits.max_zip_members:
        raise over("max-zip-members", limits.max_zip_members, f"{len(members)} zip members")
    total = 0
    for member in members:
        size = member.file_size
        if size > limits.max_zip_uncompressed_bytes:
            raise over(
                "max-zip-uncompressed-bytes",
                limits.max_zip_uncompressed_bytes,
                f"{_name(member.filename)} unpacks to {size} bytes",
            )
        if member.filename.lower().endswith(_XML_SUFFIXES) and size > limits.max_docx_xml_bytes:
            raise over(
                "max-docx-xml-bytes",
                limits.max_docx_xml_bytes,
                f"{_name(member.filename)} unpacks to {size} bytes",
            )
        total += size
    if total > limits.max_zip_uncompressed_bytes:
        raise over(
            "max-zip-uncompressed-bytes",
            limits.max_zip_uncompressed_bytes,
            f"all members unpack to {total} bytes",
        )


def _name(filename: str) -> str:
    """A member's name as a message shows it: one line, at most 60 characters."""
    name = "".join(ch if ch.isprintable() else "?" for ch in filename[:60])
    return name + ("…" if len(filename) > 60 else "")
