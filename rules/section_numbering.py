"""Numbered sections that skip or repeat a number.

## What it does
Follows the numbered headings ("## 6. Discussion", "### 2.1 Ballots") of each
sequence of sibling sections and reports a number that skips ahead ("5."
then "7."), repeats ("3." twice) or goes back.  Siblings share a parent
heading and the same number prefix ("2.1", "2.2" under "2."); a sequence
restarts under a new parent ("## Day 2" then "### 1."), and unnumbered
headings between numbered ones ("## Attendees" at the top, "## Adjourned"
at the end) do not break it.  A sibling written at the wrong heading level
still counts as a sibling (ST002 reports its level).  The first number of
a sequence is not checked.

## Why is this bad?
Agenda items are referred to by number ("see item 7"), in the minutes and
in the mail that follows them.  A skipped or repeated number suggests a
missing or duplicated section and makes such references ambiguous.

## Example
```markdown
## 5. Ballot status
## 7. Any other business
```

## Use instead
```markdown
## 5. Ballot status
## 6. Any other business
```

## Fix safety
Renumbering shifts references to the sections, so a fix is offered only
for a single skip at the last numbered sibling, where no later number
moves, and it is unsafe all the same.  Repeats and other skips get no fix.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.markdown import Heading
from minutes_lint.registry import RuleContext
from minutes_lint.sections import NumberedRun, last_number, numbered_runs

CODE = "ST001"
NAME = "section-numbering"
SUMMARY = "Numbered sections skip or repeat a number"
SEVERITY = Severity.WARNING
FIX = "sometimes"
OPTIONS: dict[str, object] = {}


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    for run in numbered_runs(doc.headings):
        yield from _check_run(doc, run)


def _check_run(doc: Document, run: NumberedRun) -> Iterator[Problem]:
    found: list[tuple[Heading, Heading, int]] = []  # (heading, previous, expected)
    for previous, heading in pairwise(run.members):
        expected = last_number(previous) + 1
        if last_number(heading) != expected:
            found.append((heading, previous, expected))
    for heading, previous, expected in found:
        fixable = len(found) == 1 and heading is run.members[-1] and last_number(heading) > expected
        yield _problem(doc, heading, previous, expected, fixable)


def _problem(
    doc: Document, heading: Heading, previous: Heading, expected: int, fixable: bool
) -> Problem:
    assert heading.number is not None and heading.number_start is not None
    number = last_number(heading)
    end = heading.number_start + len(heading.number)
    start = end - len(heading.number.rpartition(".")[2])
    line = doc.position(previous.start).line
    if number == last_number(previous):
        what = f"section {heading.number} repeats the number of line {line}"
    elif number < expected:
        what = f"section {heading.number} goes back after {previous.number} (line {line})"
    else:
        what = f"section {heading.number} skips ahead after {previous.number} (line {line})"
    new = _renumbered(heading.number, expected)
    fix = None
    if fixable:
        fix = Fix.replace(start, end, str(expected), f"Renumber to {new}", Applicability.UNSAFE)
    return Problem(heading.number_start, end, f"{what}; expected {new}", fix)


def _renumbered(number: str, last: int) -> str:
    """``number`` with its last component replaced: "2.3" and 2 give "2.2"."""
    head, _, _ = number.rpartition(".")
    return f"{head}.{last}" if head else str(last)
