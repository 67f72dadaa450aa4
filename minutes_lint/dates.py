"""Find calendar dates written in minutes, with their positions.

The document model and the date rules share this finder.  It recognises the
forms minutes are usually written in::

    January 14, 2026     January 14 2026      Jan. 14, 2026     March 1st, 2025
    14 January 2026      1st of March 2025    2026-01-14        2026/01/14
    Wednesday, March 12, 2025                 Wed 14 January 2026
    March 13             (October 13)         13 March          (no year written)

It is deliberately conservative: a month name needs a day number right next to
it ("May 14" is a date, "may be" and "March 2025" are not), numbers that look
like versions, section numbers or times are left alone, and dates inside URLs
and link destinations are skipped.  A false date would cause false weekday
errors further on.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from minutes_lint.lazy_re import lazy_compile
from minutes_lint.markdown import URL

__all__ = ["DateMention", "find_dates", "nearest_reading", "parse_date_text"]

_MONTH_WORD = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:tember|t)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY_WORD = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
)
# A month word without its first letter, for the quick pass below.
_MONTH_TAIL = (
    r"an(?:uary)?|eb(?:ruary)?|ar(?:ch)?|ay|une?|uly?|pr(?:il)?|ug(?:ust)?"
    r"|ep(?:tember|t)?|ct(?:ober)?|ov(?:ember)?|ec(?:ember)?"
)
_DAY = r"0?[1-9]|[12]\d|3[01]"
_ORDINAL = r"st|nd|rd|th"
_YEAR = r"(?:19|20)\d\d(?!\d)"
# Not preceded by a letter or digit (underscore counts as a separator).
_NO_ALNUM_BEFORE = r"(?<![^\W_])"
_NO_LETTER_AFTER = r"(?![^\W\d_])"
# A dot after a month or weekday word only when the word is an abbreviation
# ("Jan.", "Sept.", "Wed."), so "in March. 3 people" is no date.
_MONTH_DOT = r"(?:(?<![^\W\d_]{5})(?<!may)(?<!june)(?<!july)\.)?"
_WEEKDAY_DOT = r"(?:(?<![^\W\d_]{6})\.)?"

# A date, matched at a position the anchor below proposes (the weekday before a
# date is looked for separately, backwards from the date).
_DATE = lazy_compile(
    rf"""
    # January 14, 2026 / Jan. 14 2026 / March 1st, 2025 / March 13 / May28
    (?P<m1>{_MONTH_WORD}){_NO_LETTER_AFTER}{_MONTH_DOT}[ \t\xa0]{{0,3}}
    (?P<d1>{_DAY})(?P<o1>{_ORDINAL})?\b
    (?:(?:,[ \t]{{0,3}}|[ \t]{{1,3}})(?P<y1>{_YEAR}))?
    |
    # 14 January 2026 / 1st of March 2025 / 13 March / 17June
    (?<![.,:/\#$+])(?<![^\W\d_]-)
    (?P<d2>{_DAY})(?P<o2>{_ORDINAL})?(?P<of>[ \t]{{1,3}}of)?[ \t\xa0]{{0,3}}
    (?P<m2>{_MONTH_WORD}){_NO_LETTER_AFTER}{_MONTH_DOT}
    (?:,?[ \t]{{1,3}}(?P<y2>{_YEAR}))?
    |
    # 2026-01-14 / 2026/01/14 / 2023-6-7 / 2021-Aug-07 / 2026-01-14T10:00
    (?<![.:/])
    (?P<y3>{_YEAR})(?P<sep>[-/])(?P<m3>\d\d?|[a-z]{{3}})(?P=sep)(?P<d3>\d\d?)
    (?!\d|[.:/]\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)

# Where a date may start: one cheap pass over the text.  The pattern begins with
# a plain character class, which lets the regex engine skip ahead quickly, and
# consumes one character only, so no proposal hides the next one.
_ANCHOR = lazy_compile(
    rf"""
    [0-9JFMASOND](?<![^\W_].)
    (?:
        # a day after what may be a lower-case month word ("dec 17th")
        (?P<after_word>
            (?<=(?:an|eb|ar|pr|un|ul|ug|ep|pt|ct|ov|ec|ry|ch|il|ne|ly|st|er)[ \t\xa0]\d)
          | (?<=(?:an|eb|ar|pr|un|ul|ug|ep|pt|ct|ov|ec)\.[ \t\xa0]\d)
        )
        # a capitalised month word and a day
      | (?<=[JFMASOND])(?=(?i:{_MONTH_TAIL})\.?[ \t\xa0]{{0,3}}\d)
        # a day and a month word
      | (?<=\d)(?=\d?(?:{_ORDINAL})?(?:[ \t]{{1,3}}of)?[ \t\xa0]{{0,3}}
                 (?i:[jfmasond](?:{_MONTH_TAIL})))
        # a year, a dash or slash
      | (?<=[12])(?=\d{{3}}[-/])
    )
    """,
    re.VERBOSE,
)
# A lower-case month word right before a day ("dec 17th"); "may" is always the verb.
_LOWER_MONTH_BEFORE = lazy_compile(
    r"(?<![^\W_])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?"
    rf"|sep(?:tember|t)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?){_MONTH_DOT}[ \t\xa0]\Z"
)
# A weekday name right before a date: "Wednesday, ", "Wed. ", "Friday ".
_WEEKDAY_BEFORE = lazy_compile(
    rf"(?<![^\W_])(?P<wd>{_WEEKDAY_WORD}){_WEEKDAY_DOT},?[ \t]{{1,3}}\Z", re.IGNORECASE
)
_WEEKDAY_REACH = 16
_MONTH_REACH = 12

# Text right after a yearless "March 13" that makes the number something else:
# a time (13:30), a decimal or section number (3.2), a list of numbers (1,000) or
# a file name (Feb 24.pdf).
_NUMBER_AFTER = lazy_compile(r"[:.,/]\d|\.[^\W\d_]")
# A day number after "2 February": the month starts the next date instead.
_DAY_AFTER = lazy_compile(r"[ \t\xa0]{1,3}\d")
_MONTH_KEYS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {key: number for number, key in enumerate(_MONTH_KEYS, 1)}
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_LEAP_YEAR = 2000

# URL checks look at the whitespace-delimited run of text around a date; a longer
# run is not prose.
_TOKEN_CAP = 1000
_SPACES = (" ", "\t", "\n")
_URL_HINTS = ("://", "www.", "@", "](")
_URL_STARTS = ("http://", "https://", "www.")


@dataclass(frozen=True)
class DateMention:
    """A date written in a document, with its position and what it says."""

    start: int  # absolute offset of the date text (weekday excluded)
    end: int
    text: str  # the date text as written, e.g. "January 14, 2026"
    year: int | None  # None when no year is written ("March 13")
    month: int  # 1..12
    day: int  # as written, may be impossible (30 for "February 30")
    valid: bool  # False when the day does not exist in that month (and year)
    weekday: int | None  # 0=Monday..6=Sunday when written right before the date
    weekday_start: int | None
    weekday_end: int | None

    @property
    def value(self) -> datetime.date | None:
        """The date, or None when no year is written or the day does not exist."""
        if self.year is None or not self.valid:
            return None
        return datetime.date(self.year, self.month, self.day)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """All dates in ``text[start:end]``, in order; offsets are absolute in ``text``."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    last_end = start
    for anchor in _ANCHOR.finditer(text, start, end):
        pos = anchor.start()
        if pos < last_end:
            continue
        mention = None
        if anchor.group("after_word") is not None:
            before = _LOWER_MONTH_BEFORE.search(text, max(last_end, pos - _MONTH_REACH), pos)
            if before is not None:
                mention = _mention_at(text, before.start(), end, start)
        if mention is None:
            mention = _mention_at(text, pos, end, start)
        if mention is not None:
            found.append(mention)
            last_end = mention.end
    return found


def parse_date_text(s: str) -> datetime.date | None:
    """The first full, valid date in ``s`` (a title, a file name, a front-matter value)."""
    for mention in find_dates(s):
        if mention.value is not None:
            return mention.value
    return None


def nearest_reading(mention: DateMention, reference: datetime.date) -> datetime.date | None:
    """The occurrence of a yearless ``mention`` closest to ``reference`` (earlier on a tie)."""
    best: datetime.date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidate = datetime.date(year, mention.month, mention.day)
        except ValueError:  # February 29 outside a leap year
            continue
        if best is None or abs((candidate - reference).days) < abs((best - reference).days):
            best = candidate
    return best


def _mention_at(text: str, pos: int, end: int, lo: int) -> DateMention | None:
    """The date starting at ``pos``, or None; ``lo`` bounds the search for a weekday."""
    m = _DATE.match(text, pos, end)
    if m is None:
        return None
    parts = _parts(m)
    if parts is None or _in_link(text, m.start(), m.end()):
        return None
    year, month, day = parts
    weekday, wd_start, wd_end = _weekday_before(text, max(lo, pos - _WEEKDAY_REACH), pos)
    return DateMention(
        start=m.start(),
        end=m.end(),
        text=m.group(),
        year=year,
        month=month,
        day=day,
        valid=_exists(year, month, day),
        weekday=weekday,
        weekday_start=wd_start,
        weekday_end=wd_end,
    )


def _parts(m: re.Match[str]) -> tuple[int | None, int, int] | None:
    """(year, month, day) of the date part of ``m``, or None when it is not a date."""
    if m.group("m1"):
        if not _month_word_ok(m.group("m1")):
            return None
        year = m.group("y1")
        if year is None and _NUMBER_AFTER.match(m.string, m.end(), m.endpos):
            return None
        return _year(year), _month_number(m.group("m1")), int(m.group("d1"))
    if m.group("m2"):
        if not _month_word_ok(m.group("m2")):
            return None
        if m.group("of") and not m.group("o2"):
            return None
        if m.group("y2") is None and _DAY_AFTER.match(m.string, m.end(), m.endpos):
            return None  # "Day 2 February 27, 2024": the number belongs before the date
        return _year(m.group("y2")), _month_number(m.group("m2")), int(m.group("d2"))
    month_text = m.group("m3")
    if month_text.isdigit():
        month = int(month_text)
    elif m.group("sep") == "-" and _month_word_ok(month_text):
        month = _MONTHS.get(month_text.lower(), 0)
    else:
        return None
    day = int(m.group("d3"))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return int(m.group("y3")), month, day


def _month_word_ok(word: str) -> bool:
    """Whether a month word reads as a month: usual casing; lower-case "may" is the verb."""
    return (word.istitle() or word.isupper() or word.islower()) and word != "may"


def _weekday_before(text: str, lo: int, pos: int) -> tuple[int | None, int | None, int | None]:
    """(weekday, start, end) of a weekday name written right before ``pos``, if any."""
    w = None
    if pos > lo and text[pos - 1] in " \t":
        w = _WEEKDAY_BEFORE.search(text, lo, pos)
    if w is None:
        return None, None, None
    word = w.group("wd")
    # Lower-case abbreviations are ordinary words ("sat", "sun", "wed").
    lower_ok = word.islower() and word.endswith("day")
    if not (word.istitle() or word.isupper() or lower_ok):
        return None, None, None
    return _WEEKDAYS.index(word[:3].lower()), w.start("wd"), w.end("wd")


def _month_number(word: str) -> int:
    """1..12 for a month name or abbreviation matched by the date pattern."""
    return _MONTHS[word[:3].lower()]


def _year(text: str | None) -> int | None:
    """The year as a number, None when none is written."""
    return None if text is None else int(text)


def _exists(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists in that month; a yearless date only needs some year."""
    days = calendar.monthrange(_LEAP_YEAR if year is None else year, month)[1]
    return 1 <= day <= days


def _in_link(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is part of a URL, an address or a link target.

    Looks at the whitespace-delimited run of text around the date: a run holding an
    address (``@``), a run after a link's ``](`` and a run longer than ``_TOKEN_CAP``
    that holds a link hint count as links; otherwise ``URL`` decides.
    """
    if _in_angle_destination(text, start):
        return True
    lo = max(0, start - _TOKEN_CAP)
    hi = min(len(text), end + _TOKEN_CAP)
    token_start = max(lo, max(text.rfind(space, lo, start) for space in _SPACES) + 1)
    token_end = min(_find_or(text, space, end, hi) for space in _SPACES)
    if all(text.find(hint, token_start, token_end) < 0 for hint in _URL_HINTS):
        return False
    if token_start == lo > 0 or token_end == hi < len(text):
        return True
    if "@" in text[token_start:token_end] or "](" in text[token_start:start]:
        return True
    return _url_covers(text, token_start, start) or _url_covers(text, token_start, end - 1)


def _find_or(text: str, sub: str, start: int, end: int) -> int:
    """``text.find(sub, start, end)``, or ``end`` when not found."""
    found = text.find(sub, start, end)
    return end if found < 0 else found


def _in_angle_destination(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside a ``](<...>)`` link destination (which may hold spaces)."""
    opening = text.rfind("](<", max(0, pos - _TOKEN_CAP), pos)
    if opening < 0:
        return False
    between = text[opening + 3 : pos]
    return ">" not in between and "\n" not in between


def _url_covers(text: str, lo: int, pos: int) -> bool:
    """Whether a URL starting in ``text[lo:pos]`` runs over ``pos``.

    The last place a URL may start is enough: a URL starting earlier and reaching
    ``pos`` runs over that place too, and the later URL reaches just as far.
    """
    begin = max(text.rfind(scheme, lo, pos) for scheme in _URL_STARTS)
    if begin < 0:
        return False
    url = URL.match(text, begin)
    return url is not None and url.end() > pos


MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_TOKEN = lazy_compile(r"[A-Za-z]+\.?|\d+(?:st|nd|rd|th)?")


def format_like(text: str, day: datetime.date) -> str:
    """``day`` written the way ``text`` writes a date: "September 18, 2022" -> "October 6, 2022".

    ISO and slashed forms stay so; in words, the month keeps its length (full, three
    letters, with or without a dot) and case, the day its zero padding and ordinal.
    """
    stripped = text.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", stripped):
        return day.isoformat()
    if re.fullmatch(r"\d{4}/\d{1,2}/\d{1,2}", stripped):
        return day.strftime("%Y/%m/%d")

    def month_word(word: str) -> str:
        dot = word.endswith(".")
        bare = word.rstrip(".")
        name = MONTH_NAMES[day.month - 1]
        new = name if len(bare) > 4 or bare.lower() == name.lower() else name[:3]
        if len(bare) == 4 and bare.lower().startswith("sep"):
            new = name if day.month != 9 else "Sept"
        if bare.isupper():
            new = new.upper()
        return new + ("." if dot and len(new) < len(name) else "")

    def replace(m: re.Match[str]) -> str:
        token = m.group()
        if token[0].isalpha():
            bare = token.rstrip(".").lower()
            if any(n.lower().startswith(bare[:3]) for n in MONTH_NAMES) and len(bare) >= 3:
                return month_word(token)
            return token  # a weekday or another word: left as written
        digits = token.rstrip("stndrh")
        if len(digits) == 4:
            return str(day.year)
        value = str(day.day).zfill(len(digits)) if digits.startswith("0") else str(day.day)
        if token != digits:
            suffix = (
                "th"
                if 11 <= day.day % 100 <= 13
                else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
            )
            return value + suffix
        return value

    return _TOKEN.sub(replace, text)
