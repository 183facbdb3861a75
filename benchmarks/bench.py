#!/usr/bin/env python3
"""Benchmark xxgk-lint: parse time per report, cold start, and the HTML/Word/PDF readers.

Run from the repository root with the project's interpreter::

    .venv/bin/python benchmarks/bench.py
    .venv/bin/python benchmarks/bench.py --repeat 50 --cold-runs 20 --json bench.json
    .venv/bin/python benchmarks/bench.py --profile          # also cProfile the parse step

This is a script that prints figures, not a test: it never fails on a missed target. It
needs nothing beyond the standard library and the project itself. See benchmarks/README.md
for what each figure means.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "real"

#: Folders of text fixtures (reports the parser must read); bad-input/ is left out on purpose.
TEXT_DIRS = ("reports", "errors", "samples")
TEXT_SUFFIXES = (".txt", ".md")
#: Other kinds: file ending → kind. Found anywhere under fixtures/ at run time.
OTHER_KINDS = {".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
KIND_ORDER = ("html", "docx", "pdf")

TARGET_PARSE_MS = 5.0  # median parse time per report
TARGET_COLD_S = 0.25  # `xxgk-lint parse FILE` above bare `python -c pass`

COLD_FILE_DEFAULT = FIXTURES / "samples" / "clean-pipe.txt"


# --------------------------------------------------------------------------- helpers


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) with linear interpolation between closest ranks."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * q / 100.0
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def machine() -> dict:
    info = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
        "python": sys.version.split()[0],
        "implementation": platform.python_implementation(),
        "executable": sys.executable,
        "cpu_count": os.cpu_count(),
    }
    with contextlib.suppress(AttributeError, OSError):
        info["cpu_affinity"] = len(os.sched_getaffinity(0))
    with contextlib.suppress(AttributeError, OSError):
        info["loadavg_at_start"] = [round(x, 2) for x in os.getloadavg()]
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        if head:
            info["git"] = head + ("-dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        from importlib.metadata import version

        info["xxgk_lint"] = version("xxgk-lint")
        info["lark"] = version("lark")
    except Exception:
        pass
    return info


def discover_text(include_seeds: bool) -> list[Path]:
    files: list[Path] = []
    for name in TEXT_DIRS:
        folder = FIXTURES / name
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.suffix.lower() in TEXT_SUFFIXES)
    if include_seeds and SEEDS.is_dir():
        files += sorted(SEEDS.glob("*.txt"))
    return files


def discover_other() -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {k: [] for k in KIND_ORDER}
    if FIXTURES.is_dir():
        for path in sorted(FIXTURES.rglob("*")):
            kind = OTHER_KINDS.get(path.suffix.lower())
            if kind and path.is_file():
                found[kind].append(path)
    return found


def kind_of(path: Path) -> str:
    return OTHER_KINDS.get(path.suffix.lower(), "text")


# --------------------------------------------------------------------------- in-process timing


def time_file(path: Path, repeat: int, read_source, parse_source) -> dict:
    """Warm up once, then time read_source and parse_source ``repeat`` times.

    The file's bytes are read from disk once beforehand and handed to read_source, so the
    "read" figure is decoding/extraction, not disk I/O. The memo tables (a line's kind, a
    label's rows …) are emptied before each run: each run reads the file as if no report
    had been seen before, never helped by its own earlier runs.
    """
    from xxgk_lint.memo import clear_all

    entry: dict = {"file": rel(path), "kind": kind_of(path)}
    try:
        data = path.read_bytes()
    except OSError as exc:
        entry["error"] = f"cannot read: {exc}"
        return entry
    entry["bytes"] = len(data)
    name = str(path)
    # Warm-up (also the place where a file that cannot be read as a report shows up).
    try:
        source = read_source(name, data)
        parse_source(source)
    except Exception as exc:
        entry["error"] = f"{type(exc).__name__}: {exc}"
        return entry
    entry["chars"] = len(source.text)

    reads: list[float] = []
    parses: list[float] = []
    clock = time.perf_counter
    gc_was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            clear_all()
            t0 = clock()
            source = read_source(name, data)
            t1 = clock()
            parse_source(source)
            t2 = clock()
            reads.append(t1 - t0)
            parses.append(t2 - t1)
    finally:
        if gc_was_enabled:
            gc.enable()
    totals = [r + p for r, p in zip(reads, parses, strict=False)]
    entry["read_ms"] = median(reads) * 1e3
    entry["parse_ms"] = median(parses) * 1e3
    entry["total_ms"] = median(totals) * 1e3
    entry["parse_min_ms"] = min(parses) * 1e3
    entry["reader_share"] = entry["read_ms"] / entry["total_ms"] if entry["total_ms"] else 0.0
    return entry


def summarise(entries: list[dict]) -> dict:
    ok = [e for e in entries if "error" not in e]
    out: dict = {"files": len(entries), "timed": len(ok), "skipped": len(entries) - len(ok)}
    for key in ("read_ms", "parse_ms", "total_ms"):
        vals = [e[key] for e in ok]
        out[key] = {
            "median": median(vals),
            "p90": percentile(vals, 90),
            "max": max(vals) if vals else float("nan"),
        }
    shares = [e["reader_share"] for e in ok]
    out["reader_share_median"] = median(shares)
    return out


# --------------------------------------------------------------------------- cold start


def cli_command() -> list[str]:
    """The installed console script next to the interpreter, else ``python -m xxgk_lint``."""
    script = Path(sys.executable).parent / ("xxgk-lint.exe" if os.name == "nt" else "xxgk-lint")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "xxgk_lint"]


def cold_start(runs: int, files: list[Path]) -> dict:
    """Wall time of fresh processes; the variants are interleaved run by run."""
    base = cli_command()
    variants: list[tuple[str, list[str]]] = [("python -c pass", [sys.executable, "-c", "pass"])]
    for i, path in enumerate(files):
        tag = "" if i == 0 else f" [{kind_of(path)}]"
        variants.append((f"xxgk-lint parse FILE{tag}", [*base, "parse", str(path)]))
        if i == 0:
            variants.append(("xxgk-lint check FILE", [*base, "check", str(path)]))
    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    env.pop("PYTHONDEVMODE", None)
    times: dict[str, list[float]] = {name: [] for name, _ in variants}
    codes: dict[str, int] = {}

    def run(cmd: list[str]) -> tuple[float, int]:
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        return time.perf_counter() - t0, proc.returncode

    for name, cmd in variants:  # warm-up: page cache, .pyc files, Lark's grammar cache
        _, codes[name] = run(cmd)
    for _ in range(runs):
        for name, cmd in variants:
            elapsed, _ = run(cmd)
            times[name].append(elapsed)
    bare = median(times["python -c pass"])
    result = {
        "command": base,
        "file": rel(files[0]),
        "files": [rel(p) for p in files],
        "runs": runs,
        "variants": {},
    }
    for name, _ in variants:
        med = median(times[name])
        result["variants"][name] = {
            "median_s": med,
            "min_s": min(times[name]),
            "above_python_s": med - bare,
            "exit_code": codes[name],
        }
    return result


# --------------------------------------------------------------------------- profile


def profile_parse(sources: list, loops: int, top: int) -> dict:
    """cProfile parse_source over the given Sources ``loops`` times; top functions by tottime."""
    from xxgk_lint.parse import parse_source

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(loops):
        for source in sources:
            parse_source(source)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (filename, lineno, func), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(
            {
                "function": _func_name(func),
                "where": f"{_short(filename)}:{lineno}",
                "ncalls": ncalls,
                "tottime_s": tottime,
                "share": tottime / total if total else 0.0,
                "cumtime_s": cumtime,
            }
        )
    rows.sort(key=lambda r: r["tottime_s"], reverse=True)
    return {"loops": loops, "sources": len(sources), "total_s": total, "top": rows[:top]}


def _func_name(func: str) -> str:
    """``<built-in method __new__ of type object at 0x7f..>`` → ``<built-in method __new__>``."""
    if func.startswith("<built-in method ") and " of " in func:
        return func.split(" of ", 1)[0] + ">"
    return func


def _short(filename: str) -> str:
    for marker in ("/src/", "/site-packages/", "/rules/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


# --------------------------------------------------------------------------- output


def fmt_ms(x: float) -> str:
    return f"{x:8.2f}"


def print_table(headers: list[str], rows: list[list[str]], aligns: str | None = None) -> None:
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    aligns = aligns or "l" + "r" * (len(headers) - 1)

    def line(cells: list[str]) -> str:
        out = []
        for cell, w, a in zip(cells, widths, aligns, strict=False):
            out.append(cell.ljust(w) if a == "l" else cell.rjust(w))
        return "  ".join(out).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def verdict(ok: bool) -> str:
    return "MEETS target" if ok else "MISSES target"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=20, help="timed repeats per file (default 20)")
    ap.add_argument(
        "--cold-runs", type=int, default=10, help="runs per cold-start command (default 10)"
    )
    ap.add_argument(
        "--cold-file",
        type=Path,
        default=None,
        help=f"file for the cold start (default {rel(COLD_FILE_DEFAULT)})",
    )
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start figures")
    ap.add_argument("--no-seeds", action="store_true", help=f"leave out {SEEDS}")
    ap.add_argument("--json", type=Path, metavar="FILE", help="save all figures as JSON")
    ap.add_argument(
        "--profile", action="store_true", help="also cProfile the parse step over all fixtures"
    )
    ap.add_argument(
        "--profile-loops", type=int, default=10, help="loops for --profile (default 10)"
    )
    ap.add_argument(
        "--profile-top", type=int, default=10, help="functions listed by --profile (default 10)"
    )
    ap.add_argument("-q", "--quiet", action="store_true", help="summaries only, no per-file rows")
    args = ap.parse_args(argv)
    if args.repeat < 1 or args.cold_runs < 1:
        ap.error("--repeat and --cold-runs must be at least 1")

    results: dict = {
        "machine": machine(),
        "settings": {"repeat": args.repeat, "cold_runs": args.cold_runs},
    }
    m = results["machine"]
    print("xxgk-lint benchmark")
    print(f"  machine : {m['platform']} ({m.get('cpu_model') or m['machine']})")
    print(f"  python  : {m['implementation']} {m['python']}  ({m['executable']})")
    cpus = f"{m['cpu_count']}" + (f" (usable {m['cpu_affinity']})" if "cpu_affinity" in m else "")
    load = m.get("loadavg_at_start")
    print(
        f"  CPUs    : {cpus}"
        + (f"   load average at start: {' '.join(map(str, load))}" if load else "")
    )
    print(
        f"  project : xxgk-lint {m.get('xxgk_lint', '?')}"
        f"  git {m.get('git', '?')}  lark {m.get('lark', '?')}"
    )
    print(f"  settings: --repeat {args.repeat}  --cold-runs {args.cold_runs}")

    # Imports and the first parse in this process (Lark loads its cached grammar here).
    t0 = time.perf_counter()
    from xxgk_lint.parse import parse_source
    from xxgk_lint.sources import read_source

    t1 = time.perf_counter()
    text_files = discover_text(include_seeds=not args.no_seeds)
    first: dict = {"import_s": t1 - t0}
    if text_files:
        data = text_files[0].read_bytes()
        t2 = time.perf_counter()
        with contextlib.suppress(Exception):
            parse_source(read_source(str(text_files[0]), data))
        first["first_parse_s"] = time.perf_counter() - t2
    results["first_use"] = first

    # 1. Text reports.
    print(
        f"\n== 1. Parse time per text report ({len(text_files)} files, median of {args.repeat}"
        f" runs after one warm-up, ms)"
    )
    text_entries = [time_file(p, args.repeat, read_source, parse_source) for p in text_files]
    text_summary = summarise(text_entries)
    results["text"] = {"files": text_entries, "summary": text_summary}
    if not args.quiet:
        rows = []
        for e in text_entries:
            if "error" in e:
                rows.append([e["file"], "", "", "", "skipped: " + e["error"][:60]])
            else:
                rows.append(
                    [
                        e["file"],
                        fmt_ms(e["read_ms"]),
                        fmt_ms(e["parse_ms"]),
                        fmt_ms(e["total_ms"]),
                        str(e["chars"]),
                    ]
                )
        print_table(["file", "read", "parse", "total", "chars"], rows, "lrrrr")
        print()
    print_table(
        ["over all reports", "median", "p90", "max"],
        [
            [
                k.replace("_ms", ""),
                fmt_ms(text_summary[k]["median"]),
                fmt_ms(text_summary[k]["p90"]),
                fmt_ms(text_summary[k]["max"]),
            ]
            for k in ("read_ms", "parse_ms", "total_ms")
        ],
    )
    med_parse = text_summary["parse_ms"]["median"]
    print(
        f"target: median parse < {TARGET_PARSE_MS:.0f} ms per report -> {med_parse:.2f}"
        f" ms: {verdict(med_parse < TARGET_PARSE_MS)}"
    )
    print(
        f"(first use in this process: imports {first['import_s'] * 1e3:.0f}"
        f" ms, first read+parse {first.get('first_parse_s', float('nan')) * 1e3:.0f} ms)"
    )
    results["text"]["target"] = {
        "parse_median_ms_below": TARGET_PARSE_MS,
        "met": med_parse < TARGET_PARSE_MS,
    }

    # 2. HTML, Word, PDF (timed before the cold start, which reuses one readable file of each).
    other = discover_other()
    results["kinds"] = {}
    other_sources = []
    n_other = sum(len(v) for v in other.values())
    print(
        f"\n== 2. Readers: HTML / .docx / PDF files ({n_other} found; median of {args.repeat}"
        f" runs after one warm-up, ms)"
    )
    kind_rows = []
    file_rows = []
    for kind in KIND_ORDER:
        entries = [time_file(p, args.repeat, read_source, parse_source) for p in other[kind]]
        summary = summarise(entries)
        results["kinds"][kind] = {"files": entries, "summary": summary}
        for e in entries:
            if "error" in e:
                file_rows.append([e["file"], "", "", "", "", "skipped: " + e["error"][:70]])
            else:
                file_rows.append(
                    [
                        e["file"],
                        fmt_ms(e["read_ms"]),
                        fmt_ms(e["parse_ms"]),
                        fmt_ms(e["total_ms"]),
                        f"{e['reader_share'] * 100:5.1f}%",
                        "",
                    ]
                )
                with contextlib.suppress(Exception):
                    other_sources.append(read_source(str(ROOT / e["file"])))
        if summary["timed"]:
            kind_rows.append(
                [
                    kind,
                    f"{summary['timed']}/{summary['files']}",
                    fmt_ms(summary["read_ms"]["median"]),
                    fmt_ms(summary["parse_ms"]["median"]),
                    fmt_ms(summary["total_ms"]["median"]),
                    f"{summary['reader_share_median'] * 100:5.1f}%",
                ]
            )
        else:
            kind_rows.append([kind, f"0/{summary['files']}", "", "", "", "(none timed)"])
    if not args.quiet and file_rows:
        print_table(["file", "read", "parse", "total", "in reader", ""], file_rows, "lrrrrl")
        print()
    print_table(["kind (median)", "timed", "read", "parse", "total", "in reader"], kind_rows)
    print(
        "(skipped = the file is rejected with an error: damaged, encrypted,"
        " scanned, or not yet fully written)"
    )

    # 3. Cold start.
    if not args.no_cold:
        cold_file = args.cold_file or (
            COLD_FILE_DEFAULT
            if COLD_FILE_DEFAULT.is_file()
            else (text_files[0] if text_files else None)
        )
        if cold_file is None:
            print("\n== 3. Cold start: skipped (no file to parse)")
        else:
            extra = []
            for kind in KIND_ORDER:  # one readable file of each other kind, if any
                good = [
                    ROOT / e["file"] for e in results["kinds"][kind]["files"] if "error" not in e
                ]
                if good:
                    extra.append(good[0])
            cold = cold_start(args.cold_runs, [Path(cold_file), *extra])
            results["cold_start"] = cold
            print(
                f"\n== 3. Cold start (wall time of a fresh process, median of {args.cold_runs}"
                f" runs after one warm-up, s)"
            )
            print(f"command: {' '.join(cold['command'])} ...   FILE = {cold['file']}")
            rows = []
            for name, v in cold["variants"].items():
                rows.append(
                    [
                        name,
                        f"{v['median_s']:.3f}",
                        f"{v['min_s']:.3f}",
                        "" if name.startswith("python") else f"{v['above_python_s']:+.3f}",
                        str(v["exit_code"]),
                    ]
                )
            print_table(["command", "median", "min", "above python", "exit"], rows)
            for kind_file in cold["files"][1:]:
                print(f"  [{kind_of(Path(kind_file))}] FILE = {kind_file}")
            above = cold["variants"]["xxgk-lint parse FILE"]["above_python_s"]
            print(
                f"target: `xxgk-lint parse FILE` < {TARGET_COLD_S:.2f} s above bare Python"
                f" -> {above:.3f} s: {verdict(above < TARGET_COLD_S)}"
            )
            cold["target"] = {"above_python_s_below": TARGET_COLD_S, "met": above < TARGET_COLD_S}

    # Profile.
    if args.profile:
        sources = []
        for e in text_entries:
            if "error" not in e:
                path = Path(e["file"]) if Path(e["file"]).is_absolute() else ROOT / e["file"]
                sources.append(read_source(str(path)))
        sources += other_sources
        prof = profile_parse(sources, args.profile_loops, args.profile_top)
        results["profile"] = prof
        print(
            f"\n== Profile: parse_source over {prof['sources']} sources x {prof['loops']}"
            f" (cProfile, total {prof['total_s']:.2f} s), top {args.profile_top} by tottime"
        )
        print_table(
            ["function", "where", "ncalls", "tottime s", "share", "cumtime s"],
            [
                [
                    r["function"],
                    r["where"],
                    str(r["ncalls"]),
                    f"{r['tottime_s']:.3f}",
                    f"{r['share'] * 100:5.1f}%",
                    f"{r['cumtime_s']:.3f}",
                ]
                for r in prof["top"]
            ],
            "llrrrr",
        )

    if args.json:
        args.json.write_text(
            json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"\nfigures saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
