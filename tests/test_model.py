"""The document model: positions, front matter with key and value spans, headings, meeting."""

from __future__ import annotations

import datetime

import pytest

from minutes_lint.diagnostics import Position
from minutes_lint.document import Document
from minutes_lint.meeting import MeetingDate
from minutes_lint.source import decode

DOC = """\
---
title: 2026-01-14 Minutes of the Example Working Group
date: 2026-01-15 10:00:00
tags:
  - Minutes
  - Example
slug: "example-minutes"
---
## Minutes of EXWG

Wednesday, January 14, 2026

## 1. Roll Call

## 2. Discussion

### 2.1 Ballots

## 3. Next meeting

January 28, 2026 at 11 am
"""


def span(doc: Document, start: int, end: int) -> tuple[Position, str]:
    return doc.position(start), doc.text[start:end]


def test_front_matter_key_and_value_positions() -> None:
    doc = Document.from_text(DOC)
    fm = doc.front_matter
    assert fm.present and fm.ok and fm.kind == "mapping"
    assert fm.keys() == ["title", "date", "tags", "slug"]
    title = fm.get("title")
    assert title is not None
    assert span(doc, title.key_start, title.key_end) == (Position(2, 1), "title")
    assert doc.position(title.value_start) == Position(2, 8)
    date = fm.get("date")
    assert date is not None and date.value == datetime.datetime(2026, 1, 15, 10, 0)
    assert doc.position(date.value_start) == Position(3, 7)
    tags = fm.get("tags")
    assert tags is not None and tags.value == ["Minutes", "Example"]
    assert [doc.position(s) for _, s, _ in tags.items] == [Position(5, 5), Position(6, 5)]
    slug = fm.get("slug")
    assert slug is not None and slug.value == "example-minutes"
    assert doc.position(doc.body_start) == Position(9, 1)


def test_headings_with_section_numbers() -> None:
    doc = Document.from_text(DOC)
    found = [(h.level, h.number, h.text, doc.position(h.start).line) for h in doc.headings]
    assert found == [
        (2, None, "Minutes of EXWG", 9),
        (2, "1", "1. Roll Call", 13),
        (2, "2", "2. Discussion", 15),
        (3, "2.1", "2.1 Ballots", 17),
        (2, "3", "3. Next meeting", 19),
    ]


def test_headings_in_fenced_code_are_ignored() -> None:
    doc = Document.from_text("## A\n\n```\n## not a heading\n```\n")
    assert [h.text for h in doc.headings] == ["A"]


def test_meeting_witnesses() -> None:
    doc = Document.from_text(DOC, "posts/2026-01-15-2026-01-14-minutes.md")
    meeting = doc.meeting
    assert meeting.title is not None and meeting.title.date == datetime.date(2026, 1, 14)
    assert meeting.body is not None and meeting.body.line == 11
    assert [w.date for w in meeting.file_names] == [
        datetime.date(2026, 1, 15),
        datetime.date(2026, 1, 14),
    ]
    assert [w.date for w in meeting.next_meetings] == [datetime.date(2026, 1, 28)]
    assert meeting.publication is not None and meeting.publication.line == 3
    assert meeting.meeting_date == MeetingDate(datetime.date(2026, 1, 14), votes=4, tied=False)


def _meeting_date(title: str, body: str, path: str = "minutes.md", tail: str = "") -> MeetingDate:
    text = f"---\ntitle: {title}\n---\n{body}\n\nNotes.\n{tail}"
    return Document.from_text(text, path).meeting.meeting_date


def test_meeting_date_on_a_tie_is_the_body_date_and_says_it_is_tied() -> None:
    found = _meeting_date("Minutes of 2026-03-04", "Thursday, 5 March 2026")
    assert found == MeetingDate(datetime.date(2026, 3, 5), votes=1, tied=True)


def test_meeting_date_on_a_tie_without_a_body_date_is_the_title_date() -> None:
    found = _meeting_date("Minutes of 2026-03-04", "Notes.", path="2026-03-11-minutes.md")
    assert found == MeetingDate(datetime.date(2026, 3, 4), votes=1, tied=True)


def test_meeting_date_is_untied_when_a_majority_agrees() -> None:
    found = _meeting_date(
        "Minutes of 2026-03-04", "Thursday, 5 March 2026", path="2026-03-04-minutes.md"
    )
    assert found == MeetingDate(datetime.date(2026, 3, 4), votes=2, tied=False)


def test_a_next_meeting_within_five_weeks_is_one_more_vote() -> None:
    found = _meeting_date(
        "Minutes of 2026-03-04",
        "Thursday, 5 March 2026",
        tail="\n## Next meeting\n\n18 March 2026\n",
    )
    # 2026-03-18 follows both dates within 35 days: each gets one more vote, still tied
    assert found == MeetingDate(datetime.date(2026, 3, 5), votes=2, tied=True)
    found = _meeting_date(
        "Minutes of 2026-01-04",
        "Thursday, 5 March 2026",
        tail="\n## Next meeting\n\n18 March 2026\n",
    )
    assert found == MeetingDate(datetime.date(2026, 3, 5), votes=2, tied=False)


def test_meeting_date_of_a_document_without_witnesses() -> None:
    found = Document.from_text("Notes without a date.\n", "notes.md").meeting.meeting_date
    assert found == MeetingDate(None, votes=0, tied=False)


def test_one_more_witness_votes_by_the_same_policy() -> None:
    doc = Document.from_text(
        "---\ntitle: Minutes of 2026-03-04\ndate: 2026-03-04\n---\nThursday, 5 March 2026\n",
        "minutes.md",
    )
    meeting = doc.meeting
    assert meeting.publication is not None
    assert meeting.meeting_date == MeetingDate(datetime.date(2026, 3, 5), votes=1, tied=True)
    found = meeting.meeting_date_with(meeting.publication)
    assert found == MeetingDate(datetime.date(2026, 3, 4), votes=2, tied=False)


def test_the_meeting_has_one_date_notion() -> None:
    from minutes_lint.meeting import Meeting

    for gone in ("date", "settled_date", "agreed_date"):
        assert not hasattr(Meeting, gone)


def test_positions_in_crlf_text_with_bom() -> None:
    source = decode("x.md", b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\n## H\r\n")
    assert not isinstance(source, type(None))
    doc = Document(source)  # type: ignore[arg-type]
    assert doc.source.bom and doc.source.newline == "\r\n"
    title = doc.front_matter.get("title")
    assert title is not None and doc.position(title.value_start) == Position(2, 8)
    assert [(h.text, doc.position(h.start).line) for h in doc.headings] == [("H", 4)]


def test_no_front_matter() -> None:
    doc = Document.from_text("# Minutes\n\nJanuary 14, 2026\n")
    assert not doc.front_matter.present and doc.parses and doc.body_start == 0


def test_unterminated_and_invalid_front_matter_do_not_parse() -> None:
    assert not Document.from_text("---\ntitle: x\n").parses
    bad = Document.from_text("---\ntitle: [x\n---\n")
    assert not bad.parses and bad.front_matter.error
    assert bad.position(bad.front_matter.error_offset or 0).line in (2, 3)


def test_custom_tags_are_never_constructed() -> None:
    doc = Document.from_text('---\nx: !!python/object/apply:os.system ["true"]\n---\n')
    entry = doc.front_matter.get("x")
    assert entry is not None and "python/object" in entry.tag


def test_alias_bomb_is_bounded() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    doc = Document.from_text("---\n" + "\n".join(lines) + "\n---\n")
    assert doc.front_matter.ok and len(doc.front_matter.entries) == 12


def test_prose_spans_skip_urls_and_attendee_lists() -> None:
    text = (
        "## Attendees\n\nAlice Moreau (Example CA)\n\n## Discussion\n\nSee https://x.org/A_B now.\n"
    )
    doc = Document.from_text(text)
    prose = " ".join(doc.text[a:b] for a, b in doc.prose_spans)
    assert "https" not in prose and "Alice Moreau" not in prose and "now." in prose


def test_release_forgets_the_model_and_rebuilds_it() -> None:
    doc = Document.from_text(DOC)
    headings = [h.text for h in doc.headings]
    doc.memo("x", lambda: 1)
    doc.release()
    assert "headings" not in doc.__dict__
    assert [h.text for h in doc.headings] == headings
    assert doc.memo("x", lambda: 2) == 2


# -- CommonMark block structure ----------------------------------------------------------

STRUCTURED = """\
---
title: Minutes
---
# Minutes of the Example Group

Next meeting
------------

```text
## Not a heading
January 3, 2026
``` not a closing fence
```
````
```
still code, 2026-01-05
````

    $ echo indented code, March 4, 2026

<!-- March 5, 2026 -->
<!--
May 6, 2026
-->

## Update on C#

* Alice Moreau @amoreau (chair)

| Name | Organization |
| --- | --- |
| Bob Stone | Example CA |

> quoted text

Said `2026-02-02` inline, and <!-- 2026-02-03 --> here, on April 9, 2026.
"""


def _line_offset(doc: Document, needle: str) -> int:
    return doc.text.index(needle)


def test_headings_are_atx_and_setext_outside_code() -> None:
    doc = Document.from_text(STRUCTURED)
    assert [(h.level, h.text) for h in doc.headings] == [
        (1, "Minutes of the Example Group"),
        (2, "Next meeting"),
        (2, "Update on C#"),
    ]
    setext = doc.headings[1]
    assert doc.position(setext.start).line == 6
    assert doc.text[setext.text_start : setext.text_start + len(setext.text)] == "Next meeting"


def test_nothing_inside_code_or_comments_is_a_date() -> None:
    doc = Document.from_text(STRUCTURED)
    assert [m.text for m in doc.dates] == ["April 9, 2026"]


def test_kind_at_answers_for_every_offset() -> None:
    doc = Document.from_text(STRUCTURED)
    at = lambda needle: doc.kind_at(_line_offset(doc, needle))  # noqa: E731
    assert at("title:") == "front-matter"
    assert at("## Not a heading") == "code"
    assert at("still code") == "code"
    assert at("indented code") == "code"
    assert at("March 5") == "comment"
    assert at("May 6") == "comment"
    assert at("Alice Moreau") == "item"
    assert at("Bob Stone") == "table"
    assert at("quoted text") == "quote"
    assert at("2026-02-02") == "code"
    assert at("2026-02-03") == "comment"
    assert at("April 9") == "paragraph"
    assert doc.is_prose(_line_offset(doc, "April 9"))
    assert not doc.is_prose(_line_offset(doc, "2026-02-03"))
    assert doc.in_list_item(_line_offset(doc, "@amoreau"))
    assert doc.in_table_cell(_line_offset(doc, "Example CA"))
    assert doc.in_code(_line_offset(doc, "indented code"))


def test_indented_sentences_are_a_stray_indent_not_code() -> None:
    text = (
        "## 3. Next meeting\n\n    The next meeting will be on 16 July, 2026.\n\n"
        "Sample:\n\n    $ date --iso 2026-07-16\n"
    )
    doc = Document.from_text(text)
    assert [m.text for m in doc.dates] == ["16 July, 2026"]
    assert doc.kind_at(text.index("The next")) == "paragraph"
    assert doc.kind_at(text.index("$ date")) == "code"


def test_blocks_carry_line_ranges() -> None:
    doc = Document.from_text(STRUCTURED)
    kinds = {(b.kind, b.first + 1, b.last) for b in doc.structure.blocks}
    assert ("fence", 9, 13) in kinds  # the closing fence with an info string does not close
    assert ("fence", 14, 17) in kinds  # four backticks hold three
    assert ("comment", 21, 21) in kinds
    assert ("comment", 22, 24) in kinds
    assert ("heading", 6, 7) in kinds  # setext: the text and its underline
    assert ("table", 30, 32) in kinds


def test_suppression_counts_only_as_a_real_comment() -> None:
    from minutes_lint.suppressions import find_suppressions

    text = (
        "# Minutes\n\n```\n<!-- minutes-lint: disable-file -->\n```\n\n"
        "`<!-- minutes-lint: disable-file -->`\n\n<!-- minutes-lint: disable-next-line WS001 -->\n"
    )
    found = find_suppressions(Document.from_text(text))
    assert [(s.kind, s.codes) for s in found] == [("disable-next-line", ("WS001",))]


# -- every organisation's minutes (MINUTES_LINT_CORPORA) ---------------------------------

# documents with an attendee list found, as measured (lower bounds); the documents of each
# archive that have one were counted by reading them: cabforum 352, w3c-json-ld-wg 89,
# openjs-cpc 119, tc39-notes 40 (day notes), ossf-tac 79 (not cancelled), hsf-meetings 119
FOUND_AT_LEAST = {
    "cabforum": 352,
    "w3c-json-ld-wg": 89,
    "openjs-cpc": 119,
    "tc39-notes": 40,
    "ossf-tac": 79,
    "hsf-meetings": 118,
}


@pytest.mark.parametrize("organisation", sorted(FOUND_AT_LEAST))
def test_model_reads_every_organisation(organisation: str) -> None:
    import os
    from pathlib import Path

    from minutes_lint.commands.inspect import inspect_document
    from minutes_lint.source import ReadFailure, read_source

    root = os.environ.get("MINUTES_LINT_CORPORA")
    if not root or not (Path(root) / organisation).is_dir():
        pytest.skip("MINUTES_LINT_CORPORA is not set")
    with_list = 0
    roles: set[str] = set()
    for path in sorted((Path(root) / organisation).rglob("*.md")):
        source = read_source(str(path))
        if isinstance(source, ReadFailure):
            continue
        doc = Document(source)
        item = inspect_document(doc)  # every part of the model, no traceback
        with_list += bool(item["attendees"])
        roles.update(a["role"] for a in item["attendees"])
        if item["absent"]:
            roles.add("absent")
    assert with_list >= FOUND_AT_LEAST[organisation]
    assert "present" in roles
    if organisation == "w3c-json-ld-wg":
        assert {"chair", "scribe", "absent"} <= roles


def test_the_reused_yaml_composer_forgets_a_broken_front_matter() -> None:
    broken = Document.from_text("---\ntitle: [2026-01-14 Minutes\ndate: 2026-01-14\n---\nBody.\n")
    assert broken.front_matter.error is not None
    fine = Document.from_text("---\ntitle: Minutes\ndate: 2026-01-14\n---\nBody.\n")
    assert fine.front_matter.error is None
    assert fine.front_matter.keys() == ["title", "date"]
    assert fine.title == "Minutes"
