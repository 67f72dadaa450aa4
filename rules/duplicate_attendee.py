"""The same person listed twice in one attendee list.

## What it does
Reports an attendee who already appears earlier in the same attendee list,
in any of its groups (``In person:`` and ``Online:``), in any spelling that
differs only in case, diacritics or word order ("Alice Moreau" and
"MOREAU Alice").  The message names the line and group of the first
listing.  Separate lists of one document (the roll calls of two days of a
meeting) are not compared with each other.  A chair, scribe or guest who is also
listed as present is one person, not a duplicate; a person listed both as
present and as absent (``Regrets:``, ``Apologies:``) is reported on the
absent listing.

## Why is this bad?
A person counted twice inflates the attendance and the quorum, and when the
two listings are in different groups nobody can tell whether the person was
in the room or online.

## Example
```markdown
## Attendees
In person: Alice Moreau (Example CA), Bob Stone (Example Browser)
Online: Carol Diaz (Example Trust), Alice Moreau (Example CA)
```

## Use instead
```markdown
## Attendees
In person: Alice Moreau (Example CA), Bob Stone (Example Browser)
Online: Carol Diaz (Example Trust)
```

## Fix safety
There is no fix: which of the two listings is right (and which group the
person belongs to) cannot be told from the text.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.attendees import ABSENT, CHAIR, GUEST, PRESENT, SCRIBE, AttendeeEntry
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.names import person_key
from minutes_lint.registry import RuleContext

CODE = "AT004"
NAME = "duplicate-attendee"
SUMMARY = "Person listed twice in one attendee list"
SEVERITY = Severity.WARNING
SCOPE = "document"
FIX = "none"
OPTIONS: dict[str, object] = {}


def _kind(entry: AttendeeEntry) -> str:
    """The list a role belongs to: a chair, scribe or guest is also an attendee, not a
    duplicate."""
    return entry.role if entry.role in (CHAIR, SCRIBE, GUEST, ABSENT) else PRESENT


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    reported: set[int] = set()  # entry starts: lists found twice report once
    for attendee_list in doc.attendee_lists:
        first: dict[tuple[str, str], AttendeeEntry] = {}
        for entry in attendee_list.entries:
            if entry.problem is not None or not entry.name:
                continue
            key = person_key(entry.name)
            if not key:
                continue
            earlier = first.setdefault((key, _kind(entry)), entry)
            if earlier is entry or entry.start in reported:
                continue
            reported.add(entry.start)
            yield Problem(entry.name_start, entry.name_end, _message(doc, entry, earlier))
        for (key, kind), entry in first.items():
            present = first.get((key, PRESENT))
            if kind == ABSENT and present is not None and entry.start not in reported:
                reported.add(entry.start)
                line = doc.position(present.name_start).line
                yield Problem(
                    entry.name_start,
                    entry.name_end,
                    f"“{entry.name}” is listed as absent (under “{entry.group}”) but also as "
                    f"present on line {line}: one of the two is wrong",
                )


def _message(doc: Document, entry: AttendeeEntry, earlier: AttendeeEntry) -> str:
    """Say where the person was first listed, and under which group."""
    first = doc.position(earlier.name_start)
    here = doc.position(entry.name_start)
    place = (
        f"earlier on this line (column {first.column})"
        if first.line == here.line
        else f"on line {first.line}"
    )
    if earlier.group is not None and earlier.group != entry.group:
        place += f" under “{earlier.group}”"
    same = " " if earlier.name == entry.name else f" as “{earlier.name}” "
    return f"“{entry.name}” is already listed{same}{place}"
