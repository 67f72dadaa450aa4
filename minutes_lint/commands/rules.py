"""``minutes-lint rules`` lists the installed rules; ``minutes-lint rule CODE`` documents one."""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from minutes_lint.exit_codes import EXIT_CLEAN, UsageError
from minutes_lint.registry import Rule


def run_rules(command: str, rest: list[str]) -> int:
    p = argparse.ArgumentParser(prog=f"minutes-lint {command}")
    if command == "rule":
        p.add_argument("code", help="a rule code (DT001) or name (meeting-date-mismatch)")
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    args = p.parse_args(rest)
    from minutes_lint.registry import load_rules  # read at call time: tests replace it

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
