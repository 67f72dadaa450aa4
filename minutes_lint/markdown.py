"""The Markdown structure minutes-lint needs: lines, headings, fenced code, URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Line:
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
