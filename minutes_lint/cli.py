"""The command line: parse arguments, run the stages, pick a reporter, choose the exit code.

Exit codes: 0 nothing to report (or only info), 1 errors or warnings found,
2 usage, configuration or internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from minutes_lint import __version__
from minutes_lint.config import ConfigError, Settings, load_settings
from minutes_lint.registry import Rule, RuleError, load_rules

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2
FORMATS = ("full", "concise", "text", "json", "github", "sarif", "junit", "gitlab", "summary")
COMMANDS = ("check", "rules", "rule", "config", "baseline", "roster", "server", "calendar")


class UsageError(Exception):
    """A command-line mistake: exit code 2 with a message."""


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, metavar="PATH", help="configuration file to use")


def check_parser(prog: str = "minutes-lint") -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=prog,
        description="Lint meeting minutes (Markdown with YAML front matter) for data-quality "
        "problems. Other commands: rules, rule CODE, config, baseline, roster, calendar.",
    )
    p.add_argument("paths", nargs="*", help="files or folders to lint; '-' reads stdin")
    _common(p)
    p.add_argument("--version", action="version", version=f"minutes-lint {__version__}")
    p.add_argument("--select", type=_codes, default=None, help="codes or prefixes to run")
    p.add_argument("--extend-select", type=_codes, default=None, help="add to the selection")
    p.add_argument("--ignore", type=_codes, default=None, help="codes or prefixes to skip")
    p.add_argument(
        "--output-format",
        choices=FORMATS,
        default="full",
        help="full (default: each problem with its source line), concise (one line each; "
        "'text' is its former name) or a machine format",
    )
    p.add_argument("--stdin-filename", help="path to report for text read from stdin")
    p.add_argument("--no-cache", action="store_true", help="do not read or write the cache")
    p.add_argument("--fix", action="store_true", help="apply safe fixes")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply (or show) unsafe fixes")
    p.add_argument("--diff", action="store_true", help="print the diff --fix would make")
    p.add_argument("--show-fixes", action="store_true", help="list what --fix fixed")
    p.add_argument(
        "--exit-non-zero-on-fix", action="store_true", help="exit 1 when --fix changed a file"
    )
    p.add_argument("--baseline", type=Path, metavar="FILE", help="report only what it lacks")
    p.add_argument("--statistics", action="store_true", help="counts per code")
    p.add_argument("--exit-zero", action="store_true", help="always exit 0 after reporting")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            command, rest = args[0], args[1:]
        else:
            command, rest = "check", args
        if command == "check":
            from minutes_lint.commands.check import run_check

            return run_check(check_parser().parse_args(rest))
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
        from minutes_lint.commands.roster import run_roster

        return run_roster(rest)
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ERROR
    except (ConfigError, RuleError, UsageError, OSError) as exc:
        print(f"minutes-lint: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def settings_for(config: Path | None, paths: Sequence[str]) -> Settings:
    first = next((p for p in paths if p != "-"), ".")
    return load_settings(config, Path(first))


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
