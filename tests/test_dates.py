"""Tests for the date finder shared by the document model and the date rules."""

from __future__ import annotations

import datetime

import pytest

from minutes_lint.dates import DateMention, find_dates, parse_date_text

MON, TUE, WED, THU, FRI = range(5)
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# (line, date text, year, month, day, weekday)
FORMS = [
    ("January 14, 2026", "January 14, 2026", 2026, 1, 14, None),
    ("January 14 2026", "January 14 2026", 2026, 1, 14, None),
    ("Next call: July 2 2025 at 11:00", "July 2 2025", 2025, 7, 2, None),
    ("Wednesday, March 12, 2025", "March 12, 2025", 2025, 3, 12, WED),
    ("Wed, March 12, 2025", "March 12, 2025", 2025, 3, 12, WED),
    ("Wednesday March 12, 2025", "March 12, 2025", 2025, 3, 12, WED),
    ("Wed. Jan 14, 2026", "Jan 14, 2026", 2026, 1, 14, WED),
    ("WEDNESDAY, JANUARY 14, 2026", "JANUARY 14, 2026", 2026, 1, 14, WED),
    ("14 January 2026", "14 January 2026", 2026, 1, 14, None),
    ("Wednesday 14 January 2026", "14 January 2026", 2026, 1, 14, WED),
    ("# Day 1 Tuesday, 28 May 2024", "28 May 2024", 2024, 5, 28, TUE),
    ("2026-01-14 Minutes of the Example Working Group", "2026-01-14", 2026, 1, 14, None),
    ("2023-6-7 Minutes of the Example Working Group", "2023-6-7", 2023, 6, 7, None),
    ("date: 2026-01-14T10:00:00Z", "2026-01-14", 2026, 1, 14, None),
    ("Sunset (completes 2021-Aug-07)", "2021-Aug-07", 2021, 8, 7, None),
    ("2026/01/14", "2026/01/14", 2026, 1, 14, None),
    ("Jan. 14, 2026", "Jan. 14, 2026", 2026, 1, 14, None),
    ("JANUARY 14, 2026", "JANUARY 14, 2026", 2026, 1, 14, None),
    ("Sept 3, 2025", "Sept 3, 2025", 2025, 9, 3, None),
    ("Sept. 3 2025", "Sept. 3 2025", 2025, 9, 3, None),
    ("March 1st, 2025", "March 1st, 2025", 2025, 3, 1, None),
    ("1st of March 2025", "1st of March 2025", 2025, 3, 1, None),
    ("the 22nd of June", "22nd of June", None, 6, 22, None),
    ("# Day 2 February 27, 2024", "February 27, 2024", 2024, 2, 27, None),
    ("Approval of the March 13 minutes", "March 13", None, 3, 13, None),
    ("* December 03", "December 03", None, 12, 3, None),
    ("(October 13)", "October 13", None, 10, 13, None),
    ("Next call: 13 March at 11:00", "13 March", None, 3, 13, None),
    ("the subcommittee met on the 12th August.", "12th August", None, 8, 12, None),
    ("Next meeting: May 14", "May 14", None, 5, 14, None),
    ("* May28-30, 2024: Example City", "May28", None, 5, 28, None),
    ("reminder on Friday April 5th.", "April 5th", None, 4, 5, FRI),
    ("the meeting on Thursday 17June", "17June", None, 6, 17, THU),
    ("an email on dec 17th about it", "dec 17th", None, 12, 17, None),
    ("Next meeting: monday, June 3", "June 3", None, 6, 3, MON),
]


@pytest.mark.parametrize(("line", "text", "year", "month", "day", "weekday"), FORMS)
def test_forms(
    line: str, text: str, year: int | None, month: int, day: int, weekday: int | None
) -> None:
    (m,) = find_dates(line)
    assert (m.text, m.year, m.month, m.day, m.weekday) == (text, year, month, day, weekday)
    assert line[m.start : m.end] == m.text
    assert m.valid
    if weekday is not None:
        assert m.weekday_start is not None and m.weekday_end is not None
        assert m.weekday_end <= m.start
        name = line[m.weekday_start : m.weekday_end]
        assert name.isalpha()
        assert WEEKDAY_KEYS.index(name[:3].lower()) == weekday
    else:
        assert m.weekday_start is None and m.weekday_end is None


NOT_DATES = [
    "Q3 2025",
    "2026 at 11 am",
    "F2F #65",
    "March 2025",
    "effective in March 2025.",
    "Participants may 14 days later agree",
    "Participants may attend remotely.",
    "May be discussed later.",
    "Round 2 may start tomorrow",
    "Section 3.2.2.4 was discussed",
    "Version v1.0.12 was published",
    "The call starts at 11:00",
    "Ballot SC-085 passed",
    "Ballot SC-14 January discussion",
    "https://lists.example.org/pipermail/x/2024-March/000950.html",
    "See https://example.org/2025/06/10/2025-06-10-foo for details",
    "see www.example.org/posts/2026-01-14-minutes",
    "[slides](/uploads/2026-06-04-deck.pdf)",
    "[slides](<https://example.org/uploads/Example Deck 2026-06-04.pdf>)",
    "2026 1 14",
    "2026-13-01",
    "2026-01-32",
    "March 32",
    "March 0",
    "1 of March 2025",
    "the 3.14 January figure",
    "in March. 3 people attended",
    "found in Example Changes - Feb 24.pdf",
    "at May 14:00",
    "posts/2026/01/14/minutes",
    "v2026-01-14",
    "12026-01-14",
    "the mon 14 and sat 3 values",
]


@pytest.mark.parametrize("line", NOT_DATES)
def test_not_dates(line: str) -> None:
    assert find_dates(line) == []


@pytest.mark.parametrize(
    ("line", "year", "month", "day", "valid"),
    [
        ("February 30, 2025", 2025, 2, 30, False),
        ("April 31, 2026", 2026, 4, 31, False),
        ("Feb 29 2025", 2025, 2, 29, False),
        ("Feb 29 2024", 2024, 2, 29, True),
        ("February 29", None, 2, 29, True),
        ("30 February", None, 2, 30, False),
        ("2025-02-29", 2025, 2, 29, False),
    ],
)
def test_validity(line: str, year: int | None, month: int, day: int, valid: bool) -> None:
    (m,) = find_dates(line)
    assert (m.year, m.month, m.day, m.valid) == (year, month, day, valid)
    if valid and year is not None:
        assert m.value == datetime.date(year, month, day)
    else:
        assert m.value is None


def test_yearless_value_is_none() -> None:
    (m,) = find_dates("Next call: March 13")
    assert m.year is None and m.valid and m.value is None


def test_link_text_is_read_and_link_target_skipped() -> None:
    text = "See [2026-01-14 minutes](https://example.org/2026-01-15-minutes) (2026-01-16)."
    assert [m.text for m in find_dates(text)] == ["2026-01-14", "2026-01-16"]


def test_two_digit_year_is_not_a_year() -> None:
    (m,) = find_dates("voting ends April 1st, 24.")
    assert (m.text, m.year) == ("April 1st", None)


def test_several_dates_in_order() -> None:
    text = "Minutes of January 4th and February 1st, 2026 were approved; next 2026-02-15."
    found = find_dates(text)
    assert [m.text for m in found] == ["January 4th", "February 1st, 2026", "2026-02-15"]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_file_name_holds_two_dates() -> None:
    found = find_dates("2019-07-22-2019-07-11-minutes-of-the-example-group.md")
    assert [m.value for m in found] == [datetime.date(2019, 7, 22), datetime.date(2019, 7, 11)]


def test_offsets_in_crlf_text() -> None:
    text = (
        "---\r\ntitle: Example\r\n---\r\n"
        "Wednesday, March 12, 2025\r\n"
        "Alice Moreau (Example CA) said the draft closes 14 January 2026.\r\n"
        "Approved minutes of March 13.\r\n"
    )
    found = find_dates(text)
    assert [m.text for m in found] == ["March 12, 2025", "14 January 2026", "March 13"]
    for m in found:
        assert text[m.start : m.end] == m.text
    first = found[0]
    assert first.weekday_start is not None and first.weekday_end is not None
    assert text[first.weekday_start : first.weekday_end] == "Wednesday"


def test_region_offsets_are_absolute() -> None:
    text = "2026-01-07 draft\nNext call: Wednesday, January 14, 2026 at 11:00\nMarch 13 2025"
    start = text.index("Next")
    end = text.index("March 13") + len("March 13")
    found = find_dates(text, start, end)
    assert [m.text for m in found] == ["January 14, 2026", "March 13"]
    assert found[1].year is None  # the year lies past the end of the region
    for m in found:
        assert text[m.start : m.end] == m.text
    assert found[0].weekday == WED
    assert text[found[0].weekday_start : found[0].weekday_end] == "Wednesday"


def test_weekday_outside_region_is_not_read() -> None:
    text = "Wednesday, March 12, 2025"
    (m,) = find_dates(text, text.index("March"))
    assert m.weekday is None


def test_mention_is_frozen() -> None:
    (m,) = find_dates("January 14, 2026")
    assert isinstance(m, DateMention)
    with pytest.raises(AttributeError):
        m.day = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-14 Minutes of the Example Working Group", datetime.date(2026, 1, 14)),
        ("2020-08-20-2020-08-05-minutes-of-the-example-group.md", datetime.date(2020, 8, 20)),
        ("2026-06-04 00:00:00", datetime.date(2026, 6, 4)),
        ("Minutes for Wednesday, March 12, 2025", datetime.date(2025, 3, 12)),
        ("February 30, 2025 or rather March 1, 2025", datetime.date(2025, 3, 1)),
        ("Minutes of March 13", None),
        ("Minutes of the Example Working Group", None),
        ("", None),
    ],
)
def test_parse_date_text(text: str, expected: datetime.date | None) -> None:
    assert parse_date_text(text) == expected


MEGABYTE = 1_000_000


def _repeat(piece: str) -> str:
    """One line of about a megabyte made of ``piece``."""
    return piece * (MEGABYTE // len(piece))


@pytest.mark.parametrize(
    "line",
    [
        _repeat("a"),
        _repeat("1"),
        _repeat(" "),
        _repeat("May "),
        _repeat("January "),
        _repeat("Wednesday, "),
        _repeat("14th of "),
        _repeat("1 "),
        _repeat("2026-01-"),
        _repeat("2026-01-14"),
        _repeat("<x@" + "a" * 40),
        _repeat("https://example.org/" + "a" * 40),
        # dates inside one long run without spaces, with and without link hints
        _repeat("2026-01-14-" + "x" * 89),
        _repeat("x@2026-01-14/" + "x" * 87),
        _repeat("https://example.org/2026-01-14/" + "x" * 69),
        "](<" + _repeat("a 2026-01-14 " + "a" * 87),
        _repeat("Wednesday, January 14, 2026 " + "word " * 15),
    ],
    ids=lambda line: repr(line[:16]),
)
def test_one_megabyte_line_completes(line: str) -> None:
    found = find_dates(line)
    assert all(line[m.start : m.end] == m.text for m in found[:100])
