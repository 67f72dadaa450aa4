"""A date that does not exist: February 30, April 31, February 29 of a common year.

## What it does
Reports every date in the body whose day does not exist in its month:
day 31 of a 30-day month, February 30 and 31, and February 29 in a year
that is not a leap year.  A date without a year is impossible only when the
day exists in no year ("February 30"); "February 29" without a year is
left alone.

## Why is this bad?
An impossible date is a typo, and nobody can tell which part is wrong: the
day, the month or the year.  Calendars, search and the archive pages cannot
place it.

## Example
```markdown
Next meeting: February 29, 2025
```

## Use instead
```markdown
Next meeting: February 28, 2025
```

## Fix safety
No fix: the right date cannot be guessed.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "DT003"
NAME = "impossible-date"
SUMMARY = "Date that does not exist"
SEVERITY = Severity.ERROR
FIX = "none"
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    for mention in doc.dates:
        if mention.valid:
            continue
        month = calendar.month_name[mention.month]
        if mention.year is not None and mention.month == 2 and mention.day == 29:
            why = f"{mention.year} is not a leap year"
        else:
            year = 2000 if mention.year is None else mention.year  # 2000: a leap year
            days = calendar.monthrange(year, mention.month)[1]
            when = month if mention.year is None else f"{month} {mention.year}"
            why = f"{when} has {days} days"
        yield Problem(
            mention.start,
            mention.end,
            f"“{mention.text}” does not exist: {why}",
        )
