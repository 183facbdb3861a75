#!/usr/bin/env python3
"""Make a corpus of N text reports for the scale benchmarks (a script, not a test).

The reports are the project's own text fixtures (``fixtures/{reports,errors,samples,real}``)
copied round-robin, each copy under a new agency name, in folders of 500 files, so that
a run meets what a province's folder holds: many agencies, clean reports and reports with
findings, two formats, several layouts::

    .venv/bin/python benchmarks/corpus.py 2000 /tmp/corpus-2000
    .venv/bin/python benchmarks/corpus.py 300 /tmp/c300 --broken 1   # one unreadable file

The corpus is written once and reused: a folder that already holds the same number of
files is left as it is.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SOURCES = ("reports", "errors", "samples", "real")
PER_FOLDER = 500


def templates() -> list[tuple[str, str]]:
    """The text fixtures as (suffix, text): UTF-8 text reports only (a GB18030 one is left
    out, so that every copy can be renamed with ``str.replace``)."""
    found = []
    for folder in SOURCES:
        for path in sorted((FIXTURES / folder).iterdir()):
            if path.suffix not in (".txt", ".md") or path.name.lower() == "readme.md":
                continue  # (a folder's README is no report)
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            found.append((path.suffix, text))
    return found


#: Bumped when what :func:`make` writes changes: the corpora of another version are kept
#: apart (``corpus-v2-2000``), never reused. 2: the title renamed, not a breadcrumb above
#: it (首页 > … > 年度报告), and titles in traditional characters too: version 1 left every
#: copy of four templates one body's report of one year (an XG604 finding on each, 1 file
#: in 15; those bodies' facts and findings grew with the corpus). 3: fixtures/real's README
#: is no template (1 file in 59 was unreadable, and every run exited 2). 4: a report without
#: a title is renamed in its opening sentence (since the body is read from there, every
#: copy of seed 000 was one body's report of one year: 345 of them at 20,000, whose facts
#: the same-year rule holds together).
VERSION = 4


def renamed(text: str, number: int) -> str:
    """The report with its title's agency renamed: 青山县审计局 → 第N号青山县审计局.

    The title is the first of the first 20 lines naming a year and a report (报告, or 報告
    in traditional characters) that is not a breadcrumb (web-page chrome may stand above
    it); without a new name, every copy of a template would be one body's report of one
    year again, which no province's folder looks like (XG604).
    """
    lines = text.split("\n")
    for index, line in enumerate(lines[:20]):
        if ">" in line or "＞" in line:
            continue  # a breadcrumb (首页 > 政务公开 > 年度报告), not the title
        if "年" in line and ("报告" in line or "報告" in line):
            names = list(_NAME_IN_SENTENCE.finditer(line)) if "。" in line else []
            name = names[-1] if names else None  # (the last: earlier ones cite a notice)
            if name is not None:  # no title: the opening sentence names the body
                lines[index] = f"{line[: name.start()]}第{number}号{line[name.start() :]}"
            else:
                lines[index] = f"第{number}号{line.lstrip()}"
            return "\n".join(lines)
    return text


#: The report's name in an opening sentence (现向社会公布X2023年政府信息公开工作年度报告):
#: the body before it is the report's when there is no title line.
_NAME_IN_SENTENCE = re.compile(r"\d{4}年度?(?:政府信息公开|政务公开)[^。]*?报告")


def make(count: int, target: Path, broken: int = 0) -> list[Path]:
    """Write ``count`` reports under ``target`` (the last ``broken`` ones unreadable)."""
    existing = sorted(target.rglob("*.txt")) + sorted(target.rglob("*.md"))
    if len(existing) == count:
        return existing
    if existing:
        raise SystemExit(f"{target} holds {len(existing)} files, not {count}: remove it first")
    sources = templates()
    written = []
    for number in range(count):
        suffix, text = sources[number % len(sources)]
        folder = target / f"d{number // PER_FOLDER:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"r{number:06d}{suffix}"
        if number >= count - broken:
            path.write_bytes(b"\x00\x01\x02 not a report \xff\xfe" * 10)
        else:
            path.write_text(renamed(text, number), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--broken", type=int, default=0, help="how many unreadable files")
    args = parser.parse_args(argv)
    files = make(args.count, args.target, args.broken)
    print(f"{len(files)} reports under {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
