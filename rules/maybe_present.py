"""A known person named in the discussion but missing from the attendee list.

## What it does
For a document with an attendee list, reports each person who is named in
the prose (by a name that some attendee list of the corpus carries) but is
not listed in this document's attendees.  Reported once per person, as
information: "maybe present", as W3C's scribe tools say.

## Why is this bad?
Someone who spoke, presented or was thanked was often present and left out
of the roll, which makes the attendance record wrong.  But people are also
mentioned in their absence, so this is a prompt to check, not an error.

## Example
```markdown
## Attendees
Alice Moreau (Example CA)

## Discussion
Bruno Silva presented the draft ballot.
```
with "Bruno Silva" listed in other minutes.

## Use instead
```markdown
## Attendees
Alice Moreau (Example CA), Bruno Silva (Example Trust)
```

## Fix safety
No fix: only the minute-taker knows who was there.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import attendees
from minutes_lint.names import person_key
from minutes_lint.registry import RuleContext

CODE = "PN002"
NAME = "maybe-present"
SUMMARY = "Person named in the discussion but not listed as an attendee"
SEVERITY = Severity.INFO
SCOPE = "corpus"
FIX = "none"
DEFAULT = False  # a hint, not a defect: mostly people discussed, not missing attendees
OPTIONS = {"min-attendees": 3}
FACTS = (attendees,)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    if ctx.corpus is None or len(doc.attendees) < ctx.options["min-attendees"]:
        return
    listed = {person_key(e.name) for e in doc.attendees if e.name}
    people = ctx.corpus.people
    reported: set[str] = set()
    for mention in doc.mentions:
        key = person_key(mention.text)
        if key in listed or key in reported or not people.knows(mention.text):
            continue
        reported.add(key)
        yield Problem(
            mention.start,
            mention.end,
            f"{mention.text} is named in the discussion but not listed as an attendee "
            "(maybe present)",
        )
