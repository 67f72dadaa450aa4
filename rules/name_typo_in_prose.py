"""A name in the discussion that nearly matches a known person but is nobody.

## What it does
Reads the runs of capitalised words in the prose (outside attendee lists,
code and links).  A two- or three-word run that is nobody's name but is one
edit away, in one word, from a person listed in this document's attendee
list or in any attendee list of the corpus is reported with the name it
probably means.  So is a rare spelling that some list carries when a more
common spelling is one letter away (the listing itself is reported by AT001).

## Why is this bad?
A spell checker cannot see these typos: "Client Wilson" is made of two
dictionary words.  Yet the minutes then credit a statement or an endorsement
to a person who does not exist, which matters for a public record of who
said and agreed what.

## Example
```markdown
The ballot is endorsed by Client Wilson (Example Browser).
```
with "Clint Wilson (Example Browser)" in an attendee list.

## Use instead
```markdown
The ballot is endorsed by Clint Wilson (Example Browser).
```

## Fix safety
Unsafe: the fix replaces the run with the known name, and a real person
who never attended could share the spelling.  Confirm with the roster's
``distinct`` list or suppress the line when the name is right.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import attendees
from minutes_lint.registry import RuleContext

CODE = "PN001"
NAME = "name-typo-in-prose"
SUMMARY = "Name in the discussion that is one letter away from a known person"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "unsafe"
OPTIONS: dict[str, object] = {}
FACTS = (attendees,)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    if ctx.corpus is None:
        return
    people = ctx.corpus.people
    taken: list[tuple[int, int]] = []
    for mention in doc.mentions:
        if any(a <= mention.start < b for a, b in taken[-4:]):  # overlaps are neighbours
            continue
        misses = people.near_misses(mention.text)
        mine = sum(s.count for s in people.spellings(mention.text))
        if mine:
            # a listed spelling is a typo too when a more common one is one letter
            # away (AT001 corrects the listing; the discussion must follow)
            misses = [m for m in misses if m.count > mine]
        if not misses:
            continue
        best = max(misses, key=lambda m: m.count)
        known = best.spellings[0]
        place = known.places[0]
        taken.append((mention.start, mention.end))
        yield Problem(
            mention.start,
            mention.end,
            f"“{mention.text}” is "
            + (f"a rare spelling (listed {_times(mine)})" if mine else "not a known name")
            + f"; did you mean “{known.text}” "
            f"(listed {_times(known.count)}, "
            f"e.g. {place.path}:{place.line})?",
            Fix.replace(
                mention.start,
                mention.end,
                known.text,
                f"Write “{known.text}”",
                Applicability.UNSAFE,
            ),
        )


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"
