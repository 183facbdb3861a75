"""The writing side of the command line: encodings, atomic files, Windows colour."""

from __future__ import annotations

import io
import json
import sys
import types
from pathlib import Path

import pytest

from xxgk_lint.cli.output import (
    OutputError,
    Utf8Writer,
    ascii_document,
    emit,
    enable_windows_colour,
    encodable,
    write_atomically,
)

DOCUMENT = json.dumps({"message": "总计应为 7 😀", "path": "报告.txt"}, ensure_ascii=False)


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252", "gbk"])
def test_json_on_a_stream_that_is_not_utf8_is_ascii_and_means_the_same(encoding: str) -> None:
    text = encodable(DOCUMENT, "json", encoding)
    assert max(map(ord, text)) < 0x80
    assert json.loads(text) == json.loads(DOCUMENT)


def test_xml_on_an_ascii_stream_uses_character_references() -> None:
    text = ascii_document('<a m="总计">报告</a>', "junit")
    assert text == '<a m="&#24635;&#35745;">&#25253;&#21578;</a>'


def test_utf8_streams_get_the_text_unchanged() -> None:
    assert encodable(DOCUMENT, "json", "UTF-8") is DOCUMENT
    assert encodable("检查了", "text", "utf_8") == "检查了"


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [("cp1252", "?? 1 ?? é"), ("gbk", "检查 1 ?? é"), ("ascii", "?? 1 ?? ?")],
)
def test_text_replaces_what_the_terminal_cannot_show(encoding: str, shown: str) -> None:
    assert encodable("检查 1 😀😀 é", "text", encoding) == shown


def test_emit_turns_a_failing_stream_into_an_output_error() -> None:
    class Full(io.StringIO):
        encoding = "utf-8"

        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left on device"):
        emit("x\n", "text", Full())


def test_emit_lets_a_broken_pipe_through() -> None:
    class Gone(io.StringIO):
        encoding = "utf-8"

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    with pytest.raises(BrokenPipeError):
        emit("x\n", "text", Gone())


def _pieces(data: bytes, size: int) -> list[bytes]:
    return [data[start : start + size] for start in range(0, len(data), size)]


@pytest.mark.parametrize("encoding", ["utf-8", "ascii", "gbk"])
def test_utf8_pieces_are_written_as_their_text_would_be(encoding: str) -> None:
    """Spooled UTF-8 (JSON's report entries) goes to a UTF-8 stdout as it is; to any other
    it is decoded — a character split between two pieces too — and written as emit
    writes text."""
    written = io.BytesIO()
    stream = io.TextIOWrapper(written, encoding=encoding, newline="\n")
    writer = Utf8Writer("json")
    for piece in _pieces(DOCUMENT.encode("utf-8"), 5):  # 总 and 😀 split
        writer.write(piece, stream)
    stream.flush()
    expected = io.TextIOWrapper(io.BytesIO(), encoding=encoding, newline="\n")
    emit(DOCUMENT, "json", expected)
    assert written.getvalue() == expected.buffer.getvalue()  # type: ignore[attr-defined]
    assert json.loads(written.getvalue().decode(encoding)) == json.loads(DOCUMENT)


def test_utf8_pieces_on_a_failing_stream_are_an_output_error() -> None:
    class Full(io.BytesIO):
        def write(self, data: object) -> int:
            raise OSError(28, "No space left on device")

    stream = io.TextIOWrapper(Full(), encoding="utf-8")
    with pytest.raises(OutputError, match="No space left on device"):
        Utf8Writer("json").write(b"{}", stream)


def test_write_atomically_makes_folders_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "deep" / "result.json"
    write_atomically(target, "总计\n")
    assert target.read_bytes() == "总计\n".encode()
    assert [p.name for p in target.parent.iterdir()] == ["result.json"]


def test_write_atomically_keeps_the_old_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    target = tmp_path / "result.json"
    target.write_text("old\n", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="Input/output error"):
        write_atomically(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["result.json"]


def test_windows_colour_comes_from_colorama(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    fake = types.ModuleType("colorama")
    fake.just_fix_windows_console = lambda: calls.append("fixed")  # type: ignore[attr-defined]
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "colorama", fake)
    assert enable_windows_colour() is True
    assert calls == ["fixed"]


def test_without_colorama_windows_gets_no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setitem(sys.modules, "colorama", None)  # import fails
    assert enable_windows_colour() is False


def test_other_systems_need_nothing_for_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setitem(sys.modules, "colorama", None)
    assert enable_windows_colour() is True
