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
from dataclasses import dataclass, replace
from functools import lru_cache

from minutes_lint.lazy_re import lazy_compile
from minutes_lint.markdown import Heading, Line, SpanSet, code_block_lines

PRESENT = "present"
CHAIR = "chair"
SCRIBE = "scribe"
GUEST = "guest"
ABSENT = "absent"

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
    form: str  # "paren", "dash-paren", "dash", "comma", "bracket" (``Name [Org]``), "table"
    # (a row of a table) or "bare"
    group: str | None  # label the entry is listed under ("In person"), without colon
    problem: str | None  # None, or why the entry cannot be parsed
    role: str = PRESENT  # present, chair, scribe, guest or absent
    handle: str | None = None  # "@amoreau" written with the name, or a short name "(AMO)"


@dataclass(frozen=True)
class AttendeeList:
    """An attendee list and the heading or label line that introduced it."""

    start: int  # span of the list itself (start == end when it has no entries)
    end: int
    label_start: int
    label_end: int
    entries: tuple[AttendeeEntry, ...]


_KEYWORD = (
    r"attendees|attendance|attending|present|participants|roll[ \t-]*call"
    r"|regrets|apologies|absent|guests|chairs?|scribes?(?:\(s\))?|remote(?=[ \t]*:)"
)
_KEYWORD_HINT = lazy_compile(
    r"attend|present|particip|roll|regret|apolog|absent|guest|chair|scribe|remote", re.IGNORECASE
)
# what a group label or a note says of the people it lists (English words, not names)
_ROLE_LABELS = (
    (ABSENT, lazy_compile(r"\b(?:regrets?|apolog\w*|absent|excused|unable)\b", re.IGNORECASE)),
    (CHAIR, lazy_compile(r"\b(?:co-?)?chair(?:s|ed|ing)?\b|\bfacilitat\w*", re.IGNORECASE)),
    (SCRIBE, lazy_compile(r"\bscribe|\bnote[- ]?takers?\b|\bminute[- ]?takers?\b", re.I)),
    (GUEST, lazy_compile(r"\bguests?\b|\bobservers?\b|\binvited\b", re.IGNORECASE)),
)
# a note after a name that only says the person's role or status
_ROLE_NOTE = lazy_compile(
    r"^(?:(?:(?:acting|interim|vice)[ \t]+|co-?)?chair(?:person)?|facilitator|scribe"
    r"|note[- ]?taker|minute[- ]?taker|guest"
    r"|observer|invited(?: expert| guest)?|(?:non-?)?voting(?: member)?|member|alternate"
    r"|host|moderator|presenter|speaker)$",
    re.IGNORECASE,
)
_HANDLE = lazy_compile(r"^@[\w][\w.-]{0,38}$")
_NAME_HANDLE = lazy_compile(r"[ \t]+\(?(@[\w][\w.-]{0,38})\)?$")
_HONORIFIC = lazy_compile(r"(?:dr|prof|mr|mrs|ms|mx)\.?[ \t]+(?=[^\W\d_])", re.IGNORECASE)
_BOLD_NOTE = lazy_compile(r"(?:^|,)[ \t]*(?:\*\*|__|<strong>|<b>)")
_ROLE_SUFFIX = lazy_compile(r"[ \t]*[-–—,][ \t]*([A-Za-z][\w -]{1,30}?)[ \t]*$")
_HANDLE_NOTE = lazy_compile(r"[ \t]*[-–—:][ \t]*[^()\n]{1,40}")
# "Name (Org) - need to leave early": a note of two words or more after a spaced dash
_DASH_NOTE = lazy_compile(r"[ \t]+[-–—][ \t]+[^\W\d_][^()\n]*?[ \t][^()\n]{1,80}")
_CAPITALS = lazy_compile(r"^[A-Z]{2,5}$")
_IAL = lazy_compile(r"^[ \t]*\{:[^}]*\}[ \t]*$")  # a kramdown attribute line: not content
_ROLE_GROUP = lazy_compile(r"present|regret|apolog|absent|guest|chair|scribe", re.IGNORECASE)
_NICK = lazy_compile(r"^[A-Za-z][\w.-]{1,30}$")
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
    r"(?P<qual>[ \t]*\([^()]{0,60}\)|[ \t]+[A-Za-z]{2,20}|/[A-Za-z]{2,20})?"
    r"[ \t]*[*_\\]*[ \t]*(?P<colon>:)?[ \t]*[*_\\]*[ \t]*"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
_GROUP_LINE = lazy_compile(
    r"^[*_]*(?P<label>[^\W\d_](?:[^:()\[\],;|#*_]|\(s\)){0,40}?)[*_]*[ \t]*:(?!//)[*_]*[ \t]*"
    r"(?P<rest>.*)$"
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

    @property
    def lenient(self) -> bool:
        """Under a label that names people's roles (``Present:``, ``Chair:``, ``Regrets:``)
        a single name or a lowercase nickname is an entry too."""
        return bool(self.group and _ROLE_GROUP.search(self.group))

    def add(self, entries: list[AttendeeEntry]) -> None:
        self.entries.extend(entries)
        if self.start is None:
            self.start = entries[0].start
        self.end = entries[-1].end


@dataclass
class _Doc:
    """The document as the list finder sees it: lines, where headings are, fenced code."""

    text: str
    lines: list[Line]
    heading_at: dict[int, Heading]  # line index -> heading on that line
    heading_lines: list[int]  # sorted line indexes of headings
    section_end: dict[int, int]  # heading line -> first line after its section
    skip: set[int]  # line indexes inside fenced code
    blocks: dict[int, tuple[str, int]]  # first line of a table or HTML block -> (kind, stop)

    @classmethod
    def build(
        cls,
        text: str,
        lines: list[Line],
        headings: list[Heading],
        skip: set[int] | None = None,
        blocks: dict[int, tuple[str, int]] | None = None,
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
        return cls(text, lines, heading_at, heading_lines, section_end, skip, blocks or {})

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
    blocks: list[tuple[str, int, int]] | None = None,
) -> list[AttendeeList]:
    """Attendee lists of a document, in document order.

    ``lines`` and ``headings`` come from :func:`split_lines` (from ``body_start``) and
    :func:`find_headings`; ``skip`` holds the indexes into ``lines`` of lines that are not
    minutes (code, HTML comments; fenced code is found here when it is not given) and
    ``blocks`` the tables and HTML blocks as (kind, first, stop) indexes into ``lines``. A heading
    such as ``## Attendees`` always yields a list (possibly without entries); ``Roll Call``
    headings and label lines yield one only when names follow.
    """
    first = next((i for i, line in enumerate(lines) if line.start >= body_start), len(lines))
    if first:
        lines = lines[first:]
        skip = {i - first for i in skip if i >= first} if skip is not None else None
    table_at = {a - first: (kind, b - first) for kind, a, b in blocks or () if a >= first}
    # a "heading" made of a long line of names underlined with dashes is a list, not a section
    headings = [
        h
        for h in headings
        if h.start >= body_start
        and (h.start != h.text_start or len(h.text) <= 100 or h.text.count(",") < 3)
    ]
    doc = _Doc.build(text, lines, headings, skip, table_at)
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
    found.extend(_unlabelled(doc, covered, found))
    found.sort(key=lambda item: item.label_start)
    return [_short_names(item) for item in found]


def _short_names(attendee_list: AttendeeList) -> AttendeeList:
    """In a list where nearly every person is written with a short name of capitals
    (``Kim Lee (KL)``), the few capitals that are not initials (``(SFC)``) are short names
    too, not organisations."""
    entries = attendee_list.entries
    short = sum(1 for e in entries if e.handle and not e.handle.startswith("@"))
    if short < 3 or short < 0.8 * len(entries):
        return attendee_list
    changed = tuple(
        replace(e, org=None, org_start=None, org_end=None, handle=e.org)
        if e.org and e.form == "paren" and _CAPITALS.match(e.org)
        else e
        for e in entries
    )
    return replace(attendee_list, entries=changed)


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
    if qual.startswith("/"):  # "Present/Contributing:"
        qual = qual.lstrip("/").lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        qual = qual.strip("*_ \t")
    inline = ""
    if qual.startswith(":"):
        inline, qual = qual[1:].strip("*_ \t"), ""
    elif qual.endswith(":"):
        qual = qual[:-1].rstrip()
    keyword = match.group("kw").lower()
    if keyword.startswith("roll"):
        return (keyword, inline) if len(qual) <= 50 else None
    # a long note in parentheses ("(please mark an X if you are here)") is a qualifier too
    note = qual.startswith("(") and qual.rstrip(":*_ ").endswith(")") and len(qual) <= 200
    if qual and not note and not _QUALIFIER.match(" " + qual if qual[0].isalpha() else qual):
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
    walk = _Walk(entries=[], group=_keyword_group(keyword))
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


def _keyword_group(keyword: str) -> str | None:
    """The group a label keyword stands for: None for a plain attendee list ("Attendees")."""
    if re.match(r"(?i)attend|particip|roll", keyword):
        return None
    return keyword


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
    walk = _Walk(entries=[], group=_keyword_group(match.group("kw")))
    if rest_end > rest_start:
        segments = _segments(text, [(rest_start, rest_end)])
        if _walk_segments(text, segments, walk) is False:
            if len(walk.entries) < 2 or walk.start is None or walk.end is None:
                return None
            # names, then a sentence ("..., and our guest Kim"): the names are the list
            entries = tuple(walk.entries)
            return AttendeeList(walk.start, walk.end, label_start, label_end, entries), index
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
        block = doc.blocks.get(index)
        if block is not None and index not in doc.heading_at:
            entries = _block_entries(doc, index, block, walk.group)
            if entries is not None:
                if entries:
                    walk.add(entries)
                    last = block[1] - 1
                elif walk.entries:
                    break
                index = block[1]
                continue
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
        if not line.text.strip() or _IAL.match(line.text):
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
        while end < stop and (_plain(doc, end) or _comment_line(doc, end)):
            if not _comment_line(doc, end):  # a comment line inside a list is transparent
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


def _comment_line(doc: _Doc, index: int) -> bool:
    """Whether line ``index`` holds only an HTML comment (a suppression, say)."""
    text = doc.lines[index].text
    return "<!--" in text and bool(_COMMENT_LINE.match(text))


def _plain(doc: _Doc, index: int) -> bool:
    """Whether line ``index`` is a non-blank line of ordinary text."""
    text = doc.lines[index].text
    return (
        bool(text.strip())
        and index not in doc.heading_at
        and index not in doc.skip
        and not _RULE.match(text)
        and not ("<!--" in text and _COMMENT_LINE.match(text))
        and not _IAL.match(text)
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
        lenient = walk.lenient
        complete = len(entries)
        while complete and not _listed(entries[complete - 1], lenient):
            complete -= 1
        kept = [entry for entry in entries[:complete] if not _instruction(entry.name)]
        if not _list_like(kept) and not (
            lenient and kept and all(_listed(entry, True) for entry in kept)
        ):
            return False
        if _lone_stranger(walk, segment, kept):
            return False
        walk.add(kept)
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
        if comma is not None and comma[item_index] is not None:
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


def _comma_form(text: str, items: list[tuple[int, int]]) -> list[int | None] | None:
    """Comma positions when every item reads ``Name, Org`` (one entry per line); an item
    written ``Name (Org, note)`` among them has None (it is read as usual)."""
    if len(items) < 2:
        return None
    commas: list[int | None] = []
    for start, end in items:
        piece = text[start:end]
        if ("(" in piece or ")" in piece) or "," not in piece or "\n" in piece:
            if ";" in piece:
                return None
            commas.append(None)  # "Name (Org, note)", a bare "Name", a wrapped item: as usual
            continue
        if "(" in piece or ")" in piece or ";" in piece or "\n" in piece:
            return None
        if piece.count(",") != 1 or _DASH_SEP.search(piece):
            return None
        comma = piece.index(",")
        if not piece[:comma].strip() or not piece[comma + 1 :].strip(" \t."):
            return None
        commas.append(start + comma)
    if sum(1 for comma in commas if comma is not None) < max(2, len(commas) // 2):
        return None
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
    start, end = _unwrap_emphasis(text, *_trim(text, start, end))
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


def _unwrap_emphasis(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without bold or italic markers around the whole entry
    (``**Ann Lee (Acme)**``), or around its name and organisation when a note follows
    (``**Ann Lee (Acme)** - leaves early``)."""
    for marker in ("**", "__", "*"):
        if not text.startswith(marker, start) or end - start <= 2 * len(marker):
            continue
        close = text.find(marker, start + len(marker), end)
        if close < 0 or text[close - 1] in _SPACE:
            return start, end
        rest = close + len(marker)
        if rest == end or _DASH_NOTE.fullmatch(text, rest, end):
            return start + len(marker), close
        return start, end
    return start, end


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
    handle_note = (
        close is not None
        and text[open_pos + 1 : open_pos + 2] == "@"
        and _HANDLE_NOTE.fullmatch(text, close + 1, end) is not None
    )  # "Name (@handle) - joined late": a note after a handle
    dash_note = close is not None and _DASH_NOTE.fullmatch(text, close + 1, end) is not None
    if (
        close is not None
        and not (handle_note or dash_note)
        and not _only_notes(text, close + 1, end, pairs)
    ):
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
            suffix = _ROLE_SUFFIX.fullmatch(text, pos, end)
            return suffix is not None and bool(_ROLE_NOTE.match(suffix.group(1)))
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
    handle: str | None = None,
) -> AttendeeEntry:
    """Build an entry from trimmed spans, collapsing whitespace in name and organisation.

    An honorific (``Dr.``), a trailing ``@handle`` and a trailing period are not part of the
    name; a parenthesis holding only a handle (``(@amoreau)``) or a role (``(chair)``,
    ``- voting``) is not an organisation, and a bold note after the organisation
    (``Example CA, **Board**``) is not part of it.
    """
    name_start, name_end = _trim(text, *name)
    honorific = _HONORIFIC.match(text, name_start, name_end)
    if honorific:
        name_start = honorific.end()
    at_handle = _NAME_HANDLE.search(text, name_start, name_end) if "@" in text[start:end] else None
    if at_handle and at_handle.start() > name_start:
        handle, name_end = at_handle.group(1), at_handle.start()
    if (
        name_end - name_start > 3
        and text[name_end - 1] == "."
        and text[name_end - 4 : name_end - 1].isalpha()
    ):
        name_end -= 1
    org_text = org_start = org_end = None
    note_start = name_end
    if org is not None:
        org_start, org_end = _trim(text, *org)
        while org_end > org_start and text[org_end - 1] in ",; \t":  # "(Acme, )": no note
            org_end -= 1
        org_text = " ".join(text[org_start:org_end].split())
        note_start = org_end
        note = ""
        if (org_text[:1] == "@" and _HANDLE.match(org_text)) or _short_name(
            org_text, text[name_start:name_end]
        ):
            handle = org_text
            org_text = org_start = org_end = None
        elif _ROLE_NOTE.match(org_text.strip("*_ \t")):
            note = org_text
            org_text = org_start = org_end = None
            if form == "dash":
                form = "bare"
        elif not org_text:
            org_text = org_start = org_end = None
            problem = problem or EMPTY_ORG
        else:
            markup = "*" in org_text or "_" in org_text or "<" in org_text
            bold = _BOLD_NOTE.search(text, org_start, org_end) if markup else None
            if bold is not None:  # bold notes after the organisation, or instead of it
                org_start, org_end = _trim(text, org_start, bold.start())
                org_text = " ".join(text[org_start:org_end].split())
                if not org_text:
                    org_text = org_start = org_end = None
    else:
        note = ""
    role = _role(group, note + " " + (text[note_start:end] if note_start < end else ""))
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
        role=role,
        handle=handle,
    )


def _short_name(abbreviation: str, name: str) -> bool:
    """Whether ``abbreviation`` is the person's own short name (``Kim Lee (KL)``, ``(KLE)``):
    two to four capitals, starting with the name's initial, taken from the name in order."""
    if not (2 <= len(abbreviation) <= 4 and abbreviation.isalpha() and abbreviation.isupper()):
        return False
    letters = name.lower()
    if len(name.split()) < 2 or not letters or letters[0] != abbreviation[0].lower():
        return False
    pos = 0
    for char in abbreviation.lower():
        pos = letters.find(char, pos) + 1
        if pos == 0:
            return False
    return True


@lru_cache(maxsize=256)
def label_role(label: str | None) -> str | None:
    """The role a group label or a note gives the people it lists ("Regrets" -> absent)."""
    if not label:
        return None
    for role, pattern in _ROLE_LABELS:
        if pattern.search(label):
            return role
    return None


def _role(group: str | None, notes: str) -> str:
    """An entry's role: absent when listed as such, else what its notes or its group say."""
    by_group = label_role(group)
    if by_group == ABSENT:
        return ABSENT
    by_note = label_role(notes) if notes.strip(" \t.,") else None
    return by_note or by_group or PRESENT


# --- is it a list of people? -------------------------------------------------------------


# English function words: an upper-case run holding one is a sentence, not a name
_FUNCTION_WORDS = frozenset(
    [
        "to",
        "the",
        "here",
        "from",
        "add",
        "need",
        "needs",
        "please",
        "insert",
        "list",
        "of",
        "and",
        "or",
        "for",
        "in",
        "on",
        "at",
        "tbd",
    ]
)


def _instruction(name: str) -> bool:
    """An instruction left in a list ("NEED TO ADD ONLINE ATTENDEES"): upper case, three
    words or more, one of them a function word."""
    words = name.split()
    return len(words) >= 3 and name.isupper() and any(w.lower() in _FUNCTION_WORDS for w in words)


@lru_cache(maxsize=8192)
def _plausible_name(name: str, strict: bool = True) -> bool:
    """Whether ``name`` reads like a person's name rather than a sentence or markup.

    With ``strict`` off (the name is followed by an organisation in parentheses) lowercase
    names such as ``alice moreau`` pass too.
    """
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > 60 or _NAME_JUNK.search(name):
        return False
    if _instruction(name):
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


def _listed(entry: AttendeeEntry, lenient: bool = False) -> bool:
    """Whether an entry belongs to a list: a plausible name, or a malformed entry (with
    ``lenient``, a nickname such as ``gkellogg`` too)."""
    if lenient and entry.form == "bare" and entry.problem is None and _NICK.match(entry.name):
        return True
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


# --- tables and lists without a label ----------------------------------------------------

_NAME_COLUMN = lazy_compile(r"\bname\b", re.IGNORECASE)
_ORG_COLUMN = lazy_compile(r"organi[sz]ation|affiliation|company|employer|\borg\b", re.IGNORECASE)
_SHORT_COLUMN = lazy_compile(r"abbr|initials|handle|git\s*hub|\bgh\b|nick", re.IGNORECASE)
_MARK = lazy_compile(r"^(?:x|✓|✔|☑|yes|y)$", re.IGNORECASE)
_TR = lazy_compile(r"<tr\b[^>]*>(.*?)(?:</tr>|(?=<tr\b)|$)", re.IGNORECASE | re.DOTALL)
_TD = lazy_compile(r"<t[dh]\b[^>]*>(.*?)(?=</t[dh]>|<t[dh]\b|$)", re.IGNORECASE | re.DOTALL)
_TAG = lazy_compile(r"<[^>]*>")
_MIN_UNLABELLED = 4  # entries an unlabelled paragraph needs to be read as an attendee list
_TOP_PARAGRAPHS = 4  # an unlabelled list is one of the first paragraphs of the body


def _block_entries(
    doc: _Doc, index: int, block: tuple[str, int], group: str | None
) -> list[AttendeeEntry] | None:
    """Entries of the table starting on line ``index``; None when it is no table of people
    (an HTML block without a table is read as ordinary lines)."""
    kind, stop = block
    if kind == "table":
        return _pipe_table(doc, index, stop, group)
    if kind == "html" and "<table" in doc.text[doc.lines[index].start : doc.lines[stop - 1].end]:
        return _html_table(doc, index, stop, group)
    if kind == "html":
        return []  # a figure, a caption, markup: not part of a list of people
    return None


def _cells(text: str, line: Line) -> list[tuple[int, int]]:
    """Spans of the cells of one pipe-table row (an escaped ``\\|`` does not split)."""
    start, end = _trim(text, line.start, line.end)
    if start < end and text[start] == "|":
        start += 1
    if end > start and text[end - 1] == "|" and text[end - 2] != "\\":
        end -= 1
    cells = []
    pos = start
    for i in range(start, end + 1):
        if i == end or (text[i] == "|" and text[i - 1] != "\\"):
            cells.append(_trim(text, pos, i))
            pos = i + 1
    return cells


def _columns(headers: list[str]) -> tuple[int, int | None, int | None] | None:
    """(name, organisation, short name) columns of a table of people, or None."""
    name = next((i for i, h in enumerate(headers) if _NAME_COLUMN.search(h)), None)
    if name is None:
        return None
    org = next((i for i, h in enumerate(headers) if _ORG_COLUMN.search(h) and i != name), None)
    short = next((i for i, h in enumerate(headers) if _SHORT_COLUMN.search(h)), None)
    return name, org, short


def _table_entry(
    text: str,
    name: tuple[int, int],
    org: tuple[int, int] | None,
    short: tuple[int, int] | None,
    group: str | None,
) -> AttendeeEntry | None:
    """One row of a table of people: the name cell (itself maybe ``Name (Org)``)."""
    if name[0] >= name[1]:
        return None
    if org is None or org[0] >= org[1]:
        entry = _entry(text, name[0], name[1], group, True, None)
        if entry is None or not _listed(entry):
            return None
        return entry
    handle = (
        text[short[0] : short[1]].strip() if short is not None and short[0] < short[1] else None
    )
    start, end = min(name[0], org[0]), max(name[1], org[1])
    entry = _make(text, start, end, name, org, "table", group, None, handle or None)
    return entry if _plausible_name(entry.name, strict=False) else None


def _pipe_table(doc: _Doc, first: int, stop: int, group: str | None) -> list[AttendeeEntry]:
    text = doc.text
    rows = [_cells(text, doc.lines[i]) for i in range(first, stop)]
    if len(rows) < 3:
        return []
    columns = _columns([text[a:b].strip("*_ \t") for a, b in rows[0]])
    if columns is None:
        return []
    name, org, short = columns
    entries = []
    for row in rows[2:]:
        if name >= len(row):
            continue
        entry = _table_entry(
            text,
            row[name],
            row[org] if org is not None and org < len(row) else None,
            row[short] if short is not None and short < len(row) else None,
            group,
        )
        if entry is not None:
            entries.append(entry)
    return entries


def _html_table(doc: _Doc, first: int, stop: int, group: str | None) -> list[AttendeeEntry]:
    """Rows of an HTML table of people; with a column for a mark ("x"), the marked rows."""
    text = doc.text
    start, end = doc.lines[first].start, doc.lines[stop - 1].end
    rows = []
    for tr in _TR.finditer(text, start, end):
        cells = []
        for td in _TD.finditer(text, tr.start(1), tr.end(1)):
            a, b = _trim(text, td.start(1), td.end(1))
            cells.append((a, b, " ".join(_TAG.sub(" ", text[a:b]).split())))
        rows.append(cells)
    header = next(
        (i for i, row in enumerate(rows) if any(_NAME_COLUMN.search(c) for *_, c in row)), None
    )
    if header is None:
        return []
    columns = _columns([c for *_, c in rows[header]])
    if columns is None:
        return []
    name, org, short = columns
    body = rows[header + 1 :]
    mark = next(
        (
            i
            for i, (*_, label) in enumerate(rows[header])
            if not label and any(i < len(row) and _MARK.match(row[i][2]) for row in body)
        ),
        None,
    )
    entries = []
    for row in body:
        if name >= len(row) or (
            mark is not None and (mark >= len(row) or not _MARK.match(row[mark][2]))
        ):
            continue
        cell = row[name]
        a, b = cell[0], cell[1]
        while b > a and text[b - 1] in " \t\r\n":
            b -= 1
        entry = _table_entry(
            text,
            (a, b),
            row[org][:2] if org is not None and org < len(row) else None,
            row[short][:2] if short is not None and short < len(row) else None,
            group,
        )
        if entry is not None:
            entries.append(entry)
    return entries


def _unlabelled(doc: _Doc, covered: list[bool], found: list[AttendeeList]) -> list[AttendeeList]:
    """Attendee lists without a label: a table of people (a Name column beside an
    organisation or short-name column), or one of the first paragraphs of the body made
    only of ``Name (Org)`` entries."""
    taken = SpanSet((min(lst.label_start, lst.start), max(lst.end, lst.label_end)) for lst in found)
    lists: list[AttendeeList] = []
    for index, (kind, stop) in doc.blocks.items():
        if kind != "table" or covered[index] or doc.lines[index].start in taken:
            continue
        entries = _pipe_table(doc, index, stop, None)
        if entries and _columns_of_people(doc, index):
            line = doc.lines[index]
            lists.append(
                AttendeeList(
                    entries[0].start, entries[-1].end, line.start, line.end, tuple(entries)
                )
            )
    paragraphs = 0
    index = 0
    while index < len(doc.lines) and paragraphs < _TOP_PARAGRAPHS:
        if not _plain(doc, index) or doc.blocks.get(index) or _BULLET.match(doc.lines[index].text):
            index += 1
            continue
        spans, end = _paragraph(doc, index, len(doc.lines))
        paragraphs += 1
        if not any(covered[index:end]) and doc.lines[index].start not in taken:
            bulleted = any(_BULLET.match(doc.text[a:b]) for a, b in spans)
            entries = [] if bulleted else _segment_entries(doc.text, spans, None)
            paren = sum(
                1 for e in entries if e.form == "paren" and (e.org or e.handle) and _listed(e)
            )
            if len(entries) >= _MIN_UNLABELLED and paren >= 0.9 * len(entries):
                lists.append(
                    AttendeeList(
                        entries[0].start,
                        entries[-1].end,
                        entries[0].start,
                        entries[0].start,
                        tuple(entries),
                    )
                )
        index = max(end, index + 1)
    return lists


def _columns_of_people(doc: _Doc, index: int) -> bool:
    """Whether a table's header names people beside their organisation or short name."""
    headers = [doc.text[a:b] for a, b in _cells(doc.text, doc.lines[index])]
    columns = _columns(headers)
    return columns is not None and (columns[1] is not None or columns[2] is not None)
