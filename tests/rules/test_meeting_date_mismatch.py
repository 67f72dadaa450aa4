from __future__ import annotations

from minutes_lint.rules import meeting_date_mismatch as rule

from minutes_lint.testing import fix, lint, where

WRONG_YEAR = """\
---
title: 2024-01-14 Minutes of the Example Working Group
date: 2024-01-14 00:00:00
---
## Minutes

January 14, 2026

## Next meeting
- January 28, 2026 at 11 am
"""

CLEAN = """\
---
title: 2026-01-14 Minutes of the Example Working Group
date: 2026-01-20 10:00:00
---
## Minutes

January 14, 2026

## Next meeting
- January 28, 2026 at 11 am
"""


def test_title_year_that_disagrees_with_body_and_next_meeting() -> None:
    found = lint(rule, WRONG_YEAR)
    assert where(found) == [(2, 8), (3, 7)]
    assert "title says the meeting was on 2024-01-14" in found[0].message
    assert "line 7" in found[0].message
    assert "publication date 2024-01-14 precedes the meeting" in found[1].message


def test_clean_document_passes() -> None:
    assert lint(rule, CLEAN) == []


def test_fix_is_unsafe_and_uses_the_agreed_date() -> None:
    assert fix(rule, WRONG_YEAR) == WRONG_YEAR  # nothing safe to do
    fixed = fix(rule, WRONG_YEAR, unsafe=True)
    assert "title: 2026-01-14 Minutes" in fixed
    assert "date: 2026-01-14 00:00:00" in fixed
    assert lint(rule, fixed) == []


def test_no_fix_without_agreement() -> None:
    text = WRONG_YEAR.replace("- January 28, 2026 at 11 am\n", "- to be announced\n")
    found = lint(rule, text)
    assert found and all(d.fix is None for d in found)


def test_publication_too_long_after_the_meeting() -> None:
    text = CLEAN.replace("date: 2026-01-20", "date: 2026-09-20")
    found = lint(rule, text)
    assert where(found) == [(3, 7)]
    assert "249 days after" in found[0].message
    assert lint(rule, text, options={"max-publication-lag-days": 365}) == []


def test_file_name_date_is_a_witness() -> None:
    found = lint(rule, CLEAN, path="posts/2026-01-20-2026-01-07-minutes.md")
    assert len(found) == 1
    assert "file name" in found[0].message
    assert lint(rule, CLEAN, path="posts/2026-01-20-2026-01-14-minutes.md") == []


def test_body_date_without_front_matter_title() -> None:
    assert lint(rule, "## Minutes\n\nJanuary 14, 2026\n") == []


# issue 16, item 1: only a statement of the meeting date is a witness DT001 may rewrite.
# Each document below is held on 2022-10-06 (title, file name, next meeting agree) and the
# first full date in its body speaks of something else.
OTHER_DATE_TOP = """\
---
title: 2022-10-06 Minutes of the Example Working Group
---
Attendees: Ana Lima (Example Org), Tom Berg (Sample Inc)

{line}

## Next meeting
- October 20, 2022
"""
NOT_MEETING_DATES = [
    "1. XYZ 15: IPR review ended 18 September 2022, so is now complete.",
    "- The review of ballot XYZ 15 ended 18 September 2022.",
    "* 18 September 2022: review period ended",
    "| XYZ 15 | review ended | 18 September 2022 |",
    "Ana reported that the review of XYZ 15 ended on 18 September 2022.",
]


def test_a_date_in_a_list_item_table_or_other_sentence_is_never_rewritten() -> None:
    for line in NOT_MEETING_DATES:
        text = OTHER_DATE_TOP.format(line=line)
        path = "2022-10-06-minutes.md"
        assert lint(rule, text, path) == [], line
        assert fix(rule, text, path, unsafe=True) == text, line


def test_a_date_line_still_witnesses_the_meeting_date() -> None:
    for line in ("September 18, 2022", "**Date:** 18 September 2022", "# Meeting of 18 Sep 2022"):
        text = OTHER_DATE_TOP.format(line=line).replace("Attendees: ", "Attendees:\n")
        found = lint(rule, text, "minutes.md")
        assert [d.message.split(",")[0] for d in found] == [
            "title says the meeting was on 2022-10-06"
        ], line


SCRIBE = """\
---
layout: minutes
date: {fm}
title: Example Group — {fm}
---
# Example Group Telco — {fm}

**Date:** {line}
"""


def _scribe(fm: str, line: str) -> str:
    return SCRIBE.format(fm=fm, line=line)


def test_front_matter_date_is_a_witness_where_the_corpus_uses_it_for_the_meeting() -> None:
    others = {
        f"2026-01-{n:02d}-x.md": _scribe(f"2026-01-{n:02d}", f"2026-01-{n:02d}")
        for n in (5, 12, 19)
    }
    found = lint(rule, _scribe("2026-02-02", "2026-02-03"), path="2026-02-02-x.md", others=others)
    assert where(found) == [(8, 11)]
    assert found[0].message.startswith("date line says the meeting was on 2026-02-03")
    # the same document in a corpus whose front-matter date is a publication time
    found = lint(
        rule,
        _scribe("2026-02-02", "2026-02-03"),
        path="2026-02-02-x.md",
        options={"front-matter-date": "publication"},
    )
    assert all("front matter" not in d.message for d in found)


def test_heading_against_year_less_file_name_in_a_dated_folder() -> None:
    text = "# January 29, 2019 Meeting Notes\n\nAlice Moreau (AMU), Bruno Keller (BK)\n"
    assert lint(rule, text, path="meetings/2019-01/jan-29.md") == []
    found = lint(rule, text, path="meetings/2019-01/jan-30.md")
    assert len(found) == 1 and "file name" in found[0].message
