"""An organisation one or two letters away from another organisation of the same document.

## What it does
Compares the organisations of the document's attendee lists with each
other.  Two organisations whose names are long enough (``min-length``
letters and digits) and differ by at most ``max-distance`` edits (a
transposition of two neighbouring letters counting one), with a
similarity of at least ``min-ratio`` percent, are probably one organisation
with a typo ("Example Trust Serivces" next to "Example Trust Services").
The spelling used less often is reported with the one used more often.
Short names ("ABCA" and "ABCB") and names that add a word
("Example" and "Example Korea") are never matched; names that differ in a
number ("Example 1", "Example 2") neither.

## Why is this bad?
A typo in an organisation's name splits its people in two for anyone who
counts attendance per organisation, and misspells a member's name in a
public record.

## Example
```markdown
## Attendees
Alice Moreau (Example Trust Services), Bob Stone (Example Trust Services),
Carol Diaz (Example Trust Serivces)
```

## Use instead
```markdown
## Attendees
Alice Moreau (Example Trust Services), Bob Stone (Example Trust Services),
Carol Diaz (Example Trust Services)
```

## Fix safety
Unsafe: two organisations can have names a letter apart, and the more
frequent spelling in one document is not necessarily the right one.  No
fix when both are used equally often.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from minutes_lint.attendees import AttendeeEntry
from minutes_lint.diagnostics import Applicability, Edit, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.names import fold, org_key
from minutes_lint.registry import RuleContext

CODE = "AT006"
NAME = "organisation-near-miss"
SUMMARY = "Organisation that is a near-miss of another organisation in the document"
SEVERITY = Severity.WARNING
SCOPE = "document"
FIX = "sometimes"
OPTIONS = {"min-length": 5, "max-distance": 2, "min-ratio": 90}

_DIGITS = re.compile(r"\d+")


@dataclass
class _Org:
    """Every attendee entry naming one organisation (one key) in the document."""

    key: str
    entries: list[AttendeeEntry] = field(default_factory=list)
    spellings: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.entries)

    @property
    def spelling(self) -> str:
        """The spelling used most often (the first seen, for a tie)."""
        return max(self.spellings, key=lambda s: self.spellings[s])


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    orgs = _organisations(doc)
    options = ctx.options
    matched: set[str] = set()
    for rare, common in _pairs(list(orgs.values()), options):
        if rare.key in matched:
            continue
        matched.add(rare.key)
        yield _problem(doc, rare, common)


def _organisations(doc: Document) -> dict[str, _Org]:
    """Organisation key -> its entries, in order of first appearance."""
    orgs: dict[str, _Org] = {}
    seen: set[int] = set()
    for entry in doc.attendees:
        if entry.problem is not None or entry.org is None or entry.org_start is None:
            continue
        if entry.org_start in seen:
            continue
        seen.add(entry.org_start)
        key = org_key(entry.org)
        if not key:
            continue
        org = orgs.setdefault(key, _Org(key))
        org.entries.append(entry)
        org.spellings[entry.org] = org.spellings.get(entry.org, 0) + 1
    return orgs


def _pairs(orgs: list[_Org], options: Mapping[str, Any]) -> Iterator[tuple[_Org, _Org]]:
    """(rarer, more frequent) near-miss pairs, the rarer of a tie being the later one."""
    min_length = int(options["min-length"])
    max_distance = int(options["max-distance"])
    min_ratio = float(options["min-ratio"])
    long_enough = [org for org in orgs if len(org.key) >= min_length]
    folded = {org.key: fold(org.spelling) for org in long_enough}
    found: list[tuple[int, int, _Org, _Org]] = []
    for i, first in enumerate(long_enough):
        for second in long_enough[i + 1 :]:
            if abs(len(first.key) - len(second.key)) > max_distance:
                continue
            if not _near(first.key, second.key, folded, max_distance, min_ratio):
                continue
            rare, common = (first, second) if first.count < second.count else (second, first)
            found.append((-common.count, rare.count, rare, common))
    found.sort(key=lambda item: (item[0], item[1], item[2].entries[0].start))
    for _neg, _count, rare, common in found:
        yield rare, common


def _near(a: str, b: str, folded: dict[str, str], max_distance: int, min_ratio: float) -> bool:
    """Whether keys ``a`` and ``b`` are a near-miss (a typo of each other)."""
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    from rapidfuzz import fuzz  # imported on the first candidate pair
    from rapidfuzz.distance import OSA, Levenshtein  # a transposition of neighbours is one edit

    distance = OSA.distance(a, b, score_cutoff=max_distance)
    if distance > max_distance:
        return False
    fa, fb = folded[a], folded[b]
    if distance == 1 and OSA.distance(fa, fb) == 1 and Levenshtein.distance(fa, fb) == 2:
        # a transposition ("TrsutCorp" for "TrustCorp") is one edit, not two
        return 100 * (1 - 1 / (len(fa) + len(fb))) >= min_ratio
    return fuzz.ratio(fa, fb, score_cutoff=min_ratio) >= min_ratio


def _problem(doc: Document, rare: _Org, common: _Org) -> Problem:
    """Report the first entry of the rarer spelling; the fix rewrites all its entries."""
    first = rare.entries[0]
    assert first.org_start is not None and first.org_end is not None
    target = common.spelling
    line = doc.position(common.entries[0].start).line
    more = rare.count - 1
    also = f" (and {more} more time{'s' if more > 1 else ''})" if more else ""
    tie = rare.count == common.count
    times = "once" if common.count == 1 else f"{common.count} times"
    message = (
        f"organisation “{first.org}”{also} may be a misspelling of “{target}” "
        f"({times} in this document, e.g. line {line})" + (" (a tie)" if tie else "")
    )
    fix = None
    if not tie:
        edits = tuple(
            Edit(entry.org_start, entry.org_end, target)
            for entry in rare.entries
            if entry.org_start is not None and entry.org_end is not None
        )
        fix = Fix(edits, f"Write “{target}”", Applicability.UNSAFE)
    return Problem(first.org_start, first.org_end, message, fix)
