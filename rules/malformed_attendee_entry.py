"""An attendee entry that cannot be read, or that lacks the organisation the others give.

## What it does
Reports an entry of an attendee list that cannot be parsed: unbalanced
parentheses (``Alice Moreau (Example CA``), text after the organisation
(``Alice Moreau (Example CA) Bob Stone (Example Browser)``, a missing
comma), no name (``(Example CA)``) or empty parentheses.  It also reports
an entry without an organisation in a list where nearly every other entry
has one (by default at least 80% of a list of at least 5 entries).  A group
of the list that gives no organisation at all (``Observers: Carol, Dan``)
is left alone, and nested parentheses such as
``Alice Moreau (Example Holding SA (Example CA))`` are read as one
organisation, not reported.

## Why is this bad?
Attendance records are data.  An entry that cannot be parsed is dropped or
mangled by every tool that reads the list (counting attendance per
organisation, checking quorum), and an entry without its organisation
cannot be counted for anyone.

## Example
```markdown
## Attendees
Alice Moreau (Example CA, Bob Stone (Example Browser), Carol Diaz,
Dan Brook (Example Trust), Erin Walsh (Example CA), Frank Ode (Example Audit)
```

## Use instead
```markdown
## Attendees
Alice Moreau (Example CA), Bob Stone (Example Browser), Carol Diaz (Example CA),
Dan Brook (Example Trust), Erin Walsh (Example CA), Frank Ode (Example Audit)
```

## Fix safety
There is no fix: where a parenthesis or comma was meant to go, and which
organisation a person represents, is for the minute-taker to say.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from minutes_lint.attendees import AttendeeEntry, AttendeeList
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.registry import RuleContext

CODE = "AT002"
NAME = "malformed-attendee-entry"
SUMMARY = "Attendee entry that cannot be parsed or lacks its organisation"
SEVERITY = Severity.WARNING
SCOPE = "document"
FIX = "none"
OPTIONS = {"min-entries": 5, "min-share-with-organisation": 0.8}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    min_entries = int(ctx.options["min-entries"])
    share = float(ctx.options["min-share-with-organisation"])
    reported: set[int] = set()  # entry starts: lists found twice report once
    for attendee_list in doc.attendee_lists:
        for entry in attendee_list.entries:
            if entry.start in reported:
                continue
            problem = _unparsed(entry) or _missing_org(entry, attendee_list, min_entries, share)
            if problem is not None:
                reported.add(entry.start)
                yield problem


def _unparsed(entry: AttendeeEntry) -> Problem | None:
    """The entry's parse problem, if any."""
    if entry.problem is None:
        return None
    return Problem(
        entry.start,
        entry.end,
        f"attendee entry “{_short(entry.raw)}” cannot be parsed: {entry.problem}",
    )


def _missing_org(
    entry: AttendeeEntry, attendee_list: AttendeeList, min_entries: int, share: float
) -> Problem | None:
    """A problem when ``entry`` lacks the organisation that its list otherwise gives."""
    if entry.org is not None or entry.problem is not None or not entry.name:
        return None
    entries = attendee_list.entries
    with_org = sum(1 for other in entries if other.org is not None)
    if len(entries) < min_entries or with_org < share * len(entries):
        return None
    if not _group_has_orgs(entry, entries):
        return None
    message = (
        f"attendee “{_short(entry.name)}” has no organisation, unlike {with_org} of the "
        f"{len(entries)} entries of this list"
    )
    if _continues_org(entry, entries):
        message += "; if it belongs to the organisation before it, put that in parentheses"
    return Problem(entry.start, entry.end, message)


def _continues_org(entry: AttendeeEntry, entries: tuple[AttendeeEntry, ...]) -> bool:
    """Whether a one-word entry may be the tail of the previous ``Name - Org`` entry
    (``Jo Park - Example Holdings, Inc`` splits at the comma)."""
    index = entries.index(entry)
    return index > 0 and entries[index - 1].form == "dash" and len(entry.name.split()) == 1


def _group_has_orgs(entry: AttendeeEntry, entries: tuple[AttendeeEntry, ...]) -> bool:
    """Whether the entry's group gives organisations (a group may list guests without)."""
    counts: Counter[bool] = Counter(
        other.org is not None for other in entries if other.group == entry.group
    )
    return counts[True] > 0 or counts[False] < 2


def _short(text: str, limit: int = 60) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
