"""``minutes-lint report``: the data it gathers, the JSON output, the page and its escaping."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_lint.cli import main
from minutes_lint.report.page import script_json
from minutes_lint.report.svg import _nice_max, attendance_strip, stacked_columns

DOC = """---
title: "{title}"
date: {date} 09:00:00
---

## Minutes of the Harbour Group

{weekday}, {long}

## 1. Discussion

{discussion}

## 2. Attendees

{attendees}
"""
PEOPLE = (
    "Marta Quillon (Lakeview Trust), Oskar Brandvold (Fjord PKI), "
    "Priya Venkataraman (Lakeview Trust)"
)
HOSTILE_NAME = "Zed<script>window.__injected=1</script> Doe"
HOSTILE_ORG = "Evil <img src=x onerror=window.__injected=2> Org"
HOSTILE_TITLE = "2025-02-19 Minutes <script>window.__injected=4</script>"
HOSTILE_FILE = "2025-02-19-<img src=x onerror=window.__injected=3>.md"
MEETINGS = [
    ("2025-01-08", "Wednesday", "January 8, 2025", PEOPLE),
    ("2025-01-22", "Wednesday", "January 22, 2025", PEOPLE),
    (
        "2025-02-05",
        "Wednesday",
        "February 5, 2025",
        PEOPLE.replace("Quillon", "Quilon")
        .replace("Fjord PKI", "Fjord-PKI")
        .replace("Priya Venkataraman", "Priya VENKATARAMAN")
        + f", {HOSTILE_NAME.replace('Doe', 'DOE')} (Lakeview Trust), Ada Lind (Lakeview Trust)",
    ),
    (
        "2025-02-19",
        "Thursday",  # a Wednesday: DT002
        "February 19, 2025",
        PEOPLE + f", {HOSTILE_NAME} (Lakeview Trust), Ada Lind ({HOSTILE_ORG})",
    ),
]


def write_archive(folder: Path) -> Path:
    """Four made-up minutes: a name and an organisation written two ways, a weekday
    mismatch, a misspelling, and document text that tries to inject markup and script."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, (iso, weekday, long, attendees) in enumerate(MEETINGS):
        last = i == len(MEETINGS) - 1
        text = DOC.format(
            title=HOSTILE_TITLE if last else f"{iso} Minutes of the Harbour Group",
            date=iso,
            weekday=weekday,
            long=long,
            discussion="Oskar Brandvold said <img src=x onerror=window.__injected=5> is teh plan."
            if last
            else "Oskar Brandvold presented the plan.",
            attendees=attendees,
        )
        name = HOSTILE_FILE if last else f"{iso}-harbour.md"
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def report(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "minutes_lint", "report", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


def lint_json(cwd: Path, *args: str) -> list[dict[str, object]]:
    out = subprocess.run(
        [sys.executable, "-m", "minutes_lint", "--output-format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    write_archive(tmp_path / "minutes")
    return tmp_path


def test_json_holds_the_check_diagnostics_people_and_organisations(archive: Path) -> None:
    done = report(archive, "minutes", "--output-format", "json", "--no-cache")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    expected = lint_json(archive, "minutes", "--no-cache")
    assert [(p["path"], p["line"], p["code"], p["message"]) for p in data["problems"]] == [
        (d["path"], d["line"], d["code"], d["message"]) for d in expected
    ]
    codes = {p["code"] for p in data["problems"]}
    assert {"AT001", "AT007", "DT002", "TX001"} <= codes
    summary = data["summary"]
    assert summary["documents"] == 4
    assert summary["problems"] == len(expected)
    assert sum(summary["by_severity"].values()) == len(expected)
    assert summary["first_date"] == "2025-01-08" and summary["last_date"] == "2025-02-19"
    assert summary["period"] == "month"
    assert [p["period"] for p in summary["by_period"]] == ["2025-01", "2025-02"]
    assert [p["documents"] for p in summary["by_period"]] == [2, 2]

    people = {p["name"]: p for p in data["people"]}
    marta = people["Marta Quillon"]
    assert [(v["text"], v["count"]) for v in marta["variants"]] == [
        ("Marta Quillon", 3),
        ("Marta Quilon", 1),
    ]
    assert marta["variants"][1]["documents"] == ["minutes/2025-02-05-harbour.md"]
    assert marta["variants"][1]["dates"] == ["2025-02-05"]
    assert marta["state"] == "new"
    assert "Oskar Brandvold" not in people  # written one way only

    orgs = {o["name"]: o for o in data["organisations"]}
    assert [(v["text"], v["count"]) for v in orgs["Fjord PKI"]["variants"]] == [
        ("Fjord PKI", 3),
        ("Fjord-PKI", 1),
    ]
    assert data["organisations"][0]["name"] == "Fjord PKI"  # written several ways: first
    series = {s["name"]: s for s in data["calendar"]["series"]}
    assert series["Harbour Group"]["meetings"] == 3
    flagged = [
        p["code"] for s in series.values() for m in s["meetings_list"] for p in m["problems"]
    ]
    assert flagged == ["DT002"]
    assert {b["series"] for b in data["calendar"]["by_series"]} == set(series)


def test_roster_states_and_url_template_from_the_configuration(archive: Path) -> None:
    (archive / ".minutes-lint.toml").write_text(
        'corpus = ["minutes/*.md"]\n'
        'report-url = "https://example.org/repo/blob/main/{path}#L{line}"\n',
        encoding="utf-8",
    )
    (archive / "minutes-roster.yaml").write_text(
        "people:\n"
        "  - name: Marta Quillon\n    aliases: [Marta Quilon]\n"
        "  - name: Priya Venkataraman\n    candidates: [Priya VENKATARAMAN]\n",
        encoding="utf-8",
    )
    done = report(archive, "minutes", "--output-format", "json", "--no-cache")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    people = {p["name"]: p for p in data["people"]}
    if "Marta Quillon" in people:  # a confirmed alias may no longer form a cluster
        assert people["Marta Quillon"]["state"] == "confirmed"
    priya = people["Priya Venkataraman"]
    assert priya["state"] == "candidate"
    assert [v["state"] for v in priya["variants"]] == ["confirmed", "candidate"]
    dt002 = next(p for p in data["problems"] if p["code"] == "DT002")
    assert dt002["url"] == (
        "https://example.org/repo/blob/main/minutes/"
        "2025-02-19-%3Cimg%20src%3Dx%20onerror%3Dwindow.__injected%3D3%3E.md#L8"
    )
    # the option overrides the configuration key
    done = report(
        archive, "minutes", "--output-format", "json", "--url-template", "x:{path}@{line}"
    )
    assert json.loads(done.stdout)["problems"][0]["url"].startswith("x:minutes/")


def test_url_template_without_path_is_a_usage_error(archive: Path) -> None:
    done = report(archive, "minutes", "--url-template", "https://example.org/{line}")
    assert done.returncode == 2
    assert "{path}" in done.stderr
    assert "Traceback" not in done.stderr


def test_stdin_is_refused(archive: Path) -> None:
    done = report(archive, "-")
    assert done.returncode == 2 and "stdin" in done.stderr


def _page(archive: Path, *extra: str) -> str:
    out = archive / "report.html"
    done = report(archive, "minutes", "-o", str(out), "--no-cache", *extra)
    assert done.returncode == 0, done.stderr
    assert "report.html: 4 documents" in done.stderr
    return out.read_text(encoding="utf-8")


def test_page_is_self_contained(archive: Path) -> None:
    page = _page(archive, "--url-template", "https://example.org/{path}#L{line}")
    assert page.startswith("<!DOCTYPE html>")
    # nothing is loaded from elsewhere: no src or href to another resource, no @import
    markup = re.sub(r"<script\b.*?</script>", "", page, flags=re.S)
    assert not re.search(r"""<[a-z][^>]*\ssrc\s*=|<link\s(?![^>]*href="data:)""", markup)
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert style is not None and not re.search(r"@import|url\(", style.group(1))
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    assert script is not None
    assert not re.search(r"fetch\(|XMLHttpRequest|import\(|WebSocket", script.group(1))
    assert "default-src 'none'" in page
    for section in ("summary", "people", "organisations", "calendar", "problems"):
        assert f'id="{section}"' in page
    assert "<svg" in page and "Problems per month" in page


def test_document_text_never_becomes_markup(archive: Path) -> None:
    page = _page(archive)
    # the two scripts of the page and nothing else: every hostile string stays inert
    assert len(re.findall(r"<script\b", page, re.IGNORECASE)) == 2
    assert "window.__injected" in page  # the strings are in the page, as data
    assert "<img" not in page
    assert HOSTILE_NAME not in page
    assert page.count("</script>") == 2
    data_text = re.search(
        r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S
    )
    assert data_text is not None
    data = json.loads(data_text.group(1))
    assert HOSTILE_TITLE in [d[2] for d in data["docs"]]
    assert any(HOSTILE_FILE in d[0] for d in data["docs"])
    assert any(o[0] == HOSTILE_ORG for o in data["orgs"])
    assert any(v[0] == HOSTILE_NAME for p in data["people"] for v in p[4])


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"a": "</script><script>alert(1)</script>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script>&\u2028"}


def test_charts_escape_their_labels() -> None:
    svg = stacked_columns(["<b>"], [("x", "#000", [3])], title="a <title>")
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    strip = attendance_strip([("<script>", ["2025-01-01"])], "2025-01-01", "2025-02-01")
    assert "<script>" not in strip and "&lt;script&gt;" in strip


@pytest.mark.parametrize(
    ("value", "top"), [(0, 1), (1, 1), (3, 3), (4, 5), (7, 10), (11, 15), (110, 150), (1966, 2000)]
)
def test_axis_maximum_is_round(value: int, top: int) -> None:
    assert _nice_max(value) == top


def test_empty_folder_gives_an_empty_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["report", str(tmp_path / "empty"), "--output-format", "json", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["problems"] == [] and data["documents"] == [] and data["people"] == []


def test_real_corpus_report_builds(tmp_path: Path) -> None:
    import os

    corpus = os.environ.get("MINUTES_LINT_CORPUS")
    if not corpus:
        pytest.skip("MINUTES_LINT_CORPUS is not set")
    out = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "minutes_lint", "report", ".", "-o", str(out), "--no-cache"],
        cwd=corpus,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size < 3_000_000


def test_corpus_paths_agree_with_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutes_lint.corpus import Corpus
    from minutes_lint.report.data import corpus_paths

    monkeypatch.chdir(tmp_path)
    corpus = Corpus({}, root=tmp_path / "root")
    given = ["root/a.md", "root/x/b.md", "root/./x/../c.md", "other.md", "/elsewhere/d.md"]
    assert corpus_paths(corpus, given) == {p: corpus.key(p) for p in given}


def test_warm_report_equals_cold_and_follows_the_roster(archive: Path) -> None:
    def data() -> dict[str, object]:
        done = report(archive, "minutes", "--output-format", "json")
        assert done.returncode == 0, done.stderr
        found = json.loads(done.stdout)
        del found["generated"]
        return found  # type: ignore[no-any-return]

    cold = data()
    assert (archive / ".minutes-lint-cache" / "report-view.json").is_file()
    assert data() == cold
    (archive / ".minutes-lint.toml").write_text('corpus = ["minutes/*.md"]\n', encoding="utf-8")
    configured = data()
    (archive / "minutes-roster.yaml").write_text(
        "people:\n  - name: Priya Venkataraman\n    aliases: [Priya VENKATARAMAN]\n",
        encoding="utf-8",
    )
    confirmed = {p["name"]: p["state"] for p in data()["people"]}  # type: ignore[index]
    assert {p["name"]: p["state"] for p in configured["people"]}["Priya Venkataraman"] == "new"  # type: ignore[index]
    assert confirmed["Priya Venkataraman"] == "confirmed"
