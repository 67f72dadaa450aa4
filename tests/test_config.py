"""Configuration: discovery, the project root, validation of keys, types and rule options."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from minutes_lint.config import ConfigError, Settings, git_toplevel, load_settings
from minutes_lint.diagnostics import Severity
from minutes_lint.registry import load_rules
from minutes_lint.selection import check_rule_tables, rule_options, select_rules
from tests.fake_rules import standard_registry


def write(path: Path, text: str | bytes) -> Path:
    """Write ``text`` to ``path``, creating the folders on the way."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder outside any git repository (skips if the temporary folder is in one)."""
    if git_toplevel(tmp_path) is not None:
        pytest.skip("the temporary folder is inside a git repository")
    return tmp_path


# -- discovery -----------------------------------------------------------------------------


def test_the_nearest_configuration_upward_wins(project: Path) -> None:
    write(project / ".minutes-lint.toml", 'select = ["DT"]\n')
    nearer = write(project / "sub" / "pyproject.toml", '[tool.minutes-lint]\nignore = ["AT"]\n')
    doc = write(project / "sub" / "deep" / "a.md", "text\n")
    settings = load_settings(None, doc)
    assert settings.config_path == nearer.resolve()
    assert settings.root == (project / "sub").resolve()
    assert (settings.select, settings.ignore) == (None, ["AT"])
    assert settings.configured


def test_a_pyproject_without_the_table_is_skipped(project: Path) -> None:
    outer = write(project / ".minutes-lint.toml", 'select = ["DT"]\n')
    write(project / "sub" / "pyproject.toml", '[tool.other]\nx = 1\n[project]\nname = "x"\n')
    doc = write(project / "sub" / "a.md", "text\n")
    settings = load_settings(None, doc)
    assert settings.config_path == outer.resolve()
    assert settings.root == project.resolve()
    assert settings.select == ["DT"]


def test_the_dedicated_file_wins_over_pyproject_in_the_same_folder(project: Path) -> None:
    dedicated = write(project / ".minutes-lint.toml", 'select = ["DT"]\n')
    write(project / "pyproject.toml", '[tool.minutes-lint]\nselect = ["AT"]\n')
    settings = load_settings(None, write(project / "a.md", "x\n"))
    assert settings.config_path == dedicated.resolve()


def test_discovery_starts_from_a_folder_too(project: Path) -> None:
    config = write(project / "minutes" / ".minutes-lint.toml", 'ignore = ["PN"]\n')
    (project / "minutes" / "2026").mkdir()
    assert load_settings(None, project / "minutes" / "2026").config_path == config.resolve()
    assert load_settings(None, project / "minutes").config_path == config.resolve()


def test_discovery_from_a_file_that_does_not_exist(project: Path) -> None:
    config = write(project / ".minutes-lint.toml", 'ignore = ["PN"]\n')
    settings = load_settings(None, project / "missing" / "a.md")
    assert settings.config_path == config.resolve()


def test_an_explicit_config_overrides_discovery(project: Path) -> None:
    write(project / "docs" / ".minutes-lint.toml", 'select = ["DT"]\n')
    explicit = write(project / "elsewhere" / "lint.toml", 'select = ["AT"]\n')
    doc = write(project / "docs" / "a.md", "x\n")
    settings = load_settings(explicit, doc)
    assert settings.config_path == explicit.resolve()
    assert settings.root == (project / "elsewhere").resolve()
    assert settings.select == ["AT"]


def test_an_explicit_pyproject_reads_its_table(project: Path) -> None:
    explicit = write(project / "pyproject.toml", '[tool.minutes-lint]\nselect = ["PN"]\n')
    assert load_settings(explicit, project).select == ["PN"]
    bare = write(project / "other" / "pyproject.toml", '[project]\nname = "x"\n')
    settings = load_settings(bare, project)
    assert settings.select is None and settings.config_path == bare.resolve()


def test_an_explicit_config_that_does_not_exist(project: Path) -> None:
    with pytest.raises(ConfigError, match=r"missing\.toml: no such configuration file"):
        load_settings(project / "missing.toml", project)
    (project / "folder.toml").mkdir()
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_settings(project / "folder.toml", project)


def test_without_configuration_the_root_is_the_current_folder(project: Path) -> None:
    doc = write(project / "notes" / "a.md", "x\n")
    cwd = project / "cwd"
    cwd.mkdir()
    settings = load_settings(None, doc, cwd=cwd)
    assert settings.root == cwd.resolve()
    assert settings.config_path is None and not settings.configured


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_without_configuration_the_root_is_the_git_top_level(project: Path) -> None:
    repo = project / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    doc = write(repo / "minutes" / "2026" / "a.md", "x\n")
    settings = load_settings(None, doc, cwd=project)
    assert settings.root == repo.resolve()
    # a configuration file inside the repository still wins
    config = write(repo / "minutes" / ".minutes-lint.toml", "")
    assert load_settings(None, doc, cwd=project).root == config.parent.resolve()


# -- validation ----------------------------------------------------------------------------


def test_every_key_is_read(project: Path) -> None:
    config = write(
        project / ".minutes-lint.toml",
        """
corpus = ["minutes/**/*.md"]
select = "DT"
extend-select = ["AT"]
ignore = ["DT002"]
include = ["*.md"]
exclude = ["drafts/*"]
roster = "people.yaml"
cache-dir = ".cache"
nicknames = [["Robert", "Bob"]]
report-url = "https://example.org/repo/{path}#L{line}"

[series]
"Example WG" = ["example-wg", "^Minutes of the Example"]

[severity]
DT001 = "warning"

[rules.DT001]
max-publication-lag-days = 30

[per-file-ignores]
"archive/*" = ["AT"]
""",
    )
    settings = load_settings(config, project)
    assert settings.as_dict() == {
        "config": str(config.resolve()),
        "root": str(project.resolve()),
        "corpus": ["minutes/**/*.md"],
        "select": ["DT"],
        "extend-select": ["AT"],
        "ignore": ["DT002"],
        "severity": {"DT001": "warning"},
        "rules": {"DT001": {"max-publication-lag-days": 30}},
        "per-file-ignores": {"archive/*": ["AT"]},
        "include": ["*.md"],
        "exclude": ["drafts/*"],
        "roster": "people.yaml",
        "cache-dir": ".cache",
        "nicknames": [["Robert", "Bob"]],
        "series": {"Example WG": ["example-wg", "^Minutes of the Example"]},
        "report-url": "https://example.org/repo/{path}#L{line}",
    }
    assert settings.severity == {"DT001": Severity.WARNING}


def test_an_empty_configuration_gives_the_defaults(project: Path) -> None:
    settings = load_settings(write(project / ".minutes-lint.toml", ""), project)
    defaults = Settings(root=project.resolve(), config_path=settings.config_path)
    assert settings == defaults


def test_an_unknown_key_names_the_file_and_the_key(project: Path) -> None:
    config = write(project / ".minutes-lint.toml", 'selct = ["DT"]\n')
    with pytest.raises(ConfigError) as info:
        load_settings(None, project)
    assert str(config) in str(info.value) or str(config.resolve()) in str(info.value)
    assert "unknown key 'selct'" in str(info.value)


def test_an_unknown_key_in_pyproject_names_the_table(project: Path) -> None:
    write(project / "pyproject.toml", "[tool.minutes-lint]\nignored = []\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml \[tool\.minutes-lint\]: unknown key"):
        load_settings(None, project)


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("select = 3", "'select' must be a list of strings"),
        ("ignore = [1, 2]", "'ignore' must be a list of strings"),
        ("extend-select = [[]]", "'extend-select' must be a list of strings"),
        ("corpus = {a = 1}", "'corpus' must be a list of strings"),
        ('roster = ""', "'roster' must be a non-empty string"),
        ("cache-dir = 5", "'cache-dir' must be a non-empty string"),
        ('severity = "error"', "'severity' must be a table"),
        ('severity = {DT001 = "fatal"}', "severity.DT001 must be"),
        ("severity = {DT001 = 2}", "severity.DT001 must be"),
        ("rules = 3", "'rules' must be a table of tables"),
        ("rules = {DT001 = 3}", "'rules' must be a table of tables"),
        ("per-file-ignores = []", "'per-file-ignores' must be a table"),
        ('per-file-ignores = {"a/*" = 3}', "'per-file-ignores.a/*' must be a list of strings"),
        ('nicknames = ["Bob"]', "'nicknames' must be a list of lists"),
        ("nicknames = [[1]]", "'nicknames' must be a list of lists"),
    ],
)
def test_bad_types_name_the_file_and_the_key(project: Path, toml: str, key: str) -> None:
    config = write(project / ".minutes-lint.toml", toml + "\n")
    with pytest.raises(ConfigError) as info:
        load_settings(config, project)
    message = str(info.value)
    assert message.startswith(str(config)), message
    assert key in message


@pytest.mark.parametrize(
    "content",
    [
        b'select = ["DT"\n',
        b"[severity\n",
        b"select = ['DT']\nselect = ['AT']\n",
        b'select = ["\xe9"]\n',
    ],
)
def test_invalid_toml_is_a_config_error(project: Path, content: bytes) -> None:
    config = write(project / ".minutes-lint.toml", content)
    with pytest.raises(ConfigError, match="invalid TOML") as info:
        load_settings(None, project)
    assert str(config) in str(info.value)


def test_a_broken_pyproject_that_mentions_minutes_lint_is_reported(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.minutes-lint]\nselect = ["DT"\n')
    with pytest.raises(ConfigError, match=r"pyproject\.toml: invalid TOML"):
        load_settings(None, project)


def test_a_broken_pyproject_of_another_tool_is_skipped(project: Path) -> None:
    write(project / "pyproject.toml", "[tool.other\n")
    assert load_settings(None, project, cwd=project).config_path is None


@pytest.mark.parametrize("content", ["tool = 3\n", 'tool = "minutes-lint"\n'])
def test_a_pyproject_whose_tool_is_not_a_table_is_skipped(project: Path, content: str) -> None:
    write(project / "pyproject.toml", content)
    assert load_settings(None, project, cwd=project).config_path is None


def test_a_pyproject_whose_table_is_not_a_table(project: Path) -> None:
    write(project / "pyproject.toml", "[tool]\nminutes-lint = 3\n")
    with pytest.raises(ConfigError, match=r"\[tool\.minutes-lint\]: must be a table"):
        load_settings(None, project)


# -- rule options --------------------------------------------------------------------------


def installed_rule(code: str) -> object:
    rules = load_rules()
    if code not in rules:
        pytest.skip(f"{code} is not installed")
    return rules[code]


def settings_from(project: Path, toml: str) -> Settings:
    return load_settings(write(project / ".minutes-lint.toml", toml), project)


def test_a_rule_option_is_read(project: Path) -> None:
    rule = installed_rule("DT001")
    settings = settings_from(project, "[rules.DT001]\nmax-publication-lag-days = 7\n")
    assert rule_options(rule, settings)["max-publication-lag-days"] == 7  # type: ignore[arg-type]
    settings = settings_from(project, '[rules."meeting-date-mismatch"]\ncheck-file-name = false\n')
    assert rule_options(rule, settings)["check-file-name"] is False  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('max-publication-lag-days = "x"', "rules.DT001.max-publication-lag-days must be int"),
        ("max-publication-lag-days = 1.5", "must be int, not float"),
        ("max-publication-lag-days = true", "must be int, not bool"),
        ("check-file-name = 1", "rules.DT001.check-file-name must be bool, not int"),
        ("max-lag = 3", "rules.DT001: unknown option 'max-lag'"),
    ],
)
def test_a_bad_rule_option_is_a_config_error(project: Path, toml: str, message: str) -> None:
    rule = installed_rule("DT001")
    settings = settings_from(project, f"[rules.DT001]\n{toml}\n")
    with pytest.raises(ConfigError) as info:
        rule_options(rule, settings)  # type: ignore[arg-type]
    assert message in str(info.value)
    assert str(info.value).startswith(str(settings.config_path))


def test_options_of_an_unknown_rule_are_a_config_error(project: Path) -> None:
    settings = settings_from(project, "[rules.ZZ999]\nx = 1\n")
    with pytest.raises(ConfigError, match=r"rules\.ZZ999: no such rule"):
        check_rule_tables(standard_registry(), settings)
    settings = settings_from(project, "[rules.fake-zz001]\n")
    check_rule_tables(standard_registry(), settings)  # a rule name is fine


def test_unknown_codes_in_select_and_per_file_ignores(project: Path) -> None:
    rules = standard_registry()
    with pytest.raises(ConfigError, match="'ZQ' matches no rule code"):
        select_rules(rules, settings_from(project, 'extend-select = ["ZQ"]\n'))
    with pytest.raises(ConfigError, match="'ZZ01' matches no rule code"):
        select_rules(rules, settings_from(project, '[per-file-ignores]\n"a/*" = ["ZZ01"]\n'))
    select_rules(rules, settings_from(project, '[per-file-ignores]\n"a/*" = ["ZZ0", "ML"]\n'))


def test_series_patterns_must_be_regexes(project: Path) -> None:
    config = write(project / ".minutes-lint.toml", '[series]\n"A" = ["(unclosed"]\n')
    with pytest.raises(ConfigError, match=r"series\.A: bad regex"):
        load_settings(config, project)
    config = write(project / ".minutes-lint.toml", 'series = ["a"]\n')
    with pytest.raises(ConfigError, match="'series' must be a table"):
        load_settings(config, project)


# -- regular expressions in rule options (issue 16, item 10) -------------------------------


@pytest.mark.parametrize(
    ("table", "option"),
    [
        ('[rules.FM007]\npattern = "^([0-9]{4}"\n', ("rules.FM007", "'pattern'")),
        ('[rules.template-value]\npatterns = ["ok", "TODO("]\n', ("rules.FM009", "'patterns'")),
    ],
)
@pytest.mark.parametrize("command", [["a.md"], ["config"], ["config", "a.md"]])
def test_an_invalid_regular_expression_names_the_file_and_fails_config(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    table: str,
    option: tuple[str, str],
    command: list[str],
) -> None:
    from minutes_lint.cli import main

    config = write(project / ".minutes-lint.toml", table)
    write(project / "a.md", "---\ntitle: Minutes\n---\nBody\n")
    monkeypatch.chdir(project)
    capsys.readouterr()
    assert main(["--no-cache", *command] if command == ["a.md"] else command) == 2
    err = capsys.readouterr().err
    assert str(config.resolve()) in err, err
    assert all(part in err for part in option) and "regular expression" in err, err


def test_an_option_a_rule_rejects_while_checking_names_the_file(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutes_lint.cli import main

    config = write(project / ".minutes-lint.toml", "[rules.TX001]\nextra = [3]\n")
    write(project / "a.md", "---\ntitle: Minutes\n---\nBody\n")
    monkeypatch.chdir(project)
    capsys.readouterr()
    assert main(["--no-cache", "a.md"]) == 2
    err = capsys.readouterr().err
    assert f"{config.resolve()}: rules.TX001.extra must be a list of strings" in err, err
