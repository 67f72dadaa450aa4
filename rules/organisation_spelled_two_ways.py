"""One organisation written two ways in one document.

## What it does
Collects the organisations of the document's attendee lists and the single
capitalised words of the discussion that name one of them.  Spellings that
differ only in case, hyphens, spaces or punctuation ("Example-Trust",
"Example Trust", "ExampleTrust", "EXAMPLE TRUST") are one organisation
written two ways.  The better spelling is the one without stray
punctuation at either end ("Example CA," from a list that ends an entry
with a comma), then the one not written all in lower case ("example ca"),
then the one used most often in the document; the others are reported
with it.  A tie is reported as a tie.
Straight and curly apostrophes count as the same spelling, and a word in
capitals in the discussion ("EXAMPLETRUST ROOT PROGRAM") is emphasis, not a
spelling.

## Why is this bad?
Readers and tools that count attendance per organisation see two
organisations, and a search for one spelling misses the other.  In the
discussion, an organisation written differently from its attendee entry
("Exampletrust endorsed the ballot") reads like a typo in a public record.

## Example
```markdown
## Attendees
Alice Moreau (Example-Trust), Bob Stone (Example-Trust), Carol Diaz (Exampletrust)

Exampletrust will endorse the ballot.
```

## Use instead
```markdown
## Attendees
Alice Moreau (Example-Trust), Bob Stone (Example-Trust), Carol Diaz (Example-Trust)

Example-Trust will endorse the ballot.
```

## Fix safety
Unsafe: the fix rewrites every occurrence of a minority spelling to the
document's majority spelling, and in one document the majority can be the
wrong one (the organisation's own spelling may be the rarer).  No fix for
a tie.
"""

from __future__ import annotations

from collections.abc import Iterator

from minutes_lint.diagnostics import Applicability, Edit, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.organisations import STRAY, findings
from minutes_lint.registry import RuleContext

CODE = "AT005"
NAME = "organisation-spelled-two-ways"
SUMMARY = "Organisation written two ways in one document"
SEVERITY = Severity.WARNING
SCOPE = "document"
FIX = "sometimes"
OPTIONS = {"check-prose": True}
# the same organisation written two ways in this document is the more specific finding
SUPERSEDES = ("AT007",)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    for finding in findings(doc, bool(ctx.options["check-prose"])):
        first = finding.occurrences[0]
        line = doc.position(finding.majority_place.start).line
        more = len(finding.occurrences) - 1
        also = f" (and {more} more time{'s' if more > 1 else ''})" if more else ""
        if finding.tie:
            how = "as often"
        elif finding.count > len(finding.occurrences):
            how = f"{finding.count} times"
        else:
            how = f"{_times(finding.count)}, {_why(first.text, finding.majority)},"
        message = (
            f"organisation “{first.text}”{also} is written “{finding.majority}” "
            f"{how} in this document, e.g. on line {line}"
        )
        fix = None
        if finding.tie:
            message += " (a tie)"
        else:
            edits = tuple(
                Edit(place.start, place.end, finding.majority) for place in finding.occurrences
            )
            fix = Fix(edits, f"Write “{finding.majority}”", Applicability.UNSAFE)
        yield Problem(first.start, first.end, message, fix)


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _why(mine: str, better: str) -> str:
    """Why ``better`` wins although it is not used more often."""
    if mine.strip(STRAY) != mine and better.strip(STRAY) == better:
        return "without the stray punctuation"
    return "not all in lower case"
