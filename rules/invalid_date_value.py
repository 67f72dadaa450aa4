"""A front-matter date that is not a date.

## What it does
Checks the front-matter keys of the ``keys`` option (by default ``date``,
``lastmod`` and ``publishDate``).  Each must hold a date or a date and
time: an unquoted YAML timestamp (``2026-03-04``, ``2026-03-04
10:00:00``), or a quoted string the site generator reads as one (ISO 8601,
or RFC 1123 such as ``Wed, 04 Mar 2026 10:00:00 +0000``).  It reports
impossible dates (``2026-02-30``), words (``next week``), unrendered
template code (``{{ .Date }}``), numbers and empty values.

## Why is this bad?
Hugo refuses a page whose date it cannot read, or dates it 0001-01-01;
the minutes then disappear from the archive or sort at the very end.

## Example
```markdown
---
title: 2026-02-28 Minutes of the Example Working Group
date: 2026-02-30
---
```

## Use instead
```markdown
---
title: 2026-02-28 Minutes of the Example Working Group
date: 2026-02-28
---
```

## Fix safety
There is no fix: the intended date cannot be known.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.front_matter import Entry, parse_timestamp
from minutes_lint.registry import RuleContext

CODE = "FM006"
NAME = "invalid-date-value"
SUMMARY = "Front-matter date is not a valid date"
SEVERITY = Severity.ERROR
FIX = "none"
OPTIONS: dict[str, object] = {"keys": ["date", "lastmod", "publishDate"]}

# looks like a YAML timestamp (so an impossible calendar date rather than words)
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ].*)?$")
_RFC1123 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\b")


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    keys = {str(k) for k in ctx.options["keys"]}
    for entry in doc.front_matter.entries:
        if entry.key not in keys:
            continue
        why = _problem_with(entry.value, _raw(doc, entry))
        if why is None:
            continue
        start, end = entry.value_start, entry.value_end
        if start == end:
            start, end = entry.key_start, entry.key_end
        yield Problem(start, end, f"'{entry.key}' {why}")


def _raw(doc: Document, entry: Entry) -> str:
    return doc.text[entry.value_start : entry.value_end].strip()


def _problem_with(value: object, raw: str) -> str | None:
    """Why ``value`` is not a date, or None when it is one."""
    if isinstance(value, datetime.date):  # datetime.datetime is a date too
        return None
    if value is None:
        return "is empty: write the date, e.g. 2026-03-04"
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return "is empty: write the date, e.g. 2026-03-04"
        if _reads_as_date(text):
            return None
        if _DATE_LIKE.match(text):
            return f"“{text}” is not a real calendar date or time"
        return f"“{text}” is not a date"
    if isinstance(value, bool | int | float):
        return f"“{raw}” is a number, not a date"
    return f"“{_shorten(raw)}” is not a date"


def _reads_as_date(text: str) -> bool:
    """True when a string value is a date the site generator accepts (ISO 8601 or RFC 1123)."""
    if not isinstance(parse_timestamp(text), str):
        return True
    try:
        datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
        return True
    except ValueError:
        pass
    if _RFC1123.match(text):
        try:
            import email.utils  # only for a date that is not ISO 8601

            return email.utils.parsedate_to_datetime(text) is not None
        except (TypeError, ValueError, IndexError):
            return False
    return False


def _shorten(text: str, limit: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
