"""Approved minutes dated on a day the group did not meet.

## What it does
Reads the dates of the minutes approved (or reviewed) at this meeting and looks
them up in the calendar of the document's series: the other minutes of the same
group in the corpus.  A date before this meeting on which the group has no
minutes is reported with the nearest meetings of the group.  When the corpus
has no minutes of the group for a while around that date (a gap), the message
says so instead of guessing.  A date followed by "F2F", "face-to-face" or
"workshop" is not checked (such meetings are often filed apart or not at all).  A
date without a year is read as its last
occurrence before this meeting.  Dates on or after this meeting are DT005's.

## Why is this bad?
"The minutes of March 3 were approved" when the group met on March 5 points the
record of approval at minutes that do not exist: a reader cannot tell which
minutes were approved.  The day is usually mistyped or copied from an older
agenda.

## Example
```markdown
March 19, 2025

## Approval of minutes
The minutes of the meeting of March 3, 2025 were approved.
```
(the group's minutes are dated 2025-02-19, 2025-03-05 and 2025-03-19)

## Use instead
```markdown
The minutes of the meeting of March 5, 2025 were approved.
```

## Fix safety
Unsafe, and only when exactly one meeting of the group lies within
`window-days` days of the written date: the date is rewritten in the same form.
A date with its weekday written is not fixed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from minutes_lint.rules.approved_minutes_not_before import approved_mentions

from minutes_lint.calendar import document_key, document_series, long_date, run_calendar, write_like
from minutes_lint.calendar_facts import calendar_fact
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "CL001"
NAME = "approved-minutes-no-meeting"
SUMMARY = "Approved minutes dated on a day the group did not meet"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "unsafe"
FACTS = (calendar_fact,)
OPTIONS: dict[str, object] = {"window-days": 3, "min-meetings": 4}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    found = doc.meeting.meeting_date
    if found.day is None or found.tied:
        return
    day = found.day
    series = document_series(doc, ctx)
    key = document_key(doc, ctx)
    if series is None or series.meetings() < int(ctx.options["min-meetings"]):
        return
    window = int(ctx.options["window-days"])
    calendar = run_calendar(ctx)
    for mention in approved_mentions(doc):
        value = _read(mention.value, mention.year, mention.month, mention.day, day)
        if value is None or value >= day or value < series.dates[0]:
            continue
        if series.met_on(value, exclude=key):
            continue
        if calendar is not None and calendar.near_event(value):
            continue  # a face-to-face meeting, filed as its own series
        if _EVENT_AFTER.match(doc.text, mention.end, mention.end + 40):
            continue  # "the minutes of the June 6 F2F": a meeting the calendar may not hold
        lo = series.before(value)
        hi = series.after(value)
        hi = hi if hi is not None and hi < day else None
        near = [d for d in (lo, hi) if d is not None]
        close = [d for d in near if abs((d - value).days) <= window]
        if not close and series.is_usual_weekday(value):
            continue  # a meeting on the usual weekday whose minutes the corpus lacks
        name = f"“{series.name}”"
        gap = series.gap_around(value)
        if not close and gap is not None:
            yield Problem(
                mention.start,
                mention.end,
                f"approved minutes dated {long_date(value)}, a day “{series.name}” rarely "
                f"meets on ({series.describe_weekdays()}); the corpus has no minutes of it "
                f"between {gap[0].isoformat()} and {gap[1].isoformat()} to check against",
                severity=Severity.INFO,
            )
            continue
        said = " or ".join(long_date(d) for d in near) or "no nearby date"
        fix = None
        if len(close) == 1 and mention.weekday is None:
            text = doc.text[mention.start : mention.end]
            better = write_like(text, close[0])
            if better is not None and better != text:
                fix = Fix.replace(
                    mention.start,
                    mention.end,
                    better,
                    f"Write “{better}”",
                    Applicability.UNSAFE,
                )
        yield Problem(
            mention.start,
            mention.end,
            f"approved minutes dated {long_date(value)}, but {name} has no minutes of that "
            f"day; the nearest meetings were on {said}",
            fix=fix,
        )


_EVENT_AFTER = re.compile(
    r"[ \t,]*(?:\d{4}[ \t]*)?(?:f2f|fnf|face[ -]to[ -]face|in[ -]person|workshop|summit)",
    re.IGNORECASE,
)


def _read(
    value: datetime.date | None, year: int | None, month: int, dom: int, day: datetime.date
) -> datetime.date | None:
    """The date, a year-less one read as its last occurrence before ``day``."""
    if value is not None or year is not None:
        return value
    for y in (day.year, day.year - 1):
        try:
            candidate = datetime.date(y, month, dom)
        except ValueError:
            continue
        if candidate < day:
            return candidate
    return None
