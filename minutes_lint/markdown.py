"""The Markdown structure minutes-lint needs: lines, headings, fenced code, URLs."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SECTION_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)(\.?)(?=\s|$)")
URL = re.compile(r"""(?:https?://|www\.)[^\s<>"')\]]+|<[^>\s]+@[^>\s]+>|\S+@\S+\.\w+""")
# links and e-mail addresses, found without the quadratic scan an e-mail pattern can take
_LINK = re.compile(r"""(?:https?://|www\.)[^\s<>"')\]]+""")
_AT_WORD = re.compile(r"\S+")


def link_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of URLs and e-mail addresses in ``text[start:end]``, in order (linear time)."""
    spans = [m.span() for m in _LINK.finditer(text, start, end)]
    at = text.find("@", start, end)
    done = start  # everything before ``done`` has been looked at
    while at >= 0:
        left = max(text.rfind(" ", done, at), text.rfind("\t", done, at), done - 1) + 1
        m = _AT_WORD.match(text, left, end)
        word_end = m.end() if m is not None else at + 1
        if "." in text[at:word_end]:
            spans.append((left, word_end))
        done = word_end
        at = text.find("@", word_end, end)  # one look per whitespace-separated word
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


class Line(NamedTuple):
    """One line of a document (a tuple: a long file has hundreds of thousands)."""

    start: int  # offset of the first character
    end: int  # offset just past the last character, newline excluded
    text: str  # without its newline


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # the heading text without the hashes
    start: int  # offset of the first '#'
    end: int  # offset of the end of the line (newline excluded)
    text_start: int  # offset of ``text``
    number: str | None  # leading section number: "6" for "## 6. Discussion", "2.1" for "### 2.1 x"
    number_start: int | None
    number_end: int | None  # end of the number including a trailing dot


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Lines of ``text[start:end]`` with their offsets; CRLF, CR and LF end a line."""
    end = len(text) if end is None else end
    if "\r" in text and _LONE_CR.search(text, start, end):
        return _split_any_newline(text, start, end)
    lines: list[Line] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        line_end = stop
        if line_end > pos and text[line_end - 1] == "\r":
            line_end -= 1
        lines.append(Line(pos, line_end, text[pos:line_end]))
        if nl < 0:
            break
        pos = nl + 1
    return lines


_LONE_CR = re.compile(r"\r(?!\n)")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def _split_any_newline(text: str, start: int, end: int) -> list[Line]:
    """The slower split for text where a lone CR ends a line too (old Mac files)."""
    lines: list[Line] = []
    pos = start
    for m in _NEWLINE.finditer(text, start, end):
        lines.append(Line(pos, m.start(), text[pos : m.start()]))
        pos = m.end()
    if pos < end:
        lines.append(Line(pos, end, text[pos:end]))
    return lines


def code_block_lines(lines: list[Line]) -> set[int]:
    """Indexes (into ``lines``) of lines inside fenced code blocks, fences included."""
    inside: set[int] = set()
    fence: str | None = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line.text)
        if fence is None:
            if m:
                fence = m.group(1)[0] * 3
                inside.add(i)
        else:
            inside.add(i)
            if m and m.group(1).startswith(fence):
                fence = None
    return inside


_ATX = re.compile(
    r"^(?P<prefix>(?:[ \t]*>[ \t]?|[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)*)[ \t]*(?P<hashes>#{1,6})"
    r"(?:[ \t]+(?P<text>.*?))??(?:[ \t]+#+)?[ \t]*$"
)
_SETEXT_PREFIX = re.compile(r"^(?:[ \t]*>[ \t]?|[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)*[ \t]*")


def heading_at(text: str, lines: list[Line], first: int, last: int, markup: str) -> Heading | None:
    """The heading a CommonMark parser found on ``lines[first:last]`` (``markup`` is the
    ``#`` run of an ATX heading, ``=`` or ``-`` for a setext one)."""
    if markup.startswith("#"):
        line = lines[first]
        m = _ATX.match(line.text)
        if m is None:
            return None
        if m.group("text") is None:
            text_start = line.start + m.end("hashes")
            return _heading(len(markup), "", line.start + m.start("hashes"), line.end, text_start)
        return _heading(
            len(m.group("hashes")),
            m.group("text"),
            line.start + m.start("hashes"),
            line.start + m.end("text"),
            line.start + m.start("text"),
            line.end,
        )
    if last - first < 2:
        return None
    top = lines[first]
    bottom = lines[last - 2]
    prefix = _SETEXT_PREFIX.match(top.text)
    text_start = top.start + (prefix.end() if prefix else 0)
    text_end = bottom.end
    while text_end > text_start and text[text_end - 1] in " \t":
        text_end -= 1
    value = text[text_start:text_end].replace("\r", " ").replace("\n", " ")
    return _heading(1 if markup == "=" else 2, value, text_start, text_end, text_start)


def _heading(
    level: int, text: str, start: int, text_end: int, text_start: int, end: int | None = None
) -> Heading:
    number = number_start = number_end = None
    n = _SECTION_NUMBER.match(text)
    if n:
        number = n.group(1)
        number_start = text_start
        number_end = text_start + n.end()
    return Heading(
        level=level,
        text=text,
        start=start,
        end=text_end if end is None else end,
        text_start=text_start,
        number=number,
        number_start=number_start,
        number_end=number_end,
    )


def find_headings(lines: list[Line], skip: set[int] | None = None) -> list[Heading]:
    """ATX headings (``## 6. Discussion``) outside fenced code."""
    skip = skip or set()
    found: list[Heading] = []
    for i, line in enumerate(lines):
        if i in skip or "#" not in line.text[:4]:
            continue
        m = _HEADING.match(line.text)
        if not m:
            continue
        text = m.group(2)
        text_start = line.start + m.start(2)
        number = number_start = number_end = None
        n = _SECTION_NUMBER.match(text)
        if n:
            number = n.group(1)
            number_start = text_start
            number_end = text_start + n.end()
        found.append(
            Heading(
                level=len(m.group(1)),
                text=text,
                start=line.start + m.start(1),
                end=line.end,
                text_start=text_start,
                number=number,
                number_start=number_start,
                number_end=number_end,
            )
        )
    return found


class SpanSet:
    """Sorted, merged spans with a logarithmic membership test."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        merged: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
            else:
                merged.append((a, b))
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def __contains__(self, offset: object) -> bool:
        if not isinstance(offset, int):
            return False
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._ends[i]

    def __bool__(self) -> bool:
        return bool(self._starts)
