"""``minutes-lint [PATHS]``: plan, discover, load the corpus, lint or fix, baseline, report.

The command turns its arguments into plain options and runs the stages of
:mod:`minutes_lint.stages`; ``minutes-lint baseline`` runs the same stages.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from minutes_lint import timings
from minutes_lint.config import ConfigError, Settings
from minutes_lint.diagnostics import Diagnostic, Severity
from minutes_lint.exit_codes import EXIT_CLEAN, EXIT_ERROR, EXIT_PROBLEMS, UsageError
from minutes_lint.stages.plan import settings_for
from minutes_lint.timings import measure

if TYPE_CHECKING:
    from minutes_lint.registry import Rule

# The rest of minutes-lint is imported inside the functions that need it: a warm run
# answered from the results cache (minutes_lint.warm_run) never imports a rule.


@dataclass
class LintOptions:
    """What to lint and how: the command line's choices, as plain values."""

    paths: list[str] = field(default_factory=list)
    config: Path | None = None
    stdin_filename: str | None = None
    select: list[str] | None = None
    extend_select: list[str] | None = None
    ignore: list[str] | None = None
    exclude: list[str] | None = None  # replaces the configured ``exclude``
    extend_exclude: list[str] | None = None  # adds to it
    no_cache: bool = False
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False

    @classmethod
    def from_namespace(cls, args: argparse.Namespace) -> LintOptions:
        names = cls.__dataclass_fields__
        return cls(**{name: getattr(args, name) for name in names if hasattr(args, name)})


@dataclass
class LintRun:
    """Everything a run found, before baseline filtering and reporting."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: list[Diagnostic] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    changed_files: int = 0
    files: int = 0
    checked_paths: list[str] = field(default_factory=list)
    rules: Mapping[str, Rule] = field(default_factory=dict)
    crashed: bool = False
    warnings: list[str] = field(default_factory=list)
    fixed_stdin: str | None = None  # the fixed text of the document read from stdin
    stdin_bom: bool = False


def run_settings(options: LintOptions) -> Settings:
    """The settings for a run, with ``--exclude`` and ``--extend-exclude`` applied."""
    paths = options.paths or ["-" if options.stdin_filename else "."]
    display_stdin = options.stdin_filename or "-"
    settings = settings_for(options.config, [display_stdin if p == "-" else p for p in paths])
    if options.exclude is not None:
        settings.exclude = list(options.exclude)
    if options.extend_exclude:
        settings.exclude = [*settings.exclude, *options.extend_exclude]
    return settings


def lint_paths(options: LintOptions) -> LintRun:
    """Read, parse, check and (with ``fix`` or ``diff``) fix every file the options name.

    A configuration error a rule finds while checking (an option value it cannot use)
    names the configuration file it came from."""
    try:
        return _lint_paths(options)
    except ConfigError as exc:
        where = _config_named_in(options)
        if where is None or where in str(exc):
            raise
        raise ConfigError(f"{where}: {exc}") from exc


def _config_named_in(options: LintOptions) -> str | None:
    try:
        path = run_settings(options).config_path
    except ConfigError:
        return None
    return str(path) if path is not None else None


def _lint_paths(options: LintOptions) -> LintRun:
    import gc

    # a run allocates millions of small objects and frees them by reference counting; the
    # cyclic collector's default pace (every 700 allocations) spends a tenth of a cold run
    # traversing them, so it runs less often for the run (and in the workers it forks)
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], GC_THRESHOLD), *thresholds[1:])
    try:
        return _lint_paths_now(options)
    finally:
        gc.set_threshold(*thresholds)


GC_THRESHOLD = 10_000


def _lint_paths_now(options: LintOptions) -> LintRun:
    from minutes_lint import discovery
    from minutes_lint.stages.discover import discover

    paths = options.paths or ["."]
    if paths.count("-") > 1:
        raise UsageError("'-' (stdin) can be given only once")
    if options.stdin_filename and not options.paths:
        paths = ["-"]
    display_stdin = options.stdin_filename or "-"
    settings = run_settings(options)
    selection = (options.select, options.ignore, options.extend_select)
    with measure("stage", "discover"):
        found = discover(paths, settings, discovery.expand_paths)
    fixing = options.fix or options.diff
    if not (fixing or options.no_cache or found.missing or found.empty) and "-" not in paths:
        with measure("stage", "results cache (warm run)"):
            warm = _warm_run(settings, found.paths, selection)
        if warm is not None:
            return warm

    from minutes_lint.document import Document
    from minutes_lint.engine import Engine
    from minutes_lint.registry import load_rules
    from minutes_lint.source import Source
    from minutes_lint.stages.corpus import load_corpus
    from minutes_lint.stages.discover import read_sources
    from minutes_lint.stages.lint import lint_documents, results_key
    from minutes_lint.stages.plan import plan_run

    with measure("stage", "plan (load rules)"):
        plan = plan_run(
            settings,
            load_rules(),
            select=options.select,
            ignore=options.ignore,
            extend_select=options.extend_select,
        )
    with measure("stage", "read"):
        sources = read_sources(found, display_stdin, sys.stdin.buffer.read)
        documents = [Document(s) for s in sources if isinstance(s, Source)]
    engine = Engine(plan.rules, settings, engine_codes=plan.engine_codes)
    use_cache = not options.no_cache
    with measure("stage", "corpus"):
        engine.corpus = load_corpus(settings, plan.rules, documents, use_cache=use_cache)
    run = LintRun(files=len(sources), rules=plan.all_rules, warnings=found.warnings())
    run.checked_paths = [d.path for d in documents]
    for source in sources:
        if not isinstance(source, Source):
            run.diagnostics.extend(engine.failure(source))
    stdin_doc = display_stdin if "-" in paths else None
    if not fixing:
        folder = settings.root / settings.cache_dir if use_cache else None
        with measure("stage", "results cache key"):
            key = results_key(settings, selection, documents) if folder is not None else ""
        with measure("stage", "lint"):
            linted = lint_documents(engine, documents, cache_folder=folder, run_key=key)
        run.crashed = linted.crashed
        for found_here in linted.per_document:
            run.diagnostics.extend(found_here)
        return run
    from minutes_lint.stages.fix import fix_documents, relint_after_fix

    write = options.fix and not options.diff
    with measure("stage", "fix"):
        fixed = fix_documents(
            engine, documents, unsafe=options.unsafe_fixes, write=write, stdin_path=stdin_doc
        )
    if write:
        with measure("stage", "re-lint after fixes"):
            relint_after_fix(
                engine,
                documents,
                fixed,
                lambda now, known: load_corpus(
                    settings, plan.rules, now, use_cache=use_cache, known=known
                ),
            )
    run.crashed = fixed.crashed
    for doc, result in zip(documents, fixed.files, strict=True):
        run.diagnostics.extend(result.diagnostics)
        run.fixed.extend(_fixed_diagnostics(doc.path, result.applied))
        if result.changed:
            run.changed_files += 1
            run.diffs.append(result.diff)
        if write and doc.path == stdin_doc:
            run.fixed_stdin, run.stdin_bom = result.text, doc.source.bom
    return run


def _warm_run(
    settings: Settings, paths: list[str], selection: tuple[Any, Any, Any]
) -> LintRun | None:
    """The run answered from the results cache, before any rule is imported, or None."""
    if not paths:
        return None
    from minutes_lint.warm_run import LazyRules, cached_run

    warm = cached_run(settings, paths, selection)
    if warm is None:
        return None
    return LintRun(
        diagnostics=warm.diagnostics,
        files=len(warm.paths),
        checked_paths=warm.paths,
        rules=LazyRules(),
    )


def run_check(args: argparse.Namespace) -> int:
    options = LintOptions.from_namespace(args)
    timer = timings.enable() if getattr(args, "timings", False) else None
    try:
        return _run_check(args, options)
    finally:
        if timer is not None:
            timings.write_report(timer, sys.stderr)
            timings.disable()


def _run_check(args: argparse.Namespace, options: LintOptions) -> int:
    from minutes_lint.stages.baseline import apply_baseline
    from minutes_lint.stages.report import ReportOptions, report

    run = lint_paths(options)
    for warning in run.warnings:
        print(f"minutes-lint: warning: {warning}", file=sys.stderr)
    if run.fixed_stdin is not None:
        _write_document(run.fixed_stdin, run.stdin_bom)
    if options.diff:
        sys.stdout.write("".join(run.diffs))
        return EXIT_PROBLEMS if run.diffs else EXIT_CLEAN
    with measure("stage", "baseline"):
        filtered = apply_baseline(run.diagnostics, args.baseline, run.checked_paths)
    diagnostics = filtered.diagnostics
    # ``--fix -``: the (fixed) document goes to stdout, so the report goes to stderr
    given = options.paths or (["-"] if options.stdin_filename else [])
    fixing_stdin = bool(options.fix and not options.diff and "-" in given)
    with measure("stage", "report"):
        report(
            diagnostics,
            run.rules,
            sys.stderr if fixing_stdin else sys.stdout,
            ReportOptions(
                output_format=args.output_format,
                unsafe_fixes=options.unsafe_fixes,
                show_fixes=args.show_fixes,
                statistics=args.statistics,
                fixed=run.fixed,
                files=run.files,
                paths=run.checked_paths,
                command_paths=tuple(options.paths),
                baseline=args.baseline is not None,
            ),
        )
    if args.output_format in ("full", "concise", "text"):
        for note in filtered.notes:
            print(note, file=sys.stderr)
    if run.crashed:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if options.fix and args.exit_non_zero_on_fix and run.changed_files:
        return EXIT_PROBLEMS
    failing = any(d.severity != Severity.INFO for d in diagnostics)
    return EXIT_PROBLEMS if failing else EXIT_CLEAN


def _write_document(text: str, bom: bool) -> None:
    """Write a document read from stdin back to stdout, byte for byte as it would be saved."""
    from minutes_lint.fixes.atomic_write import encode_text

    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    buffer.write(encode_text(text, bom=bom))
    buffer.flush()


def _fixed_diagnostics(path: str, applied: list[tuple[str, str]]) -> list[Diagnostic]:
    from minutes_lint.engine import engine_diagnostic

    return [engine_diagnostic(path, code, message, Severity.INFO) for code, message in applied]
