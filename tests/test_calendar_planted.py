"""Recall of the calendar rules on real archives: errors planted in copies of real minutes.

For every organisation under ``MINUTES_LINT_CORPORA`` (or the one folder
``MINUTES_LINT_CORPUS``) the test picks, with a fixed seed, up to ten documents
for each kind of error, plants it in a copy of the text, re-reads the corpus with
the copy in place of the original and checks that the calendar rules report it on
the planted line:

- an approved-minutes date moved by one to three days (CL001);
- the next meeting moved by one or two weeks, keeping its weekday (CL002), where the
  corpus has the minutes of the meeting it originally named (elsewhere a date on the
  group's cadence cannot be told from the right one);
- the meeting moved to the Saturday or Sunday of its week (CL003).

Skipped when neither variable is set.
"""

from __future__ import annotations

import datetime
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from minutes_lint.rules import (
    approved_minutes_no_meeting,
    meeting_off_calendar,
    next_meeting_off_calendar,
)
from minutes_lint.rules.approved_minutes_not_before import approved_mentions

from minutes_lint.calendar import Calendar, Series, build_calendar, write_like
from minutes_lint.calendar_facts import calendar_fact, meeting_date
from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Diagnostic
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.registry import load_rules
from minutes_lint.source import Source, read_source

PLANTS = 10
SEED = 12


def _organisations() -> list[Path]:
    many = os.environ.get("MINUTES_LINT_CORPORA")
    if many:
        return sorted(p for p in Path(many).iterdir() if p.is_dir())
    one = os.environ.get("MINUTES_LINT_CORPUS")
    return [Path(one)] if one else []


ORGANISATIONS = _organisations()


@dataclass
class Plant:
    path: str  # the new path (a moved meeting renames the file)
    text: str
    lines: set[int]  # 1-based lines the error was planted on


class Archive:
    """The documents of one organisation, their facts and a linter for planted copies."""

    def __init__(self, folder: Path) -> None:
        self.root = Path(os.path.realpath(folder))
        self.docs: dict[str, Document] = {}
        for path in sorted(self.root.rglob("*.md")):
            source = read_source(str(path))
            if isinstance(source, Source):
                self.docs[str(path)] = Document(source)
        self.values = {self.key(p): calendar_fact(d) for p, d in self.docs.items()}
        self.calendar: Calendar = build_calendar(self.values, root=self.root)
        self.rules = load_rules(
            [approved_minutes_no_meeting, next_meeting_off_calendar, meeting_off_calendar]
        )

    def key(self, path: str) -> str:
        return Path(os.path.realpath(path)).relative_to(self.root).as_posix()

    def series_of(self, path: str) -> Series | None:
        return self.calendar.series_of(self.key(path))

    def lint(self, original: str, plant: Plant) -> list[Diagnostic]:
        doc = Document.from_text(plant.text, plant.path)
        values = dict(self.values)
        del values[self.key(original)]
        values[self.key(plant.path)] = calendar_fact(doc)
        engine = Engine(self.rules, Settings(root=self.root), engine_codes=set())
        engine.corpus = Corpus(
            {k: {calendar_fact.key: v} for k, v in values.items()}, root=self.root
        )
        return engine.lint(doc)


def _replace(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _line(doc: Document, offset: int) -> int:
    return doc.position(offset).line


def plant_approved(archive: Archive, path: str, rng: random.Random) -> Plant | None:
    doc = archive.docs[path]
    day = meeting_date(doc)
    series = archive.series_of(path)
    if day is None or series is None or series.meetings() < 4:
        return None
    for mention in approved_mentions(doc):
        value = mention.value
        if value is None or value >= day or not series.met_on(value) or mention.weekday:
            continue
        shifts = [-3, -2, -1, 1, 2, 3]
        rng.shuffle(shifts)
        for shift in shifts:
            moved = value + datetime.timedelta(days=shift)
            if moved >= day or series.met_on(moved):
                continue
            new = write_like(doc.text[mention.start : mention.end], moved)
            if new is None:
                continue
            text = _replace(doc.text, [(mention.start, mention.end, new)])
            return Plant(path, text, {_line(doc, mention.start)})
    return None


def plant_next(archive: Archive, path: str, rng: random.Random) -> Plant | None:
    doc = archive.docs[path]
    day = meeting_date(doc)
    series = archive.series_of(path)
    if day is None or series is None or series.meetings() < 6:
        return None
    for nxt in doc.meeting.next_meetings:
        if nxt.date <= day or nxt.mention is None or nxt.mention.weekday is not None:
            continue
        if series.after(day) != nxt.date:
            continue  # only where the corpus has the minutes of the stated next meeting
        shifts = [7, 14, -7, -14]
        rng.shuffle(shifts)
        for shift in shifts:
            moved = nxt.date + datetime.timedelta(days=shift)
            if moved <= day:
                continue  # on or before the meeting: DT004's, not this test's
            new = write_like(doc.text[nxt.start : nxt.end], moved)
            if new is None:
                continue
            text = _replace(doc.text, [(nxt.start, nxt.end, new)])
            return Plant(path, text, {nxt.line})
    return None


def plant_weekend(archive: Archive, path: str, rng: random.Random) -> Plant | None:
    doc = archive.docs[path]
    meeting = doc.meeting
    day = meeting_date(doc)
    series = archive.series_of(path)
    if day is None or series is None or series.meetings() < 8 or day.weekday() >= 5:
        return None
    key = archive.key(path)
    entry = next(e for e in series.entries if e.path == key)
    if entry.event or series.is_event_day(day, exclude=key):
        return None
    moved = day + datetime.timedelta(days=5 - day.weekday() + rng.choice([0, 1]))
    spans: list[tuple[int, int, str]] = []
    lines: set[int] = set()
    for witness in (meeting.title, meeting.body):
        if witness is None or witness.date != day:
            continue
        new = write_like(doc.text[witness.start : witness.end], moved)
        if new is None:
            return None
        spans.append((witness.start, witness.end, new))
        lines.add(witness.line)
    if not spans:
        return None
    folder, name = os.path.split(path)
    new_path = os.path.join(folder, name.replace(day.isoformat(), moved.isoformat()))
    return Plant(new_path, _replace(doc.text, spans), lines)


KINDS: dict[str, tuple[str, Callable[[Archive, str, random.Random], Plant | None]]] = {
    "approved minutes moved by a few days": ("CL001", plant_approved),
    "next meeting moved by whole weeks": ("CL002", plant_next),
    "meeting moved to a weekend": ("CL003", plant_weekend),
}


def _plants(
    archive: Archive, make: Callable[[Archive, str, random.Random], Plant | None]
) -> Iterator[tuple[str, Plant]]:
    rng = random.Random(SEED)
    paths = sorted(archive.docs)
    rng.shuffle(paths)
    made = 0
    for path in paths:
        plant = make(archive, path, rng)
        if plant is None:
            continue
        yield path, plant
        made += 1
        if made == PLANTS:
            return


@pytest.mark.skipif(not ORGANISATIONS, reason="MINUTES_LINT_CORPORA / MINUTES_LINT_CORPUS unset")
@pytest.mark.parametrize("folder", ORGANISATIONS, ids=lambda p: p.name)
def test_planted_calendar_errors_are_caught(folder: Path) -> None:
    archive = Archive(folder)
    report = []
    for kind, (code, make) in KINDS.items():
        caught = planted = 0
        missed = []
        for original, plant in _plants(archive, make):
            planted += 1
            found = archive.lint(original, plant)
            if any(d.code == code and d.start.line in plant.lines for d in found):
                caught += 1
            else:
                missed.append(f"{plant.path}:{sorted(plant.lines)}")
        report.append(f"{folder.name}: {kind}: {caught}/{planted} {missed[:3]}")
    print("\n".join(report))
    for line in report:
        caught, planted = map(int, line.split(": ")[2].split(" ")[0].split("/"))
        if planted >= 5:
            assert caught >= 0.9 * planted, line
