"""A date written without a year, far from the meeting date.

## What it does
Reads each date written without a year ("March 13", "(October 13)") as its
*nearest reading*: the occurrence of that day closest to the meeting date,
before or after it.  When that reading is more than ``max-days`` days
before the meeting, or more than ``max-days-ahead`` days after it, the
reader cannot be sure which year is meant, and the rule suggests writing
it.  Plans and deadlines a few months ahead ("effective June 15") are
normal in minutes, hence the larger default ahead; a yearless date long
past is more often a date in the *next* year or a line copied from
meeting to meeting.  Dates on a line that also writes a year close to
the meeting year ("Oct 1-3, 2024: Example City") and the first day of a range
("June 9-11", "22 to 24 Sept", usually a planned event) are left alone.
Without a meeting date there is nothing to measure against.

## Why is this bad?
Minutes are read years later.  "Effective October 13" in minutes of
January 14 may mean last October or next October; a status line copied
from meeting to meeting keeps a date that drifts further from the meeting
each time.  A year removes the doubt.

## Example
```markdown
January 14, 2026

* Approved and Effective: Ballot EX-014 (October 13)
```

## Use instead
```markdown
January 14, 2026

* Approved and Effective: Ballot EX-014 (October 13, 2025)
```

## Fix safety
No fix: the writer knows the year, the linter only guesses it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_lint.dates import DateMention, nearest_reading
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "DT006"
NAME = "yearless-date-far"
SUMMARY = "Date without a year far from the meeting date"
SEVERITY = Severity.INFO
FIX = "none"
DEFAULT = False  # a hint: most far yearless dates are plans or past events, not slips
OPTIONS = {"max-days": 90, "max-days-ahead": 150}

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "June 9-11", "Oct 1 – 3", "22 to 24 Sept": the date opens a range of days.
_RANGE_AFTER = re.compile(r"[ \t]*(?:-|–|—|to\b|through\b)[ \t]*\d{1,2}(?:st|nd|rd|th)?\b")
# "22 to 24 Sept": the date closes a range of days.
_RANGE_BEFORE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?[ \t]*(?:-|–|—|to)[ \t]*\Z")
_RANGE_REACH = 10


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    found = doc.meeting.meeting_date
    if found.day is None or found.tied:
        return
    meeting = found.day
    limit_before: int = ctx.options["max-days"]
    limit_after: int = ctx.options["max-days-ahead"]
    near_years = {meeting.year - 1, meeting.year, meeting.year + 1}
    for mention in doc.dates:
        if mention.year is not None or not mention.valid:
            continue
        reading = nearest_reading(mention, meeting)
        if reading is None:
            continue
        days = (reading - meeting).days
        limit = limit_after if days > 0 else limit_before
        if abs(days) <= limit:
            continue
        if _in_range(doc.text, mention) or _line_has_year(doc, mention, near_years):
            continue
        side = "before" if days < 0 else "after"
        yield Problem(
            mention.start,
            mention.end,
            f"“{mention.text}” has no year: read as {reading.isoformat()}, it is "
            f"{abs(days)} days {side} the meeting on {meeting.isoformat()} "
            f"(more than {limit}); write the year",
        )


def _in_range(text: str, mention: DateMention) -> bool:
    """Whether the date opens or closes a range of days ("June 9-11", "22 to 24 Sept")."""
    if _RANGE_AFTER.match(text, mention.end):
        return True
    return (
        _RANGE_BEFORE.search(text, max(0, mention.start - _RANGE_REACH), mention.start) is not None
    )


def _line_has_year(doc: Document, mention: DateMention, years: set[int]) -> bool:
    """Whether the date's line writes a year close to the meeting's, which gives the context."""
    line = doc.lines[doc.line_index(mention.start)]
    return any(int(y) in years for y in _YEAR.findall(line.text))
