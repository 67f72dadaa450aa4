"""Numbered sections: runs of sibling headings numbered in one sequence.

"## 6. Discussion", "### 2.1 Ballots": a numbered heading belongs to the
sequence of its siblings, which share a parent heading and a number prefix
("2.1", "2.2" under "2.").  A sequence restarts under a new parent, and
unnumbered headings between numbered ones do not break it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from minutes_lint.markdown import Heading

__all__ = ["NumberedRun", "last_number", "number_parts", "numbered_runs"]


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
    """The last component of a numbered heading's section number: 1 for "2.1"."""
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
