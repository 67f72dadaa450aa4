"""The registry, rule selection and the engine's decisions, tested with fake rules."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

import pytest

from minutes_lint.config import ConfigError, Settings
from minutes_lint.diagnostics import Diagnostic, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.registry import DOC_SECTIONS, RuleError, load_rules, rule_from_module
from minutes_lint.selection import (
    ENGINE_CODES,
    engine_code_selected,
    is_selected,
    rule_options,
    select_rules,
)
from minutes_lint.source import ReadFailure
from tests.fake_rules import (
    DOCSTRING,
    config_error_rule,
    crashing_rule,
    make_rule,
    standard_registry,
    standard_rules,
    word_check,
    word_rule,
)


def lint(
    text: str,
    *,
    tmp_path: Path,
    modules: Iterable[ModuleType] | None = None,
    path: str = "minutes.md",
    engine_codes: set[str] | None = None,
    settings: Settings | None = None,
) -> list[Diagnostic]:
    """Lint ``text`` with the fake rules (or ``modules``) in a project rooted at ``tmp_path``."""
    rules = load_rules(list(modules) if modules is not None else standard_rules())
    engine = Engine(
        rules,
        settings or Settings(root=tmp_path),
        engine_codes={"ML003"} if engine_codes is None else engine_codes,
    )
    return engine.lint(Document.from_text(text, path))


def found(diagnostics: list[Diagnostic]) -> list[tuple[str, int]]:
    """``(code, line)`` of every diagnostic, in report order."""
    return [(d.code, d.start.line) for d in diagnostics]


# -- registry ------------------------------------------------------------------------------


def test_a_valid_module_becomes_a_rule() -> None:
    module = word_rule("ZZ001", "foo", "food")
    rule = rule_from_module(module)
    assert (rule.code, rule.name, rule.severity, rule.scope, rule.fix) == (
        "ZZ001",
        "fake-zz001",
        Severity.WARNING,
        "document",
        "safe",
    )
    assert rule.doc.startswith("A rule used by the minutes-lint tests.")
    assert rule.origin == module.__name__


@pytest.mark.parametrize("section", DOC_SECTIONS)
def test_a_docstring_without_a_section_is_rejected(section: str) -> None:
    module = make_rule("ZZ001", word_check("foo"), doc=DOCSTRING.replace(section, "## Notes"))
    with pytest.raises(RuleError, match=section.replace("?", r"\?")):
        rule_from_module(module)


def test_a_module_without_docstring_is_rejected() -> None:
    with pytest.raises(RuleError, match="docstring lacks"):
        rule_from_module(make_rule("ZZ001", word_check("foo"), doc=None))


@pytest.mark.parametrize("code", ["Z001", "ZZ01", "zz001", "ZZZZ001", "ZZ0001", "ZZ-001", ""])
def test_a_bad_code_is_rejected(code: str) -> None:
    with pytest.raises(RuleError, match="CODE"):
        rule_from_module(make_rule(code, word_check("foo"), name="fake-rule"))


@pytest.mark.parametrize(
    ("declarations", "message"),
    [
        ({"name": "Not_Kebab"}, "NAME"),
        ({"name": "trailing-"}, "NAME"),
        ({"severity": "warning"}, "SEVERITY has the wrong type"),
        ({"fix": "maybe"}, "FIX must be one of"),
        ({"scope": "project"}, "SCOPE must be one of"),
    ],
)
def test_bad_declarations_are_rejected(declarations: dict[str, object], message: str) -> None:
    declarations = dict(declarations)
    name = declarations.pop("name", None)
    severity = declarations.pop("severity", Severity.WARNING)
    module = make_rule(
        "ZZ001",
        word_check("foo"),
        name=name,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        **declarations,
    )
    with pytest.raises(RuleError, match=message):
        rule_from_module(module)


def test_a_module_without_check_is_rejected() -> None:
    module = make_rule("ZZ001", word_check("foo"))
    del module.check
    with pytest.raises(RuleError, match="missing check"):
        rule_from_module(module)


def test_a_duplicate_code_is_rejected() -> None:
    first = make_rule("ZZ001", word_check("foo"), name="first-rule")
    second = make_rule("ZZ001", word_check("bar"), name="second-rule")
    with pytest.raises(RuleError, match="code ZZ001 is already used"):
        load_rules([first, second])


def test_a_duplicate_name_is_rejected() -> None:
    first = make_rule("ZZ001", word_check("foo"), name="same-name")
    second = make_rule("ZZ002", word_check("bar"), name="same-name")
    with pytest.raises(RuleError, match="name same-name is already used"):
        load_rules([first, second])


def test_rules_are_returned_by_code() -> None:
    assert list(standard_registry()) == ["ZY001", "ZZ001", "ZZ002"]


def test_a_plugin_that_fails_to_import_is_a_rule_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "minutes_lint.registry.entry_point_specs", lambda: [("ZQ001", "missing_package.rule")]
    )
    with pytest.raises(RuleError, match="cannot load rule plugin ZQ001"):
        load_rules()


def test_a_plugin_that_is_not_a_module_is_a_rule_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        "minutes_lint.registry.entry_point_specs", lambda: [("ZQ001", "json:dumps")]
    )
    with pytest.raises(RuleError, match="must name a module"):
        load_rules()


def test_entry_points_are_read_from_the_distributions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutes_lint.registry import entry_point_specs

    dist = tmp_path / "extra_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "entry_points.txt").write_text(
        "[console_scripts]\nx = y:z\n\n[minutes_lint.rules]\nZQ009 = extra_rules.check\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    assert ("ZQ009", "extra_rules.check") in entry_point_specs()
    import importlib.metadata

    official = {
        (e.name, e.value) for e in importlib.metadata.entry_points(group="minutes_lint.rules")
    }
    assert official <= set(entry_point_specs())


# -- selection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "select", "ignore", "expected"),
    [
        ("DT001", ["ALL"], [], True),
        ("DT001", ["DT"], [], True),
        ("DT001", ["DT001"], [], True),
        ("DT001", ["AT"], [], False),
        ("DT001", [], [], False),
        ("DT001", ["ALL"], ["DT"], False),
        ("DT001", ["DT"], ["DT001"], False),
        ("DT001", ["DT001"], ["DT"], True),  # the longer prefix wins
        ("DT002", ["DT001"], ["DT"], False),
        ("DT001", ["DT"], ["DT"], False),  # a tie goes to ignore
        ("DT001", ["D"], ["DT0"], False),
        ("DT001", ["DT00"], ["DT0"], True),
    ],
)
def test_is_selected_by_longest_prefix(
    code: str, select: list[str], ignore: list[str], expected: bool
) -> None:
    assert is_selected(code, select, ignore) is expected


def test_select_and_ignore_prefixes(tmp_path: Path) -> None:
    rules = standard_registry()
    settings = Settings(root=tmp_path)
    assert set(select_rules(rules, settings, ["ZZ"], ["ZZ002"])) == {"ZZ001"}
    assert set(select_rules(rules, settings, None, ["Z"])) == set()
    assert set(select_rules(rules, settings, ["ZY001"], None, ["ZZ002"])) == {"ZY001", "ZZ002"}


def test_the_command_line_select_replaces_the_configured_one(tmp_path: Path) -> None:
    rules = standard_registry()
    settings = Settings(root=tmp_path, select=["ZY"], ignore=["ZZ002"], extend_select=["ZZ002"])
    # the configured ignore still applies on top of the command line
    assert set(select_rules(rules, settings, ["ZZ"])) == {"ZZ001"}
    assert set(select_rules(rules, settings)) == {"ZY001"}


def test_a_select_code_matching_nothing_is_a_config_error(tmp_path: Path) -> None:
    rules = standard_registry()
    with pytest.raises(ConfigError, match="--select: 'NOPE' matches no rule code"):
        select_rules(rules, Settings(root=tmp_path), ["NOPE"])
    with pytest.raises(ConfigError, match="--ignore"):
        select_rules(rules, Settings(root=tmp_path), None, ["ZW"])
    config = tmp_path / ".minutes-lint.toml"
    with pytest.raises(ConfigError, match=r"\.minutes-lint\.toml: 'QQ' matches no rule code"):
        select_rules(rules, Settings(root=tmp_path, config_path=config, ignore=["QQ"]))


def test_engine_codes_can_be_selected_and_ignored(tmp_path: Path) -> None:
    rules = standard_registry()
    settings = Settings(root=tmp_path)
    assert select_rules(rules, settings, ["ML003"]) == {}
    assert engine_code_selected("ML003", settings, None, None)
    assert not engine_code_selected("ML003", settings, None, ["ML"])
    assert not engine_code_selected("ML003", settings, ["ZZ"], None)
    # a narrowed selection never hides a file that could not be checked
    assert engine_code_selected("ML001", settings, ["ZZ"], None)
    assert engine_code_selected("ML002", Settings(root=tmp_path, select=["ZZ"]), None, None)
    assert not engine_code_selected("ML002", settings, ["ZZ"], ["ML"])
    assert not engine_code_selected("ML001", settings, None, ["ML001"])
    assert set(ENGINE_CODES) == {"ML001", "ML002", "ML003", "ML004", "ML005"}


def test_a_severity_for_an_unknown_code_is_a_config_error(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, severity={"ZZ999": Severity.INFO})
    with pytest.raises(ConfigError, match=r"severity\.ZZ999: no such rule"):
        select_rules(standard_registry(), settings)


def test_rule_options_by_code_and_name(tmp_path: Path) -> None:
    rule = load_rules([config_error_rule()])["ZX002"]
    assert rule_options(rule, Settings(root=tmp_path)) == {"limit": 1}
    by_code = Settings(root=tmp_path, rules={"ZX002": {"limit": 5}})
    assert rule_options(rule, by_code) == {"limit": 5}
    by_name = Settings(root=tmp_path, rules={"fake-config-error": {"limit": 7}})
    assert rule_options(rule, by_name) == {"limit": 7}
    with pytest.raises(ConfigError, match=r"rules\.ZX002\.limit must be int, not str"):
        rule_options(rule, Settings(root=tmp_path, rules={"ZX002": {"limit": "x"}}))
    with pytest.raises(ConfigError, match="unknown option 'limt'"):
        rule_options(rule, Settings(root=tmp_path, rules={"ZX002": {"limt": 1}}))


# -- the engine ----------------------------------------------------------------------------


def test_diagnostics_are_positioned_and_sorted(tmp_path: Path) -> None:
    text = "baz foo\nbar\n  foo baz\n"
    result = lint(text, tmp_path=tmp_path)
    assert [(d.code, d.start.line, d.start.column, d.end.column) for d in result] == [
        ("ZY001", 1, 1, 4),
        ("ZZ001", 1, 5, 8),
        ("ZZ002", 2, 1, 4),
        ("ZZ001", 3, 3, 6),
        ("ZY001", 3, 7, 10),
    ]
    assert {d.path for d in result} == {"minutes.md"}
    assert result[2].severity == Severity.ERROR
    assert result[1].fix is not None and result[1].offset == 4 and result[1].snippet == "foo"


def test_positions_count_characters_in_crlf_text(tmp_path: Path) -> None:
    result = lint("é foo\r\n\r\nbar\r\n", tmp_path=tmp_path)
    assert [(d.code, d.start.line, d.start.column) for d in result] == [
        ("ZZ001", 1, 3),
        ("ZZ002", 3, 1),
    ]


def test_a_problem_may_set_its_own_severity(tmp_path: Path) -> None:
    module = make_rule("ZZ001", word_check("foo", severity=Severity.INFO))
    result = lint("foo\n", tmp_path=tmp_path, modules=[module])
    assert [d.severity for d in result] == [Severity.INFO]


def test_severity_override(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path, severity={"ZZ001": Severity.ERROR, "ZZ002": Severity.INFO})
    result = lint("foo bar baz\n", tmp_path=tmp_path, settings=settings)
    assert {d.code: d.severity for d in result} == {
        "ZZ001": Severity.ERROR,
        "ZZ002": Severity.INFO,
        "ZY001": Severity.WARNING,
    }


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("minutes/2026/a.md", {"ZY001"}),  # "minutes/*" crosses folders, as in fnmatch
        ("minutes/a.md", {"ZY001"}),
        ("drafts/draft-a.md", {"ZZ001", "ZY001"}),  # matched by file name
        ("other/a.md", {"ZZ001", "ZZ002", "ZY001"}),
    ],
)
def test_per_file_ignores(tmp_path: Path, relative: str, expected: set[str]) -> None:
    settings = Settings(
        root=tmp_path,
        per_file_ignores={"minutes/*": ["ZZ"], "draft-*.md": ["ZZ002"]},
    )
    path = str(tmp_path / relative)
    result = lint("foo bar baz\n", tmp_path=tmp_path, settings=settings, path=path)
    assert {d.code for d in result} == expected


def test_per_file_ignores_outside_the_root_use_the_path_as_given(tmp_path: Path) -> None:
    settings = Settings(root=tmp_path / "project", per_file_ignores={"*/notes.md": ["ZZ"]})
    path = str(tmp_path / "elsewhere" / "notes.md")
    result = lint("foo baz\n", tmp_path=tmp_path, settings=settings, path=path)
    assert {d.code for d in result} == {"ZY001"}


# -- suppressions --------------------------------------------------------------------------


def test_disable_until_enable(tmp_path: Path) -> None:
    text = (
        "foo 1\n"
        "<!-- minutes-lint: disable ZZ001 -->\n"
        "foo 3 baz\n"
        "<!-- minutes-lint: enable ZZ001 -->\n"
        "foo 5\n"
    )
    assert found(lint(text, tmp_path=tmp_path)) == [("ZZ001", 1), ("ZY001", 3), ("ZZ001", 5)]


def test_disable_without_enable_lasts_to_the_end(tmp_path: Path) -> None:
    text = "foo 1\n<!-- minutes-lint: disable ZZ001 -->\nfoo 3\n\n\nfoo 6"
    assert found(lint(text, tmp_path=tmp_path)) == [("ZZ001", 1)]


def test_disable_without_codes_covers_every_rule(tmp_path: Path) -> None:
    text = "<!-- minutes-lint: disable -->\nfoo bar baz\n<!-- minutes-lint: enable -->\nbaz\n"
    assert found(lint(text, tmp_path=tmp_path)) == [("ZY001", 4)]


def test_enable_of_one_code_keeps_the_others_disabled(tmp_path: Path) -> None:
    text = (
        "<!-- minutes-lint: disable ZZ001,ZZ002 -->\n"
        "foo bar\n"
        "<!-- minutes-lint: enable ZZ001 -->\n"
        "foo bar\n"
    )
    assert found(lint(text, tmp_path=tmp_path)) == [("ZZ001", 4)]


def test_enable_of_one_code_inside_a_disable_of_all(tmp_path: Path) -> None:
    text = (
        "<!-- minutes-lint: disable -->\n"
        "foo bar baz\n"
        "<!-- minutes-lint: enable ZZ -->\n"
        "foo bar baz\n"
    )
    assert found(lint(text, tmp_path=tmp_path)) == [("ZZ001", 4), ("ZZ002", 4)]


def test_enable_by_prefix_closes_a_disable_of_full_codes(tmp_path: Path) -> None:
    text = (
        "<!-- minutes-lint: disable ZZ001, ZZ002 -->\n"
        "foo bar\n"
        "<!-- minutes-lint: enable ZZ -->\n"
        "foo bar\n"
    )
    assert found(lint(text, tmp_path=tmp_path)) == [("ZZ001", 4), ("ZZ002", 4)]


def test_disable_next_line(tmp_path: Path) -> None:
    text = "<!-- minutes-lint: disable-next-line ZZ001 -->\nfoo baz\nfoo\n"
    assert found(lint(text, tmp_path=tmp_path)) == [("ZY001", 2), ("ZZ001", 3)]


def test_disable_file(tmp_path: Path) -> None:
    text = "foo bar\n\n<!-- minutes-lint: disable-file ZZ002 -->\nfoo bar\n"
    assert found(lint(text, tmp_path=tmp_path)) == [("ZZ001", 1), ("ZZ001", 4)]


def test_prefix_codes_in_suppressions(tmp_path: Path) -> None:
    text = "<!-- minutes-lint: disable-file ZZ -->\nfoo bar baz\n"
    assert found(lint(text, tmp_path=tmp_path)) == [("ZY001", 2)]


@pytest.mark.parametrize("value", ["[ZZ001, ZY]", "ZZ001", "\n  - ZZ001\n  - ZY"])
def test_front_matter_key_disables_for_the_file(tmp_path: Path, value: str) -> None:
    text = f"---\ntitle: Minutes\nminutes-lint-disable: {value}\n---\nfoo bar baz\n"
    result = found(lint(text, tmp_path=tmp_path))
    if value == "ZZ001":
        assert result == [("ZZ002", 5), ("ZY001", 5)]
    else:
        assert result == [("ZZ002", 5 + value.count("\n"))]


def test_a_broken_front_matter_key_is_not_used(tmp_path: Path) -> None:
    text = "---\nminutes-lint-disable: [ZZ001\n---\nfoo\n"
    assert ("ZZ001", 4) in found(lint(text, tmp_path=tmp_path))


def test_an_unused_suppression_is_reported_as_info(tmp_path: Path) -> None:
    text = "<!-- minutes-lint: disable-next-line ZZ002 -->\nfoo\n"
    result = lint(text, tmp_path=tmp_path)
    assert found(result) == [("ML003", 1), ("ZZ001", 2)]
    ml003 = result[0]
    assert ml003.severity == Severity.INFO
    assert "ZZ002" in ml003.message and "suppresses nothing" in ml003.message
    assert (ml003.start.column, ml003.end.line) == (1, 1)


def test_an_unused_front_matter_suppression_is_reported(tmp_path: Path) -> None:
    text = "---\nminutes-lint-disable: [ZZ002]\n---\nfoo\n"
    result = lint(text, tmp_path=tmp_path)
    assert found(result) == [("ML003", 2), ("ZZ001", 4)]


def test_a_used_suppression_is_not_reported(tmp_path: Path) -> None:
    text = "<!-- minutes-lint: disable-next-line ZZ002 -->\nbar\n"
    assert lint(text, tmp_path=tmp_path) == []


def test_unused_suppressions_are_silent_when_ml003_is_not_selected(tmp_path: Path) -> None:
    text = "<!-- minutes-lint: disable-file ZZ002 -->\nfoo\n"
    assert found(lint(text, tmp_path=tmp_path, engine_codes=set())) == [("ZZ001", 2)]


def test_a_suppression_of_a_rule_that_does_not_run_is_not_unused(tmp_path: Path) -> None:
    text = "<!-- minutes-lint: disable-file ZZ002 -->\nfoo\n"
    modules = [word_rule("ZZ001", "foo")]
    assert found(lint(text, tmp_path=tmp_path, modules=modules)) == [("ZZ001", 2)]


def test_a_suppression_without_codes_and_nothing_to_suppress(tmp_path: Path) -> None:
    result = lint("<!-- minutes-lint: disable -->\nclean\n", tmp_path=tmp_path)
    assert found(result) == [("ML003", 1)]
    assert "all rules" in result[0].message


def test_text_that_only_looks_like_a_suppression_is_ignored(tmp_path: Path) -> None:
    text = "minutes-lint: disable ZZ001\n<!-- minutes-lint: disabled ZZ001 -->\nfoo\n"
    assert found(lint(text, tmp_path=tmp_path)) == [("ZZ001", 3)]


# -- crashes and configuration errors ------------------------------------------------------


def test_a_crashing_rule_is_ml005_and_the_others_still_report(tmp_path: Path) -> None:
    rules = load_rules([*standard_rules(), crashing_rule()])
    engine = Engine(rules, Settings(root=tmp_path), engine_codes=set(ENGINE_CODES))
    result = engine.lint(Document.from_text("foo bar baz\n", "a.md"))
    assert engine.crashed
    assert {d.code for d in result} == {"ZZ001", "ZZ002", "ZY001", "ML005"}
    crash = next(d for d in result if d.code == "ML005")
    assert crash.severity == Severity.ERROR
    assert "rule ZX001 failed: RuntimeError: fake rule bug" in crash.message
    assert "fake_rules.py:" in crash.message
    assert crash.path == "a.md"


def test_a_rule_that_crashes_midway_keeps_its_earlier_problems(tmp_path: Path) -> None:
    def check(doc: Document, ctx: object) -> Iterable[Problem]:
        yield Problem(0, 3, "first")
        raise KeyError("later")

    module = make_rule("ZX003", check)
    engine = Engine(load_rules([module]), Settings(root=tmp_path), engine_codes=set())
    result = engine.lint(Document.from_text("foo\n"))
    assert [d.code for d in result] == ["ML005", "ZX003"]


def test_a_config_error_raised_by_a_rule_propagates(tmp_path: Path) -> None:
    rules = load_rules([*standard_rules(), config_error_rule()])
    engine = Engine(rules, Settings(root=tmp_path))
    with pytest.raises(ConfigError, match="must be positive"):
        engine.lint(Document.from_text("foo\n"))
    assert not engine.crashed


def test_a_bad_option_value_fails_when_the_engine_is_built(tmp_path: Path) -> None:
    rules = load_rules([config_error_rule()])
    settings = Settings(root=tmp_path, rules={"ZX002": {"limit": True}})
    with pytest.raises(ConfigError, match="must be int, not bool"):
        Engine(rules, settings)


def test_problems_outside_the_text_are_clamped(tmp_path: Path) -> None:
    def check(doc: Document, ctx: object) -> Iterable[Problem]:
        yield Problem(-5, 2, "before the start")
        yield Problem(len(doc.text) + 10, len(doc.text) + 20, "after the end")
        yield Problem(3, 1, "reversed")

    engine = Engine(load_rules([make_rule("ZX004", check)]), Settings(root=tmp_path))
    result = engine.lint(Document.from_text("ab\ncd"))
    assert [(d.start.line, d.start.column, d.end.line, d.end.column) for d in result] == [
        (1, 1, 1, 3),
        (2, 1, 2, 1),
        (2, 3, 2, 3),
    ]


def test_problems_in_an_empty_document(tmp_path: Path) -> None:
    def check(doc: Document, ctx: object) -> Iterable[Problem]:
        yield Problem(0, 0, "empty")

    engine = Engine(load_rules([make_rule("ZX004", check)]), Settings(root=tmp_path))
    result = engine.lint(Document.from_text(""))
    assert [(d.start.line, d.start.column) for d in result] == [(1, 1)]


def test_read_failures_become_diagnostics_when_selected(tmp_path: Path) -> None:
    failure = ReadFailure("x.md", "ML002", "file contains a NUL byte: not a text file", 3, 7)
    engine = Engine({}, Settings(root=tmp_path))
    (diag,) = engine.failure(failure)
    assert (diag.path, diag.code, diag.start.line, diag.start.column) == ("x.md", "ML002", 3, 7)
    assert diag.severity == Severity.ERROR
    assert Engine({}, Settings(root=tmp_path), engine_codes={"ML001"}).failure(failure) == []
