"""Session 41 (audit): a file whose check ran out of time shows its kind.

A timed-out file showed ``—`` for its type in ``--summary``, on the audit page and in the
export, though its kind is known: from the reader once it was read (the time ran out in
a rule), from its name and first bytes when the time ran out while it was read.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from tests.cli.test_timed_out import SLOW_RULE  # (sleeps on a file named …slow…)
from tests.conftest import FIXTURES
from tests.engine.reportkit import CLEAN, run_main, write
from tests.security.kit import write_plugin


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a-clean.txt", CLEAN)
    write(tmp_path / "b-slow.txt", CLEAN)
    return tmp_path


def _kinds(capsys, lang: str, *paths: str) -> dict[str, list[str]]:
    """The file type of each file, as ``--summary``, the page and the export show it."""
    done = run_main(capsys, "check", "--summary", "-q", "--timeout", "1", "--lang", lang, *paths)
    table = done.out.split("\n\n")[-2].splitlines()[2:]
    summary = [line.split()[3] for line in table]
    run_main(capsys, "report", "-q", "--timeout", "1", "--lang", lang, *paths, "-o", "a.html")
    page = Path("a.html").read_text(encoding="utf-8")
    shown = []
    for n in range(len(paths)):
        row = page[page.index(f'<tr data-order="{n}">') :]
        shown.append(re.findall(r"<td[^>]*>(.*?)</td>", row[: row.index("</tr>")])[4])
    run_main(capsys, "export", "--timeout", "1", *paths, "--format", "jsonl", "-o", "a.jsonl")
    lines = Path("a.jsonl").read_text(encoding="utf-8").splitlines()
    export: dict[str, str] = {}
    for line in lines:
        row = json.loads(line)
        export[row["path"]] = row["kind"]
    return {"summary": summary, "page": shown, "export": [export[p] for p in paths]}


def test_out_of_time_in_a_rule_the_kind_is_the_readers(repo: Path, capsys) -> None:
    write_plugin(repo, "acme.py", SLOW_RULE)
    assert _kinds(capsys, "zh", "a-clean.txt", "b-slow.txt") == {
        "summary": ["文本", "文本"],
        "page": ["文本", "文本"],
        "export": ["text", "text"],
    }


def test_out_of_time_while_read_the_kind_is_known_from_the_name_and_bytes(
    repo: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    import xxgk_lint.sources as sources

    shutil.copy(FIXTURES / "docx" / "qingshan-jiaotong-2023.docx", repo / "c-slow.docx")
    read = sources.read_source

    def slow(path: object, *args: object, **kwargs: object) -> object:
        if "slow" in str(path):
            time.sleep(20)  # (the --timeout alarm ends it)
        return read(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "read_source", slow)
    assert _kinds(capsys, "en", "a-clean.txt", "c-slow.docx") == {
        "summary": ["text", "Word"],
        "page": ["text", "Word"],
        "export": ["text", "docx"],
    }
    done = run_main(capsys, "check", "-q", "--timeout", "1", "--lang", "en", "c-slow.docx")
    # (out of time while it was read: no rule was running)
    assert done.err == (
        "xxgk-lint: c-slow.docx: cannot be checked as an annual report: checking it took "
        "longer than the limit per file (--timeout 1 s)\n"
    )
