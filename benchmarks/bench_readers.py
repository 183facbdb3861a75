#!/usr/bin/env python3
"""Benchmark the HTML reader against lxml, and how reading scales with table rows.

Run from the repository root with the project's interpreter::

    .venv/bin/python benchmarks/bench_readers.py
    .venv/bin/python benchmarks/bench_readers.py --quick          # up to 10^4 rows
    .venv/bin/python benchmarks/bench_readers.py --json out.json
    XXGK_SRC=/path/to/other/src .venv/bin/python benchmarks/bench_readers.py --quick

``XXGK_SRC`` reads with another checkout's ``src`` (e.g. ``git archive`` of an older
commit), so that before and after are measured by the same script on the same machine.

A script that prints figures, not a test: it never fails on a missed target. See the
"Readers" section of benchmarks/README.md for what each figure means. The targets (issue
12 and 15): an HTML page read at no more than 4 times the cost of lxml parsing it and
taking its text; 10^5 extra table rows costing about ten times what 10^4 cost.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import lxml.html

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, os.environ.get("XXGK_SRC", str(ROOT / "src")))

from xxgk_lint.sources import read_source  # noqa: E402

sys.path.insert(0, str(ROOT))
from tests.sources.portal import in_portal  # noqa: E402

FIXTURES = ROOT / "fixtures" / "html"
PAGES = ("qingshan-jiaotong-2023", "yunxi-shengtai-2023", "baisha-zhen-2023")

#: Limits raised far above the defaults, so that the largest generated pages are read.
try:
    from xxgk_lint.sources import Limits

    HUGE = Limits(
        max_file_bytes=1 << 30,
        max_lines=10_000_000,
        max_cells=100_000_000,
    )
except ImportError:  # an older checkout, to measure "before"
    HUGE = None

#: A leaf row of table 三 as a CMS writes it: one line per cell, text in <p>.
CMS_ROW = (
    '<tr>\n<td width="120"><p align="center">1.属于国家秘密</p></td>\n'
    + "".join(f'<td width="60"><p align="center">{n}</p></td>\n' for n in (0, 1, 0, 0, 0, 0, 1))
    + "</tr>\n"
)
#: The same row as Word's "save as web page" writes it: all on one line, spans in <p>.
WORD_ROW = (
    '<tr style="height:20pt"><td width="120" valign="top" style="border:solid windowtext 1pt">'
    '<p class="MsoNormal" align="center"><span lang="EN-US">1.属于国家秘密</span></p></td>'
    + "".join(
        '<td width="60" style="border:solid windowtext 1pt"><p class="MsoNormal" '
        f'align="center"><span lang="EN-US">{n}<o:p></o:p></span></p></td>'
        for n in (0, 1, 0, 0, 0, 0, 1)
    )
    + "</tr>"
)
TEXT_ROW = "1.属于国家秘密\t0\t1\t0\t0\t0\t0\t1\n"


def read(path: str, data: bytes) -> object:
    if HUGE is not None and "limits" in inspect.signature(read_source).parameters:
        return read_source(path, data, limits=HUGE)
    return read_source(path, data)


def lxml_text(data: bytes) -> str:
    """What the target compares with: lxml parses the page and takes its text."""
    return lxml.html.document_fromstring(data).text_content()


def best(fn: Callable[[], object], repeat: int) -> float:
    """The CPU time of one run in seconds: the 20th percentile of ``repeat`` runs (after
    one warm-up). CPU time, not wall time, and a low percentile, not the mean, so that a
    loaded machine (other processes, a busy CI runner) does not count against either side."""
    fn()
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    times.sort()
    return times[len(times) // 5]


def with_rows(page: str, row: str, rows: int) -> str:
    """``page`` with ``rows`` more rows at the end of its second table (table 三)."""
    first = page.lower().index("</table>")
    at = page.lower().index("</table>", first + 1)
    return page[:at] + row * rows + page[at:]


def text_with_rows(text: str, rows: int) -> str:
    at = text.index("四、结转下年度继续办理")
    return text[:at] + TEXT_ROW * rows + text[at:]


def decoded(data: bytes) -> str:
    """A fixture page's text: UTF-8, or GBK as two of them are."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def fixtures(repeat: int) -> list[dict]:
    """Each page alone, then inside a portal's chrome (``tests/sources/portal.py``), as a
    site publishes it."""
    out = []
    for page, data in _pages():
        base = best(lambda data=data: lxml_text(data), repeat)
        reader = best(lambda data=data: read("page.html", data), repeat)
        out.append(
            {
                "page": page,
                "bytes": len(data),
                "lxml_ms": base * 1e3,
                "read_ms": reader * 1e3,
                "ratio": reader / base,
            }
        )
    return out


def stages(repeat: int) -> list[dict]:
    """Where an HTML read's CPU time goes, stage by stage, for each page alone and in a
    portal: what the reader does before lxml's tree (decoding, the markup split that the
    positions come from), lxml's parse itself, the looks for styles that hide or move
    text, the walk over the tree (tables included), the rest (the text and positions
    built, the page's meta). Each stage is run apart on the same page, so the stages add
    up to about the whole read. The reader's private steps are called by name: a checkout
    that does not have them (``XXGK_SRC``) prints nothing here."""
    try:
        from xxgk_lint.sources import html as reader
        from xxgk_lint.sources.html_source import SourceCursor
        from xxgk_lint.sources.limits import DEFAULT_LIMITS
        from xxgk_lint.sources.model import TextBuilder
    except ImportError:
        return []
    out = []
    for page, data in _pages():
        text, _ = reader._decode(data)
        text, lines = reader._split_lines(text)
        encoded = text.encode("utf-8")
        root = reader.parse_page(encoded)
        lowered = encoded.lower()

        def prepare(data: bytes = data) -> None:
            text, _ = reader._decode(data)
            text, _ = reader._split_lines(text)
            reader._reject_binary(text)
            text.encode("utf-8")

        def styles(root: object = root, encoded: bytes = encoded, lowered: bytes = lowered) -> None:
            reader._hidden_elements(root, encoded, lowered)
            reader._white_space(root, lowered)
            reader._displayed(root, lowered)

        def walk(
            root: object = root,
            text: str = text,
            lines: list[str] = lines,
            encoded: bytes = encoded,
        ) -> None:
            cursor = SourceCursor(text, lines)
            builder = TextBuilder(
                max_lines=DEFAULT_LIMITS.max_lines,
                line_starts=cursor.line_starts,
                source_length=len(text),
            )
            reader._Extractor(cursor, builder, DEFAULT_LIMITS).run(root, encoded)

        try:
            figures = {
                "lxml": best(lambda data=data: lxml_text(data), repeat),
                "read": best(lambda data=data: read("page.html", data), repeat),
                "prepare": best(prepare, repeat),
                "split": best(lambda text=text, lines=lines: SourceCursor(text, lines), repeat),
                "parse": best(lambda encoded=encoded: reader.parse_page(encoded), repeat),
                "styles": best(styles, repeat),
                "walk+split+styles": best(walk, repeat),
            }
        except (AttributeError, TypeError):  # another checkout's private steps
            return []
        figures["walk"] = figures.pop("walk+split+styles") - figures["split"] - figures["styles"]
        parts = ("prepare", "split", "parse", "styles", "walk")
        figures["rest"] = max(figures["read"] - sum(figures[k] for k in parts), 0.0)
        out.append({"page": page, **{k: v * 1e3 for k, v in figures.items()}})
    return out


def _pages() -> list[tuple[str, bytes]]:
    """The three fixture pages, alone and in a portal (as :func:`fixtures` reads them)."""
    pages = []
    for name in PAGES:
        alone = (FIXTURES / f"{name}.html").read_bytes()
        pages.append((f"{name}.html", alone))
    for name in PAGES:
        alone = (FIXTURES / f"{name}.html").read_bytes()
        pages.append((f"{name} in a portal", in_portal(decoded(alone)).encode()))
    return pages


def scaling(counts: list[int], repeat: int) -> list[dict]:
    page = (FIXTURES / "qingshan-jiaotong-2023.html").read_bytes().decode("gb18030")
    page = page.replace("charset=gb2312", "charset=utf-8")
    text = (FIXTURES / "qingshan-jiaotong-2023.txt").read_text(encoding="utf-8")
    out = []
    for style, row in (("cms", CMS_ROW), ("word", WORD_ROW), ("text", None)):
        base_read = None
        for rows in counts:
            if row is None:
                data = text_with_rows(text, rows).encode()
                path, base = "big.txt", None
            else:
                data = with_rows(page, row, rows).encode()
                path = "big.html"
                base = best(lambda data=data: lxml_text(data), repeat if rows < 10**5 else 1)
            runs = repeat if rows < 10**5 else 1
            reader = best(lambda data=data, path=path: read(path, data), runs)
            if rows == 0:
                base_read = reader
            per_row = (reader - base_read) / rows * 1e6 if rows and base_read else None
            out.append(
                {
                    "style": style,
                    "rows": rows,
                    "bytes": len(data),
                    "read_ms": reader * 1e3,
                    "per_row_us": per_row,
                    "lxml_ms": base * 1e3 if base else None,
                    "ratio": reader / base if base else None,
                }
            )
    return out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.platform()}, {cpu}, Python {platform.python_version()}, lxml {lxml.__version__}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--repeat", type=int, default=5, help="timed runs per figure (20th percentile of CPU time)"
    )
    parser.add_argument("--quick", action="store_true", help="up to 10^4 rows, not 10^5")
    parser.add_argument("--json", type=Path, help="also save the figures here")
    parser.add_argument(
        "--stages", action="store_true", help="also time each stage of an HTML read apart"
    )
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    results = {"fixtures": fixtures(args.repeat)}
    print(
        "\n1. HTML fixtures: read_source against lxml parse + text_content "
        f"(CPU ms, 20th percentile of {args.repeat})\n"
    )
    print(f"{'page':36} {'bytes':>8} {'lxml':>8} {'read':>8} {'ratio':>7}")
    for f in results["fixtures"]:
        print(
            f"{f['page']:36} {f['bytes']:>8} {f['lxml_ms']:>8.2f} {f['read_ms']:>8.2f} "
            f"{f['ratio']:>6.1f}x"
        )
    for kind, chosen in (
        ("alone", lambda f: "portal" not in f["page"]),
        ("in a portal", lambda f: "portal" in f["page"]),
    ):
        ratios = [f["ratio"] for f in results["fixtures"] if chosen(f)]
        label = f"median ratio, {kind}"
        print(f"{label:36} {'':>8} {'':>8} {'':>8} {statistics.median(ratios):>6.1f}x")
    if args.stages:
        results["stages"] = stages(args.repeat)
        print(
            "\n   Where the read's time goes (CPU ms; x: a multiple of lxml's parse + text; "
            "each stage run apart)\n"
        )
        names = ("prepare", "split", "parse", "styles", "walk", "rest")
        print(f"{'page':36} {'lxml':>6} {'read':>6} " + " ".join(f"{n:>13}" for n in names))
        for f in results["stages"]:
            cells = " ".join(f"{f[n]:6.2f} {f[n] / f['lxml']:5.2f}x" for n in names)
            print(f"{f['page']:36} {f['lxml']:6.2f} {f['read']:6.2f} {cells}")
    counts = [0, 1_000, 10_000] + ([] if args.quick else [100_000])
    results["scaling"] = scaling(counts, args.repeat)
    print(
        "\n2. Table rows added to table 三 of qingshan-jiaotong-2023 (read time; per row: "
        "(t(N) - t(0)) / N)\n"
    )
    print(
        f"{'style':6} {'rows':>7} {'bytes':>10} {'read ms':>9} {'per row µs':>11} "
        f"{'lxml ms':>8} {'ratio':>7}"
    )
    for s in results["scaling"]:
        per_row = f"{s['per_row_us']:.2f}" if s["per_row_us"] is not None else ""
        lxml_ms = f"{s['lxml_ms']:.1f}" if s["lxml_ms"] is not None else ""
        ratio = f"{s['ratio']:.1f}x" if s["ratio"] is not None else ""
        print(
            f"{s['style']:6} {s['rows']:>7} {s['bytes']:>10} {s['read_ms']:>9.1f} "
            f"{per_row:>11} {lxml_ms:>8} {ratio:>7}"
        )
    if not args.quick:
        print()
        for style in ("cms", "word", "text"):
            by_rows = {s["rows"]: s["read_ms"] for s in results["scaling"] if s["style"] == style}
            growth = (by_rows[100_000] - by_rows[0]) / (by_rows[10_000] - by_rows[0])
            print(f"{style}: 10^5 extra rows cost {growth:.1f} times what 10^4 cost (target ≈ 10)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
