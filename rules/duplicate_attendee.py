"""The same person listed twice in one attendee list.

## What it does
Reports an attendee who already appears earlier in the same attendee list,
in any of its groups (``In person:`` and ``Online:``), in any spelling that
differs only in case, diacritics, word order, dots, hyphens or spaces inside
a word ("Alice Moreau" and "MOREAU Alice", "Anne-Marie Lee" and "AnneMarie
Lee").  An attendee listed for the same organisation as an earlier one, with
the same given name and a family name one edit away (a transposition
counting one), is reported as probably the same person with a typo.  The
message names the line and group of the first listing.  Separate lists of
one document (the roll calls of two days of a meeting) are not compared with
each other.  A chair, scribe or guest who is also listed as present is one
person, not a duplicate; a person listed both as present and as absent
(``Regrets:``, ``Apologies:``) is reported on the absent listing.

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
from minutes_lint.names import compact_forms, damerau, name_words, org_key, person_key
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
        earlier_entries: dict[str, list[AttendeeEntry]] = {}  # by role kind
        for entry in attendee_list.entries:
            if entry.problem is not None or not entry.name:
                continue
            key = person_key(entry.name)
            if not key:
                continue
            kind = _kind(entry)
            same_kind = earlier_entries.setdefault(kind, [])
            forms = compact_forms(entry.name)
            earlier = first.get((key, kind)) or next(
                (e for e in same_kind if compact_forms(e.name)[0] in forms), None
            )
            typo = False
            if earlier is None:
                earlier = next((e for e in same_kind if _typo_of(entry, e)), None)
                typo = earlier is not None
            first.setdefault((key, kind), entry)
            same_kind.append(entry)
            if earlier is None or entry.start in reported:
                continue
            reported.add(entry.start)
            message = _message(doc, entry, earlier)
            if typo:
                message += ", for the same organisation: probably one person with a typo"
            yield Problem(entry.name_start, entry.name_end, message)
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


def _typo_of(entry: AttendeeEntry, other: AttendeeEntry) -> bool:
    """Same organisation, same given name, family name one edit away."""
    if entry.org is None or other.org is None or org_key(entry.org) != org_key(other.org):
        return False
    mine, theirs = name_words(entry.name), name_words(other.name)
    if len(mine) != len(theirs) or len(mine) < 2 or mine[0] != theirs[0]:
        return False
    diffs = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
    if len(diffs) != 1:
        return False
    a, b = diffs[0]
    return min(len(a), len(b)) >= 4 and damerau(a, b) == 1


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
