"""Meeting dated on a day its group does not meet.

## What it does
Looks up the weekday of this meeting's date in the calendar of the document's
series (the other minutes of the same group in the corpus).  A meeting of a
regular group dated on a weekend, or on a weekday the group has never met on,
is reported with the group's usual weekdays.  Face-to-face meetings and meetings
over several days are exempt: "F2F", "face-to-face", "workshop" or a date range
in the title, the path or the first lines, or other minutes of the group dated
the day before or after.

## Why is this bad?
A weekly call that "met on Saturday" is almost always a mistyped date: the
title, the file name and the date line were written from a wrong calendar
entry, and every date check that relies on the meeting date goes wrong with it.

## Example
```markdown
title: 2025-03-15 Minutes of the Example Working Group
```
(the group's 80 other minutes are all dated on Wednesdays; 2025-03-15 is a Saturday)

## Use instead
```markdown
title: 2025-03-12 Minutes of the Example Working Group
```

## Fix safety
No fix: only a person knows which day the meeting took place.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.calendar import WEEKDAY_NAMES, document_key, document_series
from minutes_lint.calendar_facts import calendar_fact
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "CL003"
NAME = "meeting-off-calendar"
SUMMARY = "Meeting dated on a weekend or a weekday its group never meets on"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "none"
FACTS = (calendar_fact,)
OPTIONS: dict[str, object] = {"min-meetings": 8, "regular-share": 0.6}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    meeting = doc.meeting
    day = meeting.meeting_date.day
    if day is None or meeting.meeting_date.tied:
        return
    series = document_series(doc, ctx)
    key = document_key(doc, ctx)
    if series is None or series.meetings() < int(ctx.options["min-meetings"]):
        return
    own = next((e for e in series.entries if e.path == key), None)
    if own is None or own.event or series.is_event_day(day, exclude=key):
        return
    days = series.usual_weekdays(exclude=day)
    total = sum(days.values())
    weekday = day.weekday()
    if total == 0 or days[weekday] > 0.05 * total:
        return
    weekend = weekday >= 5
    regular = days.most_common(1)[0][1] >= float(ctx.options["regular-share"]) * total
    if not weekend and (days[weekday] > 0 or not regular):
        return
    what = "a weekend day" if weekend else "a weekday"
    if days[weekday]:
        history = (
            f"only {days[weekday]} of the other {total} meetings were on a {WEEKDAY_NAMES[weekday]}"
        )
    else:
        history = f"{series.describe_weekdays(days)} among its other {total} meetings"
    start, end = _where(doc, day)
    yield Problem(
        start,
        end,
        f"meeting dated {WEEKDAY_NAMES[weekday]} {day.isoformat()}, {what} “{series.name}” "
        f"does not meet on: {history}",
        severity=Severity.WARNING if weekend else Severity.INFO,
    )


def _where(doc: Document, day: object) -> tuple[int, int]:
    """Where the document states its meeting date: the date line, else the title."""
    meeting = doc.meeting
    for witness in (meeting.body, meeting.title):
        if witness is not None and witness.date == day:
            return witness.start, witness.end
    return 0, 0
