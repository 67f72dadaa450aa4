"""Numbered sections: runs of sibling headings numbered in one sequence.

"## 6. Discussion", "### 2.1 Ballots": a numbered heading belongs to the
sequence of its siblings, which share a parent heading and a number prefix
("2.1", "2.2" under "2.").  A sequence restarts under a new parent, and
unnumbered headings between numbered ones do not break it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutes_lint.markdown import Heading, Line

__all__ = [
    "NumberedRun",
    "Section",
    "heading_sections",
    "last_number",
    "line_sections",
    "number_parts",
    "numbered_runs",
]


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


# --- section titles, wherever minutes write them -----------------------------------------


@dataclass(frozen=True)
class Section:
    """A section title: a heading, a numbered paragraph or list item that acts as one
    ("7. Next meeting:"), a line in bold alone, or a "Topic 3:" label."""

    number: str | None  # "6", "2.1"; None for an unnumbered title
    title: str  # without number, markup and trailing colon
    start: int  # offset of the line's content
    kind: str  # "heading", "numbered", "bold", "topic"


_NUMBERED_LINE = re.compile(
    r"^[ \t]*(?P<number>\d{1,2}(?:\.\d{1,2})*)[.)][ \t]+[*_]*(?P<title>[^\W\d_][^\n]{0,78}?)"
    r"[*_]*[ \t]*:?[*_]*[ \t]*$"
)
_BOLD_LINE = re.compile(r"^[ \t]*(?:\*\*|__)(?P<title>[^*_\n]{2,80}?):?(?:\*\*|__):?[ \t]*$")
_TOPIC_LINE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?[*_]*topic[ \t]+(?P<number>\d{1,3})[ \t]*[:.–—-][*_]*[ \t]*"
    r"(?P<title>\S[^\n]{0,100}?)[ \t]*$",
    re.IGNORECASE,
)
_MAX_TITLE_WORDS = 8


def _clean(title: str) -> str:
    return title.strip().strip("*_`").strip().rstrip(":").strip().strip("*_").strip()


def heading_sections(headings: list[Heading]) -> list[Section]:
    """Sections of the headings; a count such as "#### 3 Improvements" (a number without a
    dot that no sibling heading continues) is part of the title, not a section number."""
    numbered_levels: dict[int, int] = {}
    for heading in headings:
        if heading.number is not None:
            numbered_levels[heading.level] = numbered_levels.get(heading.level, 0) + 1
    found = []
    for heading in headings:
        number = heading.number
        title = heading.text
        if number is not None and heading.number_end is not None:
            dotted = "." in heading.text[: heading.number_end - heading.text_start]
            if dotted or numbered_levels.get(heading.level, 0) > 1:
                title = heading.text[heading.number_end - heading.text_start :]
            else:
                number = None
        found.append(Section(number, _clean(title), heading.start, "heading"))
    return found


def line_sections(text: str, lines: list[Line], firsts: list[int]) -> list[Section]:
    """Sections written as the first line of a paragraph or list item (``firsts`` are the
    indexes of those lines): "7. Next meeting:", "**Ballots**", "Topic 2: Updates"."""
    found = []
    for index in firsts:
        line = lines[index]
        content = line.text
        m = _TOPIC_LINE.match(content)
        if m is not None:
            found.append(Section(m.group("number"), _clean(m.group("title")), line.start, "topic"))
            continue
        m = _NUMBERED_LINE.match(content)
        if m is not None and len(m.group("title").split()) <= _MAX_TITLE_WORDS:
            title = _clean(m.group("title"))
            if title and not title.endswith((".", ",", ";")):
                found.append(Section(m.group("number"), title, line.start, "numbered"))
            continue
        m = _BOLD_LINE.match(content)
        if m is not None and len(m.group("title").split()) <= _MAX_TITLE_WORDS:
            found.append(Section(None, _clean(m.group("title")), line.start, "bold"))
    return found
