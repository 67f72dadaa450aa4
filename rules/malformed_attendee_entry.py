"""An attendee entry that cannot be read, or that lacks the organisation the others give.

## What it does
Reports an entry of an attendee list that cannot be parsed: unbalanced
parentheses (``Alice Moreau (Example CA``), text after the organisation
(``Alice Moreau (Example CA) Bob Stone (Example Browser)``, a missing
comma), no name (``(Example CA)``) or empty parentheses.  It also reports
an entry without an organisation in a list where nearly every other entry
has one (by default at least 80% of a list of at least 5 entries).  A group
of the list that gives no organisation at all (``Observers: Carol, Dan``)
is left alone, and so is a guest or invited expert (``Invited Expert`` in
the organisation column says why there is none); nested parentheses such as
``Alice Moreau (Example Holding SA (Example CA))`` are read as one
organisation, not reported.

It also reports entries that parse but cannot be right: a name that is part
of another name listed with the same organisation in the same list ("Lin
Chen (Example CA)" next to "Mei Lin Chen (Example CA)"), a given name alone
in a list of full names (``Thomas (Example CA)``), a person written as their
own organisation (``Ann Lee (Ann Lee)``), an organisation wrapped twice
around a note (``Ann Lee (Example CA (Private person))``), and empty or padded
entries (``, ,`` and ``( Example CA )``).

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

import re
from collections import Counter
from collections.abc import Iterator

from minutes_lint.attendees import GUEST, AttendeeEntry, AttendeeList
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.lazy_re import lazy_compile
from minutes_lint.names import name_words, org_key, person_key
from minutes_lint.registry import RuleContext

CODE = "AT002"
NAME = "malformed-attendee-entry"
SUMMARY = "Attendee entry that cannot be parsed or lacks its organisation"
SEVERITY = Severity.WARNING
SCOPE = "document"
FIX = "none"
OPTIONS = {"min-entries": 5, "min-share-with-organisation": 0.8}

_INNER = lazy_compile(r"\(([^()]*)\)\s*$")  # a parenthesis closing the organisation
_NOTE = lazy_compile(r"\([^()]*\)")
# a note about the person rather than a part of the organisation's name
_NOTE_WORDS = lazy_compile(
    r"\b(?:private|individual|personal|self|independent|guest|observer|invited|expert|"
    r"member|remote|former|retired|alternate|voting|non-voting|chair|scribe|visitor)\b",
    re.IGNORECASE,
)
_GIVEN = lazy_compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?$")


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    min_entries = int(ctx.options["min-entries"])
    share = float(ctx.options["min-share-with-organisation"])
    reported: set[int] = set()  # entry starts: lists found twice report once
    for attendee_list in doc.attendee_lists:
        fresh = [e for e in attendee_list.entries if e.start not in reported]
        for entry in fresh:
            problem = (
                _unparsed(entry)
                or _missing_org(entry, attendee_list, min_entries, share)
                or _own_org(entry)
                or _wrapped_twice(entry)
                or _padded(doc.text, entry)
                or _given_name_only(entry, attendee_list, min_entries, share)
                or _subset_name(doc, entry, attendee_list)
            )
            if problem is not None:
                reported.add(entry.start)
                yield problem
        if fresh:
            yield from _empty_entries(doc.text, attendee_list)


def _own_org(entry: AttendeeEntry) -> Problem | None:
    """``Ann Lee (Ann Lee)``: the person written where the organisation goes."""
    if entry.problem is not None or not entry.org or len((entry.name or "").split()) < 2:
        return None
    org = _NOTE.sub("", entry.org).strip()
    if not org or org.startswith("@") or person_key(org) != person_key(entry.name):
        return None
    return Problem(
        entry.start,
        entry.end,
        f"attendee “{_short(entry.name)}” is written as their own organisation "
        f"(“{_short(entry.org)}”); give the organisation, or none for a private person",
    )


def _wrapped_twice(entry: AttendeeEntry) -> Problem | None:
    """``Ann Lee (Example CA (Private person))``: a note wrapped inside the organisation."""
    if entry.problem is not None or not entry.org:
        return None
    inner = _INNER.search(entry.org)
    if inner is None or not _NOTE_WORDS.search(inner.group(1)):
        return None
    return Problem(
        entry.start,
        entry.end,
        f"attendee “{_short(entry.name)}”: the organisation is wrapped twice "
        f"(“{_short(entry.org)}”); write the note “{inner.group(1).strip()}” apart",
    )


def _padded(text: str, entry: AttendeeEntry) -> Problem | None:
    """``( Example CA )``: spaces inside the parentheses of the organisation."""
    if entry.problem is not None or entry.org_start is None or entry.org_end is None:
        return None
    if entry.form not in ("paren", "dash-paren", "bracket"):
        return None
    before = text[entry.name_end : entry.org_start]
    after = text[entry.org_end : entry.end]
    if not (before.endswith((" ", "\t")) or after.startswith((" ", "\t"))):
        return None
    if not (before.rstrip().endswith(("(", "[")) and after.lstrip().startswith((")", "]"))):
        return None
    return Problem(
        entry.start,
        entry.end,
        f"attendee entry “{_short(entry.raw)}” has spaces inside the parentheses",
    )


def _given_name_only(
    entry: AttendeeEntry, attendee_list: AttendeeList, min_entries: int, share: float
) -> Problem | None:
    """``Thomas (Example CA)`` in a list of full names."""
    if entry.problem is not None or not entry.name or entry.org is None:
        return None
    if len(entry.name.split()) != 1 or not _GIVEN.match(entry.name):
        return None  # initials, handles and nicknames ("JP", "CRob") are not given names
    named = [e for e in attendee_list.entries if e.problem is None and e.name]
    full = sum(1 for e in named if len(e.name.split()) > 1)
    if len(named) < min_entries or full < share * len(named):
        return None
    return Problem(
        entry.start,
        entry.end,
        f"attendee “{_short(entry.name)}” is a given name only, unlike {full} of the "
        f"{len(named)} entries of this list; write the full name",
    )


def _subset_name(
    doc: Document, entry: AttendeeEntry, attendee_list: AttendeeList
) -> Problem | None:
    """``Lin Chen (Example CA)`` next to ``Mei Lin Chen (Example CA)``."""
    if entry.problem is not None or not entry.name or entry.org is None:
        return None
    mine = name_words(entry.name)
    if len(mine) < 2:
        return None
    for other in attendee_list.entries:
        if other is entry or other.problem is not None or not other.name or other.org is None:
            continue
        theirs = name_words(other.name)
        if len(theirs) <= len(mine) or org_key(other.org) != org_key(entry.org):
            continue
        if _contains(theirs, mine):
            line = doc.position(other.start).line
            return Problem(
                entry.start,
                entry.end,
                f"attendee “{_short(entry.name)}” is part of “{_short(other.name)}” (line "
                f"{line}), listed for the same organisation: probably one person listed twice",
            )
    return None


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` is ``longer`` with words left out, in order."""
    it = iter(longer)
    return all(word in it for word in shorter)


def _empty_entries(text: str, attendee_list: AttendeeList) -> Iterator[Problem]:
    """``Ann Lee, , Bo Tran``: separators with nothing between them."""
    depth = 0
    last_sep: int | None = None
    for pos in range(attendee_list.start, attendee_list.end):
        char = text[pos]
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        if depth:
            last_sep = None
            continue
        if char in ",;":
            if last_sep is not None:
                yield Problem(last_sep, pos + 1, "empty attendee entry between two separators")
            last_sep = pos
        elif not char.isspace() or char == "\n":
            last_sep = None


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
    if entry.role == GUEST:  # an invited expert or guest stands for no organisation
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
