"""Session 41 (audit): a file's kind is named one way in each language, everywhere.

``--summary``'s table said ``text``/``docx``/``html``/``pdf`` in Chinese too, where the
audit page says 文本/Word/HTML/PDF; in English it said ``docx`` where the page says Word.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import FIXTURES
from tests.engine.reportkit import CLEAN, run_main, write

FILES = (
    FIXTURES / "docx" / "qingshan-jiaotong-2023.docx",
    FIXTURES / "html" / "yunxi-shengtai-2023.html",
    FIXTURES / "pdf" / "qinglan-amr-2022.pdf",
)


@pytest.mark.parametrize(
    ("lang", "kinds"),
    [("zh", ["文本", "Word", "HTML", "PDF"]), ("en", ["text", "Word", "HTML", "PDF"])],
)
def test_the_summary_names_kinds_as_the_page_does(
    tmp_path, capsys, monkeypatch: pytest.MonkeyPatch, lang: str, kinds: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.txt", CLEAN)
    paths = ["a.txt", *map(str, FILES)]
    done = run_main(capsys, "check", "--summary", "-q", "--lang", lang, *paths)
    table = done.out.split("\n\n")[-2].splitlines()
    assert table[0].split()[3] == ("类型" if lang == "zh" else "type")
    assert [line.split()[3] for line in table[2:]] == kinds
    run_main(capsys, "report", "-q", "--lang", lang, *paths, "-o", "audit.html")
    page = (tmp_path / "audit.html").read_text(encoding="utf-8")
    for n, kind in enumerate(kinds):  # the page's file-type column (the fifth)
        row = page[page.index(f'<tr data-order="{n}">') :]
        assert re.findall(r"<td[^>]*>(.*?)</td>", row[: row.index("</tr>")])[4] == kind
