"""What the meeting calendar needs from one document, as plain JSON data.

``extract(doc)`` returns a dict of lists, strings, numbers, booleans and None,
cheap to cache with the other corpus facts:

- ``date``: the meeting date (ISO) the document's witnesses settle on, or None;
- ``title`` and ``title_line``: the front-matter title, else the first level-one heading;
- ``label``: the title without its dates (what names the series to a reader);
- ``keys``: the words naming the group in the title, in the file name and in the folders
  (dates, numbers and words such as "minutes" or "meeting" removed);
- ``title_shape`` and ``file_shape``: how the title and file name are written, dates
  replaced by their form (``YYYY-MM-DD …``), other text by ``…``;
- ``event``: True for a face-to-face or multi-day meeting (not held on the usual weekday).
"""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import PurePath
from typing import Any

from minutes_lint.dates import find_dates
from minutes_lint.document import Document
from minutes_lint.facts import fact

VERSION = 1
_NUMERIC_DATE = re.compile(r"(?<![\dA-Za-z])(\d{1,4})([-/._])(\d{1,2})\2(\d{1,4})(?!\d)")
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
_WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
]
# words that say "these are minutes of a meeting", not which group met
_GENERIC = (
    set(
        [
            "minutes",
            "minute",
            "notes",
            "note",
            "meeting",
            "meetings",
            "of",
            "the",
            "for",
            "and",
            "a",
            "an",
            "on",
            "at",
            "in",
            "to",
            "with",
            "md",
            "markdown",
            "teleconference",
            "telecon",
            "teleconf",
            "call",
            "calls",
            "conference",
            "telco",
            "draft",
            "final",
            "index",
            "readme",
            "post",
            "posts",
            "content",
            "cancelled",
            "canceled",
            "cancellation",
        ]
    )
    | set(_MONTHS)
    | set(_WEEKDAYS)
)
_WORD = re.compile(r"[^\W_]+")
EVENT_WORDS = re.compile(
    r"(?<![^\W_])(?:f2f|fnf|face[ -]to[ -]face|in[ -]person|workshop|summit|offsite|retreat)",
    re.IGNORECASE,
)
# "6-8 June 2023", "June 6-8, 2023", "February 6 - 8": a meeting over several days
_RANGE = re.compile(
    r"(?<![\d/.-])\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*\d{1,2}(?:st|nd|rd|th)?\b"
    r"(?![/.:-]?\d|\s*(?:am|pm|:))",
    re.IGNORECASE,
)
_RANGE_LINES = 6


def extract(doc: Document) -> dict[str, Any]:
    """The calendar facts of ``doc`` (see the module docstring)."""
    title, title_line, title_start = title_of(doc)
    path = PurePath(doc.path)
    stem = (
        path.name[: -len(path.suffix)] if path.suffix.lower() in (".md", ".markdown") else path.name
    )
    day = meeting_date(doc)
    top = " ".join(line.text for line in doc.body_lines[:_RANGE_LINES])
    event = bool(
        EVENT_WORDS.search(title or "")
        or EVENT_WORDS.search(path.as_posix())
        or any(_RANGE.search(t) and _mentions_month(t) for t in (title or "", top))
    )
    return {
        "date": day.isoformat() if day is not None else None,
        "title": title,
        "title_line": title_line,
        "title_start": title_start,
        "label": label(title) if title else None,
        "keys": {
            "title": group_key(title or ""),
            "file": group_key(stem),
            "folder": folder_key(path),
        },
        "title_shape": shape(title) if title is not None else None,
        "file_shape": shape(stem),
        "event": event,
    }


@fact("calendar", version=VERSION)
def calendar_fact(doc: Document) -> dict[str, Any]:
    """The calendar facts of a document, for every document of the corpus."""
    return extract(doc)


def meeting_date(doc: Document) -> datetime.date | None:
    """The meeting date of ``doc`` as the document model's witnesses settle it.

    The one place the calendar reads the model's meeting date: None when the witnesses are
    split evenly between dates or there is none."""
    found = doc.meeting.meeting_date
    return None if found.tied else found.day


def _mentions_month(text: str) -> bool:
    return any(w.lower() in _MONTHS for w in _WORD.findall(text))


def title_of(doc: Document) -> tuple[str | None, int, int]:
    """The title, its line and its offset: front matter first, else the first H1."""
    entry = doc.front_matter.get("title") if doc.front_matter.ok else None
    if entry is not None and isinstance(entry.value, str):
        return entry.value, doc.position(entry.value_start).line, entry.value_start
    for heading in doc.headings:
        if heading.level == 1:
            text = heading.text.strip().strip("*_ ").strip()
            start = doc.text.find(text, heading.text_start) if text else heading.text_start
            return text, doc.position(heading.start).line, max(start, heading.text_start)
    return None, 0, -1


_SPANS: dict[str, list[tuple[int, int, str]]] = {}


def _date_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, form) of every date in ``text``, in order, without overlaps (the
    last few answers are kept: a title is read three times)."""
    found = _SPANS.get(text)
    if found is None:
        if len(_SPANS) > 64:
            _SPANS.clear()
        found = _SPANS[text] = _find_date_spans(text)
    return found


def _find_date_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for m in _NUMERIC_DATE.finditer(text):
        spans.append((m.start(), m.end(), _numeric_form(m)))
    for mention in find_dates(text):
        if not any(s < mention.end and mention.start < e for s, e, _ in spans):
            spans.append((mention.start, mention.end, _word_form(mention.text)))
    return sorted(spans)


def _numeric_form(m: re.Match[str]) -> str:
    a, sep, b, c = m.group(1), m.group(2), m.group(3), m.group(4)
    if len(a) == 4:
        names = ("Y", "M", "D")
    elif len(c) == 4 and int(a) > 12:
        names = ("D", "M", "Y")
    elif len(c) == 4:
        names = ("M", "D", "Y")
    else:
        names = ("N", "N", "N")
    return sep.join(n * len(part) for n, part in zip(names, (a, b, c), strict=True))


def _word_form(text: str) -> str:
    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        if w.isdigit():
            return "YYYY" if len(w) == 4 else "D"  # "March 5" and "March 18" are one form
        if w.lower() in _MONTHS:
            return "Month" if len(w) > 3 or w.lower() == "may" else "Mon"
        if w[:-2].isdigit():  # 3rd, 21st
            return "Dth"
        return w

    return _WORD.sub(word, text)


def shape(text: str) -> str:
    """How ``text`` is written: dates as their form, other words as "…", separators kept.

    ``"2024-09-18 Minutes of X"`` -> ``"YYYY-MM-DD …"``; ``"2024-09-18Minutes"`` ->
    ``"YYYY-MM-DD…"``; ``"Minutes of X"`` -> ``"…"``.
    """
    out: list[str] = []
    pos = 0
    for start, end, form in [*_date_spans(text), (len(text), len(text), "")]:
        gap = text[pos:start]
        if _WORD.search(gap):
            words = list(_WORD.finditer(gap))
            out.append(gap[: words[0].start()])
            out.append("…")
            out.append(gap[words[-1].end() :] if form else "")
        else:
            out.append(gap)
        out.append(form)
        pos = end
    return "".join(out).strip()


def label(title: str) -> str:
    """The title without its dates, numbers and edge punctuation: what names the group."""
    cut = title
    for start, end, _ in reversed(_date_spans(title)):
        cut = cut[:start] + " " + cut[end:]
    cut = re.sub(r"#\s*\d+|\(\s*\)|\b\d+\b", " ", cut)
    cut = " ".join(cut.split()).strip(" -–—,:;|*_()#")
    cut = re.sub(r"^minutes\s+(?:of|for)\s+(?:the\s+)?", "", cut, flags=re.IGNORECASE)
    return cut.strip(" -–—,:;|*_()#") or title.strip()


def group_key(text: str) -> str:
    """The words of ``text`` naming a group: lower case, no dates, numbers or generic words."""
    cut = text
    for start, end, _ in reversed(_date_spans(text)):
        cut = cut[:start] + " " + cut[end:]
    words = [w.lower() for w in _WORD.findall(cut)]
    return " ".join(w for w in words if not w.isdigit() and w not in _GENERIC and len(w) > 0)


def folder_key(path: PurePath) -> str:
    """The folders holding the document, without the parts that are dates (``2019-01``)."""
    parts = [_folder_part(p) for p in path.parts[:-1]]
    return "/".join(p for p in parts if p)


@functools.lru_cache(maxsize=1024)
def _folder_part(part: str) -> str:
    """A folder's group words, else its name when it has letters, else nothing."""
    return group_key(part) or (part.lower() if _WORD.search(re.sub(r"\d", "", part)) else "")
