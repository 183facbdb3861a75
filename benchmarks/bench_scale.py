#!/usr/bin/env python3
"""Benchmark xxgk-lint at scale: memory in the number of files, --jobs, cost per report
against a regular-expression tokeniser, cold start.

Run from the repository root with the project's interpreter::

    .venv/bin/python benchmarks/bench_scale.py                      # everything, ~15 minutes
    .venv/bin/python benchmarks/bench_scale.py --only memory --sizes 2000 5000
    .venv/bin/python benchmarks/bench_scale.py --only jobs --repeat 5
    .venv/bin/python benchmarks/bench_scale.py --only tokeniser
    .venv/bin/python benchmarks/bench_scale.py --only cold --python /path/to/venv/bin/python

A script that prints figures, not a test: it never fails on a missed target. Corpora of
text reports are made by benchmarks/corpus.py under --corpora (default
/tmp/xxgk-lint-corpora) and reused. The machine is often shared: every timing is
repeated and its spread printed. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench import machine  # noqa: E402
from corpus import VERSION, make  # noqa: E402

TARGET_MEMORY_MB = 250.0  # peak RSS of `check --format json` over 5,000 reports
TARGET_FLAT = 1.25  # peak at 20,000 ÷ peak at 2,000: "flat"
TARGET_SPEEDUP = 1.7  # --jobs 2 over --jobs 1 on 2,000 reports
TARGET_TOKENISER = 12.0  # parse + lint ÷ regex tokeniser, per report
TARGET_COLD_MS = 100.0  # `check one.txt` above `python -c pass`

TOKENS = re.compile(r"[0-9０-９][0-9０-９,.]*|[\u4e00-\u9fff]+|[^\s|]")


def corpus(root: Path, count: int) -> Path:
    folder = root / f"corpus-v{VERSION}-{count}"
    make(count, folder)
    return folder


def command(python: str) -> list[str]:
    return [python, "-m", "xxgk_lint"]


def run_measured(
    argv: list[str], env: dict[str, str] | None = None
) -> tuple[float, float, int, float]:
    """Wall seconds, peak RSS in MB (the largest of the process and its children), the
    exit code, and the CPU seconds (user + system) of the process and its children."""
    before = os.times()
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    after = os.times()
    # wait4 counts the process itself; os.times' children totals add its workers
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    cpu = max(cpu, usage.ru_utime + usage.ru_stime)
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, process.returncode, cpu


def spread(values: list[float], fmt: str = "{:.2f}") -> str:
    middle = statistics.median(values)
    return f"{fmt.format(middle)} ({fmt.format(min(values))}–{fmt.format(max(values))})"


# --------------------------------------------------------------------------- memory


def bench_memory(args: argparse.Namespace) -> dict:
    print("\n== Memory: peak RSS of `check --format json > /dev/null`, --jobs 1 (MB)")
    rows = {}
    for size in args.sizes:
        folder = corpus(args.corpora, size)
        argv = [*command(args.python), "check", "--isolated", "--format", "json", str(folder)]
        peaks, walls = [], []
        for _ in range(args.memory_repeat):
            wall, peak, code, _ = run_measured(argv)
            peaks.append(peak)
            walls.append(wall)
        rows[size] = {"peak_mb": peaks, "wall_s": walls, "exit_code": code}
        print(
            f"  {size:>6} reports: peak {spread(peaks, '{:.1f}')} MB   "
            f"wall {spread(walls, '{:.1f}')} s   ({size / statistics.median(walls):.0f} reports/s)"
        )
    result: dict = {"sizes": rows}
    if 5000 in rows:
        peak = statistics.median(rows[5000]["peak_mb"])
        met = peak <= TARGET_MEMORY_MB
        print(f"target: ≤ {TARGET_MEMORY_MB:.0f} MB at 5,000 -> {peak:.1f} MB: {verdict(met)}")
        result["target_5000"] = {"peak_mb": peak, "met": met}
    if len(rows) > 1:
        low, high = min(rows), max(rows)
        ratio = statistics.median(rows[high]["peak_mb"]) / statistics.median(rows[low]["peak_mb"])
        met = ratio <= TARGET_FLAT
        print(
            f"target: flat from {low:,} to {high:,} (peak ratio ≤ {TARGET_FLAT}) -> "
            f"{ratio:.2f}: {verdict(met)}"
        )
        result["flat"] = {"ratio": ratio, "met": met}
    return result


# --------------------------------------------------------------------------- jobs


#: `xxgk-lint ARGV` whose process writes its own CPU seconds (user + system, its workers
#: not counted) to the file named by XXGK_BENCH_SELF_CPU when it ends.
_SELF_CPU = """\
import atexit, os, resource, sys
def _own():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(os.environ["XXGK_BENCH_SELF_CPU"], "w") as out:
        out.write(repr(usage.ru_utime + usage.ru_stime))
atexit.register(_own)
from xxgk_lint.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def run_with_own_cpu(argv: list[str]) -> tuple[float, float, int, float, float]:
    """:func:`run_measured` of ``python -c _SELF_CPU ARGV``, plus the CPU seconds of the
    process itself (not its workers)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        own = Path(folder) / "cpu"
        env = {**os.environ, "XXGK_BENCH_SELF_CPU": str(own)}
        measured = run_measured([argv[0], "-c", _SELF_CPU, *argv[1:]], env)
        return (*measured, float(own.read_text()) if own.exists() else float("nan"))


def bench_jobs(args: argparse.Namespace) -> dict:
    size = args.jobs_size
    folder = corpus(args.corpora, size)
    print(f"\n== --jobs: wall time of `check --format json` over {size:,} reports (s)")
    base = [args.python, "check", "--isolated", "--format", "json", str(folder)]
    times: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    own: dict[int, list[float]] = {1: [], 2: []}
    ratios, cpu_ratios = [], []
    for _ in range(args.repeat):  # interleaved, so that the machine's load hits both
        one = run_with_own_cpu([*base, "--jobs", "1"])
        two = run_with_own_cpu([*base, "--jobs", "2"])
        for jobs, measured in ((1, one), (2, two)):
            times[jobs].append(measured[0])
            cpus[jobs].append(measured[3])
            own[jobs].append(measured[4])
        ratios.append(one[0] / two[0])
        cpu_ratios.append(two[3] / one[3])
    for jobs, values in times.items():
        print(
            f"  --jobs {jobs}: {spread(values)} s wall, {spread(cpus[jobs])} s CPU (all processes)"
        )
    print(
        f"  --jobs 2: the process that writes the output used {spread(own[2])} s CPU itself "
        f"(its workers the rest)"
    )
    speedup = statistics.median(ratios)
    print(f"  speed-up per round: {', '.join(f'{r:.2f}' for r in ratios)}")
    print(
        f"  CPU of --jobs 2 ÷ --jobs 1 per round: {', '.join(f'{r:.2f}' for r in cpu_ratios)}"
        " (≤ 1.10 gives ≥ 1.7× on two idle cores; two busy cores of a shared machine"
        " charge more for the same work)"
    )
    met = speedup >= TARGET_SPEEDUP
    print(
        f"target: --jobs 2 ≥ {TARGET_SPEEDUP}× --jobs 1 -> {spreadx(ratios)}: {verdict(met)}"
        f"   (load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())})"
    )
    return {
        "size": size,
        "wall_s": times,
        "cpu_s": cpus,
        "ratios": ratios,
        "speedup": speedup,
        "met": met,
        "own_cpu_s": own,
        "cpu_ratios": cpu_ratios,
    }


def spreadx(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}× (rounds {min(values):.2f}–{max(values):.2f})"


# --------------------------------------------------------------------------- tokeniser


def text_reports() -> list[Path]:
    found = []
    for folder in ("reports", "errors", "samples", "real"):
        found += sorted((ROOT / "fixtures" / folder).glob("*.txt"))
        found += sorted((ROOT / "fixtures" / folder).glob("*.md"))
    return found


def bench_tokeniser(args: argparse.Namespace) -> dict:
    """Each report: decode + regex tokens, and read + parse + rules, side by side."""
    from xxgk_lint.engine.budget import holding
    from xxgk_lint.engine.config import ConfigResolver, Overrides
    from xxgk_lint.engine.runner import Runner, settle
    from xxgk_lint.memo import clear_all
    from xxgk_lint.parse import parse_source
    from xxgk_lint.sources import read_source
    from xxgk_lint.sources.text import decode_bytes

    runner = Runner(ConfigResolver(None, Overrides(), isolated=True))
    blobs = []
    for path in text_reports():  # warm-up: imports, the parser's tables, the rules
        name, data = str(path), path.read_bytes()
        if not runner.check_path(name, True, data).result.unreadable:
            blobs.append((name, data))  # reports only: an unreadable file stops early
    settle()  # as `check` does once its modules are loaded
    # Rounds over all the files, each file once per round, as a run over a corpus sees
    # them: the memo tables (a line's kind, a label's rows, normalised text …) are emptied
    # at the start of each pass, so a file gains only from the files before it, never
    # from its own earlier rounds. The check and the separate read/parse are two passes.
    # CPU time of this process: the machine is often shared.
    clock = time.process_time
    spans: list[dict[str, list[float]]] = [
        {"regex": [], "read": [], "parse": [], "check": []} for _ in blobs
    ]
    with holding():
        for _ in range(args.tokeniser_repeat):
            clear_all()
            for (name, data), span in zip(blobs, spans, strict=True):
                t0 = clock()
                TOKENS.findall(decode_bytes(data)[0])
                t1 = clock()
                runner.check_path(name, True, data)
                t2 = clock()
                span["regex"].append(t1 - t0)
                span["check"].append(t2 - t1)
            clear_all()
            for (name, data), span in zip(blobs, spans, strict=True):
                t0 = clock()
                source = read_source(name, data)
                t1 = clock()
                parse_source(source)
                t2 = clock()
                span["read"].append(t1 - t0)
                span["parse"].append(t2 - t1)
    parts: dict[str, list[float]] = {k: [] for k in ("regex", "read", "parse", "check")}
    per_report = []
    for span in spans:
        medians = {k: statistics.median(v) for k, v in span.items()}
        for key, value in medians.items():
            parts[key].append(value)
        per_report.append(medians["check"] / medians["regex"])
    totals = {k: sum(v) for k, v in parts.items()}
    rules = max(totals["check"] - totals["read"] - totals["parse"], 0.0)
    ratio = totals["check"] / totals["regex"]
    n = len(blobs)
    print(
        f"\n== Cost per report against the regex tokeniser ({n} text reports, median of "
        f"{args.tokeniser_repeat} runs each, ms per report)"
    )
    print(f"  regex tokeniser (decode + re.findall): {1000 * totals['regex'] / n:7.3f}")
    print(f"  xxgk-lint read + parse + rules:        {1000 * totals['check'] / n:7.3f}")
    print(
        f"    read  {1000 * totals['read'] / n:6.3f}   parse {1000 * totals['parse'] / n:6.3f}"
        f"   rules and engine {1000 * rules / n:6.3f}"
    )
    print(
        f"  ratio over all reports: {ratio:.1f}×   per report: median "
        f"{statistics.median(per_report):.1f}×, {min(per_report):.1f}–{max(per_report):.1f}×"
    )
    # The real published reports apart: their prose and layouts are all distinct, so they
    # gain least from the memo tables that the generated fixtures share.
    real = [i for i, (name, _) in enumerate(blobs) if Path(name).parent.name == "real"]
    if real:
        real_check = sum(parts["check"][i] for i in real)
        real_regex = sum(parts["regex"][i] for i in real)
        print(
            f"  the {len(real)} real reports alone: {real_check / real_regex:.1f}×"
            f" ({1000 * real_check / len(real):.3f} ms against"
            f" {1000 * real_regex / len(real):.3f} ms per report)"
        )
    print(
        f"  where the time goes: read {totals['read'] / totals['check']:.0%}, parse "
        f"{totals['parse'] / totals['check']:.0%}, rules and engine "
        f"{rules / totals['check']:.0%}"
    )
    met = ratio <= TARGET_TOKENISER
    print(f"target: ≤ {TARGET_TOKENISER:.0f}× -> {ratio:.1f}×: {verdict(met)}")
    return {
        "reports": n,
        "ms_per_report": {k: 1000 * v / n for k, v in totals.items()},
        "rules_ms_per_report": 1000 * rules / n,
        "ratio": ratio,
        "per_report": {"median": statistics.median(per_report), "min": min(per_report)},
        "real_ratio": (
            sum(parts["check"][i] for i in real) / sum(parts["regex"][i] for i in real)
            if real
            else None
        ),
        "met": met,
    }


# --------------------------------------------------------------------------- cold start


def bench_cold(args: argparse.Namespace) -> dict:
    """Fresh processes with .pyc files written (an installed package has them)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE",)}
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    one = str(ROOT / "fixtures" / "samples" / "clean-pipe.txt")
    script = Path(args.python).parent / "xxgk-lint"
    check = [str(script)] if script.is_file() else command(args.python)
    variants = {
        "python -c pass": [args.python, "-c", "pass"],
        "xxgk-lint check one.txt": [*check, "check", "--isolated", one],
    }
    for argv in variants.values():  # .pyc files, the page cache
        for _ in range(2):
            run_measured(argv, env)
    times: dict[str, list[float]] = {k: [] for k in variants}
    for _ in range(args.cold_runs):
        for name, argv in variants.items():
            times[name].append(run_measured(argv, env)[0])
    print(f"\n== Cold start ({args.cold_runs} runs each, interleaved, ms)")
    for name, values in times.items():
        print(f"  {name:<26} {spread([v * 1000 for v in values], '{:.0f}')}")
    above = [
        (a - b) * 1000
        for a, b in zip(times["xxgk-lint check one.txt"], times["python -c pass"], strict=True)
    ]
    middle = statistics.median(above)
    print(f"  above python, per run: median {middle:.0f} ms, {min(above):.0f}–{max(above):.0f}")
    imports = import_times(args.python, check, one, env)
    print("  imports of `check one.txt` (-X importtime, cumulative ms, largest first):")
    for name, ms in imports[:12]:
        print(f"    {ms:6.1f}  {name}")
    met = middle <= TARGET_COLD_MS
    print(f"target: ≤ {TARGET_COLD_MS:.0f} ms above python -> {middle:.0f} ms: {verdict(met)}")
    return {
        "ms": {k: [v * 1000 for v in vs] for k, vs in times.items()},
        "above_ms": middle,
        "met": met,
        "imports": imports,
    }


def import_times(
    python: str, check: list[str], one: str, env: dict[str, str]
) -> list[tuple[str, float]]:
    """Top-level and package imports by cumulative time, from ``-X importtime``."""
    code = (
        "import sys; from xxgk_lint.cli.main import main; "
        f"sys.exit(main(['check', '--isolated', {one!r}]))"
    )
    done = subprocess.run(
        [python, "-X", "importtime", "-c", code], capture_output=True, text=True, env=env
    )
    found = []
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if match and len(match.group(2)) <= 3:
            found.append((match.group(3), int(match.group(1)) / 1000))
    return sorted(found, key=lambda item: -item[1])


def verdict(met: bool) -> str:
    return "MEETS target" if met else "MISSES target"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("memory", "jobs", "tokeniser", "cold"), action="append")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000, 10000, 20000])
    parser.add_argument("--memory-repeat", type=int, default=2)
    parser.add_argument("--jobs-size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of --jobs 1 / --jobs 2")
    parser.add_argument("--tokeniser-repeat", type=int, default=7)
    parser.add_argument("--cold-runs", type=int, default=20)
    parser.add_argument("--python", default=sys.executable, help="the interpreter to run")
    parser.add_argument("--corpora", type=Path, default=Path("/tmp/xxgk-lint-corpora"))
    parser.add_argument("--json", type=Path, metavar="FILE", help="save all figures as JSON")
    args = parser.parse_args(argv)
    wanted = args.only or ["memory", "jobs", "tokeniser", "cold"]
    info = machine()
    print("xxgk-lint scale benchmark")
    print(f"  machine : {info['platform']} ({info.get('cpu_model') or info['machine']})")
    print(f"  python  : {info['python']} ({args.python})")
    print(
        f"  CPUs    : {info['cpu_count']}   load average at start: {info.get('loadavg_at_start')}"
    )
    print(f"  project : git {info.get('git', '?')}")
    figures: dict = {"machine": info}
    benches = {
        "memory": bench_memory,
        "jobs": bench_jobs,
        "tokeniser": bench_tokeniser,
        "cold": bench_cold,
    }
    for name in wanted:
        figures[name] = benches[name](args)
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2, default=str) + "\n")
        print(f"\nfigures saved to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
