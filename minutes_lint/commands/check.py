"""``minutes-lint [PATHS]``: read, parse, check, decide, fix, report."""

from __future__ import annotations

import argparse
import os
import sys

from minutes_lint.cli import EXIT_CLEAN, EXIT_ERROR, EXIT_PROBLEMS, UsageError, settings_for
from minutes_lint.diagnostics import Diagnostic, Severity
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.project import build_corpus, expand_paths
from minutes_lint.registry import Rule, load_rules
from minutes_lint.roster import load_roster
from minutes_lint.selection import (
    ENGINE_CODES,
    check_rule_tables,
    engine_code_selected,
    select_rules,
)
from minutes_lint.source import ReadFailure, Source, decode, read_source


def run_check(args: argparse.Namespace) -> int:
    paths = args.paths or ["."]
    if paths.count("-") > 1:
        raise UsageError("'-' (stdin) can be given only once")
    if args.stdin_filename and not args.paths:
        paths = ["-"]
    display_stdin = args.stdin_filename or "-"
    settings = settings_for(args.config, [display_stdin if p == "-" else p for p in paths])
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
            settings, documents, use_cache=not args.no_cache, roster=load_roster(settings)
        )
    diagnostics: list[Diagnostic] = []
    fixed: list[Diagnostic] = []
    changed_files = 0
    diffs: list[str] = []
    # ``--fix -``: the (fixed) document goes to stdout, so the report goes to stderr
    fixing_stdin = args.fix and not args.diff and "-" in paths
    for source in sources:
        if isinstance(source, ReadFailure):
            diagnostics.extend(engine.failure(source))
    for doc in documents:
        if args.fix or args.diff:
            from minutes_lint.fix_files import fix_document

            result = fix_document(
                doc,
                engine,
                unsafe=args.unsafe_fixes,
                write=args.fix and not args.diff,
                stdin=doc.path == display_stdin and "-" in paths,
            )
            diagnostics.extend(result.diagnostics)
            fixed.extend(_fixed_diagnostics(doc.path, result.applied))
            if result.changed:
                changed_files += 1
                diffs.append(result.diff)
            if fixing_stdin and doc.path == display_stdin:
                _write_document(result.text, doc.source.bom)
        else:
            diagnostics.extend(engine.lint(doc))
    if args.diff:
        sys.stdout.write("".join(diffs))
        return EXIT_PROBLEMS if diffs else EXIT_CLEAN
    stale_note = ""
    if args.baseline is not None:
        from minutes_lint.baseline import load_baseline

        try:
            baseline = load_baseline(args.baseline)
        except (ValueError, OSError) as exc:
            raise UsageError(str(exc)) from exc
        diagnostics, _matched, stale = baseline.filter(diagnostics, [d.path for d in documents])
        if stale:
            stale_note = (
                f"{len(stale)} baseline entries no longer match anything "
                f"(remove them with 'minutes-lint baseline --prune {args.baseline}')"
            )
    _report(args, diagnostics, fixed, all_rules, len(sources), fixing_stdin)
    if stale_note and args.output_format == "text":
        print(stale_note, file=sys.stderr)
    if engine.crashed:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    if args.fix and args.exit_non_zero_on_fix and changed_files:
        return EXIT_PROBLEMS
    failing = any(d.severity != Severity.INFO for d in diagnostics)
    return EXIT_PROBLEMS if failing else EXIT_CLEAN


def _write_document(text: str, bom: bool) -> None:
    """Write a document read from stdin back to stdout, byte for byte as it would be saved."""
    from minutes_lint.writing import encode_text

    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    buffer.write(encode_text(text, bom=bom))
    buffer.flush()


def _read_all(paths: list[str], display_stdin: str) -> list[Source | ReadFailure]:
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


def _report(
    args: argparse.Namespace,
    diagnostics: list[Diagnostic],
    fixed: list[Diagnostic],
    rules: dict[str, Rule],
    files: int,
    to_stderr: bool = False,
) -> None:
    from minutes_lint.reporters import get_reporter
    from minutes_lint.reporters.base import ReportContext, RuleInfo
    from minutes_lint.reporters.text import use_color

    infos = {
        code: RuleInfo(r.code, r.name, r.summary, r.severity.value, r.doc, r.fix)
        for code, r in rules.items()
    }
    for code, (name, summary) in ENGINE_CODES.items():
        infos[code] = RuleInfo(code, name, summary, "error", summary, "none")
    stream = sys.stderr if to_stderr else sys.stdout
    ctx = ReportContext(
        rules=infos,
        color=use_color(stream, os.environ),
        unsafe_fixes=args.unsafe_fixes,
        show_fixes=args.show_fixes,
        statistics=args.statistics,
        fixed=fixed,
        files_checked=files,
    )
    get_reporter(args.output_format).report(diagnostics, stream, ctx)
