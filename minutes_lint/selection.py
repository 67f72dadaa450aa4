"""Which rules run, with which options and severity: decided once, before any check.

Codes are matched by prefix as in flake8 and ruff: ``DT`` selects every date
rule, ``DT002`` one of them; the longest matching prefix between ``select``
(with ``extend-select``) and ``ignore`` wins, and ``ALL`` selects everything.
Without a ``select``, the rules that declare themselves on by default run
(``DEFAULT = True``, the default): as if ``select = ["ALL"]`` matched only them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from minutes_lint.config import ConfigError, Settings
from minutes_lint.registry import Rule


def _match_length(code: str, patterns: Iterable[str]) -> int:
    best = -1
    for pattern in patterns:
        if pattern == "ALL":
            best = max(best, 0)
        elif code.startswith(pattern):
            best = max(best, len(pattern))
    return best


def is_selected(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    chosen = _match_length(code, select)
    return chosen >= 0 and chosen > _match_length(code, ignore)


def check_codes(patterns: Iterable[str], known: Iterable[str], where: str) -> None:
    """A pattern that matches no known code is a configuration error (typos stay visible)."""
    known = list(known)
    for pattern in patterns:
        if pattern != "ALL" and not any(code.startswith(pattern) for code in known):
            raise ConfigError(f"{where}: '{pattern}' matches no rule code")


def select_rules(
    rules: Mapping[str, Rule],
    settings: Settings,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    extend_select: list[str] | None = None,
) -> dict[str, Rule]:
    """The rules to run: configuration first, then the command line on top of it."""
    known = list(rules) + [c for c in ENGINE_CODES]
    where = str(settings.config_path or "configuration")
    for key in ("select", "extend_select", "ignore"):
        check_codes(getattr(settings, key) or [], known, where)
    for pattern, codes in settings.per_file_ignores.items():
        check_codes(codes, known, f"{where}: per-file-ignores.{pattern}")
    check_codes(select or [], known, "--select")
    check_codes(ignore or [], known, "--ignore")
    check_codes(extend_select or [], known, "--extend-select")
    explicit = list(select) if select else settings.select
    extend = settings.extend_select + (extend_select or [])
    chosen_ignore = list(settings.ignore) + (ignore or [])
    for code in settings.severity:
        if code not in rules and code not in ENGINE_CODES:
            raise ConfigError(f"{where}: severity.{code}: no such rule")

    def chosen(code: str, rule: Rule) -> bool:
        if explicit is not None:
            return is_selected(code, [*explicit, *extend], chosen_ignore)
        return is_selected(code, extend, chosen_ignore) or (
            rule.default and is_selected(code, ["ALL"], chosen_ignore)
        )

    return {code: rule for code, rule in rules.items() if chosen(code, rule)}


def engine_code_selected(
    code: str, settings: Settings, select: list[str] | None, ignore: list[str] | None
) -> bool:
    """Engine codes follow the selection, except those for files that could not be checked.

    A narrowed ``--select DT001`` must not let an unreadable or binary file pass
    silently; such codes are reported unless they are ignored.
    """
    chosen = list(select) if select else list(settings.select or ["ALL"])
    if code in ALWAYS_REPORTED:
        chosen.append("ALL")
    return is_selected(
        code, chosen + settings.extend_select, list(settings.ignore) + (ignore or [])
    )


def rule_options(rule: Rule, settings: Settings) -> dict[str, Any]:
    """The rule's defaults updated with ``[rules.CODE]`` or ``[rules.name]``; types are checked."""
    options = dict(rule.options)
    where = str(settings.config_path or "configuration")
    for key in (rule.code, rule.name):
        table = settings.rules.get(key)
        if table is None:
            continue
        for option, value in table.items():
            if option not in rule.options:
                known = ", ".join(sorted(rule.options)) or "none"
                raise ConfigError(
                    f"{where}: rules.{key}: unknown option '{option}' (options: {known})"
                )
            default = rule.options[option]
            if default is not None and not _same_kind(default, value):
                raise ConfigError(
                    f"{where}: rules.{key}.{option} must be {type(default).__name__}, "
                    f"not {type(value).__name__}"
                )
            options[option] = value
    return options


def check_rule_tables(rules: Mapping[str, Rule], settings: Settings) -> None:
    """Every ``[rules.X]`` table names a rule, and every configured option is valid: its
    type, and whatever the rule's own ``validate_options`` checks (a regular expression
    that compiles, a format that parses), so a bad value fails when the configuration is
    loaded, naming the file and the key."""
    names = {r.name for r in rules.values()}
    where = str(settings.config_path or "configuration")
    for key in settings.rules:
        if key not in rules and key not in names:
            raise ConfigError(f"{where}: rules.{key}: no such rule")
    for rule in rules.values():
        configured = rule.code in settings.rules or rule.name in settings.rules
        if not configured:
            continue
        options = rule_options(rule, settings)
        if rule.validate is not None:
            try:
                rule.validate(options)
            except ConfigError as exc:
                message = str(exc)
                raise ConfigError(
                    message if message.startswith(where) else f"{where}: {message}"
                ) from None


def _same_kind(default: Any, value: Any) -> bool:
    if default == "auto":  # a switch that can also be learned: true, false or "auto"
        return isinstance(value, (bool, str))
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)) and isinstance(value, (int, float)):
        return isinstance(value, int) if isinstance(default, int) else True
    return isinstance(value, type(default))


# Diagnostics the engine itself reports (files it cannot read, suppressions, fixes).
ENGINE_SEVERITY = {"ML003": "info"}  # the others are errors
ENGINE_CODES: dict[str, tuple[str, str]] = {
    "ML001": ("unreadable-file", "The file cannot be read (missing, a directory, no permission)"),
    "ML002": ("not-utf8-text", "The file is not UTF-8 text (other encoding, binary, NUL bytes)"),
    "ML003": ("unused-suppression", "A suppression comment that suppresses nothing"),
    "ML004": ("fix-not-applied", "A fix was not applied: it did not converge or broke the file"),
    "ML005": ("rule-crashed", "A rule failed on this file (a minutes-lint bug: please report it)"),
}
# Engine codes reported whatever the selection (unless ignored): the file was not checked.
ALWAYS_REPORTED = ("ML001", "ML002", "ML004", "ML005")
