"""``minutes-lint [PATHS]``: read, parse, check, decide, fix, report."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from minutes_lint.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_PROBLEMS, UsageError, settings_for
from minutes_lint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from minutes_lint.registry import Rule
    from minutes_lint.reporters.base import RuleInfo
    from minutes_lint.source import ReadFailure, Source

# The rest of minutes-lint is imported inside the functions that need it: a warm run
# answered from the results cache (minutes_lint.warm_run) never imports a rule.


@dataclass
class LintRun:
    """Everything a run found, before baseline filtering and reporting."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    fixed: list[Diagnostic] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    changed_files: int = 0
    files: int = 0
    checked_paths: list[str] = field(default_factory=list)
    rules: dict[str, Rule] = field(default_factory=dict)
    crashed: bool = False


@dataclass
class _FileOutcome:
    diagnostics: list[Diagnostic]
    applied: list[tuple[str, str]]
    changed: bool
    diff: str
    text: str
    crashed: bool


def lint_paths(args: argparse.Namespace) -> LintRun:
    """Read, parse, check and (with --fix or --diff) fix every file the arguments name."""
    paths = args.paths or ["."]
    if paths.count("-") > 1:
        raise UsageError("'-' (stdin) can be given only once")
    if args.stdin_filename and not args.paths:
        paths = ["-"]
    display_stdin = args.stdin_filename or "-"
    settings = settings_for(args.config, [display_stdin if p == "-" else p for p in paths])
    selection = (args.select, args.ignore, args.extend_select)
    if not (args.fix or args.diff or args.no_cache) and "-" not in paths:
        from minutes_lint.warm_run import LazyRules, cached_run

        warm = cached_run(settings, paths, selection)
        if warm is not None:
            return LintRun(
                diagnostics=warm.diagnostics,
                files=len(warm.paths),
                checked_paths=warm.paths,
                rules=LazyRules(),  # type: ignore[arg-type]
            )
    from minutes_lint.corpus_loader import build_corpus
    from minutes_lint.discovery import expand_paths
    from minutes_lint.document import Document
    from minutes_lint.engine import Engine
    from minutes_lint.parallel import THRESHOLD, ordered_map, worker_count
    from minutes_lint.registry import load_rules
    from minutes_lint.results_cache import ResultsCache, document_key
    from minutes_lint.roster import load_roster
    from minutes_lint.selection import (
        ENGINE_CODES,
        check_rule_tables,
        engine_code_selected,
        select_rules,
    )
    from minutes_lint.source import ReadFailure, Source

    all_rules = load_rules()
    check_rule_tables(all_rules, settings)
    rules = select_rules(all_rules, settings, args.select, args.ignore, args.extend_select)
    engine_codes = {
        c for c in ENGINE_CODES if engine_code_selected(c, settings, args.select, args.ignore)
    }
    sources = _read_all(expand_paths(paths, settings), display_stdin)
    documents = [Document(s) for s in sources if isinstance(s, Source)]
    engine = Engine(rules, settings, engine_codes=engine_codes)
    if engine.needs_corpus:
        engine.corpus = build_corpus(
            settings,
            documents,
            use_cache=not args.no_cache,
            roster=load_roster(settings),
            facts=engine.facts,
        )
    run = LintRun(files=len(sources), rules=all_rules)
    run.checked_paths = [d.path for d in documents]
    for source in sources:
        if isinstance(source, ReadFailure):
            run.diagnostics.extend(engine.failure(source))
    fixing = bool(args.fix or args.diff)
    stdin_doc = display_stdin if "-" in paths else None
    results = ResultsCache(None if args.no_cache or fixing else settings.root / settings.cache_dir)
    run_key = ""
    if results.folder is not None:
        from minutes_lint.discovery import corpus_files, corpus_fingerprint
        from minutes_lint.run_key import roster_digest
        from minutes_lint.run_key import run_key as key_of

        run_paths = {os.path.abspath(d.path) for d in documents}
        others = [p for p in corpus_files(settings) if str(p) not in run_paths]
        fingerprint = corpus_fingerprint(
            [(d.path, d.source.data) for d in documents], others, roster_digest(settings), settings
        )
        run_key = key_of(settings, selection, fingerprint)
    keys = [document_key(d.source.data, d.path, run_key) for d in documents] if run_key else []

    cached = {i: results.get(key, documents[i].path) for i, key in enumerate(keys)}
    cached = {i: found for i, found in cached.items() if found is not None}

    large = len(documents) >= THRESHOLD

    def process(index: int) -> _FileOutcome:
        doc = documents[index]
        if not fixing:
            found = engine.lint(doc)
            if large:
                doc.release()  # memory stays bounded however many documents a run has
            return _FileOutcome(found, [], False, "", "", engine.crashed)
        from minutes_lint.fixes.files import fix_document

        result = fix_document(
            doc,
            engine,
            unsafe=args.unsafe_fixes,
            write=args.fix and not args.diff,
            stdin=doc.path == stdin_doc,
        )
        return _FileOutcome(
            result.diagnostics,
            result.applied,
            result.changed,
            result.diff,
            result.text,
            engine.crashed,
        )

    todo = [i for i in range(len(documents)) if i not in cached]
    if engine.corpus is not None and worker_count(len(todo)) > 1:
        engine.corpus.prepare()  # build the shared indexes once, before workers fork
    outcomes = [_FileOutcome(found, [], False, "", "", False) for found in cached.values()]
    from minutes_lint.progress import progress

    with progress(len(todo)) as tick:
        outcomes += ordered_map(process, todo, on_done=tick)
    order = [*cached, *todo]
    for index, outcome in sorted(zip(order, outcomes, strict=True), key=lambda x: x[0]):
        doc = documents[index]
        run.diagnostics.extend(outcome.diagnostics)
        run.fixed.extend(_fixed_diagnostics(doc.path, outcome.applied))
        run.crashed = run.crashed or outcome.crashed
        if outcome.changed:
            run.changed_files += 1
            run.diffs.append(outcome.diff)
        if args.fix and not args.diff and doc.path == stdin_doc:
            _write_document(outcome.text, doc.source.bom)
    if keys and not run.crashed:
        for index, outcome in zip(order, outcomes, strict=True):
            if index not in cached:
                results.put(keys[index], outcome.diagnostics)
        results.save(set(keys))
    return run


def run_check(args: argparse.Namespace) -> int:
    run = lint_paths(args)
    if args.diff:
        sys.stdout.write("".join(run.diffs))
        return EXIT_PROBLEMS if run.diffs else EXIT_CLEAN
    diagnostics = run.diagnostics
    stale_note = ""
    if args.baseline is not None:
        from minutes_lint.baseline import load_baseline

        try:
            baseline = load_baseline(args.baseline)
        except (ValueError, OSError) as exc:
            raise UsageError(str(exc)) from exc
        diagnostics, _matched, stale = baseline.filter(diagnostics, run.checked_paths)
        if stale:
            stale_note = (
                f"{len(stale)} baseline entries no longer match anything "
                f"(remove them with 'minutes-lint baseline --prune --output {args.baseline}')"
            )
    # ``--fix -``: the (fixed) document goes to stdout, so the report goes to stderr
    given = args.paths or (["-"] if args.stdin_filename else [])
    fixing_stdin = bool(args.fix and not args.diff and "-" in given)
    _report(args, diagnostics, run.fixed, run.rules, run.files, fixing_stdin)
    if stale_note and args.output_format in ("full", "concise", "text"):
        print(stale_note, file=sys.stderr)
    if run.crashed:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if args.fix and args.exit_non_zero_on_fix and run.changed_files:
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


def _read_all(paths: list[str], display_stdin: str) -> list[Source | ReadFailure]:
    from minutes_lint.source import decode, read_source

    out: list[Source | ReadFailure] = []
    for path in paths:
        if path == "-":
            out.append(decode(display_stdin, sys.stdin.buffer.read()))
        else:
            out.append(read_source(path))
    return out


def _fixed_diagnostics(path: str, applied: list[tuple[str, str]]) -> list[Diagnostic]:
    from minutes_lint.engine import engine_diagnostic

    return [engine_diagnostic(path, code, message, Severity.INFO) for code, message in applied]


class _RuleInfos(Mapping[str, "RuleInfo"]):
    """What reporters know of each code; the rules are read only if a reporter asks."""

    def __init__(self, rules: Mapping[str, Rule]) -> None:
        self._rules = rules
        self._infos: dict[str, RuleInfo] | None = None

    def _all(self) -> dict[str, RuleInfo]:
        if self._infos is None:
            from minutes_lint.reporters.base import RuleInfo
            from minutes_lint.selection import ENGINE_CODES, ENGINE_SEVERITY

            infos = {
                code: RuleInfo(r.code, r.name, r.summary, r.severity.value, r.doc, r.fix)
                for code, r in self._rules.items()
            }
            for code, (name, summary) in ENGINE_CODES.items():
                level = ENGINE_SEVERITY.get(code, "error")
                infos[code] = RuleInfo(code, name, summary, level, summary, "none")
            self._infos = infos
        return self._infos

    def __getitem__(self, code: str) -> RuleInfo:
        return self._all()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _report(
    args: argparse.Namespace,
    diagnostics: list[Diagnostic],
    fixed: list[Diagnostic],
    rules: dict[str, Rule],
    files: int,
    to_stderr: bool = False,
) -> None:
    from minutes_lint.reporters import get_reporter
    from minutes_lint.reporters.base import ReportContext
    from minutes_lint.reporters.text import use_color

    infos = _RuleInfos(rules)
    stream = sys.stderr if to_stderr else sys.stdout
    ctx = ReportContext(
        rules=infos,
        color=use_color(stream, os.environ),
        unsafe_fixes=args.unsafe_fixes,
        show_fixes=args.show_fixes,
        statistics=args.statistics,
        fixed=fixed,
        files_checked=files,
        paths=tuple(args.paths),
        baseline=args.baseline is not None,
    )
    get_reporter(args.output_format).report(diagnostics, stream, ctx)
