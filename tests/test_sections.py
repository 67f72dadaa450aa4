"""Tests for minutes_lint.sections: runs of numbered sibling headings."""

from __future__ import annotations

from minutes_lint.document import Document
from minutes_lint.sections import last_number, number_parts, numbered_runs


def runs(*headings: str) -> list[list[str | None]]:
    doc = Document.from_text("".join(f"{h}\ntext\n\n" for h in headings))
    return [[h.number for h in run.members] for run in numbered_runs(doc.headings)]


def test_siblings_form_one_run_across_unnumbered_headings() -> None:
    assert runs("## Attendees", "## 1. Roll Call", "## Notes", "## 2. Agenda") == [["1", "2"]]


def test_subsections_and_new_parents_start_runs() -> None:
    found = runs("## 2. Ballots", "### 2.1 First", "### 2.2 Second", "## 3. Other")
    assert found == [["2", "3"], ["2.1", "2.2"]]
    assert runs("# Day 1", "## 1. Opening", "# Day 2", "## 1. Opening") == [["1"], ["1"]]


def test_a_sibling_at_the_wrong_level_joins_its_run() -> None:
    doc = Document.from_text("## 1. Roll Call\n\n## 2. Agenda\n\n### 3. Discussion\n")
    (run,) = numbered_runs(doc.headings)
    assert [h.level for h in run.members] == [2, 2, 3]
    assert (run.level, run.prefix, run.last) == (2, (), 3)


def test_number_parts() -> None:
    heading = Document.from_text("### 2.10 Ballots\n").headings[0]
    assert number_parts(heading) == (2, 10)
    assert last_number(heading) == 10
    assert number_parts(Document.from_text("## Attendees\n").headings[0]) is None
