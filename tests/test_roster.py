"""``minutes-lint roster``: clusters written for a person to confirm, edits preserved."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def write_project(root: Path) -> None:
    (root / ".minutes-lint.toml").write_text('corpus = ["minutes/*.md"]\n', encoding="utf-8")
    docs = root / "minutes"
    docs.mkdir()
    lists = [
        "Rebecca Kelly (Example CA), Ben Wilson (Example Browser), Clint Wilson (Example OS)",
        "Rebecca Kelly (Example CA), Ben Wilson (Example Browser), Clint Wilson (Example OS)",
        "Rebecca Kelley (Example CA), Ben Wilson (Example Browser), Atsushi INABA (Sign Co)",
        "Inaba Atsushi (Sign Co), Tim Crawford (Audit LLP), Tim Callan (Example CA)",
        "Inaba Atsushi (Signco), Tim Crawford (Audit LLP), Tim Callan (Example CA)",
    ]
    for i, names in enumerate(lists):
        (docs / f"m{i}.md").write_text(f"## Attendees\n\n{names}\n", encoding="utf-8")


def roster(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minutes_lint", "roster", "--no-cache", *args],
        cwd=root,
        capture_output=True,
        text=True,
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_project(tmp_path)
    return tmp_path


def test_roster_writes_clusters_without_false_merges(project: Path) -> None:
    out = roster(project)
    assert out.returncode == 0, out.stderr
    text = (project / "minutes-roster.yaml").read_text(encoding="utf-8")
    assert "- name: Rebecca Kelly" in text and "- Rebecca Kelley" in text
    assert "- name: Inaba Atsushi" in text and "- Atsushi INABA" in text
    assert "- name: Sign Co" in text and "- Signco" in text
    for different in ("Clint Wilson", "Tim Callan", "Tim Crawford", "Ben Wilson"):
        assert different not in text


def test_check_fails_until_written_then_passes(project: Path) -> None:
    assert roster(project, "--check").returncode == 1
    assert not (project / "minutes-roster.yaml").exists()
    assert roster(project).returncode == 0
    assert roster(project, "--check").returncode == 0


def test_update_keeps_comments_order_and_confirmations(project: Path) -> None:
    roster(project)
    path = project / "minutes-roster.yaml"
    text = path.read_text(encoding="utf-8")
    first_kelly_then_inaba = text.index("Rebecca Kelly") < text.index("Inaba Atsushi")
    text = text.replace("people:\n", "people:\n  # confirmed by the secretary\n", 1)
    text = text.replace(
        "    candidates:\n      - Rebecca Kelley\n", "    aliases: [Rebecca Kelley]\n"
    )
    path.write_text(text, encoding="utf-8")
    (project / "minutes" / "m9.md").write_text(
        "## Attendees\n\nRebeca Kelly (Example CA)\n", encoding="utf-8"
    )
    assert roster(project).returncode == 0
    updated = path.read_text(encoding="utf-8")
    assert "# confirmed by the secretary" in updated
    assert "aliases: [Rebecca Kelley]" in updated
    assert "- Rebeca Kelly" in updated
    assert (
        updated.index("Rebecca Kelly") < updated.index("Inaba Atsushi")
    ) == first_kelly_then_inaba


def test_distinct_pair_is_not_proposed_again(project: Path) -> None:
    (project / "minutes-roster.yaml").write_text(
        "people: []\norganisations: []\ndistinct:\n  - [Rebecca Kelly, Rebecca Kelley]\n",
        encoding="utf-8",
    )
    roster(project)
    text = (project / "minutes-roster.yaml").read_text(encoding="utf-8")
    assert "- Rebecca Kelley\n" not in text.split("distinct:")[0]


def test_roster_needs_a_configured_project(tmp_path: Path) -> None:
    out = roster(tmp_path)
    assert out.returncode == 2 and "no configuration file" in out.stderr


def test_a_tie_is_marked_in_the_yaml(tmp_path: Path) -> None:
    # issue 16, item 16: with as many "Dana Whitlock" as "Dana Whitlok", the name written
    # as canonical is a guess; the file says so, not only the terminal
    (tmp_path / ".minutes-lint.toml").write_text('corpus = ["minutes/*.md"]\n', encoding="utf-8")
    docs = tmp_path / "minutes"
    docs.mkdir()
    for i, name in enumerate(["Dana Whitlock", "Dana Whitlok", "Dana Whitlock", "Dana Whitlok"]):
        (docs / f"m{i}.md").write_text(
            f"## Attendees\n\n{name} (Example CA), Ben Wilson (Example Browser)\n",
            encoding="utf-8",
        )
    out = roster(tmp_path)
    assert out.returncode == 0, out.stderr
    assert "(tie)" in out.stdout
    text = (tmp_path / "minutes-roster.yaml").read_text(encoding="utf-8")
    (line,) = [line for line in text.splitlines() if "- name: Dana" in line]
    assert (
        "# Dana Whitlock: 2, Dana Whitlok: 2" in line
        or "# Dana Whitlok: 2, Dana Whitlock: 2" in line
    )
    assert "tie" in line and "check which spelling is right" in line
    assert "tie" not in text.replace(line, "").split("people:")[1]  # only on the tied entry
