"""``xxgk-lint rules`` and ``xxgk-lint explain``: the rules and their documentation."""

from __future__ import annotations

import argparse
import json
import sys

from xxgk_lint.engine.config import ConfigError
from xxgk_lint.engine.diagnostics import RuleMeta
from xxgk_lint.engine.runner import all_rules


def _registry(args: argparse.Namespace):
    try:
        registry, errors = all_rules(args.lang, getattr(args, "config", None))
    except ConfigError as exc:
        print(f"xxgk-lint: config error: {exc}", file=sys.stderr)
        return None
    for error in errors:
        print(f"xxgk-lint: {error}", file=sys.stderr)
    return registry


def rule_json(meta: RuleMeta, lang: str) -> dict:
    doc = meta.docs.get(lang) or meta.docs["zh"]
    return {
        "code": meta.code,
        "name": meta.name,
        "severity": meta.severity.label,
        "summary": meta.summary.get(lang) or meta.summary["zh"],
        "what": doc.what,
        "why": doc.why,
        "bad": doc.bad,
        "good": doc.good,
        "options": [
            {"name": o.name, "default": o.default, "description": o.description}
            for o in meta.options
        ],
        "origin": meta.origin,
    }


def run_rules_command(args: argparse.Namespace) -> int:
    registry = _registry(args)
    if registry is None:
        return 2
    metas = [r.meta for r in registry.sorted_rules()]
    if args.output_format == "json":
        data = {"version": 1, "rules": [rule_json(m, args.lang) for m in metas]}
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for meta in metas:
            summary = meta.summary.get(args.lang) or meta.summary["zh"]
            print(f"{meta.code}  {meta.name:<22} {meta.severity.label:<8} {summary}")
    return 2 if registry.errors else 0


def explain_text(meta: RuleMeta, lang: str) -> str:
    doc = meta.docs.get(lang) or meta.docs["zh"]
    summary = meta.summary.get(lang) or meta.summary["zh"]
    heads = {
        "zh": ("检查什么", "为什么", "错误示例", "正确写法", "选项", "默认级别"),
        "en": (
            "What it checks",
            "Why it matters",
            "Example (fails)",
            "Passing form",
            "Options",
            "Default severity",
        ),
    }[lang]
    parts = [
        f"{meta.code} {meta.name}: {summary}",
        f"{heads[5]}: {meta.severity.label}",
        "",
        f"## {heads[0]}",
        doc.what,
        "",
        f"## {heads[1]}",
        doc.why,
        "",
        f"## {heads[2]}",
        doc.bad,
        "",
        f"## {heads[3]}",
        doc.good,
    ]
    if meta.options:
        parts += ["", f"## {heads[4]}"]
        parts += [f"- {o.name} (default: {o.default}): {o.description}" for o in meta.options]
    return "\n".join(parts) + "\n"


def run_explain_command(args: argparse.Namespace) -> int:
    registry = _registry(args)
    if registry is None:
        return 2
    wanted = args.code.strip()
    found = registry.rules.get(wanted.upper()) or registry.by_name(wanted.lower())
    if found is None:
        import difflib

        choices = [*registry.rules, *(r.name for r in registry.rules.values())]
        close = difflib.get_close_matches(wanted, choices, n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        print(f"xxgk-lint: error: unknown rule {wanted!r}{hint}", file=sys.stderr)
        return 2
    sys.stdout.write(explain_text(found.meta, args.lang))
    return 0
