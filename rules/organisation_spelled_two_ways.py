"""One organisation written two ways in one document.

## What it does
Collects the organisations of the document's attendee lists and the single
capitalised words of the discussion that name one of them.  Spellings that
differ only in case, hyphens, spaces or punctuation ("Example-Trust",
"Example Trust", "ExampleTrust", "EXAMPLE TRUST") are one organisation
written two ways; the spellings used less often in the document are
reported, with the one used most often.  A tie is reported as a tie.
Straight and curly apostrophes count as the same spelling.

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

import re
from collections.abc import Iterator
from dataclasses import dataclass

from minutes_lint.diagnostics import Applicability, Edit, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.names import org_key
from minutes_lint.registry import RuleContext

CODE = "AT005"
NAME = "organisation-spelled-two-ways"
SUMMARY = "Organisation written two ways in one document"
SEVERITY = Severity.WARNING
SCOPE = "document"
FIX = "sometimes"
OPTIONS = {"check-prose": True}

# A word of the discussion: letters and digits, joined by hyphens, dots or apostrophes,
# not part of an e-mail address, path, domain or inline code.
_WORD = re.compile(
    r"(?<![\w@/.\-'’`])[^\W_]+(?:[-.'’][^\W_]+)*(?![\w@/\-'’`]|\.[^\W_]|[-'’][^\W_])"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@dataclass(frozen=True)
class Occurrence:
    """One place where an organisation is written."""

    start: int
    end: int
    text: str  # as written, whitespace collapsed
    in_prose: bool

    @property
    def spelling(self) -> str:
        """The spelling compared with others: apostrophes made straight."""
        return self.text.translate(_APOSTROPHES)


@dataclass(frozen=True)
class Finding:
    """A minority spelling of an organisation in one document."""

    spelling: str
    occurrences: tuple[Occurrence, ...]
    majority: str  # the spelling used most often (the first seen, for a tie)
    majority_place: Occurrence
    count: int  # occurrences of ``majority``
    tie: bool


def occurrences(doc: Document, prose: bool = True) -> dict[str, list[Occurrence]]:
    """Organisation key -> where the organisation is written, attendee lists first."""
    found: dict[str, list[Occurrence]] = {}
    seen: set[int] = set()
    for entry in doc.attendees:
        if entry.problem is not None or entry.org is None or entry.org_start is None:
            continue
        if entry.org_start in seen or entry.org_end is None:
            continue
        seen.add(entry.org_start)
        key = org_key(entry.org)
        if key:
            occurrence = Occurrence(entry.org_start, entry.org_end, entry.org, False)
            found.setdefault(key, []).append(occurrence)
    if prose and found:
        text = doc.text
        for start, end in doc.prose_spans:
            for match in _WORD.finditer(text, start, end):
                word = match.group()
                if word.islower() or word.isdigit():
                    continue
                key = org_key(word)
                if key in found:
                    found[key].append(Occurrence(match.start(), match.end(), word, True))
    return found


def findings(doc: Document, prose: bool = True) -> list[Finding]:
    """Every minority spelling of an organisation in ``doc``, in document order."""
    out: list[Finding] = []
    for places in occurrences(doc, prose).values():
        by_spelling: dict[str, list[Occurrence]] = {}
        for place in sorted(places, key=lambda p: p.start):
            by_spelling.setdefault(place.spelling, []).append(place)
        if len(by_spelling) < 2:
            continue
        ranked = sorted(by_spelling.items(), key=lambda item: (-len(item[1]), item[1][0].start))
        majority_places = ranked[0][1]
        majority = majority_places[0].text
        for spelling, places_of in ranked[1:]:
            tie = len(places_of) == len(majority_places)
            out.append(
                Finding(
                    spelling,
                    tuple(places_of),
                    majority,
                    majority_places[0],
                    len(majority_places),
                    tie,
                )
            )
    out.sort(key=lambda f: f.occurrences[0].start)
    return out


def reported_spellings(doc: Document, prose: bool = True) -> set[str]:
    """Attendee organisations, as written, whose spelling this rule reports in ``doc``."""
    return {
        place.text for f in findings(doc, prose) for place in f.occurrences if not place.in_prose
    }


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    for finding in findings(doc, bool(ctx.options["check-prose"])):
        first = finding.occurrences[0]
        line = doc.position(finding.majority_place.start).line
        more = len(finding.occurrences) - 1
        also = f" (and {more} more time{'s' if more > 1 else ''})" if more else ""
        how = "as often" if finding.tie else f"{finding.count} time{'s' * (finding.count > 1)}"
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
