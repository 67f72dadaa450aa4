"""Every built-in rule is registered, documented, tested and declared correctly."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from minutes_lint.cli import main
from minutes_lint.registry import DOC_SECTIONS, load_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules()


def test_every_rule_module_is_registered_once() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = declared["project"]["entry-points"]["minutes_lint.rules"]
    modules = {p.stem for p in (ROOT / "rules").glob("*.py") if p.stem != "__init__"}
    assert sorted(v.removeprefix("minutes_lint.rules.") for v in entry_points.values()) == sorted(
        modules
    )
    assert set(entry_points) == set(RULES)
    for code, target in entry_points.items():
        assert RULES[code].origin == target


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented_and_tested(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    rule = RULES[code]
    assert all(section in rule.doc for section in DOC_SECTIONS)
    example = rule.doc.split("## Example", 1)[1].split("## Use instead", 1)
    assert "```" in example[0] and "```" in example[1], "a failing and a passing example"
    module = rule.origin.removeprefix("minutes_lint.rules.")
    assert (ROOT / "tests" / "rules" / f"test_{module}.py").is_file()
    assert rule.summary and not rule.summary.endswith(".")
    assert main(["rule", code]) == 0
    shown = capsys.readouterr().out
    assert rule.summary in shown and "## Fix safety" in shown


def test_names_and_codes_are_unique() -> None:
    assert len({r.name for r in RULES.values()}) == len(RULES)
    prefixes = {code[:2] for code in RULES}
    assert prefixes == {"AT", "CL", "DT", "FM", "PN", "ST", "TX", "WS"}
