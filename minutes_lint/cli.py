"""The command line: parse arguments, run the stages, pick a reporter, choose the exit code.

Exit codes: 0 nothing to report (or only info), 1 errors or warnings found,
2 usage, configuration or internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from minutes_lint import __version__
from minutes_lint.config import ConfigError
from minutes_lint.exit_codes import EXIT_CLEAN, EXIT_ERROR, EXIT_PROBLEMS, UsageError
from minutes_lint.registry import Rule, RuleError, load_rules
from minutes_lint.stages.plan import settings_for

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_PROBLEMS", "UsageError", "main", "settings_for"]
FORMATS = ("full", "concise", "text", "json", "github", "sarif", "junit", "gitlab", "summary")
COMMANDS = (
    "check",
    "rules",
    "rule",
    "config",
    "baseline",
    "roster",
    "server",
    "calendar",
    "inspect",
    "report",
)


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _globs(value: str) -> list[str]:
    return [g.strip() for g in value.split(",") if g.strip()]


class _Once(argparse.Action):
    """An option that takes one value: given twice, it is refused rather than overridden."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        if getattr(namespace, self.dest, None) is not None:
            parser.error(f"argument {option_string}: given more than once")
        setattr(namespace, self.dest, values)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, metavar="PATH", action=_Once, help="configuration file to use"
    )


def check_parser(prog: str = "minutes-lint") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog,
        description="Lint meeting minutes (Markdown with YAML front matter) for data-quality "
        "problems. Other commands: rules, rule CODE, config, baseline, roster, calendar, "
        "inspect, report, server.",
    )
    p.add_argument("paths", nargs="*", help="files or folders to lint; '-' reads stdin")
    _common(p)
    p.add_argument("--version", action="version", version=f"minutes-lint {__version__}")
    # list options accumulate when repeated (``--select DT --select AT001``), as in ruff
    p.add_argument("--select", type=_codes, action="extend", help="codes or prefixes to run")
    p.add_argument("--extend-select", type=_codes, action="extend", help="add to the selection")
    p.add_argument("--ignore", type=_codes, action="extend", help="codes or prefixes to skip")
    p.add_argument(
        "--exclude",
        type=_globs,
        action="extend",
        metavar="GLOBS",
        help="globs of files not to lint when folders are expanded (replaces 'exclude')",
    )
    p.add_argument(
        "--extend-exclude",
        type=_globs,
        action="extend",
        metavar="GLOBS",
        help="globs to exclude in addition to the configured 'exclude'",
    )
    p.add_argument(
        "--output-format",
        choices=FORMATS,
        action=_Once,
        help="full (default: each problem with its source line), concise (one line each; "
        "'text' is its former name) or a machine format",
    )
    p.add_argument("--stdin-filename", action=_Once, help="path to report for text read from stdin")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    p.add_argument("--fix", action="store_true", help="apply safe fixes")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply (or show) unsafe fixes")
    p.add_argument("--diff", action="store_true", help="print the diff --fix would make")
    p.add_argument("--show-fixes", action="store_true", help="list what --fix fixed")
    p.add_argument(
        "--exit-non-zero-on-fix", action="store_true", help="exit 1 when --fix changed a file"
    )
    p.add_argument(
        "--baseline", type=Path, metavar="FILE", action=_Once, help="report only what it lacks"
    )
    p.add_argument("--statistics", action="store_true", help="counts per code")
    p.add_argument(
        "--timings",
        action="store_true",
        help="print the time per stage, rule, fact and model part to stderr",
    )
    p.add_argument("--exit-zero", action="store_true", help="always exit 0 after reporting")
    return p


class _PipeGuard:
    """Standard output that tolerates a reader who stops reading (``| head -1``).

    The first write to a closed pipe points the file descriptor at the null device and
    every later write is dropped, so the command finishes and exits with the code its
    findings call for, whether or not the reader left early.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self.broken = False

    def write(self, text: str) -> int:
        if not self.broken:
            try:
                self._stream.write(text)
            except BrokenPipeError:
                self._break()
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._break()

    def _break(self) -> None:
        self.broken = True
        _silence_stdout()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    real_stdout = sys.stdout
    sys.stdout = _PipeGuard(real_stdout)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        try:
            sys.stdout.flush()
        finally:
            sys.stdout = real_stdout


def _main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command, rest = args[0], args[1:]
        else:
            command, rest = "check", args
        if command == "check":
            from minutes_lint.commands.check import run_check

            parsed = check_parser().parse_args(rest)
            if parsed.output_format is None:
                parsed.output_format = "full"
            return run_check(parsed)
        if command in ("rules", "rule"):
            return _rules_command(command, rest)
        if command == "config":
            return _config_command(rest)
        if command == "server":
            from minutes_lint.server import run_server

            return run_server(rest)
        if command == "baseline":
            from minutes_lint.commands.baseline import run_baseline

            return run_baseline(rest)
        if command == "calendar":
            from minutes_lint.commands.calendar import run_calendar

            return run_calendar(rest)
        if command == "inspect":
            from minutes_lint.commands.inspect import run_inspect

            return run_inspect(rest)
        if command == "report":
            from minutes_lint.commands.report import run_report

            return run_report(rest)
        from minutes_lint.commands.roster import run_roster

        return run_roster(rest)
    except BrokenPipeError:
        # a closed pipe met outside standard output's guard (``sys.stdout.buffer``):
        # the reader went away, which is not a failure of the run
        _silence_stdout()
        return EXIT_CLEAN
    except (ConfigError, RuleError, UsageError, OSError) as exc:
        print(f"minutes-lint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except ModuleNotFoundError as exc:  # an installation that lacks a dependency
        print(
            f"minutes-lint: error: cannot import '{exc.name}', which minutes-lint needs: "
            "install minutes-lint again with its dependencies (pip install .)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _silence_stdout() -> None:
    try:
        descriptor = sys.__stdout__.fileno() if sys.__stdout__ is not None else 1
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, descriptor)
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _rules_command(command: str, rest: list[str]) -> int:
    p = argparse.ArgumentParser(prog=f"minutes-lint {command}")
    if command == "rule":
        p.add_argument("code", help="a rule code (DT001) or name (meeting-date-mismatch)")
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    args = p.parse_args(rest)
    rules = load_rules()
    if command == "rules":
        _print_rules(rules, args.output_format, sys.stdout)
        return EXIT_CLEAN
    return _print_rule(rules, args.code, args.output_format, sys.stdout)


def _print_rules(rules: dict[str, Rule], fmt: str, out: TextIO) -> None:
    from minutes_lint.selection import ENGINE_CODES, ENGINE_SEVERITY

    if fmt == "json":
        import json

        data = [
            {
                "code": r.code,
                "name": r.name,
                "summary": r.summary,
                "severity": r.severity.value,
                "scope": r.scope,
                "fix": r.fix,
                "default": r.default,
                "options": r.options,
            }
            for r in rules.values()
        ]
        json.dump(data, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    out.write(f"{'code':<7} {'name':<34} {'severity':<8} {'fix':<9} {'default':<7} summary\n")
    for r in rules.values():
        on = "on" if r.default else "off"
        out.write(
            f"{r.code:<7} {r.name:<34} {r.severity.value:<8} {r.fix:<9} {on:<7} {r.summary}\n"
        )
    for code, (name, summary) in ENGINE_CODES.items():
        level = ENGINE_SEVERITY.get(code, "error")
        out.write(f"{code:<7} {name:<34} {level:<8} {'none':<9} {'on':<7} {summary}\n")


def _print_rule(rules: dict[str, Rule], wanted: str, fmt: str, out: TextIO) -> int:
    from minutes_lint.selection import ENGINE_CODES

    rule = rules.get(wanted.upper()) or next((r for r in rules.values() if r.name == wanted), None)
    if rule is None:
        for code, (name, summary) in ENGINE_CODES.items():
            if wanted.upper() == code or wanted == name:
                out.write(f"# {code} {name}\n\n{summary}.\n\nReported by the engine itself.\n")
                return EXIT_CLEAN
        raise UsageError(f"no rule '{wanted}' (see 'minutes-lint rules')")
    if fmt == "json":
        import json

        json.dump(
            {
                "code": rule.code,
                "name": rule.name,
                "summary": rule.summary,
                "severity": rule.severity.value,
                "scope": rule.scope,
                "fix": rule.fix,
                "default": rule.default,
                "options": rule.options,
                "doc": rule.doc,
            },
            out,
            indent=2,
            ensure_ascii=False,
        )
        out.write("\n")
        return EXIT_CLEAN
    out.write(f"# {rule.code} {rule.name}\n\n{rule.summary}.\n\n")
    out.write(f"Severity: {rule.severity.value}. Scope: {rule.scope}. Fix: {rule.fix}. ")
    default = "on" if rule.default else f'off (opt-in: extend-select = ["{rule.code}"])'
    out.write(f"Default: {default}.\n\n")
    out.write(rule.doc + "\n")
    if rule.options:
        out.write("\n## Options (defaults)\n")
        for key, value in rule.options.items():
            out.write(f"- `{key}` = {value!r}\n")
    return EXIT_CLEAN


def _config_command(rest: list[str]) -> int:
    import json

    p = argparse.ArgumentParser(
        prog="minutes-lint config", description="print the effective configuration"
    )
    _common(p)
    p.add_argument("path", nargs="?", default=".", help="the file or folder to resolve it for")
    args = p.parse_args(rest)
    settings = settings_for(args.config, [args.path])
    rules = load_rules()
    from minutes_lint.selection import check_rule_tables, rule_options, select_rules

    check_rule_tables(rules, settings)
    selected = select_rules(rules, settings)
    data = settings.as_dict()
    data["selected"] = sorted(selected)
    data["rule-options"] = {c: rule_options(r, settings) for c, r in selected.items() if r.options}
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    return EXIT_CLEAN
