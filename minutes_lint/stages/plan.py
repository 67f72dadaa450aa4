"""What a run checks: the settings that apply and the rules selected by them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from minutes_lint.config import Settings, load_settings
from minutes_lint.registry import Rule
from minutes_lint.selection import (
    ENGINE_CODES,
    check_rule_tables,
    engine_code_selected,
    select_rules,
)


@dataclass
class Plan:
    """The settings of a run, every installed rule and those selected to run."""

    settings: Settings
    all_rules: dict[str, Rule]
    rules: dict[str, Rule]
    engine_codes: set[str] = field(default_factory=set)


def settings_for(config: Path | None, paths: Sequence[str]) -> Settings:
    """The settings for a run over ``paths``: ``config``, else the file nearest the first path."""
    first = next((p for p in paths if p != "-"), ".")
    return load_settings(config, Path(first))


def plan_run(
    settings: Settings,
    all_rules: Mapping[str, Rule],
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
) -> Plan:
    """Validate the rule tables and choose the rules and engine codes (command line on top)."""
    check_rule_tables(all_rules, settings)
    rules = select_rules(all_rules, settings, select, ignore, extend_select)
    engine_codes = {c for c in ENGINE_CODES if engine_code_selected(c, settings, select, ignore)}
    return Plan(settings, dict(all_rules), rules, engine_codes)
