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
