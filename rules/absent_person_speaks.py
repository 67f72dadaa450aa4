"""A person listed as absent who speaks in the discussion.

## What it does
Takes the people an attendee list names as absent (``Regrets:``,
``Apologies:``, ``Absent:``) and looks for them speaking in the body of the
same document:

- a speaker label at the start of a line, as scribe tools and transcripts
  write them: ``**Ann Lee:** …``, ``*Ann Lee:* …``, ``> Ann Lee: …``,
  ``- Ann Lee: …``;
- the full name before a speech verb: "Ann Lee said …", "Ann Lee's
  noted …";
- the given name alone as a speaker label (``**Ann:** …``) when no one
  else the document lists has that given name.

The first place each absent person speaks is reported, once per person.
Someone listed both as present and as absent is left to
``duplicate-attendee``, which reports the contradiction itself.
A sentence that says the words came in writing ("Ann Lee noted by email
…", "in a message", "wrote") is not speaking in the meeting.  Names are
compared ignoring case, accents, dots, hyphens and the order of the words.

## Why is this bad?
Either the attendance record is wrong (the person attended, and is counted
as absent in every statistic built on the minutes), or the name in the
discussion is wrong (someone else said it).  Both are errors in the
published record that a reader cannot resolve.

## Example
```markdown
**Present:** Ann Lee, Bo Tran
**Regrets:** Cy Dale

**Cy Dale:** I will draft the charter.
```

## Use instead
```markdown
**Present:** Ann Lee, Bo Tran, Cy Dale

**Cy Dale:** I will draft the charter.
```

## Fix safety
There is no fix: whether the attendance list or the speaker's name is
wrong cannot be told from the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from minutes_lint.attendees import AttendeeEntry
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.lazy_re import lazy_compile
from minutes_lint.names import SPEECH_VERBS, fold, name_words, person_key
from minutes_lint.registry import RuleContext

CODE = "AT008"
NAME = "absent-person-speaks"
SUMMARY = "Person listed as absent speaks in the discussion"
SEVERITY = Severity.WARNING
SCOPE = "document"
FIX = "none"
OPTIONS: dict[str, object] = {}

# "**Ann Lee:** text", "*Ann Lee:* text", "> Ann Lee: text", "- **Ann Lee**: text"
_LABEL = lazy_compile(
    r"(?m)^[ \t>]*(?:[-*+][ \t]+)?[*_]{0,2}(?P<name>[^\W\d_][^\W\d_ .'’-]*"
    r"(?:[ .'’-]{1,2}[^\W\d_][^\W\d_.'’-]*){0,4})[*_]{0,2}[ \t]*:[*_]{0,2}[ \t]+\S"
)
_SPEECH = lazy_compile(
    rf"(?P<name>[^\W\d_][^\W\d_.'’-]*(?:[ \t]+[^\W\d_][^\W\d_.'’-]*){{1,4}})"
    rf"(?:['’]s)?[ \t]+(?:{SPEECH_VERBS})\b(?P<rest>[^.\n]{{0,60}})"
)
# the words came in writing, not in the meeting
_IN_WRITING = lazy_compile(
    r"\b(?:e-?mail|mail(?:ing)?[ -]list|message|letter|chat|slack|wrote|written|offline|"
    r"in advance|beforehand|before the (?:meeting|call))\b",
    re.IGNORECASE,
)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    present = {person_key(e.name) for e in doc.attendees if e.problem is None and e.name}
    absent = [
        e
        for e in doc.absent
        if e.problem is None
        and len(name_words(e.name)) >= 2
        and person_key(e.name) not in present  # listed as both: duplicate-attendee says so
    ]
    if not absent:
        return
    by_key = {person_key(e.name): e for e in absent}
    present_given = {name_words(e.name)[0] for e in doc.attendees if e.problem is None and e.name}
    given_counts: dict[str, int] = {}
    for e in absent:
        g = name_words(e.name)[0]
        given_counts[g] = given_counts.get(g, 0) + 1
    by_given = {
        name_words(e.name)[0]: e
        for e in absent
        if given_counts[name_words(e.name)[0]] == 1 and name_words(e.name)[0] not in present_given
    }
    reported: set[int] = set()
    for start, end in doc.prose_spans:
        for m in _LABEL.finditer(doc.text, start, end):
            name = m.group("name").strip()
            words = name_words(name)
            entry = by_key.get(person_key(name)) if len(words) >= 2 else None
            if entry is None and len(words) == 1:
                entry = by_given.get(fold(words[0]))
            if entry is not None and entry.start not in reported:
                reported.add(entry.start)
                yield _problem(doc, entry, m.start("name"), m.end("name"), name)
        for m in _SPEECH.finditer(doc.text, start, end):
            found = _speaker(m.group("name"), by_key)
            if found is None or found[0].start in reported:
                continue
            if _IN_WRITING.search(m.group("rest")):
                continue
            entry, skip = found
            reported.add(entry.start)
            said = m.group("name")[skip:]
            yield _problem(doc, entry, m.start("name") + skip, m.end("name"), said)


def _speaker(words: str, by_key: dict[str, AttendeeEntry]) -> tuple[AttendeeEntry, int] | None:
    """The absent person a run of words before a speech verb ends with, and where the
    name starts in ``words``."""
    for m in re.finditer(r"\S+", words):
        rest = words[m.start() :]
        if len(rest.split()) < 2:
            break
        entry = by_key.get(person_key(rest))
        if entry is not None:
            return entry, m.start()
    return None


def _problem(doc: Document, entry: AttendeeEntry, start: int, end: int, said: str) -> Problem:
    line = doc.position(entry.start).line
    group = f"under “{entry.group}” " if entry.group else ""
    return Problem(
        start,
        end,
        f"“{said}” speaks here but is listed as absent {group}(line {line}): "
        "list them as present, or correct the speaker's name",
    )
