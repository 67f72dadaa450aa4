"""The facts and results caches: warm runs reuse work, and never change what is reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from minutes_lint.facts_cache import CACHE_FILE

DOC = """\
---
title: 2026-03-04 Minutes of the Example Working Group
date: 2026-03-05 09:00:00
---
Thursday, March 4, 2026

## Attendees

{names}
"""


def lint(cwd: Path, *args: str) -> list[dict[str, object]]:
    out = subprocess.run(
        [sys.executable, "-m", "minutes_lint", "--output-format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


def project(tmp_path: Path) -> Path:
    (tmp_path / ".minutes-lint.toml").write_text('corpus = ["*.md"]\n', encoding="utf-8")
    for i, names in enumerate(["Rebecca Kelly (Example CA)"] * 3 + ["Rebecca Kelley (Example CA)"]):
        # distinct minutes (identical copies of one document count once for AT001)
        text = DOC.format(names=names).replace("Group", f"Group, session {i}")
        (tmp_path / f"m{i}.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_warm_runs_report_what_cold_runs_report(tmp_path: Path) -> None:
    root = project(tmp_path)
    cold = lint(root, "--no-cache", ".")
    assert not (root / ".minutes-lint-cache").exists()
    first = lint(root, ".")
    assert (root / ".minutes-lint-cache" / "results-v1").exists()
    assert (root / ".minutes-lint-cache" / ".gitignore").read_text().strip().endswith("*")
    warm = lint(root, ".")
    assert cold == first == warm
    assert {d["code"] for d in warm} >= {"DT002", "AT001"}


def test_a_changed_document_changes_the_other_documents_results(tmp_path: Path) -> None:
    root = project(tmp_path)
    before = [d for d in lint(root, ".") if d["code"] == "AT001"]
    assert [Path(str(d["path"])).name for d in before] == ["m3.md"]
    # the corpus changes under the cached results: three Kelleys outvote the Kelly
    for i in range(3):
        (root / f"k{i}.md").write_text(
            DOC.format(names="Rebecca Kelley (Example CA)").replace("Group", f"Group, call {i}"),
            encoding="utf-8",
        )
    after = [d for d in lint(root, "m0.md", "m3.md") if d["code"] == "AT001"]
    assert [Path(str(d["path"])).name for d in after] == ["m0.md"]


def test_one_file_run_keeps_the_whole_corpus_cache(tmp_path: Path) -> None:
    root = project(tmp_path)
    lint(root, ".")
    entries = list((root / ".minutes-lint-cache" / "results-v1").glob("*/*.json"))
    (root / "m0.md").write_text(DOC.format(names="Ana Lima (Example CA)"), encoding="utf-8")
    lint(root, "m0.md")
    kept = list((root / ".minutes-lint-cache" / "results-v1").glob("*/*.json"))
    assert len(kept) > len(entries)  # the new result was added, none was dropped


def test_a_torn_or_foreign_cache_file_is_ignored(tmp_path: Path) -> None:
    root = project(tmp_path)
    expected = lint(root, "--no-cache", ".")
    cache = root / ".minutes-lint-cache"
    lint(root, ".")
    for entry in (cache / "results-v1").glob("*/*.json"):
        entry.write_text('[{"s": [1, ', encoding="utf-8")  # torn
    (cache / CACHE_FILE).write_text("[]", encoding="utf-8")
    assert lint(root, ".") == expected


def test_two_processes_at_once_share_the_cache_safely(tmp_path: Path) -> None:
    root = project(tmp_path)
    expected = lint(root, "--no-cache", ".")
    command = [sys.executable, "-m", "minutes_lint", "--output-format", "json", "."]
    for _ in range(3):
        runs = [
            subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True) for _ in range(2)
        ]
        outputs = [json.loads(p.communicate()[0]) for p in runs]
        assert outputs == [expected, expected]
        cache = root / ".minutes-lint-cache"
        json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))
        for entry in (cache / "results-v1").glob("*/*.json"):
            json.loads(entry.read_text(encoding="utf-8"))
        (root / "m0.md").write_text(
            (root / "m0.md").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        )
        expected = lint(root, "--no-cache", ".")


def test_a_warm_run_answers_before_importing_any_rule(tmp_path: Path) -> None:
    root = project(tmp_path)
    driver = (
        "import sys\n"
        "from minutes_lint.cli import main\n"
        "code = main(['--output-format', 'json', 'm3.md'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('minutes_lint.rules.'))\n"
        "print('LOADED', len(loaded), file=sys.stderr)\n"
        "raise SystemExit(code)\n"
    )

    def run() -> tuple[str, str]:
        out = subprocess.run(
            [sys.executable, "-c", driver], cwd=root, capture_output=True, text=True
        )
        assert out.returncode == 1, out.stderr
        return out.stdout, out.stderr

    cold_out, cold_err = run()
    warm_out, warm_err = run()
    assert cold_out == warm_out
    assert "LOADED 0" not in cold_err  # the first run imports and runs the rules
    assert "LOADED 0" in warm_err  # the second is answered from the results cache
    # reporters that describe rules load them on demand, with the same answer
    for extra in (["--statistics"], ["--output-format", "sarif"]):
        first = subprocess.run(
            [sys.executable, "-m", "minutes_lint", *extra, "--no-cache", "m3.md"],
            cwd=root,
            capture_output=True,
            text=True,
        )
        again = subprocess.run(
            [sys.executable, "-m", "minutes_lint", *extra, "m3.md"],
            cwd=root,
            capture_output=True,
            text=True,
        )
        assert first.stdout == again.stdout and first.returncode == again.returncode
