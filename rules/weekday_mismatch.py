"""A weekday that does not match the date it is written with.

## What it does
Checks every date written with a weekday ("Thursday, January 15, 2025",
"Wed 14 January 2026") in the body and in the front-matter title.  When the
date has no year ("Monday, June 3"), the year is taken from the reading
nearest the meeting date, and the date is checked only when that reading is
unambiguous (within four months of the meeting); otherwise it is skipped.
Impossible dates ("February 30") are left to DT003.

## Why is this bad?
Readers plan by the weekday as often as by the date.  A wrong weekday
makes the line contradict itself, and nobody can tell which half is right;
it is a common trace of a line copied from earlier minutes.

## Example
```markdown
Next call: Thursday, January 15, 2025 at 11 am
```

## Use instead
```markdown
Next call: Wednesday, January 15, 2025 at 11 am
```

## Fix safety
The fix writes the weekday that matches the date, in the same style
("Thu" becomes "Wed", "THURSDAY" becomes "WEDNESDAY"); for a date without
a year it says which year it assumed.  When the weekday written is the
meeting's own weekday (a group that meets on Mondays writes "Monday"), the
date is the likelier slip: the fix then writes the date within three days
that falls on that weekday instead.  Both are unsafe: either half of the
line may be the wrong one.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from minutes_lint.dates import DateMention, format_like, nearest_reading
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "DT002"
NAME = "weekday-mismatch"
SUMMARY = "Weekday does not match the date"
SEVERITY = Severity.ERROR
FIX = "unsafe"
OPTIONS: dict[str, object] = {}

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A yearless date is checked only when its nearest reading is this close to the meeting:
# every other reading is then at least twice as far away.
_YEARLESS_REACH_DAYS = 120


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    found = doc.meeting.meeting_date
    meeting = None if found.tied else found.day
    title = doc.meeting.title
    mentions = list(doc.dates)
    if title is not None and title.mention is not None:
        mentions.insert(0, title.mention)
    for mention in mentions:
        if mention.weekday is None or mention.weekday_start is None or not mention.valid:
            continue
        day, how = _resolve(mention, meeting)
        if day is None or day.weekday() == mention.weekday:
            continue
        if meeting is not None and mention.weekday == meeting.weekday():
            yield _date_problem(doc, mention, day, how, meeting)
        else:
            yield _problem(doc, mention, day, how)


def _resolve(
    mention: DateMention, meeting: datetime.date | None
) -> tuple[datetime.date | None, str]:
    """The date meant and how its year was found (empty when written)."""
    if mention.value is not None:
        return mention.value, ""
    if meeting is None:
        return None, ""
    reading = nearest_reading(mention, meeting)
    if reading is None or abs((reading - meeting).days) > _YEARLESS_REACH_DAYS:
        return None, ""
    return reading, f" (read in {reading.year}, nearest the meeting on {meeting.isoformat()})"


def _problem(doc: Document, mention: DateMention, day: datetime.date, how: str) -> Problem:
    assert mention.weekday_start is not None and mention.weekday_end is not None
    start, end = mention.weekday_start, mention.weekday_end
    written = doc.text[start:end]
    right = _styled(_WEEKDAY_NAMES[day.weekday()], written)
    assumed = f" ({mention.text} read as {day.isoformat()})" if how else ""
    fix = Fix.replace(start, end, right, f"Write “{right}”{assumed}", Applicability.UNSAFE)
    return Problem(
        start,
        end,
        f"“{written}” does not match “{mention.text}”{how}, which is a "
        f"{_WEEKDAY_NAMES[day.weekday()]}",
        fix,
    )


def _date_problem(
    doc: Document, mention: DateMention, day: datetime.date, how: str, meeting: datetime.date
) -> Problem:
    """The weekday is the meeting's own: the date is the likelier slip.  The fix writes the
    one date within three days that falls on the weekday written."""
    assert mention.weekday_start is not None and mention.weekday is not None
    written = doc.text[mention.weekday_start : mention.weekday_end]
    weekday = _WEEKDAY_NAMES[mention.weekday]
    shift = (mention.weekday - day.weekday() + 3) % 7 - 3
    meant = day + datetime.timedelta(days=shift)
    new = format_like(mention.text, meant)
    fix = Fix.replace(
        mention.start,
        mention.end,
        new,
        f"Write “{new}” ({meant.isoformat()}, the {weekday} nearest {day.isoformat()})",
        Applicability.UNSAFE,
    )
    return Problem(
        mention.weekday_start,
        mention.end,
        f"“{written}” does not match “{mention.text}”{how}, which is a "
        f"{_WEEKDAY_NAMES[day.weekday()]}; the meeting ({meeting.isoformat()}) was on a "
        f"{weekday}, so the date is more likely wrong than the weekday",
        fix,
    )


def _styled(name: str, written: str) -> str:
    """``name`` in the style of ``written``: full or three-letter, and the same case."""
    word = name if written.lower().endswith("day") else name[:3]
    if written.isupper():
        return word.upper()
    if written.islower():
        return word.lower()
    return word
