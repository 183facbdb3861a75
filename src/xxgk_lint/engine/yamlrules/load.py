"""A file of YAML rules → :class:`~xxgk_lint.engine.rule.Rule` objects, or its errors.

Every problem is found when the file is loaded, never while reports are checked, and each
is one line naming the file and the line: ``checks/acme.yaml:8: AC101: check: …``. A file
with any error gives no rule at all (a half-loaded file would check less than its author
thinks), and the run reports the errors with exit code 2.

The rules made here are ordinary rules: metadata (``RuleMeta``) and a per-report check,
a picklable object (:class:`YamlCheck`), so the runner, the listings and the formatters
treat them as they treat Python rules.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from xxgk_lint.engine.diagnostics import Diagnostic, RuleDoc, RuleMeta, Severity
from xxgk_lint.engine.metacheck import NAME, code_problem
from xxgk_lint.engine.rule import Rule, RuleContext
from xxgk_lint.engine.yamlrules.expr import (
    Compare,
    ExprError,
    Expression,
    cell_at,
    cell_parts,
    cells_matching,
    compile_expression,
    evaluate,
    show,
    shown,
)
from xxgk_lint.engine.yamlrules.marked import Marked, MarkedError, load_marked
from xxgk_lint.engine.yamlrules.scopes import LINE_ONE, Scope, scope_names
from xxgk_lint.engine.yamlsafe import MAX_CONFIG_BYTES
from xxgk_lint.parse.ast import Report, Span
from xxgk_lint.records import record
from xxgk_lint.sources import NotRegularFile, read_regular
from xxgk_lint.sources.messages import localise

TOP_KEYS = ("rules",)
RULE_KEYS = (
    "code",
    "name",
    "severity",
    "message",
    "summary",
    "description",
    "why",
    "examples",
    "check",
    "require",
    "forbid",
    "scope",
    "when",
)
KINDS = ("check", "require", "forbid")
LANGS = ("zh", "en")
DEFAULT_SEVERITY = "warning"
#: Fields a message may use besides cell addresses, by kind of rule.
SPECIAL_FIELDS = {
    "check": ("value", "expected", "actual"),
    "require": (),
    "forbid": ("match",),
}
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_CELL_FIELD = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*){2,}$")


def field_name(address: str) -> str:
    """The ``str.format`` field a cell address stands for in a translated template."""
    return "cell__" + address.replace(".", "__")


@record
class Template:
    """A message as written (``{proactive.licensing.decisions}``) and as rendered: a
    ``str.format`` template whose fields are plain names, and the cells it shows."""

    text: str
    format: str
    cells: tuple[str, ...]


class RuleFileError(ValueError):
    """One problem of one rule: the line, and what is wrong in Chinese and in English."""

    def __init__(self, line: int, zh: str, en: str) -> None:
        super().__init__(en)
        self.line, self.zh, self.en = line, zh, en


def _suggest(word: str, choices: Iterable[str]) -> tuple[str, str]:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    if not close:
        return "", ""
    return f"；是否应为 {close[0]!r}？", f"; did you mean {close[0]!r}?"


def translate(template: str, allowed: Iterable[str]) -> Template:
    """Check a message and turn it into a ``str.format`` template; ValueError (zh, en)."""
    specials = set(allowed)
    out: list[str] = []
    cells: list[str] = []
    last = 0
    for match in _TOKEN.finditer(template):
        out.append(template[last : match.start()].replace("{", "{{").replace("}", "}}"))
        last = match.end()
        token = match.group()
        if token in ("{{", "}}"):
            out.append(token)
            continue
        if token in ("{", "}"):
            raise ValueError(
                f"单独的“{token}”：字段写作 {{match}}，花括号本身写作 {token * 2}",
                f"a lone '{token}': fields are written {{match}}, a brace itself {token * 2}",
            )
        name = (match.group(1) or "").strip()
        if name in specials:
            out.append("{" + name + "}")
            continue
        if _CELL_FIELD.match(name):
            try:
                cell_parts(name)
            except ExprError as exc:
                raise ValueError(f"字段 {{{name}}}：{exc.zh}", f"field {{{name}}}: {exc}") from None
            cells.append(name)
            out.append("{" + field_name(name) + "}")
            continue
        shown = ", ".join("{" + s + "}" for s in sorted(specials)) or "—"
        raise ValueError(
            f"未知字段 {{{name}}}（可用：{shown}，"
            "或单元格地址如 {proactive.licensing.decisions}）",
            f"unknown field {{{name}}} (fields: {shown}, or a cell address such as "
            "{proactive.licensing.decisions})",
        )
    out.append(template[last:].replace("{", "{{").replace("}", "}}"))
    return Template(template, "".join(out), tuple(dict.fromkeys(cells)))


@record
class YamlCheck:
    """The per-report check of one YAML rule (an object, not a closure: it pickles)."""

    kind: str
    expression: Expression | None
    when: Expression | None
    scope: Scope | None
    pattern: re.Pattern[str] | None
    cells: tuple[str, ...]

    def __call__(self, report: Report, ctx: RuleContext) -> Iterator[Diagnostic]:
        if self.when is not None and evaluate(self.when.tree, report) is not True:
            return
        fields = {field_name(a): show(_value_of(report, a)) for a in self.cells}
        if self.kind == "check":
            yield from self._check(report, ctx, fields)
        elif self.kind == "forbid":
            yield from self._forbid(report, ctx, fields)
        else:
            yield from self._require(report, ctx, fields)

    def _check(
        self, report: Report, ctx: RuleContext, fields: dict[str, Any]
    ) -> Iterator[Diagnostic]:
        assert self.expression is not None
        tree = self.expression.tree
        if evaluate(tree, report) is not False:
            return  # true, or not assessable: a blank is not a failure
        span, subject = self._first_cell(report)
        expected: Any = None
        actual: Any = None
        if isinstance(tree, Compare):
            actual = shown(evaluate(tree.left, report))
            right = shown(evaluate(tree.right, report))
            expected = right if tree.op == "==" else f"{tree.op} {show(right)}"
            value = actual
        else:
            first = self.expression.refs[0]
            value = evaluate(first, report)
        yield ctx.diagnostic(
            span, subject=subject, expected=expected, actual=actual, value=show(value), **fields
        )

    def _first_cell(self, report: Report) -> tuple[Span, str]:
        """The first cell the expression names that the report has, and its address."""
        assert self.expression is not None
        refs = self.expression.refs
        for ref in refs:
            for cell in cells_matching(report, ref):
                if cell is not None:
                    return cell.span, ref.address
        title = report.title.span if report.title is not None else LINE_ONE
        return title, refs[0].address if refs else "check"

    def _forbid(
        self, report: Report, ctx: RuleContext, fields: dict[str, Any]
    ) -> Iterator[Diagnostic]:
        assert self.scope is not None and self.pattern is not None
        seen: dict[str, int] = {}
        for piece in self.scope.pieces(report):
            for match in self.pattern.finditer(piece.text):
                if match.end() == match.start():
                    continue
                text = match.group()
                seen[text] = seen.get(text, 0) + 1
                yield ctx.diagnostic(
                    piece.span_of(match.start(), match.end()),
                    match=text,
                    actual=text,
                    subject=f"{self.scope.name}:{text}#{seen[text]}",
                    **fields,
                )

    def _require(
        self, report: Report, ctx: RuleContext, fields: dict[str, Any]
    ) -> Iterator[Diagnostic]:
        assert self.scope is not None and self.pattern is not None
        if any(self.pattern.search(piece.text) for piece in self.scope.pieces(report)):
            return
        yield ctx.diagnostic(
            self.scope.anchor(report),
            subject=f"{self.scope.name}:require",
            expected=self.pattern.pattern,
            **fields,
        )


def _value_of(report: Report, address: str) -> Any:
    parts = address.split(".")
    cell = cell_at(report, parts[0], ".".join(parts[1:-1]), parts[-1])
    return None if cell is None else cell.value


@record(frozen=False)
class RuleFile:
    """What one file of YAML rules gave: its rules (with the line each starts on) or the
    errors that kept it from giving any."""

    shown: str
    rules: list[Rule] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def place(self, rule: Rule) -> str:
        """``checks/acme.yaml:8``: where ``rule`` is written."""
        return f"{self.shown}:{self.lines.get(rule.code, 1)}"


def load_rule_file(path: Path, shown: str, lang: str = "zh") -> RuleFile:
    """Read and check the rule file at ``path`` (``shown`` is how messages name it)."""
    result = RuleFile(shown)

    def error(line: int, zh: str, en: str) -> None:
        result.errors.append(f"{shown}:{line}: {en if lang == 'en' else zh}")

    try:
        # (the limit is in characters, load_marked's: at most four bytes each; a file cut
        # short here is over it, whatever its last character)
        raw = read_regular(path, 4 * MAX_CONFIG_BYTES)
        cut = len(raw) > 4 * MAX_CONFIG_BYTES
        text = raw.decode("utf-8-sig", "ignore" if cut else "strict")
    except FileNotFoundError:
        error(1, "找不到规则文件", "no such rule file")
        return result
    except NotRegularFile as exc:
        error(1, f"无法读取规则文件（{localise(str(exc), 'zh')}）", f"the rule file {exc}")
        return result
    except (OSError, UnicodeDecodeError) as exc:
        error(1, f"无法读取规则文件（{exc}）", f"cannot read the rule file ({exc})")
        return result
    try:
        marked = load_marked(text)
    except MarkedError as exc:
        error(exc.line, exc.zh, str(exc))
        return result
    data = marked.data
    if not isinstance(data, dict):
        error(
            marked.line(),
            "规则文件应为一个映射，其中 rules: 列出各条规则",
            "a rule file is a mapping whose 'rules:' lists the rules",
        )
        return result
    # (a misspelt rules: is named with its line, below, as any unknown key is)
    if "rules" not in data and all(key in TOP_KEYS for key in data):
        error(marked.line(), "缺少 rules:（规则列表）", "'rules:' (the list of rules) is missing")
    for key in data:
        if key not in TOP_KEYS:
            zh_hint, en_hint = _suggest(key, TOP_KEYS)
            error(
                marked.line(key),
                f"未知的键 '{key}'（顶层只有 rules）{zh_hint}",
                f"unknown key '{key}' (the top level has only 'rules'){en_hint}",
            )
    if "rules" not in data:
        return result
    entries = data["rules"]
    if isinstance(entries, list) and not entries:
        error(marked.line("rules"), "rules: 没有列出任何规则", "'rules:' lists no rule")
        return result
    if not isinstance(entries, list):
        error(marked.line("rules"), "rules: 应为规则列表", "'rules:' must be a list of rules")
        return result
    codes: dict[str, int] = {}
    names: dict[str, int] = {}
    for index, entry in enumerate(entries):
        try:
            made = _rule(entry, marked, ("rules", index), shown)
        except RuleFileError as exc:
            error(exc.line, exc.zh, exc.en)
            continue
        line = marked.line("rules", index)
        code, name = made.code, made.name
        if code in codes:
            error(
                marked.line("rules", index, "code"),
                f"规则代码 {code} 重复（第 {codes[code]} 行已使用）",
                f"rule code {code} is declared twice (first at line {codes[code]})",
            )
            continue
        if name in names:
            error(
                marked.line("rules", index, "name"),
                f"规则名称 {name} 重复（第 {names[name]} 行已使用）",
                f"rule name {name} is declared twice (first at line {names[name]})",
            )
            continue
        codes[code], names[name] = line, line
        result.rules.append(made)
        result.lines[code] = line
    if result.errors:
        result.rules, result.lines = [], {}
    return result


# ---- one rule ----


class _Entry:
    """One rule's mapping, with the line of each key, raising :class:`RuleFileError`."""

    def __init__(self, data: Mapping[str, Any], marked: Marked, path: tuple[Any, ...]) -> None:
        self.data, self.marked, self.path = data, marked, path
        self.code = ""

    def line(self, key: str | None = None) -> int:
        return self.marked.line(*self.path, key) if key else self.marked.line(*self.path)

    def fail(self, key: str | None, zh: str, en: str, *, at: str | None = None) -> RuleFileError:
        """The error about ``key`` (named in the message) at its line (or at ``at``'s)."""
        label = f"{self.code}: " if self.code else ""
        where = f"{key}: " if key else ""
        line = self.line(at or key)
        return RuleFileError(line, f"{label}{where}{zh}", f"{label}{where}{en}")

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(None, f"缺少 {key}:", f"'{key}:' is missing")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "应为非空文本", "must be non-empty text")
        return value

    def localized(self, key: str, required: bool = False) -> dict[str, str] | None:
        """``key`` as {zh, en}: a mapping with zh required, or a text (taken as zh)."""
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(
                    None,
                    f"缺少 {key}:（至少要有中文 zh）",
                    f"'{key}:' is missing (zh is required, en optional)",
                )
            return None
        if isinstance(value, str):
            value = {"zh": value}
        if not isinstance(value, dict):
            raise self.fail(
                key, "应为文本，或 zh:/en: 两种语言的文本", "must be text, or zh:/en: texts"
            )
        for lang in value:
            if lang not in LANGS:
                zh_hint, en_hint = _suggest(lang, LANGS)
                raise self.fail(
                    key,
                    f"未知语言 '{lang}'（zh 或 en）{zh_hint}",
                    f"unknown language '{lang}' (zh or en){en_hint}",
                )
        if "zh" not in value:
            raise self.fail(key, "缺少中文 zh:（en 可选）", "zh: is missing (en is optional)")
        for lang, text in value.items():
            if not isinstance(text, str) or not text.strip():
                raise self.fail(key, f"{lang}: 应为非空文本", f"{lang}: must be non-empty text")
        return dict(value)

    def expression(self, key: str) -> Expression | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(key, "应为一个表达式", "must be an expression")
        try:
            return compile_expression(str(value))
        except ExprError as exc:
            raise self.fail(key, exc.zh, str(exc)) from None


def _rule(entry: Any, marked: Marked, path: tuple[Any, ...], shown: str) -> Rule:
    if not isinstance(entry, dict):
        raise RuleFileError(
            marked.line(*path),
            "每条规则应为一个映射（code:、name:、message: …）",
            "each rule is a mapping (code:, name:, message: …)",
        )
    rule = _Entry(entry, marked, path)
    code = entry.get("code")
    if code is None:
        raise rule.fail(None, "缺少 code:", "'code:' is missing")
    problem = code_problem(code)
    if problem is not None:
        zh = (
            f"规则代码 {code!r} 应为 1 至 3 个大写字母加 3 位数字（如 AC101）"
            if not str(code).startswith("XG")
            else f"规则代码 {code} 使用了 XG 前缀，XG 留给 xxgk-lint 自己的规则"
        )
        raise rule.fail("code", zh, problem)
    rule.code = code
    for key in entry:
        if key not in RULE_KEYS:
            zh_hint, en_hint = _suggest(key, RULE_KEYS)
            raise rule.fail(
                None,
                f"未知的键 '{key}'{zh_hint}",
                f"unknown key '{key}'{en_hint}",
                at=str(key),
            )
    name = rule.text("name", required=True)
    assert name is not None
    if not NAME.match(name):
        raise rule.fail(
            "name",
            f"{name!r} 应为小写字母、数字和连字符（如 licensing-reported）",
            f"{name!r} is not kebab-case (e.g. licensing-reported)",
        )
    level = entry.get("severity", DEFAULT_SEVERITY)
    try:
        severity = Severity.parse(level) if isinstance(level, str) else None
    except ValueError:
        severity = None
    if severity is None:
        raise rule.fail(
            "severity",
            f"应为 error、warning 或 info，而不是 {level!r}",
            f"must be error, warning or info, not {level!r}",
        )
    kinds = [k for k in KINDS if k in entry]
    if len(kinds) != 1:
        raise rule.fail(
            None,
            "每条规则应有且只有 check:、require:、forbid: 之一"
            + (f"（现有 {', '.join(kinds)}）" if kinds else ""),
            "a rule has exactly one of check:, require: or forbid:"
            + (f" (this one has {', '.join(kinds)})" if kinds else ""),
        )
    kind = kinds[0]
    expression = rule.expression("check") if kind == "check" else None
    if expression is not None and not expression.refs:
        raise rule.fail(
            "check",
            "条件没有用到任何单元格（如 proactive.licensing.decisions > 0）",
            "the condition names no cell (e.g. proactive.licensing.decisions > 0)",
        )
    when = rule.expression("when")
    scope, pattern = _scope_and_pattern(rule, kind)
    messages = rule.localized("message", required=True)
    assert messages is not None
    templates: dict[str, Template] = {}
    for lang, template in messages.items():
        try:
            templates[lang] = translate(template, SPECIAL_FIELDS[kind])
        except ValueError as exc:
            zh, en = exc.args
            raise rule.fail("message", f"{lang}: {zh}", f"{lang}: {en}") from None
    uses = [
        *(expression.addresses if expression else ()),
        *(when.addresses if when else ()),
        *(a for t in templates.values() for a in t.cells),
    ]
    cells = tuple(dict.fromkeys(a for t in templates.values() for a in t.cells))
    meta = RuleMeta(
        code=code,
        name=name,
        severity=severity,
        summary=_summary(rule, templates),
        messages={lang: {"default": t.format} for lang, t in templates.items()},
        docs=_docs(rule, kind, expression, when, scope, pattern, shown),
        origin=shown,
        uses=tuple(dict.fromkeys(uses)),
    )
    check = YamlCheck(kind, expression, when, scope, pattern, cells)
    return Rule(meta, check=check)


def _scope_and_pattern(rule: _Entry, kind: str) -> tuple[Scope | None, re.Pattern[str] | None]:
    scope_text = rule.data.get("scope")
    if kind == "check":
        if scope_text is not None:
            raise rule.fail(
                "scope",
                "check: 规则针对单元格，不用 scope:（scope: 用于 require:、forbid:）",
                "a check: rule reads cells and takes no scope: "
                "(scope: is for require: and forbid:)",
            )
        return None, None
    if scope_text is None:
        raise rule.fail(
            None,
            f"{kind}: 规则需要 scope:（{', '.join(scope_names())}）",
            f"a {kind}: rule needs a scope: ({', '.join(scope_names())})",
        )
    scope = Scope.parse(scope_text) if isinstance(scope_text, str) else None
    if scope is None:
        zh_hint, en_hint = _suggest(str(scope_text), scope_names())
        raise rule.fail(
            "scope",
            f"未知范围 {scope_text!r}（范围：{', '.join(scope_names())}）{zh_hint}",
            f"unknown scope {scope_text!r} (scopes: {', '.join(scope_names())}){en_hint}",
        )
    text = rule.data.get(kind)
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str) or not text:
        raise rule.fail(
            kind,
            "应为一个正则表达式（如 改进|整改）",
            "must be a regular expression (e.g. 改进|整改)",
        )
    try:
        pattern = re.compile(text)
    except re.error as exc:
        raise rule.fail(
            kind,
            f"不是有效的正则表达式：{exc.msg}（第 {(exc.pos or 0) + 1} 个字符）",
            f"not a valid regular expression: {exc.msg} (at character {(exc.pos or 0) + 1})",
        ) from None
    if pattern.search("") is not None:
        raise rule.fail(
            kind,
            "该模式能匹配空文本（会处处匹配）",
            "the pattern matches empty text (it would match everywhere)",
        )
    return scope, pattern


_FIELD_IN_TEXT = re.compile(r"\{[^{}]*\}")


def _summary(rule: _Entry, templates: Mapping[str, Template]) -> dict[str, str]:
    given = rule.localized("summary")
    if given is not None:
        return given
    return {
        lang: _FIELD_IN_TEXT.sub("…", t.text).replace("{{", "{").replace("}}", "}")
        for lang, t in templates.items()
    }


def _docs(
    rule: _Entry,
    kind: str,
    expression: Expression | None,
    when: Expression | None,
    scope: Scope | None,
    pattern: re.Pattern[str] | None,
    shown: str,
) -> dict[str, RuleDoc]:
    description = rule.localized("description") or {}
    why = rule.localized("why") or {}
    examples = rule.data.get("examples")
    bad = good = ""
    if examples is not None:
        if not isinstance(examples, dict) or any(k not in ("bad", "good") for k in examples):
            raise rule.fail(
                "examples",
                "应为 bad:（应报告的报告文字）和 good:（不应报告的）",
                "must be bad: (report text the rule reports) and good: (text it passes)",
            )
        for key, value in examples.items():
            if not isinstance(value, str):
                raise rule.fail("examples", f"{key}: 应为文本", f"{key}: must be text")
        bad, good = examples.get("bad", "").rstrip("\n"), examples.get("good", "").rstrip("\n")
    docs = {}
    for lang in LANGS:
        logic = _logic(lang, kind, expression, when, scope, pattern)
        said = description.get(lang) or description.get("zh")
        what = f"{said.strip()}\n\n{logic}" if said else logic
        default_why = (
            f"An agency rule, defined in {shown}."
            if lang == "en"
            else f"本单位自定义的规则，定义在 {shown}。"
        )
        docs[lang] = RuleDoc(
            what, (why.get(lang) or why.get("zh") or default_why).strip(), bad, good
        )
    return docs


def _logic(
    lang: str,
    kind: str,
    expression: Expression | None,
    when: Expression | None,
    scope: Scope | None,
    pattern: re.Pattern[str] | None,
) -> str:
    if kind == "check":
        assert expression is not None
        text = (
            f"Condition: {expression.text.strip()} (reported when it does not hold; "
            "not when a cell it needs is blank or absent)"
            if lang == "en"
            else f"条件：{expression.text.strip()}"
            "（条件不成立时报告；所需单元格空白或缺失时不报告）"
        )
    else:
        assert scope is not None and pattern is not None
        where = scope.label(lang)
        if lang == "en":
            verb = "must contain" if kind == "require" else "must not contain"
            text = f"{where[:1].upper()}{where[1:]} {verb}: {pattern.pattern}"
        else:
            verb = "必须出现" if kind == "require" else "不得出现"
            text = f"{where}中{verb}：{pattern.pattern}"
    if when is not None:
        cond = when.text.strip()
        text += f" Only when {cond}." if lang == "en" else f"仅当 {cond} 时检查。"
    return text
