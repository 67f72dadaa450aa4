"""``minutes-lint config [PATH]``: the effective configuration for a file or folder, as
JSON, with the rules it selects and their options."""

from __future__ import annotations

import argparse
import json
import sys

from minutes_lint.arguments import add_config_option
from minutes_lint.exit_codes import EXIT_CLEAN
from minutes_lint.stages.plan import settings_for


def run_config(rest: list[str]) -> int:
    p = argparse.ArgumentParser(
        prog="minutes-lint config", description="print the effective configuration"
    )
    add_config_option(p)
    p.add_argument("path", nargs="?", default=".", help="the file or folder to resolve it for")
    args = p.parse_args(rest)
    settings = settings_for(args.config, [args.path])
    from minutes_lint.registry import load_rules  # read at call time: tests replace it
    from minutes_lint.selection import check_rule_tables, rule_options, select_rules

    rules = load_rules()
    check_rule_tables(rules, settings)
    selected = select_rules(rules, settings)
    data = settings.as_dict()
    data["selected"] = sorted(selected)
    data["rule-options"] = {c: rule_options(r, settings) for c, r in selected.items() if r.options}
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    return EXIT_CLEAN
