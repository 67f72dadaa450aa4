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
from dataclasses import dataclass, field
from itertools import pairwise

from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.markdown import Heading
from minutes_lint.registry import RuleContext

CODE = "ST001"
NAME = "section-numbering"
SUMMARY = "Numbered sections skip or repeat a number"
SEVERITY = Severity.WARNING
FIX = "sometimes"
OPTIONS: dict[str, object] = {}


@dataclass
class NumberedRun:
    """Sibling sections numbered in one sequence, in document order."""

    level: int  # heading level of the first member
    prefix: tuple[int, ...]  # (2,) for "2.1", "2.2"; () for "1", "2"
    members: list[Heading] = field(default_factory=list)

    @property
    def last(self) -> int:
        return last_number(self.members[-1])


def number_parts(heading: Heading) -> tuple[int, ...] | None:
    """The components of a heading's section number: (2, 1) for "2.1"."""
    if heading.number is None:
        return None
    return tuple(int(part) for part in heading.number.split("."))


def last_number(heading: Heading) -> int:
    parts = number_parts(heading)
    assert parts is not None
    return parts[-1]


def numbered_runs(headings: list[Heading]) -> list[NumberedRun]:
    """Sequences of numbered sibling headings.

    A numbered heading joins the open sequence with its number prefix at its
    own level; failing that, one it continues by number (a sibling written
    at the wrong level); else it starts a sequence.  A heading closes the
    open sequences of deeper levels.
    """
    runs: list[NumberedRun] = []
    stack: list[NumberedRun] = []
    for heading in headings:
        parts = number_parts(heading)
        if parts is None:
            while stack and stack[-1].level > heading.level:
                stack.pop()
            continue
        prefix, number = parts[:-1], parts[-1]
        found = _open_run(stack, prefix, heading.level, number)
        if found is not None:
            del stack[found + 1 :]
            stack[found].members.append(heading)
            continue
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        run = NumberedRun(heading.level, prefix, [heading])
        stack.append(run)
        runs.append(run)
    return runs


def _open_run(
    stack: list[NumberedRun], prefix: tuple[int, ...], level: int, number: int
) -> int | None:
    """Index of the open sequence a heading joins: same prefix and level, else continued."""
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].prefix == prefix and stack[index].level == level:
            return index
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].prefix == prefix and number == stack[index].last + 1:
            return index
    return None


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
