"""The document model: positions, front matter with key and value spans, headings, meeting."""

from __future__ import annotations

import datetime

from minutes_lint.diagnostics import Position
from minutes_lint.document import Document
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
    assert meeting.date() == datetime.date(2026, 1, 14)
    assert meeting.agreed_date() == datetime.date(2026, 1, 14)


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
