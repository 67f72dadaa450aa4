"""Smoke and acceptance runs on real minutes, when the caller points at them.

MINUTES_LINT_SEEDS: a folder of seed documents (*.txt); MINUTES_LINT_CORPUS: a folder of
real minutes (*.md).  Skipped cleanly when the variables are unset or the folders absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest


def folder(var: str) -> Path:
    value = os.environ.get(var)
    if not value or not Path(value).is_dir():
        pytest.skip(f"{var} is not set to a folder")
    return Path(value)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minutes_lint", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )


@pytest.fixture(scope="module")
def seeds_report() -> tuple[int, list[dict[str, object]], dict[str, str]]:
    seeds = folder("MINUTES_LINT_SEEDS")
    files = sorted(str(p) for p in seeds.glob("*.txt"))
    out = run("--no-cache", "--output-format", "json", *files)
    assert "Traceback" not in out.stderr
    names = {Path(f).name[:3]: f for f in files}
    return out.returncode, json.loads(out.stdout), names


def hits(report: list[dict[str, object]], path: str, code: str) -> list[dict[str, object]]:
    return [d for d in report if d["path"] == path and d["code"] == code]


def test_seeds_date_problem_of_seed_000(seeds_report) -> None:  # type: ignore[no-untyped-def]
    rc, report, names = seeds_report
    assert rc == 1
    lines = {d["line"] for d in hits(report, names["000"], "DT001")}
    assert lines & {2, 6, 11}


def test_seeds_kelly_kelley_pair(seeds_report) -> None:  # type: ignore[no-untyped-def]
    _, report, names = seeds_report
    found = [
        d for d in hits(report, names["002"], "AT001") if "Rebecca Kelley" in str(d["message"])
    ]
    assert found and "Rebecca Kelly" in str(found[0]["message"])
    assert Path(names["000"]).name in str(found[0]["message"])


def test_seeds_client_wilson_in_prose(seeds_report) -> None:  # type: ignore[no-untyped-def]
    _, report, names = seeds_report
    found = [d for d in hits(report, names["001"], "PN001") if "Client Wilson" in str(d["message"])]
    assert found
    text = Path(names["001"]).read_text(encoding="utf-8").splitlines()
    assert "Client Wilson" in text[int(found[0]["line"]) - 1]  # type: ignore[call-overload]


def test_corpus_runs_without_traceback() -> None:
    corpus = folder("MINUTES_LINT_CORPUS")
    out = run("--no-cache", "--output-format", "json", str(corpus))
    assert "Traceback" not in out.stderr, out.stderr[-2000:]
    assert out.returncode in (0, 1), out.stderr[-2000:]
    report = json.loads(out.stdout)
    counts = Counter(d["code"] for d in report)
    assert not counts.get("ML005"), [d for d in report if d["code"] == "ML005"][:3]


def test_seeds_catalogue(seeds_report) -> None:  # type: ignore[no-untyped-def]
    _, report, names = seeds_report

    def said(seed: str, code: str, text: str) -> bool:
        return any(text in str(d["message"]) for d in hits(report, names[seed], code))

    assert said("002", "TX002", "SMCWC")
    assert said("002", "AT005", "Dtrust")
    assert said("003", "TX001", "Intersted")
    assert said("002", "AT004", "Arnold Essing")
    assert said("002", "AT006", "Amazon Trust Serivices")
    assert hits(report, names["004"], "AT003")
    assert said("004", "TX003", "SMC06")
    assert said("003", "FM010", "slug") or said("004", "FM010", "slug")
    rendered = [d for d in report if d["path"] == names["001"] and str(d["code"]).startswith("FM")]
    assert len(rendered) <= 1 and all(d["severity"] == "info" for d in rendered)


@pytest.fixture
def seeds_project(tmp_path: Path) -> Path:
    seeds = folder("MINUTES_LINT_SEEDS")
    repo = tmp_path / "site"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for seed in sorted(seeds.glob("*.txt")):
        (repo / f"{seed.stem}.md").write_bytes(seed.read_bytes())
    (repo / ".minutes-lint.toml").write_text('corpus = ["*.md"]\n', encoding="utf-8")
    return repo


def project_report(repo: Path, *files: str) -> list[dict[str, object]]:
    out = run("--output-format", "json", *files, cwd=repo)
    assert "Traceback" not in out.stderr, out.stderr
    return json.loads(out.stdout)


def test_one_seed_is_checked_against_the_whole_corpus(seeds_project: Path) -> None:
    s001 = next(p.name for p in seeds_project.glob("001_*.md"))
    s004 = next(p.name for p in seeds_project.glob("004_*.md"))
    alone_001 = project_report(seeds_project, s001)
    assert any(
        d["code"] == "PN001"
        and "Client Wilson" in str(d["message"])
        and "Clint Wilson" in str(d["message"])
        for d in alone_001
    )
    alone_004 = project_report(seeds_project, s004)
    assert any(
        d["code"] == "AT001"
        and "Inigo Barreira" in str(d["message"])
        and "Iñigo" in str(d["message"])
        for d in alone_004
    )


def test_all_seeds_in_a_project(seeds_project: Path) -> None:
    report = project_report(seeds_project, ".")
    text = "\n".join(f"{d['code']} {d['message']}" for d in report)
    for expected in (
        "AT001 attendee “Rebecca Kelley”",
        "AT001 attendee “Atsushi INABA”",
        "AT001 attendee “Fumiaki Ono”",
        "Dtrust",
        "Serivices",
        "FM010 slug",
    ):
        assert expected in text, expected


def test_fixing_the_seeds(seeds_project: Path) -> None:
    s000 = next(seeds_project.glob("000_*.md"))
    s001 = next(seeds_project.glob("001_*.md"))
    before = s000.read_text(encoding="utf-8")
    assert " \n" in before
    ws = ("--extend-select", "WS")  # the cosmetic whitespace rules are opt-in
    safe = run("--fix", *ws, ".", cwd=seeds_project)
    assert "Traceback" not in safe.stderr, safe.stderr
    after_safe = s000.read_text(encoding="utf-8")
    assert " \n" not in after_safe  # trailing whitespace and whitespace-only lines
    assert "title: 2024-01-14" in after_safe  # the date fix is unsafe
    assert "Client Wilson" in s001.read_text(encoding="utf-8")
    unsafe = run("--fix", "--unsafe-fixes", *ws, ".", cwd=seeds_project)
    assert "Traceback" not in unsafe.stderr, unsafe.stderr
    after = s000.read_text(encoding="utf-8")
    assert "title: 2026-01-14 Minutes" in after
    assert "date: 2026-01-14 00:00:00" in after
    assert "Clint Wilson (Apple)" in s001.read_text(encoding="utf-8")
    again = run("--fix", "--unsafe-fixes", *ws, ".", cwd=seeds_project)
    assert again.returncode in (0, 1)
    assert s000.read_text(encoding="utf-8") == after
