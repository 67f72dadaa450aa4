"""The document model: one per file, built lazily and shared by every rule.

Each property is computed on first use, so a rule pays only for what it
reads: a whitespace rule never parses YAML, a date rule never parses the
attendee list.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from minutes_lint.diagnostics import Position
from minutes_lint.markdown import (
    Heading,
    Line,
    SpanSet,
    heading_at,
    link_spans,
    split_lines,
)
from minutes_lint.source import Source
from minutes_lint.timings import measure

if TYPE_CHECKING:
    from minutes_lint.attendees import AttendeeEntry, AttendeeList
    from minutes_lint.dates import DateMention
    from minutes_lint.front_matter import FrontMatter
    from minutes_lint.meeting import Meeting
    from minutes_lint.names import Mention
    from minutes_lint.sections import Section
    from minutes_lint.structure import Structure

T = TypeVar("T")


class Document:
    """A decoded file and everything minutes-lint knows how to find in it."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.path = source.path
        self.text = source.text
        self._memos: dict[str, Any] = {}

    def release(self) -> None:
        """Forget everything parsed (it is rebuilt on demand): bounds memory on large runs."""
        keep = {"source", "path", "text", "_memos"}
        for name in [n for n in self.__dict__ if n not in keep]:
            del self.__dict__[name]
        self._memos.clear()

    @classmethod
    def from_text(cls, text: str, path: str = "<text>") -> Document:
        return cls(Source(path, text, False, text.encode("utf-8", "surrogatepass")))

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """The value stored under ``key`` for this document, built by ``build`` on first use.

        Rules share work done once per document through it.  ``key`` names the module and
        what it caches, e.g. ``"minutes_lint.organisations.findings"``.
        """
        if key not in self._memos:
            self._memos[key] = build()
        value: T = self._memos[key]
        return value

    # -- positions -----------------------------------------------------------------
    @cached_property
    def lines(self) -> list[Line]:
        return split_lines(self.text)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines] or [0]

    def position(self, offset: int) -> Position:
        """1-based line and column of a 0-based offset."""
        index = max(bisect.bisect_right(self._line_starts, offset) - 1, 0)
        return Position(index + 1, offset - self._line_starts[index] + 1)

    def line_index(self, offset: int) -> int:
        """0-based index into ``lines`` of the line holding ``offset``."""
        return max(bisect.bisect_right(self._line_starts, offset) - 1, 0)

    # -- front matter ----------------------------------------------------------------
    @cached_property
    def front_matter(self) -> FrontMatter:
        from minutes_lint.front_matter import parse_front_matter

        with measure("model", "front matter"):
            return parse_front_matter(self.text, self.lines)

    @property
    def parses(self) -> bool:
        """False when the front matter is broken: such a file is never rewritten."""
        return self.front_matter.ok

    @cached_property
    def body_start(self) -> int:
        return self.front_matter.body_start

    @cached_property
    def body_lines(self) -> list[Line]:
        """The lines of the body (after the front matter)."""
        return (
            self.lines[self.line_index(self.body_start) :]
            if self.body_start < len(self.text)
            else []
        )

    @cached_property
    def title(self) -> str | None:
        entry = self.front_matter.get("title")
        return entry.value if entry is not None and isinstance(entry.value, str) else None

    # -- Markdown structure ----------------------------------------------------------
    @cached_property
    def structure(self) -> Structure:
        """The CommonMark block structure of the body and what each offset is."""
        from minutes_lint.structure import Structure, parse_blocks

        first = self.line_index(self.body_start) if self.body_lines else len(self.lines)
        with measure("model", "block structure"):
            blocks = parse_blocks(self.text[self.body_start :], first) if self.body_lines else []
            return Structure(self.text, self.lines, first, blocks)

    def is_prose(self, offset: int) -> bool:
        """Whether ``offset`` is minutes text: not front matter, code, HTML or a comment."""
        return self.structure.is_prose(offset)

    def kind_at(self, offset: int) -> str:
        """What is at ``offset``: "paragraph", "item", "table", "heading", "code", "comment",
        "html", "quote", "front-matter" or "blank" (see :class:`Structure`)."""
        return self.structure.kind_at(offset)

    def in_code(self, offset: int) -> bool:
        return self.structure.in_code(offset)

    def in_list_item(self, offset: int) -> bool:
        return self.structure.in_list_item(offset)

    def in_table_cell(self, offset: int) -> bool:
        return self.structure.in_table_cell(offset)

    @cached_property
    def code_lines(self) -> set[int]:
        """Indexes into ``body_lines`` of lines that are not minutes: fenced and indented
        code (fences included) and HTML comment blocks."""
        if not self.body_lines:
            return set()
        first = self.line_index(self.body_start)
        return {i for i in range(len(self.body_lines)) if self.structure.is_code_line(first + i)}

    @cached_property
    def headings(self) -> list[Heading]:
        """ATX and setext headings, in document order (none inside code or HTML)."""
        found = []
        for block in self.structure.blocks:
            if block.kind == "heading":
                heading = heading_at(self.text, self.lines, block.first, block.last, block.markup)
                if heading is not None:
                    found.append(heading)
        return found

    # -- dates, people ---------------------------------------------------------------
    @cached_property
    def dates(self) -> list[DateMention]:
        """Dates written in the body, outside code and URLs."""
        from minutes_lint.dates import find_dates

        found = []
        spans = self.text_spans
        with measure("model", "dates"):
            for start, end in spans:
                found.extend(find_dates(self.text, start, end))
        return found

    @cached_property
    def attendee_lists(self) -> list[AttendeeList]:
        from minutes_lint.attendees import find_attendee_lists

        first = self.line_index(self.body_start) if self.body_lines else 0
        blocks = [
            (b.kind, b.first - first, b.last - first)
            for b in self.structure.blocks
            if b.kind in ("table", "html")
        ]
        headings, not_lists = self.headings, self._not_lists
        with measure("model", "attendee lists"):
            return find_attendee_lists(
                self.text, self.body_lines, headings, self.body_start, not_lists, blocks
            )

    @cached_property
    def _not_lists(self) -> set[int]:
        """Lines (into ``body_lines``) never read as an attendee list: code and comments,
        except a lone indented line ("    **Attendees**" after a paragraph), which is a stray
        indent in minutes rather than a code sample."""
        first = self.line_index(self.body_start) if self.body_lines else 0
        lone: set[int] = set()
        for block in self.structure.blocks:
            if block.kind == "code":
                lines = [i for i in range(block.first, block.last) if self.lines[i].text.strip()]
                if len(lines) == 1:
                    lone.add(lines[0] - first)
        return self.code_lines - lone if lone else self.code_lines

    @cached_property
    def people(self) -> list[AttendeeEntry]:
        """Everyone an attendee list names, absent people included, in document order."""
        return [entry for lst in self.attendee_lists for entry in lst.entries]

    @cached_property
    def absent(self) -> list[AttendeeEntry]:
        """People listed as absent (regrets, apologies): not attendees."""
        return [entry for entry in self.people if entry.role == "absent"]

    @cached_property
    def attendees(self) -> list[AttendeeEntry]:
        """People listed as present (in person or online), chair, scribe or guest."""
        return [entry for entry in self.people if entry.role != "absent"]

    @cached_property
    def text_spans(self) -> list[tuple[int, int]]:
        """Runs of body text outside code (blocks and inline spans) and HTML comments, at
        most one run per line between two holes."""
        structure = self.structure
        code = self.code_lines
        spans: list[tuple[int, int]] = []
        for i, line in enumerate(self.body_lines):
            if i in code or line.end <= line.start:
                continue
            if structure.comments or "`" in line.text:
                spans.extend(structure.text_runs(line.start, line.end))
            else:
                spans.append((line.start, line.end))
        return spans

    @cached_property
    def prose_spans(self) -> list[tuple[int, int]]:
        """Body text outside code, attendee lists and URLs: where people are discussed."""
        lists = SpanSet((lst.start, lst.end) for lst in self.attendee_lists)
        spans: list[tuple[int, int]] = []
        for start, end in self.text_spans:
            if start in lists:
                continue
            pos = start
            for a, b in link_spans(self.text, start, end):
                if a > pos:
                    spans.append((pos, a))
                pos = b
            if pos < end:
                spans.append((pos, end))
        return spans

    @cached_property
    def mentions(self) -> list[Mention]:
        """Runs of capitalised words in the prose that may name a person."""
        from minutes_lint.names import find_mentions

        spans = self.prose_spans
        with measure("model", "mentions"):
            return find_mentions(self.text, spans)

    @cached_property
    def sections(self) -> list[Section]:
        """Section titles in document order: headings, numbered paragraphs and list items
        that act as headings, lines in bold alone, "Topic N:" labels."""
        from minutes_lint.sections import heading_sections, line_sections

        firsts = sorted(
            {
                block.first
                for block in self.structure.blocks
                if block.kind in ("paragraph", "indented")
                and (
                    block.last - block.first == 1
                    or self.lines[block.first].text.rstrip().endswith(":")
                )
            }
        )
        lists = SpanSet((lst.label_start, lst.end) for lst in self.attendee_lists)
        lines = [s for s in line_sections(self.text, self.lines, firsts) if s.start not in lists]
        return sorted(heading_sections(self.headings) + lines, key=lambda section: section.start)

    @cached_property
    def meeting(self) -> Meeting:
        """Every date that tells when the meeting took place (title, body, file name ...)."""
        from minutes_lint.meeting import find_meeting

        with measure("model", "meeting"):
            return find_meeting(self)
