"""Hook specifications: the plugin author's manual.

xxgk-lint finds plugins in two ways, and treats them alike (the built-in rules are just
one plugin, registered through the same entry point as everyone else's):

* an installed package that declares an entry point in the group ``xxgk_lint.plugins``::

      [project.entry-points."xxgk_lint.plugins"]
      acme = "acme_xxgk_rules"

* a local module named in ``.xxgk-lint.yaml`` (a path to a ``.py`` file, relative to the
  config file, or an importable module name)::

      plugins: [./checks/acme_rules.py]

  Local modules are loaded only from a trusted config file: the one given with
  ``--config``, or one found in the working directory or above it. A config found inside
  a checked folder cannot load code (unless ``--trust-configs`` is given).

  An entry ending in ``.yaml``/``.yml`` is a file of rules written in YAML, no Python
  (:mod:`xxgk_lint.engine.yamlrules`).

A plugin imports what it needs from :mod:`xxgk_lint.plugin`, the stable plugin API, and
nothing else of xxgk-lint. It is a module (or object) with functions marked ``@hookimpl``
whose names are the hooks below; pluggy calls them. An unmarked ``xxgk_lint_rules``, a
marked function whose name is no hook, or a plugin with no hook is an error naming the
plugin. Each plugin is loaded inside its own ``try``: a plugin that fails to import is
reported with the file and line where it failed (exit code 2) and the other rules still
run. Import heavy modules *inside* your hook functions, not at the top of the plugin:
start-up time matters in a pre-commit hook.

How a rule checks reports is the :class:`~xxgk_lint.engine.rule.Rule` contract: a
per-report ``check(report, ctx)`` called once for each parsed report (a typed AST,
:mod:`xxgk_lint.parse.ast`), and/or a whole-run ``check_run(facts, ctx)`` called once per
run with a :class:`~xxgk_lint.engine.rule.ReportFacts` for every report that parsed (for
rules that compare reports, e.g. one body's carry-over across two years): the report's
path, agency, year and format, and what the rule's ``facts(report)`` took from it — never
the report itself, so that a run over thousands of files stays small. Both yield
:class:`~xxgk_lint.engine.diagnostics.Diagnostic` objects built with
``ctx.diagnostic(span, ...)``. They never print, exit or write files. A rule that raises
is reported by code and name (exit code 2); the other rules' results are still reported.

What the engine guarantees whatever a plugin does (it contains plugins' behaviour; it is
no sandbox):

* what a rule yields is checked before anything uses it: something that is not a
  Diagnostic, a Diagnostic with a field of the wrong type, another rule's code or a file
  not in the run becomes one XG009 ``plugin-error`` finding (exit code 2);
* ``SystemExit`` and ``KeyboardInterrupt`` raised by plugin code fail that plugin or rule,
  like any other exception;
* a rule gets ``rule-timeout`` seconds (default 5) per report, then it is stopped and
  reported;
* what plugin code prints goes to stderr, so that machine formats on stdout stay valid.
"""

from __future__ import annotations

from collections.abc import Sequence

import pluggy

from xxgk_lint.engine.rule import Rule

PROJECT = "xxgk_lint"
ENTRY_POINT_GROUP = "xxgk_lint.plugins"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def xxgk_lint_rules() -> Sequence[Rule]:  # type: ignore[empty-body]
    """Declare the rules this plugin provides.

    Called once per run, after all plugins are registered. Return a sequence of
    :class:`~xxgk_lint.engine.rule.Rule` objects (usually made with the
    :func:`~xxgk_lint.engine.rule.rule` decorator). Each rule carries its metadata —
    a frozen ``code`` (one to three capital letters and three digits, flake8 style:
    ``AC101``; ``XG`` is reserved for the built-in rules; never reuse or renumber one), a
    kebab-case ``name``, a default ``severity`` (``error``, ``warning`` or ``info``), a
    one-line ``summary`` and ``messages`` in Chinese (``zh``, required) and English
    (``en``), ``docs`` (what it checks, why, a failing and a passing example) and its
    ``options`` (set by users under ``rules: {CODE: {...}}`` in the config, their values
    checked against each option's type or choices when the config loads).

    Everything is checked at registration (:mod:`xxgk_lint.engine.metacheck`); a code
    declared by two plugins is an error naming both.
    """
