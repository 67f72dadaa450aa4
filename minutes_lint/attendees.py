"""Attendee lists in meeting minutes: where they are and what each entry says.

An attendee list is introduced either by a heading (``## Attendees``, ``## 11. Attendance``,
``## Roll Call`` when followed by names) or by a label line (``Attendees:``,
``**Present:** Alice Moreau (Example CA), ...``). Entries are separated by commas or
semicolons outside parentheses, by bullets, or by line breaks, and may be grouped under short
labels such as ``In person:`` or ``### Online``.

Every offset is a 0-based character offset into the document text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from minutes_lint.lazy_re import lazy_compile
from minutes_lint.markdown import Heading, Line, code_block_lines

UNBALANCED = "unbalanced parentheses"
TEXT_AFTER_ORG = "unexpected text after the organisation"
MISSING_NAME = "missing name"
EMPTY_ORG = "empty organisation"


@dataclass(frozen=True)
class AttendeeEntry:
    """One person in an attendee list, e.g. ``Alice Moreau (Example CA)``."""

    start: int  # whole entry, trimmed: no separator, bullet or trailing '.'
    end: int
    raw: str  # text[start:end]
    name: str  # whitespace collapsed
    name_start: int
    name_end: int
    org: str | None  # whitespace collapsed; nested parentheses kept whole
    org_start: int | None
    org_end: int | None
    form: str  # "paren", "dash-paren", "dash", "comma", "bracket" (``Name [Org]``) or "bare"
    group: str | None  # label the entry is listed under ("In person"), without colon
    problem: str | None  # None, or why the entry cannot be parsed


@dataclass(frozen=True)
class AttendeeList:
    """An attendee list and the heading or label line that introduced it."""

    start: int  # span of the list itself (start == end when it has no entries)
    end: int
    label_start: int
    label_end: int
    entries: tuple[AttendeeEntry, ...]


_KEYWORD = r"attendees|attendance|attending|present|participants|roll[ \t-]*call"
_KEYWORD_HINT = lazy_compile(r"attend|present|particip|roll", re.IGNORECASE)
_HEADING_TITLE = lazy_compile(rf"^(?P<kw>{_KEYWORD})\b(?P<qual>.*)$", re.IGNORECASE)
# a line holding only an HTML comment (a suppression such as ``<!-- minutes-lint: ... -->``)
# is not part of the list: it neither ends it nor reads as an entry
_COMMENT_LINE = lazy_compile(r"^\s*<!--.*-->\s*$")
_QUALIFIER = lazy_compile(r"^(?:\s*\([^()]{0,60}\)|\s*[-–—,]\s*[^:]{1,50}|\s+and\s+\S.{0,40})$")
_LABEL_LINE = lazy_compile(
    r"^(?P<indent>[ \t]*)(?P<marker>(?:[-*+]|\d{1,3}[.)])[ \t]+)?"
    r"[*_\\]*[ \t]*(?:\d{1,3}\.?[ \t]*)?[*_\\]*"
    r"(?P<prefix>[a-z]{3,15}[ \t]+)?"
    rf"(?P<kw>{_KEYWORD})\b"
    r"(?P<qual>[ \t]*\([^()]{0,60}\)|[ \t]+[A-Za-z]{2,20})?"
    r"[ \t]*[*_\\]*[ \t]*(?P<colon>:)?[ \t]*[*_\\]*[ \t]*"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_GROUP_LINE = lazy_compile(
    r"^[*_]*(?P<label>[^\W\d_][^:()\[\],;|#*_]{0,40}?)[*_]*[ \t]*:(?!//)[*_]*[ \t]*(?P<rest>.*)$"
)
_BULLET = lazy_compile(r"^[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]+")
_RULE = lazy_compile(r"^[ \t]*(?:[-_*=~]{2,}[ \t]*)+$")
_DASH_SEP = lazy_compile(r"[ \t]+[-–—]{1,2}[ \t]*|[ \t]*[–—]{1,2}[ \t]+|[ \t]*-{1,2}[ \t]+")
_DASH_END = lazy_compile(r"[ \t]*[-–—]{1,2}[ \t]*$")
_AND_AFTER = lazy_compile(r"[ \t]*(?:,[ \t]*)?(?:and|&)[ \t]+", re.IGNORECASE)
_BRACKET_ORG = lazy_compile(r"\[[^\[\]]*\]$")
_PAREN = lazy_compile(r"[()]")
_SPLIT_POINT = lazy_compile(r"[(),;\n]")
_LEADING_AND = lazy_compile(r"(?:and|&)[ \t]+(?=\S)", re.IGNORECASE)
_NAME_JUNK = lazy_compile(r"[\d:/@\[\]{}<>|=#*\"]")
_WORD_LEAD = "'\"‘’“”_("
_SPACE = " \t\r\n"

_MAX_GROUP_WORDS = 5
_MAX_SKIPPED_PARAGRAPHS = 3


@dataclass
class _Segment:
    """Consecutive lines of one paragraph that belong to the same group label."""

    group: str | None
    spans: list[tuple[int, int]]  # (start, end) of each line's content
    labelled: bool  # the segment began with an explicit group label


@dataclass
class _Walk:
    """State while reading the paragraphs of one candidate region."""

    entries: list[AttendeeEntry]
    group: str | None
    start: int | None = None
    end: int | None = None


@dataclass
class _Doc:
    """The document as the list finder sees it: lines, where headings are, fenced code."""

    text: str
    lines: list[Line]
    heading_at: dict[int, Heading]  # line index -> heading on that line
    heading_lines: list[int]  # sorted line indexes of headings
    section_end: dict[int, int]  # heading line -> first line after its section
    skip: set[int]  # line indexes inside fenced code

    @classmethod
    def build(
        cls, text: str, lines: list[Line], headings: list[Heading], skip: set[int] | None = None
    ) -> _Doc:
        """Index the headings by line and find where each heading's section ends."""
        starts = [line.start for line in lines]
        heading_at: dict[int, Heading] = {}
        for heading in headings:
            index = bisect.bisect_right(starts, heading.start) - 1
            if index >= 0 and heading.start <= lines[index].end:
                heading_at[index] = heading
        heading_lines = sorted(heading_at)
        section_end: dict[int, int] = {}
        open_sections: list[int] = []
        for index in heading_lines:
            level = heading_at[index].level
            while open_sections and heading_at[open_sections[-1]].level >= level:
                section_end[open_sections.pop()] = index
            open_sections.append(index)
        for index in open_sections:
            section_end[index] = len(lines)
        if skip is None:
            skip = code_block_lines(lines)
        return cls(text, lines, heading_at, heading_lines, section_end, skip)

    def next_heading(self, index: int) -> int:
        """Line index of the first heading after line ``index`` (or the line count)."""
        position = bisect.bisect_right(self.heading_lines, index)
        return (
            self.heading_lines[position] if position < len(self.heading_lines) else len(self.lines)
        )


def find_attendee_lists(
    text: str,
    lines: list[Line],
    headings: list[Heading],
    body_start: int,
    skip: set[int] | None = None,
) -> list[AttendeeList]:
    """Attendee lists of a document, in document order.

    ``lines`` and ``headings`` come from :func:`split_lines` (from ``body_start``) and
    :func:`find_headings`; ``skip`` holds the indexes into ``lines`` of lines that are not
    minutes (code, HTML comments; fenced code is found here when it is not given). A heading
    such as ``## Attendees`` always yields a list (possibly without entries); ``Roll Call``
    headings and label lines yield one only when names follow.
    """
    first = next((i for i, line in enumerate(lines) if line.start >= body_start), len(lines))
    if first:
        lines = lines[first:]
        skip = {i - first for i in skip if i >= first} if skip is not None else None
    doc = _Doc.build(text, lines, [h for h in headings if h.start >= body_start], skip)
    found: list[AttendeeList] = []
    covered = [False] * len(lines)
    for index in doc.heading_lines:
        result = _from_heading(doc, index)
        if result is None:
            continue
        attendee_list, last_line = result
        covered[index : last_line + 1] = [True] * (last_line + 1 - index)
        found.append(attendee_list)
    found.extend(_from_label_lines(doc, covered))
    found.sort(key=lambda item: item.label_start)
    return found


# --- heading form ------------------------------------------------------------------------


def _heading_keyword(heading: Heading) -> tuple[str, str] | None:
    """(keyword, inline content) when the heading introduces an attendee list."""
    title = heading.text
    if heading.number_end is not None:
        title = title[heading.number_end - heading.text_start :]
    title = title.strip().strip("*_` \t").strip()
    match = _HEADING_TITLE.match(title)
    if not match:
        return None
    qual = match.group("qual").strip("*_ \t")
    inline = ""
    if qual.startswith(":"):
        inline, qual = qual[1:].strip("*_ \t"), ""
    elif qual.endswith(":"):
        qual = qual[:-1].rstrip()
    keyword = match.group("kw").lower()
    if keyword.startswith("roll"):
        return (keyword, inline) if len(qual) <= 50 else None
    if qual and not _QUALIFIER.match(" " + qual if qual[0].isalpha() else qual):
        return None
    if qual.lower().startswith("and"):
        return None
    return keyword, inline


def _from_heading(doc: _Doc, index: int) -> tuple[AttendeeList, int] | None:
    """The list under the attendee heading on line ``index``, with its last line index."""
    heading = doc.heading_at[index]
    found = _heading_keyword(heading)
    if found is None:
        return None
    keyword, inline = found
    walk = _Walk(entries=[], group=None)
    if inline:
        offset = doc.text.find(inline, heading.text_start, heading.end)
        _walk_segments(doc.text, [_Segment(None, [(offset, offset + len(inline))], False)], walk)
    stop = doc.section_end[index]
    last = _walk_lines(doc, index + 1, stop, walk, heading.level)
    if keyword.startswith("roll") and not _names_with_orgs(walk.entries):
        return None
    label_end = heading.end
    start = walk.start if walk.start is not None else label_end
    end = walk.end if walk.end is not None else label_end
    attendee_list = AttendeeList(start, end, heading.start, label_end, tuple(walk.entries))
    return attendee_list, max(last, index)


def _group_heading(heading: Heading, parent_level: int) -> str | None:
    """The group label a sub-heading such as ``### In the room`` stands for, if it can."""
    if parent_level <= 0 or heading.level <= parent_level or heading.number is not None:
        return None
    label = heading.text.strip().strip("*_ \t").rstrip(":").strip("*_ \t")
    words = label.split()
    if not words or len(words) > _MAX_GROUP_WORDS or _NAME_JUNK.search(label):
        return None
    return label


# --- label-line form ---------------------------------------------------------------------


def _from_label_lines(doc: _Doc, covered: list[bool]) -> list[AttendeeList]:
    """Lists introduced by lines such as ``Attendees:`` or ``**Present:** Alice (X), ...``."""
    found: list[AttendeeList] = []
    busy_until = -1
    for index, line in enumerate(doc.lines):
        if index <= busy_until or covered[index] or index in doc.skip:
            continue
        if index in doc.heading_at:
            continue
        if not _KEYWORD_HINT.search(line.text, 0, 80):
            continue
        match = _LABEL_LINE.match(line.text)
        if match is None or not _is_label(match):
            continue
        result = _label_list(doc, index, match)
        if result is not None:
            attendee_list, busy_until = result
            found.append(attendee_list)
    return found


def _is_label(match: re.Match[str]) -> bool:
    """Whether a ``_LABEL_LINE`` match is a label rather than a sentence."""
    qual = (match.group("qual") or "").strip()
    rest = match.group("rest").strip("*_\\ \t")
    if match.group("colon") is None:
        return not rest and not match.group("prefix") and (not qual or qual.startswith("("))
    return True


def _label_list(doc: _Doc, index: int, match: re.Match[str]) -> tuple[AttendeeList, int] | None:
    """The list after the label line ``index``, with the index of its last line."""
    text = doc.text
    line = doc.lines[index]
    rest_start = line.start + match.start("rest")
    rest_end = line.end
    while rest_end > rest_start and text[rest_end - 1] in _SPACE + "*_\\":
        rest_end -= 1
    label_start = line.start + len(match.group("indent"))
    label_end = rest_start if rest_end > rest_start else line.end
    while label_end > label_start and text[label_end - 1] in _SPACE:
        label_end -= 1
    walk = _Walk(entries=[], group=None)
    if rest_end > rest_start:
        segments = _segments(text, [(rest_start, rest_end)])
        if _walk_segments(text, segments, walk) is False:
            return None
    stop = doc.next_heading(index)
    if match.group("marker"):
        stop = _indented_stop(doc.lines, index, stop, len(match.group("indent")))
    last = _walk_lines(doc, index + 1, stop, walk, 0)
    if not walk.entries or walk.start is None or walk.end is None:
        return None
    if match.group("kw").lower().startswith("roll") and not _names_with_orgs(walk.entries):
        return None
    attendee_list = AttendeeList(walk.start, walk.end, label_start, label_end, tuple(walk.entries))
    return attendee_list, max(last, index)


def _indented_stop(lines: list[Line], index: int, stop: int, indent: int) -> int:
    """First line at or below the indentation of the list item on line ``index``."""
    for other in range(index + 1, stop):
        text = lines[other].text
        if text.strip() and len(text) - len(text.lstrip()) <= indent:
            return other
    return stop


# --- walking paragraphs ------------------------------------------------------------------


def _walk_lines(doc: _Doc, first: int, stop: int, walk: _Walk, parent_level: int) -> int:
    """Read paragraphs from line ``first`` until the list ends; return the last line read.

    ``parent_level`` is the level of the heading that introduced the list (0 for a label
    line): under a heading, a few paragraphs of notes may come before the names.
    """
    skipped = 0
    last = first - 1
    index = first
    while index < stop:
        line = doc.lines[index]
        if index in doc.heading_at:
            group = _group_heading(doc.heading_at[index], parent_level)
            if group is None:
                break
            walk.group = group
            index += 1
            continue
        if "<!--" in line.text and _COMMENT_LINE.match(line.text):
            index += 1  # a comment (a suppression) neither ends the list nor is an entry
            continue
        if index in doc.skip or _RULE.match(line.text):
            if walk.entries:
                break
            index += 1
            continue
        if not line.text.strip():
            index += 1
            continue
        spans, end = _paragraph(doc, index, stop)
        outcome = _walk_segments(doc.text, _segments(doc.text, spans), walk)
        if outcome is None or outcome:
            last = end - 1
        elif walk.entries or parent_level == 0:
            break
        else:
            skipped += 1
            if skipped >= _MAX_SKIPPED_PARAGRAPHS:
                break
        index = end
    return last


def _paragraph(doc: _Doc, index: int, stop: int) -> tuple[list[tuple[int, int]], int]:
    """Content spans of the paragraph starting on line ``index`` and the index after it.

    A paragraph that stops in the middle of an entry (after a comma, inside parentheses, or
    before a line opening with ``(``) goes on past blank lines: some minutes wrap a long
    list with a blank line after every line.
    """
    spans: list[tuple[int, int]] = []
    balance = 0  # "(" minus ")" so far
    end = index
    while True:
        while end < stop and _plain(doc, end):
            spans.append(_content_span(doc.lines[end]))
            balance += doc.lines[end].text.count("(") - doc.lines[end].text.count(")")
            end += 1
        following = end
        while following < stop and not doc.lines[following].text.strip():
            following += 1
        if following == end or following >= stop or not _plain(doc, following):
            return spans, end
        if not _continues(doc.text, spans, balance, doc.lines[following]):
            return spans, end
        end = following


def _plain(doc: _Doc, index: int) -> bool:
    """Whether line ``index`` is a non-blank line of ordinary text."""
    text = doc.lines[index].text
    return (
        bool(text.strip())
        and index not in doc.heading_at
        and index not in doc.skip
        and not _RULE.match(text)
        and not ("<!--" in text and _COMMENT_LINE.match(text))
    )


def _continues(text: str, spans: list[tuple[int, int]], balance: int, following: Line) -> bool:
    """Whether a wrapped list goes on after a blank line (see :func:`_paragraph`)."""
    last_start, last_end = spans[-1]
    last = text[last_start:last_end]
    if following.text.lstrip().startswith("(") or last.endswith((",", ";")):
        return True
    if balance > 0 and ")" in following.text:
        return True
    if last.endswith((")", ".", ":")) or not _has_separator(text, last_start, last_end):
        return False
    # A name cut in two: the pieces around the blank line must make one entry.
    piece_start = max(last.rfind(","), last.rfind(";")) + 1 + last_start
    cut = [following.text.find(sep) for sep in ",;" if sep in following.text]
    piece_end = following.start + min(cut) if cut else following.end
    entry = _entry(text, piece_start, piece_end, None, False, None)
    return entry is not None and _listed(entry) and len(entry.name.split()) <= 4


def _content_span(line: Line) -> tuple[int, int]:
    """The line without surrounding whitespace."""
    stripped = line.text.strip()
    offset = line.text.find(stripped) if stripped else 0
    return line.start + offset, line.start + offset + len(stripped)


def _segments(text: str, spans: list[tuple[int, int]]) -> list[_Segment]:
    """Split a paragraph's lines where a group label such as ``In person:`` begins."""
    segments: list[_Segment] = []
    current: _Segment | None = None
    for start, end in spans:
        content = text[start:end]
        bullet = _BULLET.match(content)
        body = start + (bullet.end() if bullet else 0)
        group = _GROUP_LINE.match(text[body:end])
        label = group.group("label").strip() if group else ""
        if group and label and len(label.split()) <= _MAX_GROUP_WORDS:
            rest_start = body + group.start("rest")
            current = _Segment(label, [], True)
            segments.append(current)
            if rest_start < end:
                current.spans.append((rest_start, end))
            continue
        if current is None:
            current = _Segment(None, [], False)
            segments.append(current)
        current.spans.append((start, end))
    return segments


def _walk_segments(text: str, segments: list[_Segment], walk: _Walk) -> bool | None:
    """Add the entries of list-like segments.

    True when entries were added and every segment was a list, False when a segment is not a
    list (entries of earlier segments are kept), None when there were only group labels.
    """
    result: bool | None = None
    for segment in segments:
        if segment.labelled:
            walk.group = segment.group
        if not segment.spans:
            continue
        entries = _segment_entries(text, segment.spans, walk.group)
        complete = len(entries)
        while complete and not _listed(entries[complete - 1]):
            complete -= 1
        if not _list_like(entries[:complete]):
            return False
        if _lone_stranger(walk, segment, entries[:complete]):
            return False
        walk.entries.extend(entries[:complete])
        if walk.start is None:
            walk.start = entries[0].start
        walk.end = entries[complete - 1].end
        if complete < len(entries):
            return False
        result = True
    return result


def _lone_stranger(walk: _Walk, segment: _Segment, entries: list[AttendeeEntry]) -> bool:
    """A single entry after a list, written differently from it: a line that merely looks
    like an entry (``Topic - Subtitle``), not more of the list."""
    if not walk.entries or segment.labelled or len(entries) > 1:
        return False
    return entries[0].form != walk.entries[-1].form


# --- splitting entries -------------------------------------------------------------------


def _segment_entries(
    text: str, spans: list[tuple[int, int]], group: str | None
) -> list[AttendeeEntry]:
    """Entries of the lines ``spans`` (bulleted, one per line, or comma separated)."""
    items = _items(text, spans)
    comma = _comma_form(text, items)
    entries: list[AttendeeEntry] = []
    for item_index, (start, end) in enumerate(items):
        if comma is not None:
            entry = _entry(text, start, end, group, False, comma[item_index])
            if entry is not None:
                entries.append(entry)
            continue
        chunks = _split(text, start, end)
        for chunk_index, (chunk_start, chunk_end) in enumerate(chunks):
            is_last = item_index == len(items) - 1 and chunk_index == len(chunks) - 1
            entry = _entry(text, chunk_start, chunk_end, group, is_last, None)
            if entry is not None:
                entries.append(entry)
    return entries


def _items(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Bullet items (with their continuation lines), single lines, or the wrapped paragraph."""
    bulleted = [_BULLET.match(text[start:end]) for start, end in spans]
    if any(bulleted):
        items: list[tuple[int, int]] = []
        for (start, end), bullet in zip(spans, bulleted, strict=True):
            if bullet or not items:
                items.append((start + (bullet.end() if bullet else 0), end))
            else:
                items[-1] = (items[-1][0], end)
        return items
    if len(spans) > 1 and any(_has_separator(text, start, end) for start, end in spans):
        return [(spans[0][0], spans[-1][1])]
    return list(spans)


def _has_separator(text: str, start: int, end: int) -> bool:
    """Whether a comma or semicolon occurs outside parentheses in ``text[start:end]``."""
    depth = 0
    for char in text[start:end]:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in ",;" and depth == 0:
            return True
    return False


def _comma_form(text: str, items: list[tuple[int, int]]) -> list[int] | None:
    """Comma positions when every item reads ``Name, Org`` (one entry per line)."""
    if len(items) < 2:
        return None
    commas: list[int] = []
    for start, end in items:
        piece = text[start:end]
        if "(" in piece or ")" in piece or ";" in piece or "\n" in piece:
            return None
        if piece.count(",") != 1 or _DASH_SEP.search(piece):
            return None
        comma = piece.index(",")
        if not piece[:comma].strip() or not piece[comma + 1 :].strip(" \t."):
            return None
        commas.append(start + comma)
    return commas


def _match_parentheses(text: str, start: int, end: int) -> tuple[dict[int, int], set[int]]:
    """Matching parenthesis pairs (open -> close) and the positions of unmatched ones."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    unmatched: set[int] = set()
    for match in _PAREN.finditer(text, start, end):
        pos = match.start()
        if match.group() == "(":
            stack.append(pos)
        elif stack:
            pairs[stack.pop()] = pos
        else:
            unmatched.add(pos)
    unmatched.update(stack)
    return pairs, unmatched


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` at commas/semicolons outside parentheses, "and", line breaks."""
    pairs, _ = _match_parentheses(text, start, end)
    closes = set(pairs.values())
    chunks: list[tuple[int, int]] = []
    depth = 0
    current = start
    for match in _SPLIT_POINT.finditer(text, start, end):
        pos = match.start()
        if pos < current:
            continue  # inside an "and" already consumed
        char = match.group()
        if char == "(":
            depth += pos in pairs
        elif char == ")":
            if pos not in closes:
                continue
            depth -= 1
            after = _AND_AFTER.match(text, pos + 1, end) if depth == 0 else None
            if after:
                chunks.append((current, pos + 1))
                current = after.end()
        elif depth == 0 and _cuts_at(text, pos, current, end):
            chunks.append((current, pos))
            current = pos + 1
    chunks.append((current, end))
    return chunks


def _cuts_at(text: str, pos: int, current: int, end: int) -> bool:
    """Whether the character at ``pos`` (outside parentheses) separates two entries.

    Commas and semicolons do; a line break does after ``)`` unless ``(`` starts the next line.
    """
    char = text[pos]
    if char in ",;":
        return True
    if char != "\n":
        return False
    before = text[current:pos].rstrip(_SPACE)
    after = text[pos + 1 : end].lstrip(_SPACE)
    return before.endswith((")", ").")) and not after.startswith("(")


# --- one entry ---------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start:end`` past surrounding whitespace."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    return start, end


def _entry(
    text: str,
    start: int,
    end: int,
    group: str | None,
    is_last: bool,
    comma: int | None,
) -> AttendeeEntry | None:
    """Parse one entry; None for an empty piece (e.g. after a trailing comma)."""
    start, end = _trim(text, start, end)
    leading_and = _LEADING_AND.match(text, start, end)
    if leading_and:
        start = leading_and.end()
    if end > start and text[end - 1] == "." and (is_last or text[end - 2 : end - 1] == ")"):
        start, end = _trim(text, start, end - 1)
    if end <= start:
        return None
    if comma is not None:
        return _make(text, start, end, (start, comma), (comma + 1, end), "comma", group, None)
    pairs, unmatched = _match_parentheses(text, start, end)
    problem = UNBALANCED if unmatched else None
    open_pos = text.find("(", start, end)
    if open_pos >= 0:
        return _paren_entry(text, start, end, open_pos, pairs, problem, group)
    bracket = _BRACKET_ORG.search(text, start, end)
    if bracket and bracket.start() > start and not unmatched:
        org = (bracket.start() + 1, end - 1)
        return _make(text, start, end, (start, bracket.start()), org, "bracket", group, None)
    dash = _DASH_SEP.search(text, start, end)
    if dash and dash.start() > start and dash.end() < end:
        name, org = (start, dash.start()), (dash.end(), end)
        return _make(text, start, end, name, org, "dash", group, problem)
    return _make(text, start, end, (start, end), None, "bare", group, problem)


def _paren_entry(
    text: str,
    start: int,
    end: int,
    open_pos: int,
    pairs: dict[int, int],
    problem: str | None,
    group: str | None,
) -> AttendeeEntry:
    """An entry written ``Name (Org)`` or ``Name - (Org)``, possibly with a trailing note.

    A one-word parenthesis inside the name (``Robert (Bob) Stone (Example CA)``) is a
    nickname; the organisation is then the parenthesis after it.
    """
    close = pairs.get(open_pos)
    if close is not None and not _only_notes(text, close + 1, end, pairs):
        later = _after_nickname(text, start, open_pos, close, end, pairs)
        if later is not None:
            open_pos, close = later, pairs[later]
        elif problem is None:
            problem = TEXT_AFTER_ORG
    name_end = open_pos
    form = "paren"
    dash = _DASH_END.search(text, start, open_pos)
    if dash and dash.group().strip():
        name_end, form = dash.start(), "dash-paren"
    org = (open_pos + 1, end if close is None else close)
    if problem is None and not text[start:name_end].strip():
        problem = MISSING_NAME
    return _make(text, start, end, (start, name_end), org, form, group, problem)


def _after_nickname(
    text: str, start: int, open_pos: int, close: int, end: int, pairs: dict[int, int]
) -> int | None:
    """The organisation's ``(`` when the parenthesis at ``open_pos`` is a nickname."""
    nickname = text[open_pos + 1 : close].split()
    if len(nickname) != 1 or not text[start:open_pos].strip():
        return None
    later = text.find("(", close + 1, end)
    if later < 0 or later not in pairs or not _only_notes(text, pairs[later] + 1, end, pairs):
        return None
    between = text[close + 1 : later]
    if not 1 <= len(between.split()) <= 4 or _DASH_SEP.search(between.strip(" \t-–—")):
        return None
    return later


def _only_notes(text: str, pos: int, end: int, pairs: dict[int, int]) -> bool:
    """Whether ``text[pos:end]`` holds only parenthesised notes such as ``(chair)``."""
    while pos < end:
        char = text[pos]
        if char in _SPACE:
            pos += 1
        elif char == "(" and pos in pairs:
            pos = pairs[pos] + 1
        elif char in "[\\" and text.find("]", pos, end) > 0:
            pos = text.find("]", pos, end) + 1
        else:
            return False
    return True


def _make(
    text: str,
    start: int,
    end: int,
    name: tuple[int, int],
    org: tuple[int, int] | None,
    form: str,
    group: str | None,
    problem: str | None,
) -> AttendeeEntry:
    """Build an entry from trimmed spans, collapsing whitespace in name and organisation."""
    name_start, name_end = _trim(text, *name)
    org_text = org_start = org_end = None
    if org is not None:
        org_start, org_end = _trim(text, *org)
        org_text = " ".join(text[org_start:org_end].split())
        if not org_text:
            org_text = org_start = org_end = None
            problem = problem or EMPTY_ORG
    return AttendeeEntry(
        start=start,
        end=end,
        raw=text[start:end],
        name=" ".join(text[name_start:name_end].split()),
        name_start=name_start,
        name_end=name_end,
        org=org_text,
        org_start=org_start,
        org_end=org_end,
        form=form,
        group=group,
        problem=problem,
    )


# --- is it a list of people? -------------------------------------------------------------


def _plausible_name(name: str, strict: bool = True) -> bool:
    """Whether ``name`` reads like a person's name rather than a sentence or markup.

    With ``strict`` off (the name is followed by an organisation in parentheses) lowercase
    names such as ``alice moreau`` pass too.
    """
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > 60 or _NAME_JUNK.search(name):
        return False
    capitals = particles = 0
    for word in words:
        letters = word.lstrip(_WORD_LEAD)
        if not letters or not letters[0].isalpha():
            return False
        if letters[0].isupper():
            capitals += 1
        elif len(letters) <= 4:
            particles += 1
        elif strict:
            return False
    if not strict:
        return len(words) <= 5
    return capitals >= 1 and particles <= 2 and capitals >= particles


def _listed(entry: AttendeeEntry) -> bool:
    """Whether an entry belongs to a list: a plausible name, or a malformed entry."""
    if entry.problem in (UNBALANCED, MISSING_NAME, EMPTY_ORG):
        return True
    if entry.problem is not None:
        return False
    if entry.form in ("paren", "dash-paren", "bracket"):
        return _plausible_name(entry.name, strict=False)
    if entry.form == "dash" and not _plausible_org(entry.org or ""):
        return False
    return _plausible_name(entry.name)


def _plausible_org(org: str) -> bool:
    """Whether an organisation written without parentheses reads like a name, not a clause."""
    words = org.split()
    if not 1 <= len(words) <= 6 or len(org) > 60 or any(char.isdigit() for char in org):
        return False
    return sum(1 for word in words if word.isalpha() and word.islower() and len(word) > 4) <= 1


def _list_like(entries: list[AttendeeEntry]) -> bool:
    """Whether parsed pieces look like a list of people (not prose or markup)."""
    if not entries:
        return False
    good = sum(1 for entry in entries if entry.name and _listed(entry))
    with_org = sum(1 for entry in entries if entry.org)
    if len(entries) == 1:
        return bool(with_org and good)
    return good >= 2 and good >= 0.6 * len(entries)


def _names_with_orgs(entries: list[AttendeeEntry]) -> bool:
    """Whether most entries name an organisation (what a roll call list looks like)."""
    with_org = sum(1 for entry in entries if entry.org)
    return len(entries) >= 2 and with_org >= 0.5 * len(entries)
