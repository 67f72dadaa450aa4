"""The plugin boundary: a rule package installed through the entry point, with a corpus rule
that declares its own fact, works cold, warm, serially and in the process pool (fork and
spawn); and every cache is keyed by what can change its result."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_lint.config import ConfigError, Settings
from minutes_lint.corpus import Corpus, MissingFact
from minutes_lint.document import Document
from minutes_lint.facts import fact, stamp_files
from minutes_lint.registry import RuleError, load_rules, rule_from_module
from minutes_lint.selection import check_rule_tables

FIXTURE = Path(__file__).parent / "plugin_fixture"
DOC = """\
# Example WG meeting {n}

- Agenda: {item}

## Attendees

{names}
"""


def install_plugin(site: Path) -> Path:
    """The demo plugin as an installed distribution: its package and a dist-info."""
    shutil.copytree(FIXTURE / "minutes_lint_demo", site / "minutes_lint_demo")
    info = site / "minutes_lint_demo-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: minutes-lint-demo\nVersion: 0.1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[minutes_lint.rules]\n"
        "XD001 = minutes_lint_demo.shared_agenda\n"
        "XD002 = minutes_lint_demo.banned_words\n",
        encoding="utf-8",
    )
    return site


def project(root: Path, count: int = 3, names: str = "Ann Lee (Acme)") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / ".minutes-lint.toml").write_text('corpus = ["**/*.md"]\n', encoding="utf-8")
    for n in range(count):
        item = "Reveiw of actions" if n == 1 else "Review of actions"
        (root / f"m{n:03}.md").write_text(DOC.format(n=n, item=item, names=names), encoding="utf-8")
    return root


def run(cwd: Path, site: Path, *args: str, **env: str) -> tuple[int, list[dict[str, object]], str]:
    environ = {**os.environ, "PYTHONPATH": str(site), **env}
    out = subprocess.run(
        [sys.executable, "-m", "minutes_lint", "--output-format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environ,
    )
    assert out.returncode in (0, 1), out.stderr
    return out.returncode, json.loads(out.stdout), out.stderr


def found(diagnostics: list[dict[str, object]], code: str) -> list[tuple[str, int]]:
    return sorted(
        (Path(str(d["path"])).name, int(str(d["line"]))) for d in diagnostics if d["code"] == code
    )


def test_a_plugin_corpus_rule_works_cold_warm_serial_and_in_the_pool(tmp_path: Path) -> None:
    site = install_plugin(tmp_path / "site")
    root = project(tmp_path / "minutes", count=60)  # above the pool threshold
    select = ("--select", "XD001", ".")
    _, serial, _ = run(root, site, "--no-cache", *select, MINUTES_LINT_WORKERS="1")
    assert found(serial, "XD001") == [("m001.md", 3)]
    _, forked, _ = run(
        root,
        site,
        "--no-cache",
        *select,
        MINUTES_LINT_WORKERS="2",
        MINUTES_LINT_START_METHOD="fork",
    )
    _, spawned, err = run(
        root,
        site,
        "--no-cache",
        *select,
        MINUTES_LINT_WORKERS="2",
        MINUTES_LINT_START_METHOD="spawn",
    )
    assert "Traceback" not in err
    _, cold, _ = run(root, site, *select)  # fills the facts and results caches
    _, warm, _ = run(root, site, *select)
    assert serial == forked == spawned == cold == warm
    cache = root / ".minutes-lint-cache"
    facts = json.loads(next(cache.glob("facts-v*.json")).read_text(encoding="utf-8"))
    keys = {k for entry in facts["entries"].values() for k in entry["facts"]}
    assert any(k.startswith("XD001.agenda@1:") for k in keys), keys


def test_a_changed_fact_extractor_is_not_served_from_the_cache(tmp_path: Path) -> None:
    site = install_plugin(tmp_path / "site")
    root = project(tmp_path / "minutes", count=4)
    _, before, _ = run(root, site, "--select", "XD001", ".")
    assert found(before, "XD001") == [("m001.md", 3)]
    module = site / "minutes_lint_demo" / "shared_agenda.py"
    code = module.read_text(encoding="utf-8")
    # the new extractor records every item in capitals: no document's item matches any more
    module.write_text(
        code.replace(
            "[line.text[len(MARKER) :].strip(), number]",
            "[line.text[len(MARKER) :].strip().upper(), number]",
        ),
        encoding="utf-8",
    )
    _, after, _ = run(root, site, "--select", "XD001", ".")
    _, fresh, _ = run(root, site, "--no-cache", "--select", "XD001", ".")
    assert after == fresh
    assert len(found(after, "XD001")) == 4


def test_edited_package_data_is_not_served_from_the_results_cache(tmp_path: Path) -> None:
    site = install_plugin(tmp_path / "site")
    root = project(tmp_path / "minutes", count=1)
    (root / "m000.md").write_text("The frobnicator was discussed.\n", encoding="utf-8")
    _, before, _ = run(root, site, "--select", "XD002", ".")
    assert found(before, "XD002") == [("m000.md", 1)]
    (site / "minutes_lint_demo" / "banned.txt").write_text("widgetry\n", encoding="utf-8")
    _, after, _ = run(root, site, "--select", "XD002", ".")
    assert found(after, "XD002") == []


def test_a_warm_run_from_another_folder_prints_paths_for_that_folder(tmp_path: Path) -> None:
    site = install_plugin(tmp_path / "site")
    root = tmp_path / "minutes"
    (root / "notes").mkdir(parents=True)
    (root / ".minutes-lint.toml").write_text('corpus = ["**/*.md"]\n', encoding="utf-8")
    for n in range(3):
        (root / "notes" / f"k{n}.md").write_text(
            DOC.format(n=n, item="x", names="Rebecca Kelly (Example CA)"), encoding="utf-8"
        )
    (root / "notes" / "odd.md").write_text(
        DOC.format(n=9, item="x", names="Rebecca Kelley (Example CA)"), encoding="utf-8"
    )
    _, from_root, _ = run(root, site, "--select", "AT001", "notes")
    assert [d["path"] for d in from_root] == [str(Path("notes") / "odd.md")]
    _, warm, _ = run(root / "notes", site, "--select", "AT001", ".")
    _, cold, _ = run(root / "notes", site, "--no-cache", "--select", "AT001", ".")
    assert warm == cold
    assert [d["path"] for d in warm] == ["odd.md"]
    # a place in another document is named relative to the project root, from any folder
    assert "notes/k0.md:" in str(warm[0]["message"]) or "notes/k" in str(warm[0]["message"])


def test_a_rule_option_is_validated_when_the_configuration_is_loaded(tmp_path: Path) -> None:
    config = tmp_path / ".minutes-lint.toml"
    config.write_text('[rules.FM007]\npattern = "(unclosed"\n', encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "minutes_lint", "config"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 2
    assert str(config) in out.stderr and "rules.FM007" in out.stderr and "pattern" in out.stderr
    rules = load_rules()
    settings = Settings(root=tmp_path, config_path=config, rules={"FM007": {"pattern": "("}})
    with pytest.raises(ConfigError, match=str(config)):
        check_rule_tables(rules, settings)


def test_python_m_minutes_lint_ignores_a_local_rules_package(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "__init__.py").write_text("raise SystemExit('wrong rules')\n")
    (tmp_path / "rules.py").write_text("raise SystemExit('wrong rules')\n")
    (tmp_path / "a.md").write_text("# Minutes\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "minutes_lint", "a.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert out.returncode in (0, 1), out.stderr
    assert "wrong rules" not in out.stderr + out.stdout


def test_facts_are_read_only_when_declared() -> None:
    @fact("test.words", version=1)
    def words(doc: Document) -> int:
        return len(doc.text.split())

    @fact("test.lines", version=1)
    def lines(doc: Document) -> int:
        return len(doc.lines)

    docs = [Document.from_text("a b c\n", "a.md"), Document.from_text("d\n", "b.md")]
    corpus = Corpus.from_documents(docs, [words])
    assert corpus.facts(words) == {"a.md": 3, "b.md": 1}
    with pytest.raises(MissingFact):
        corpus.facts(lines)


def test_fact_declarations_are_checked() -> None:
    import types

    module = types.ModuleType("bad_rule")
    module.__doc__ = (
        "x\n## What it does\n## Why is this bad?\n## Example\n## Use instead\n## Fix safety\n"
    )
    module.CODE, module.NAME, module.SUMMARY = "XB001", "bad-rule", "Bad"  # type: ignore[attr-defined]
    from minutes_lint.diagnostics import Severity

    module.SEVERITY = Severity.WARNING  # type: ignore[attr-defined]
    module.check = lambda doc, ctx: iter(())  # type: ignore[attr-defined]
    module.FACTS = (len,)  # type: ignore[attr-defined]
    with pytest.raises(RuleError, match="FACTS"):
        rule_from_module(module)


def test_a_file_stamp_changes_with_the_file(tmp_path: Path) -> None:
    target = tmp_path / "words.txt"
    target.write_text("alpha\n", encoding="utf-8")
    before = stamp_files([str(target)])
    target.write_text("alpha\nbeta\n", encoding="utf-8")
    assert stamp_files([str(target)]) != before
