#!/usr/bin/env python3
"""Benchmark the cross-report checks: 2,000 reports of 400 bodies × 5 years in one run.

Run from the repository root with the project's interpreter::

    .venv/bin/python benchmarks/bench_years.py
    .venv/bin/python benchmarks/bench_years.py --bodies 100 --json years.json

It writes the reports into a temporary folder (made with the fixture generators of
``fixtures/make_fixtures.py`` and ``fixtures/years/make_years.py``: every tenth body's
carry-over breaks between two years, every seventh copies its prose), then measures, in
this process:

1. a whole ``check`` of the folder (read, parse, every rule, whole-run rules; after a
   warm-up run, best of ``--repeat``), with the
   cross-report rules and without them (``--ignore XG6``): the difference is what XG601–XG604
   cost, facts included;
2. the whole-run step alone (the four rules over the facts of every report), for 1/4, 1/2
   and all of the bodies: linear growth means the pairing is not quadratic;
3. the size of the facts the four rules keep per report (pickled);
4. writing a baseline of the run's findings and checking the run against it.

A script that prints figures, not a test: it never fails on a missed target. See
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "fixtures" / "years"))

YEARS = (2021, 2022, 2023, 2024, 2025)


def make_reports(folder: Path, bodies: int) -> int:
    """``bodies`` × 5 consecutive years of reports into ``folder``; returns the count."""
    import dataclasses

    import make_years as my  # it puts fixtures/ on the path, for make_fixtures

    mf = my.mf

    count = 0
    for number in range(bodies):
        body = my.body(f"鹤川市第{number + 1}局")
        carry = [mf.z(1 + (number + i) % 3, i % 2) for i in range(len(YEARS) + 1)]
        for i, year in enumerate(YEARS):
            carried_over = carry[i]
            if number % 10 == 0 and i == 3:
                carried_over = mf.z(carry[i][0] + 1, carry[i][1])  # a broken carry-over
            spec = my.Year(
                f"{number:03d}-{year}.txt",
                body,
                year,
                carried_over,
                carry[i + 1],
                norm=(2, 1, 10 + i),
                style=0 if number % 7 == 0 else (number + i) % 3,  # every 7th copies its prose
                renderer="lines" if number % 5 == 0 else "pipe",
                extra=i,
            )
            fx = my.build("bench", dataclasses.replace(spec))
            (folder / spec.file).write_bytes(mf.file_bytes(fx))
            count += 1
    return count


def timed_run(paths: list[str], **kwargs: object) -> tuple[float, object, object]:
    from xxgk_lint.engine.config import ConfigResolver, Overrides
    from xxgk_lint.engine.runner import Runner

    overrides = Overrides(ignore=kwargs.pop("ignore", None))  # type: ignore[arg-type]
    resolver = ConfigResolver(None, overrides, isolated=True)
    runner = Runner(resolver, "zh", **kwargs)  # type: ignore[arg-type]
    gc.collect()
    start = time.perf_counter()
    run = runner.run(paths)
    return time.perf_counter() - start, run, runner


def whole_run_step(folder: Path, bodies: int) -> dict:
    """The four XG6 rules over prebuilt facts, for the first ``bodies`` bodies."""
    from xxgk_lint.engine.plugins import load_registry
    from xxgk_lint.engine.rule import ReportFacts, RuleContext
    from xxgk_lint.parse import parse_source
    from xxgk_lint.sources import read_source

    registry = load_registry()
    rules = [registry.rules[c] for c in ("XG601", "XG602", "XG603", "XG604")]
    files = sorted(folder.glob("*.txt"))
    chosen = [f for f in files if int(f.name[:3]) < bodies]
    facts: dict[str, list[ReportFacts]] = {r.code: [] for r in rules}
    for path in chosen:
        report = parse_source(read_source(path))
        for rule in rules:
            facts[rule.code].append(ReportFacts.of(report, rule))
    size = sum(len(pickle.dumps(facts[r.code])) for r in rules) / len(chosen)
    seconds = {}
    found = {}
    for rule in rules:
        context = RuleContext(rule.meta, str(folder), "zh")
        assert rule.check_run is not None
        best = float("inf")
        for _ in range(5):
            gc.collect()
            start = time.perf_counter()
            out = list(rule.check_run(facts[rule.code], context))
            best = min(best, time.perf_counter() - start)
        seconds[rule.code] = best
        found[rule.code] = len(out)
    return {
        "reports": len(chosen),
        "seconds": seconds,
        "total": sum(seconds.values()),
        "findings": found,
        "facts_bytes": size,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bodies", type=int, default=400, help="bodies (× 5 years); default 400")
    ap.add_argument("--repeat", type=int, default=3, help="whole runs per setting (default 3)")
    ap.add_argument("--json", type=Path, metavar="FILE", help="save the figures as JSON")
    args = ap.parse_args(argv)
    results: dict = {"bodies": args.bodies, "years": len(YEARS)}
    with tempfile.TemporaryDirectory(prefix="xxgk-years-") as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        start = time.perf_counter()
        count = make_reports(folder, args.bodies)
        print(
            f"wrote {count} reports ({args.bodies} bodies × {len(YEARS)} years) in "
            f"{time.perf_counter() - start:.1f} s"
        )
        results["reports"] = count

        # Warm up (imports, the grammar's tables, caches), then the two runs in turn, best of N.
        timed_run([str(path) for path in sorted(folder.glob("*.txt"))[:50]])
        full = without = float("inf")
        run = None
        for _ in range(args.repeat):
            seconds, run, _ = timed_run([str(folder)])
            full = min(full, seconds)
            seconds, _, _ = timed_run([str(folder)], ignore=("XG6",))
            without = min(without, seconds)
        codes: dict[str, int] = {}
        for d in run.diagnostics:  # type: ignore[attr-defined]
            codes[d.code] = codes.get(d.code, 0) + 1
        print("\n1. check of the whole folder (in process)")
        print(f"   all rules          : {full:7.2f} s  ({full / count * 1000:.2f} ms per report)")
        per = without / count * 1000
        print(f"   without XG6        : {without:7.2f} s  ({per:.2f} ms per report)")
        print(
            f"   XG601–XG604 cost   : {full - without:7.2f} s  "
            f"({(full - without) / count * 1000:.2f} ms per report)"
        )
        print(f"   findings           : {dict(sorted(codes.items()))}")
        results["check"] = {
            "all_rules_s": full,
            "without_xg6_s": without,
            "per_report_ms": full / count * 1000,
            "xg6_per_report_ms": (full - without) / count * 1000,
            "findings": codes,
        }

        print("\n2. the whole-run step alone (best of 5), by number of bodies")
        steps = []
        for share in (4, 2, 1):
            bodies = max(args.bodies // share, 1)
            step = whole_run_step(folder, bodies)
            steps.append(step)
            per = step["total"] / step["reports"] * 1e6
            rules = "  ".join(f"{c} {s * 1000:.1f}" for c, s in step["seconds"].items())
            print(
                f"   {step['reports']:5d} reports: {step['total'] * 1000:7.1f} ms "
                f"({per:.1f} µs per report; ms by rule: {rules})"
            )
        results["whole_run_step"] = steps
        print(
            f"\n3. facts kept per report by XG601–XG604 (pickled): "
            f"{steps[-1]['facts_bytes'] / 1024:.1f} KiB"
        )

        baseline = Path(tmp) / "baseline.json"
        written, _, runner = timed_run([str(folder)], write_baseline=baseline)
        assert runner.written_baseline is not None  # type: ignore[attr-defined]
        baseline.write_text(runner.written_baseline.dump(), encoding="utf-8")  # type: ignore[attr-defined]
        applied, checked, _ = timed_run([str(folder)], baseline=baseline)
        use = checked.baseline[0]  # type: ignore[attr-defined]
        print("\n4. baseline")
        print(
            f"   write (run + record): {written:7.2f} s; "
            f"{runner.written_baseline.findings} findings, "  # type: ignore[attr-defined]
            f"{baseline.stat().st_size / 1024:.0f} KiB"
        )
        print(
            f"   check against it    : {applied:7.2f} s; {use.hidden} hidden, "
            f"{len(use.stale)} stale, {len(checked.diagnostics)} left"
        )  # type: ignore[attr-defined]
        results["baseline"] = {"write_s": written, "check_s": applied, "hidden": use.hidden}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
