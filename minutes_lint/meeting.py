"""Every place a document says when its meeting took place, and what it says.

The *meeting date* is told by the title, the date line at the top of the
body and the file name; the next-meeting line and the minutes approved
"of <date>" bear witness to its year.  The front-matter ``date`` is the
*publication* time (the Hugo convention): it follows the meeting.

The meeting date
----------------
There is one notion of it, ``Meeting.meeting_date``, a ``MeetingDate``:

- every witness of the meeting date itself (the title, the first date of each kind at
  the top of the body, the file name's meeting date) gives one vote to its date, and a
  date followed within 35 days by a next-meeting date gets one vote more;
- ``day`` is the date with the most votes.  On a tie the body's date wins, then the
  title's, then the date of the first witness in the order title, body, file name;
- ``votes`` is the winner's count and ``tied`` says whether another date has as many.

Readers decide from these fields, not by counting again: the calendar and most date
rules use ``day`` only when it is not ``tied``; DT001 reports the odd witness against
``day`` even on a tie (the tie-break names the likeliest) but rewrites a date only when
the date is not tied and has at least two votes; ``inspect`` and the report show ``day``.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from minutes_lint.dates import DateMention, find_dates
from minutes_lint.document import Document
from minutes_lint.markdown import Line

_ISO = re.compile(r"(?<!\d)(\d{4})[-.](\d{2})[-.](\d{2})(?!\d)")
_DOTTED = re.compile(r"(?<![\d.])((?:19|20)\d\d)\.(\d\d)\.(\d\d)(?![\d.])")
_YEAR_FOLDER = re.compile(r"^((?:19|20)\d\d)(?:[-_.](\d\d))?")
_YEARLESS_NAME = re.compile(
    r"^(?P<month>[a-z]{3,9})\.?[-_ ]?(?P<day>\d{1,2})$"
    r"|^(?P<day2>\d{1,2})[-_ ]?(?P<month2>[a-z]{3,9})$",
    re.IGNORECASE,
)
_RANGE_TAIL = re.compile(
    r"[ \t]*(?:-|–|—|to)[ \t]*(\d{1,2})(?:st|nd|rd|th)?,?[ \t]+((?:19|20)\d\d)\b"
)
# "the minutes of the April 10, 2025 meeting": right before a date of an earlier meeting
_OF_MINUTES = re.compile(
    r"\bminutes\s+(?:of|from|for)\s+(?:the\s+)?(?:[^\W\d]+\s+){0,2}$", re.IGNORECASE
)
_DATE_LINE = re.compile(r"^[ \t>*_-]*(?:meeting[ \t]+)?date[*_ \t]*:", re.IGNORECASE)
# words that tell what a line speaks of; public, as the date rules read lines with them too
NEXT_MEETING = re.compile(r"\bnext\s+(?:meeting|call|teleconference|telecon|f2f)\b", re.IGNORECASE)
APPROVAL = re.compile(r"\bapprov(?:al|ed|e)\b", re.IGNORECASE)
MINUTES = re.compile(r"\bminutes\b", re.IGNORECASE)
_CANCEL = re.compile(r"\bcancel", re.IGNORECASE)
_TOP_LINES = 12  # the date line is one of the first lines of the body


@dataclass(frozen=True)
class Witness:
    """A written date that says something about the meeting date."""

    # "title", "heading", "date line", "body", "file name", "publication" (the front-matter
    # date), "next meeting", "approved minutes"
    kind: str
    date: datetime.date
    start: int  # offsets in the document text; -1 for the file name
    end: int
    line: int  # 1-based; 0 for the file name
    mention: DateMention | None = None


@dataclass(frozen=True)
class MeetingDate:
    """The meeting date of a document: the date most witnesses vote for (``None`` when no
    witness states one), the votes it has, and whether another date has as many."""

    day: datetime.date | None
    votes: int = 0
    tied: bool = False


@dataclass
class Meeting:
    title: Witness | None = None
    body: Witness | None = None
    file_names: list[Witness] = field(default_factory=list)
    publication: Witness | None = None
    publication_value: datetime.date | datetime.datetime | None = None
    next_meetings: list[Witness] = field(default_factory=list)
    approved: list[DateMention] = field(default_factory=list)  # may lack a year
    # witnesses of other kinds at the top of the body after ``body`` (a heading, then a
    # ``**Date:**`` line): each kind is one more witness
    more_top: list[Witness] = field(default_factory=list)

    @property
    def date_witnesses(self) -> list[Witness]:
        """Witnesses that state the meeting date itself."""
        found = [w for w in (self.title, self.body, *self.more_top) if w is not None]
        file_date = self.file_name_meeting
        if file_date is not None:
            found.append(file_date)
        return found

    @property
    def file_name_meeting(self) -> Witness | None:
        """The file name's meeting date: the last of two dates, or a lone date that is not
        the publication date (``2020-08-20-2020-08-05-minutes.md``: published, then held)."""
        if len(self.file_names) >= 2:
            return self.file_names[-1]
        if self.file_names and (
            self.publication is None or self.file_names[0].date != self.publication.date
        ):
            return self.file_names[0]
        return None

    @property
    def meeting_date(self) -> MeetingDate:
        """The meeting date the witnesses vote for, and how firmly (see the module doc)."""
        return self.meeting_date_with(None)

    def meeting_date_with(self, extra: Witness | None) -> MeetingDate:
        """The meeting date with one more witness ``extra`` (the front-matter date when
        the corpus writes the meeting date there), by the same votes and tie policy."""
        votes = self.votes()
        if extra is not None:
            votes[extra.date] += 1
        if not votes:
            return MeetingDate(None)
        best = max(votes.values())
        winners = [d for d, n in votes.items() if n == best]
        day = winners[0]
        for w in (self.body, self.title):
            if len(winners) > 1 and w is not None and w.date in winners:
                day = w.date
                break
        return MeetingDate(day, best, len(winners) > 1)

    def votes(self) -> Counter[datetime.date]:
        """One vote per witness for its date, one more when a next meeting follows
        within 35 days."""
        votes: Counter[datetime.date] = Counter()
        for w in self.date_witnesses:
            votes[w.date] += 1
        for candidate in list(votes):
            if any(0 < (n.date - candidate).days <= 35 for n in self.next_meetings):
                votes[candidate] += 1
        return votes

    def source_of(self, day: datetime.date) -> str:
        """Where the document states the meeting date ``day``: "line 7", "the file name" ..."""
        for witness in (self.body, self.title, *reversed(self.file_names)):
            if witness is not None and witness.date == day:
                return "the file name" if witness.line == 0 else f"line {witness.line}"
        return "the meeting date"


def find_meeting(doc: Document) -> Meeting:
    meeting = Meeting()
    fm = doc.front_matter
    if fm.ok:
        title = fm.get("title")
        if title is not None and isinstance(title.value, str):
            meeting.title = _title_witness(doc, title.value_start, title.value_end)
        date = fm.get("date")
        if date is not None and isinstance(date.value, (datetime.date, datetime.datetime)):
            value = date.value
            day = value.date() if isinstance(value, datetime.datetime) else value
            meeting.publication = Witness(
                "publication",
                day,
                date.value_start,
                date.value_end,
                doc.position(date.value_start).line,
            )
            meeting.publication_value = value
    for m in _ISO.finditer(Path(doc.path).name):
        day = _iso(m)
        if day is not None:
            meeting.file_names.append(Witness("file name", day, -1, -1, 0))
    if not meeting.file_names:
        day = yearless_file_date(doc.path)
        if day is not None:
            meeting.file_names.append(Witness("file name", day, -1, -1, 0))
    tops = _top_witnesses(doc, meeting.file_names)
    if tops:
        meeting.body, meeting.more_top = tops[0], tops[1:]
    _sections(doc, meeting)
    return meeting


def _witness(doc: Document, kind: str, mention: DateMention) -> Witness:
    assert mention.value is not None
    line = doc.position(mention.start).line
    return Witness(kind, mention.value, mention.start, mention.end, line, mention)


def _iso(m: re.Match[str]) -> datetime.date | None:
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def yearless_file_date(path: str) -> datetime.date | None:
    """The date of a file named without its year (``jan-29.md``, ``4-february.md``) inside
    a dated folder (``2019-01/``, ``2019/``): the year nearest the folder's month."""
    from minutes_lint.dates import parse_date_text

    parts = Path(path).parts
    m = _YEARLESS_NAME.match(Path(path).stem)
    if m is None or len(parts) < 2:
        return None
    month_word = m.group("month") or m.group("month2")
    day = m.group("day") or m.group("day2")
    folder = next(
        (_YEAR_FOLDER.match(p) for p in reversed(parts[:-1]) if _YEAR_FOLDER.match(p)), None
    )
    if folder is None:
        return None
    year = int(folder.group(1))
    month = int(folder.group(2)) if folder.group(2) else 6
    anchor = datetime.date(year, min(max(month, 1), 12), 15)
    best: datetime.date | None = None
    for candidate_year in (year - 1, year, year + 1):
        parsed = parse_date_text(f"{month_word} {day}, {candidate_year}")
        if parsed is None:
            continue
        if best is None or abs((parsed - anchor).days) < abs((best - anchor).days):
            best = parsed
    return best


def _title_witness(doc: Document, start: int, end: int) -> Witness | None:
    for mention in find_dates(doc.text, start, end):
        if mention.value is not None and not _in_range(doc.text, mention.start):
            return _witness(doc, "title", mention)
    return None


def _top_witnesses(doc: Document, meeting_files: list[Witness]) -> list[Witness]:
    """The first full date of each kind (heading, date line, body) in the first lines of
    the body, outside lines about other meetings."""
    lines = doc.body_lines[:_TOP_LINES]
    if not lines:
        return []
    limit = lines[-1].end
    found: list[Witness] = []
    for mention in doc.dates:
        if mention.start > limit:
            break
        line = doc.lines[doc.line_index(mention.start)].text
        if NEXT_MEETING.search(line) or _CANCEL.search(line) or APPROVAL.search(line):
            continue  # another meeting's date: the next one, a cancelled one, approved minutes
        if _in_range(doc.text, mention.start):
            continue
        ranged = None
        if mention.value is None:
            ranged = _range_start(doc, mention)  # "March 25-26, 2025": the first day
            if ranged is None:
                continue
            mention = replace(mention, year=ranged[0].year, valid=True)
        line_start = doc.lines[doc.line_index(mention.start)].start
        if _OF_MINUTES.search(doc.text, max(line_start, mention.start - 40), mention.start):
            continue  # "the minutes of April 10, 2025 are pending": an earlier meeting
        kind = _top_kind(doc, mention.start)
        if kind == "body" and not _date_only(line, mention, 3 if found else 6):
            continue  # a sentence about other dates ("elected from 1 July to ..."), not a date line
        if all(w.kind != kind for w in found):
            witness = _witness(doc, kind, mention)
            if ranged is not None:
                witness = _within_range(witness, ranged, meeting_files)
            found.append(witness)
    if not found:
        dotted = _dotted_witness(doc, lines)
        if dotted is not None:
            found.append(dotted)
    return found


def _top_kind(doc: Document, offset: int) -> str:
    """What kind of line at the top of the body states the meeting date."""
    if doc.structure.in_heading(offset):
        return "heading"
    if _DATE_LINE.match(doc.lines[doc.line_index(offset)].text):
        return "date line"
    return "body"


def _range_start(doc: Document, mention: DateMention) -> tuple[datetime.date, datetime.date] | None:
    """The first and last days of a range written "March 25-26, 2025"."""
    m = _RANGE_TAIL.match(doc.text, mention.end)
    if m is None or mention.year is not None:
        return None
    try:
        first = datetime.date(int(m.group(2)), mention.month, mention.day)
        last = datetime.date(int(m.group(2)), mention.month, int(m.group(1)))
    except ValueError:
        return None
    return (first, last) if last >= first else None


def _within_range(
    witness: Witness, ranged: tuple[datetime.date, datetime.date], files: list[Witness]
) -> Witness:
    """A range agrees with a file name naming one of its days: that day is the meeting's."""
    for file_name in files:
        if ranged[0] <= file_name.date <= ranged[1]:
            return replace(witness, date=file_name.date)
    return witness


def _date_only(line: str, mention: DateMention, words: int) -> bool:
    """Whether a line says little besides its date ("Wednesday, 14 January 2026")."""
    rest = line.replace(mention.text, " ")
    return len(re.findall(r"[^\W\d_]{3,}", rest)) <= words


def _dotted_witness(doc: Document, lines: list[Line]) -> Witness | None:
    """A date written "2019.07.18" at the top of the body."""
    for line in lines:
        if "." not in line.text:
            continue
        for m in _DOTTED.finditer(doc.text, line.start, line.end):
            day = _iso(m)
            if day is not None and doc.is_prose(m.start()):
                kind = _top_kind(doc, m.start())
                return Witness(kind, day, m.start(), m.end(), doc.position(m.start()).line)
    return None


def _sections(doc: Document, meeting: Meeting) -> None:
    """Dates under a next-meeting heading or line, and dates of approved minutes."""
    headings = doc.headings
    bounds = [(h.start, h.text) for h in headings] + [(len(doc.text), "")]
    for i, (start, text) in enumerate(bounds[:-1]):
        end = bounds[i + 1][0]
        if NEXT_MEETING.search(text):
            meeting.next_meetings.extend(_next_witnesses(doc, start, end))
        elif APPROVAL.search(text) and MINUTES.search(text):
            meeting.approved.extend(d for d in doc.dates if start <= d.start < end)
    for line in doc.body_lines:
        if NEXT_MEETING.match(line.text.lstrip("*-_ #\t")) and not any(
            h.start == line.start for h in headings
        ):
            meeting.next_meetings.extend(_next_witnesses(doc, line.start, line.end + 1))
        elif (
            APPROVAL.search(line.text)
            and MINUTES.search(line.text)
            and not line.text.startswith("#")
        ):
            meeting.approved.extend(
                d
                for d in doc.dates
                if line.start <= d.start < line.end and d not in meeting.approved
            )


def _next_witnesses(doc: Document, start: int, end: int) -> list[Witness]:
    found = []
    for mention in doc.dates:
        if start <= mention.start < end and mention.value is not None:
            line_text = doc.lines[doc.line_index(mention.start)].text
            if _CANCEL.search(line_text):
                continue
            found.append(_witness(doc, "next meeting", mention))
            break
    return found


_RANGE = re.compile(r"\d\s*(?:-|–|—|to|and|&)\s*$")


def _in_range(text: str, start: int) -> bool:
    """True for the end of a range such as "6-8 June 2023": the meeting spans several days."""
    return bool(_RANGE.search(text[max(0, start - 8) : start]))
