"""Which rules run without a selection: each rule declares whether it is on by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutes_lint.config import Settings
from minutes_lint.registry import RuleError, load_rules
from minutes_lint.selection import engine_code_selected, select_rules
from tests.fake_rules import make_rule, word_check


def _rules() -> dict:
    return load_rules(
        [
            make_rule("ZZ001", word_check("foo")),
            make_rule("ZZ002", word_check("bar"), default=False),
            make_rule("ZY001", word_check("baz"), default=False),
        ]
    )


def test_a_rule_is_on_by_default_unless_it_says_otherwise() -> None:
    rules = _rules()
    assert rules["ZZ001"].default is True
    assert rules["ZZ002"].default is False


def test_default_must_be_a_bool() -> None:
    with pytest.raises(RuleError, match="DEFAULT"):
        load_rules([make_rule("ZZ001", word_check("foo"), default="no")])


def test_without_a_selection_only_default_rules_run(tmp_path: Path) -> None:
    assert set(select_rules(_rules(), Settings(root=tmp_path))) == {"ZZ001"}


def test_extend_select_turns_an_opt_in_rule_on(tmp_path: Path) -> None:
    rules = _rules()
    assert set(select_rules(rules, Settings(root=tmp_path), extend_select=["ZZ"])) == {
        "ZZ001",
        "ZZ002",
    }
    configured = Settings(root=tmp_path, extend_select=["ZY001"])
    assert set(select_rules(rules, configured)) == {"ZZ001", "ZY001"}


def test_an_explicit_selection_includes_opt_in_rules(tmp_path: Path) -> None:
    rules = _rules()
    assert set(select_rules(rules, Settings(root=tmp_path, select=["ALL"]))) == set(rules)
    assert set(select_rules(rules, Settings(root=tmp_path), ["ZZ"])) == {"ZZ001", "ZZ002"}


def test_ignore_still_wins_over_the_default_selection(tmp_path: Path) -> None:
    rules = _rules()
    assert set(select_rules(rules, Settings(root=tmp_path, ignore=["ZZ"]))) == set()
    # a longer extend-select prefix beats a shorter ignore, as everywhere else
    settings = Settings(root=tmp_path, ignore=["ZZ"], extend_select=["ZZ002"])
    assert set(select_rules(rules, settings)) == {"ZZ002"}


def test_engine_codes_are_on_by_default(tmp_path: Path) -> None:
    assert engine_code_selected("ML003", Settings(root=tmp_path), None, None)


def test_cosmetic_whitespace_is_opt_in_and_unusual_spaces_stay_on() -> None:
    rules = load_rules()
    off = {code for code, rule in rules.items() if not rule.default}
    assert {"WS001", "WS002", "WS004"} <= off
    assert rules["WS003"].default
    assert rules["DT001"].default and rules["AT001"].default


def test_the_readme_rules_table_shows_each_rules_default() -> None:
    import re

    readme = Path(__file__).resolve().parents[1] / "README.md"
    rows = re.findall(
        r"^\| ([A-Z]{2}\d{3}) \| [^|]+ \| [^|]+ \| [^|]+ \| (on|off) \|",
        readme.read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    listed = dict(rows)
    for code, rule in load_rules().items():
        assert listed.get(code) == ("on" if rule.default else "off"), code
