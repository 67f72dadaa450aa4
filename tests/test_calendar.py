"""The meeting calendar: series detection, cadence, name shapes, and ``minutes-lint calendar``."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

from minutes_lint.calendar import assign_series, build_calendar, write_like
from minutes_lint.calendar_facts import extract, shape
from minutes_lint.cli import main
from minutes_lint.document import Document
from tests.calendar_helpers import minutes, series


def facts_of(docs: dict[str, str]) -> dict[str, dict[str, Any]]:
    return {path: extract(Document.from_text(text, path)) for path, text in docs.items()}


def test_title_and_file_name_written_together_are_one_series() -> None:
    day = datetime.date(2025, 1, 8)
    docs = {}
    for i in range(6):
        d = day + datetime.timedelta(days=14 * i)
        # old files are named after the group, new ones after its acronym
        slug = "minutes-of-the-example-data-working-group" if i < 3 else "minutes-edwg"
        docs[f"p/{d.isoformat()}-{slug}.md"] = minutes(d, group="Example Data Working Group")
    names = assign_series(facts_of(docs), {})
    assert set(names.values()) == {"Example Data Working Group"}


def test_an_acronym_joins_the_name_it_abbreviates() -> None:
    docs = series(count=4, group="Example Data Working Group", slug="minutes")
    docs["p/2026-01-07-edwg.md"] = "# EDWG 2026-01-07\n"
    names = assign_series(facts_of(docs), {})
    assert len(set(names.values())) == 1


def test_one_mismatched_document_does_not_merge_two_groups() -> None:
    docs = series(count=6, group="Example Working Group", slug="minutes-example-wg")
    docs.update(series(count=6, group="Other Task Force", slug="minutes-other-tf"))
    # a copy error: the title of one group, the file name of the other
    docs["posts/2026-01-07-minutes-other-tf.md"] = minutes(
        datetime.date(2026, 1, 7), group="Example Working Group"
    )
    names = assign_series(facts_of(docs), {})
    assert len(set(names.values())) == 2


def test_documents_naming_no_group_fall_back_to_their_folder() -> None:
    docs = {
        f"{folder}/2025-01-{day:02d}.md": f"# {folder} 2025-01-{day:02d}\n"
        for folder in ("minutes", "notes")
        for day in (7, 14)
    }
    docs = {p: "# **" + p[-13:-3] + " Meeting**\n" for p in docs}
    names = assign_series(facts_of(docs), {})
    assert names["minutes/2025-01-07.md"] == names["minutes/2025-01-14.md"]
    assert names["minutes/2025-01-07.md"] != names["notes/2025-01-07.md"]


def test_configured_patterns_override_what_is_learned() -> None:
    docs = series(count=4)
    names = assign_series(facts_of(docs), {"Board": [r"2025-01-\d\d"]})
    assert sorted(set(names.values())) == ["Board", "Example Working Group"]


def test_cadence_of_a_series() -> None:
    calendar = build_calendar(facts_of(series(count=10)))
    group = calendar.series["Example Working Group"]
    assert group.interval == 14
    assert group.weekdays == {2: 10}
    assert group.describe_interval() == "every 2 weeks"
    assert group.after(datetime.date(2025, 1, 8)) == datetime.date(2025, 1, 22)
    assert group.gap_around(datetime.date(2025, 1, 15)) is None


def test_multi_day_meetings_count_once_in_the_interval() -> None:
    docs = {}
    for start in (datetime.date(2025, 1, 28), datetime.date(2025, 3, 25)):
        for offset in range(3):
            d = start + datetime.timedelta(days=offset)
            docs[f"m/{d.isoformat()}.md"] = f"# {d:%B} {d.day}, {d.year} Meeting Notes\n"
    group = next(iter(build_calendar(facts_of(docs)).series.values()))
    assert group.interval == 56
    assert group.is_event_day(datetime.date(2025, 1, 29))


def test_face_to_face_evidence() -> None:
    f2f = extract(Document.from_text("# Example WG F2F, March 3-5, 2025\n", "p/x.md"))
    call = extract(Document.from_text("# Example WG 2025-03-05\n\n11:00-12:00 UTC\n", "p/y.md"))
    assert f2f["event"] and not call["event"]


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("2024-09-18 Minutes of X", "YYYY-MM-DD …"),
        ("2024-09-18Minutes of X", "YYYY-MM-DD…"),
        ("Minutes of X", "…"),
        ("2022-11-2-minutes-x", "YYYY-MM-D-…"),
        ("11-16-2022-minutes-x", "MM-DD-YYYY-…"),
        ("X Meeting #12, 22 March, 2018", "…, D Month, YYYY"),
        ("X Telco — 2019-01-04", "… — YYYY-MM-DD"),
    ],
)
def test_shapes(text: str, form: str) -> None:
    assert shape(text) == form


def test_dates_rewritten_in_their_own_form() -> None:
    day = datetime.date(2025, 9, 2)
    assert write_like("March 3, 2025", day) == "September 2, 2025"
    assert write_like("2025-03-03", day) == "2025-09-02"
    assert write_like("3rd Mar 2025", day) == "2nd Sep 2025"
    assert write_like("July 30, 2025", day) == "September 2, 2025"
    assert write_like("Sept. 30, 2025", datetime.date(2025, 7, 1)) == "Jul. 1, 2025"
    assert write_like("the third", day) is None


def _project(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    folder.mkdir()
    for path, text in series(count=12, skip=(4, 5)).items():
        (tmp_path / path).write_text(text, encoding="utf-8")
    sat = datetime.date(2025, 6, 21)
    (folder / "2025-06-21-minutes-example-wg.md").write_text(minutes(sat), encoding="utf-8")
    return folder


def test_calendar_command_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _project(tmp_path)
    assert main(["calendar", "posts", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(
        "Example Working Group: 11 meetings in 11 documents, 2025-01-08 to 2025-06-21, "
        "Wednesday (10), Saturday (1), every 14 days\n"
    )
    assert "-- gap: no minutes for 42 days, until 2025-04-02" in out
    assert "2025-06-21 Sat posts/2025-06-21-minutes-example-wg.md" in out
    assert "! CL003 line 6: meeting dated Saturday 2025-06-21" in out


def test_calendar_command_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    _project(tmp_path)
    assert main(["calendar", "posts", "--no-cache", "--output-format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["name"] for s in data] == ["Example Working Group"]
    group = data[0]
    assert group["weekdays"] == {"Wednesday": 10, "Saturday": 1}
    assert group["gaps"] == [{"after": "2025-02-19", "before": "2025-04-02", "days": 42}]
    saturday = next(m for m in group["meetings_list"] if m["date"] == "2025-06-21")
    assert [p["code"] for p in saturday["problems"]] == ["CL003"]


def test_the_calendar_is_built_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from minutes_lint.rules import (
        approved_minutes_no_meeting,
        content_file_without_extension,
        meeting_off_calendar,
        name_pattern,
        next_meeting_off_calendar,
        same_meeting_twice,
    )

    import minutes_lint.calendar as calendar_module
    from minutes_lint.calendar_facts import calendar_fact
    from minutes_lint.config import Settings
    from minutes_lint.corpus import Corpus
    from minutes_lint.engine import Engine
    from minutes_lint.registry import load_rules

    built = []
    real = calendar_module.build_calendar

    def counting(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(calendar_module, "build_calendar", counting)
    docs = [Document.from_text(t, p) for p, t in series().items()]
    rules = load_rules(
        [
            approved_minutes_no_meeting,
            next_meeting_off_calendar,
            meeting_off_calendar,
            same_meeting_twice,
            name_pattern,
            content_file_without_extension,
        ]
    )
    engine = Engine(rules, Settings(root=Path.cwd()), engine_codes=set())
    engine.corpus = Corpus.from_documents(docs, [calendar_fact], root=Path.cwd())
    for doc in docs:
        engine.lint(doc)
    assert built == [1]


def test_series_name_of_a_document() -> None:
    from minutes_lint.calendar import series_name
    from minutes_lint.calendar_facts import calendar_fact
    from minutes_lint.corpus import Corpus

    docs = [Document.from_text(t, p) for p, t in series(count=3).items()]
    corpus = Corpus.from_documents(docs, [calendar_fact], root=Path.cwd())
    assert series_name(corpus, docs[0].path) == "Example Working Group"
    assert series_name(corpus, "elsewhere.md") is None
    assert series_name(None, docs[0].path) is None


def test_calendar_command_on_a_missing_path_or_an_empty_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["calendar", "nowhere"]) == 2
    assert "nowhere: no such file or folder" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["calendar", "empty", "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no minutes in empty" in captured.err
