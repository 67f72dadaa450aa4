"""Meeting date told differently by the title, the body, the file name or the publication date.

## What it does
Collects every place that says when the meeting took place: the date in the
front-matter title, the heading, a ``**Date:**`` line or the date line at the
top of the body (a range "March 25-26, 2025" gives its first day, a dotted
"2019.07.18" counts), and the date in the file name (a year-less
``jan-29.md`` takes its year from a dated folder such as ``2019-01/``) must
be equal.  A date in a list item, a table row or a sentence about another
matter ("the review ended 18 September 2022") is not a date line: it is neither
reported nor rewritten.  Agenda items, approved minutes, next meetings, ballot periods and
deadlines are not witnesses.  Whether the front-matter ``date`` states the
meeting date (Jekyll sites, scribe minutes) or the *publication* time (Hugo
sites) is learned from the corpus (``front-matter-date = "auto"``: the
meeting date when at least 80% of the documents whose date can be checked
agree with their other witnesses) or set to ``"meeting"`` or
``"publication"``.  A meeting date is one more witness; a publication time
must not precede the meeting, nor follow it by more than
``max-publication-lag-days``.  The diagnostic sits on the value
that is most likely wrong (the one the other witnesses, including the
next-meeting date, outvote) and names the line that disagrees with it.

## Why is this bad?
A minute-taker copies last meeting's file and updates the body but not the
title, or types the wrong year.  The published record then carries two
dates for one meeting, and readers, search and the site's archive pages
pick the wrong one.

## Example
```markdown
---
title: 2024-01-14 Minutes of the Example Working Group
date: 2024-01-14 00:00:00
---
January 14, 2026
...
Next meeting: January 28, 2026
```

## Use instead
```markdown
---
title: 2026-01-14 Minutes of the Example Working Group
date: 2026-01-14 00:00:00
---
January 14, 2026
```

## Fix safety
The fix rewrites the odd date out only when the other witnesses agree on
one meeting date; it is unsafe because the evidence can still be wrong
(and a publication time is a guess).  Without agreement there is no fix.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import replace

from minutes_lint.dates import format_like
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import fact
from minutes_lint.meeting import Meeting, Witness
from minutes_lint.registry import RuleContext

CODE = "DT001"
NAME = "meeting-date-mismatch"
SUMMARY = "Title, body, file name and publication date disagree about the meeting date"
SEVERITY = Severity.ERROR
FIX = "unsafe"
SCOPE = "corpus"
OPTIONS = {"max-publication-lag-days": 90, "check-file-name": True, "front-matter-date": "auto"}

_MEETING_SHARE = 0.8  # front-matter dates equal to the meeting date in a "meeting" corpus
_MIN_DOCUMENTS = 3


@fact("DT001.front-matter-date", version=1)
def front_matter_date(doc: Document) -> str | None:
    """How the front-matter date relates to the meeting date the other witnesses settle on:
    "same", "differs", "time" (a timestamp with a time of day: a publication time), None."""
    meeting = doc.meeting
    value = meeting.publication_value
    if meeting.publication is None or value is None:
        return None
    if isinstance(value, datetime.datetime) and (value.hour, value.minute) != (0, 0):
        return "time"
    found = meeting.meeting_date
    if found.day is None or found.tied:
        return None
    return "same" if meeting.publication.date == found.day else "differs"


FACTS = (front_matter_date,)


def front_matter_is_meeting_date(ctx: RuleContext) -> bool:
    """Whether the front-matter ``date`` states the meeting date (Jekyll sites, scribe
    minutes) rather than the publication time (Hugo sites): the ``front-matter-date``
    option, else what nearly every document of the corpus shows."""
    setting = str(ctx.options["front-matter-date"])
    if setting in ("meeting", "publication"):
        return setting == "meeting"
    corpus = ctx.corpus
    if corpus is None or len(corpus) == 0:
        return False

    def build() -> bool:
        seen = [v for v in corpus.facts(front_matter_date).values() if v is not None]
        same = sum(1 for v in seen if v == "same")
        return len(seen) >= _MIN_DOCUMENTS and same >= _MEETING_SHARE * len(seen)

    return corpus.memo(f"{CODE}.front-matter-is-meeting-date", build)


def validate_options(options: dict[str, object]) -> None:
    from minutes_lint.config import ConfigError

    if options.get("front-matter-date", "auto") not in ("auto", "meeting", "publication"):
        raise ConfigError(f'{CODE}: front-matter-date must be "auto", "meeting" or "publication"')


def _where(w: Witness) -> str:
    return "the file name" if w.line == 0 else f"line {w.line}"


def _say(day: datetime.date) -> str:
    return day.isoformat()


# A date in a list item or a table row, or in a sentence about something else ("the
# review ended 18 September 2022"), does not state when the meeting took place.
_LIST_ITEM = re.compile(r"^\s*(?:>\s*)*(?:[-*+]|\d+[.)])\s")
_MEETING_WORD = re.compile(
    r"\b(?:meetings?|minutes|call|calls|teleconference|telecon|conference|f2f|face-to-face"
    r"|session|notes|date|day|held|agenda|summit|workshop|plenary)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SMALL = {"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with", "via", "by"}
_WEEKDAYS = {
    name
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    for name in (day, day[:3])
}


def states_the_meeting_date(doc: Document, witness: Witness) -> bool:
    """Whether the body's date line says when this meeting took place: a heading or a
    line made of the date with a label ("**Date:**", "Meeting of", "Day 2"), or of a
    name in capitals; never a list item, a table row or a sentence about another matter."""
    line = doc.lines[doc.line_index(witness.start)]
    if _LIST_ITEM.match(line.text) or line.text.count("|") >= 2:
        return False
    before = doc.text[line.start : witness.start]
    after = doc.text[witness.end : line.end]
    rest = f"{before} {after}"
    if _MEETING_WORD.search(rest):
        return True
    words = [w for w in _WORD.findall(rest) if w.lower().rstrip(".") not in _WEEKDAYS]
    return all(w[0].isupper() or w.lower() in _SMALL for w in words)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    meeting = doc.meeting
    if meeting.body is not None and not states_the_meeting_date(doc, meeting.body):
        meeting = replace(meeting, body=None)  # not a witness: never reported nor rewritten
    meeting = replace(
        meeting, more_top=[w for w in meeting.more_top if states_the_meeting_date(doc, w)]
    )
    witnesses = [w for w in (meeting.title, meeting.body, *meeting.more_top) if w is not None]
    if ctx.options["check-file-name"] and meeting.file_name_meeting is not None:
        witnesses.append(meeting.file_name_meeting)
    stated = meeting.publication is not None and front_matter_is_meeting_date(ctx)
    if stated:
        assert meeting.publication is not None
        witnesses.insert(0, replace(meeting.publication, kind="front matter"))
        found = meeting.meeting_date_with(witnesses[0])
    else:
        found = meeting.meeting_date
    meeting_date = found.day
    # a date is rewritten only when the witnesses single it out: no tie, two votes or more
    agreed = meeting_date if not found.tied and found.votes >= 2 else None
    if meeting_date is not None and len({w.date for w in witnesses}) > 1:
        reference = next(w for w in witnesses if w.date == meeting_date)
        for w in witnesses:
            if w.date == meeting_date or w.start < 0:
                continue
            kind = "year" if w.date.year != meeting_date.year else "date"
            fix = None
            if agreed is not None and w.mention is not None:
                fix = Fix.replace(
                    w.start,
                    w.end,
                    format_like(w.mention.text, agreed),
                    f"Write the meeting date {_say(agreed)}",
                    Applicability.UNSAFE,
                )
            yield Problem(
                w.start,
                w.end,
                f"{w.kind} says the meeting was on {_say(w.date)}, but {reference.kind} "
                f"({_where(reference)}) says {_say(meeting_date)}: the {kind} disagrees",
                fix,
            )
        file_wrong = [w for w in witnesses if w.start < 0 and w.date != meeting_date]
        told = [w for w in witnesses if w.start >= 0 and w.date == meeting_date]
        by_title = meeting.title is not None and meeting.title.date == meeting_date
        untitled = meeting.title is None and len(meeting.file_names) == 1
        if file_wrong and told and (by_title or untitled):  # else the heading tells it
            w = file_wrong[0]
            said = next((t for t in told if t.kind == "title"), told[0])
            yield Problem(
                said.start,
                said.end,
                f"the file name says the meeting was on {_say(w.date)}, but the {said.kind} "
                f"says {_say(meeting_date)}",
            )
    if not stated:
        yield from _publication(meeting, meeting_date, agreed, ctx, doc)


def _publication(
    meeting: Meeting,
    meeting_date: datetime.date | None,
    agreed: datetime.date | None,
    ctx: RuleContext,
    doc: Document,
) -> Iterator[Problem]:
    pub = meeting.publication
    if pub is None or meeting_date is None:
        return
    lag = (pub.date - meeting_date).days
    limit = ctx.options["max-publication-lag-days"]
    if 0 <= lag <= limit:
        return
    reference = meeting.body or meeting.title
    where = f" ({reference.kind}, {_where(reference)})" if reference else ""
    if lag < 0:
        message = (
            f"publication date {_say(pub.date)} precedes the meeting{where} on {_say(meeting_date)}"
        )
    else:
        message = (
            f"publication date {_say(pub.date)} is {lag} days after the meeting{where} on "
            f"{_say(meeting_date)} (more than {limit})"
        )
    fix = None
    if agreed is not None and lag < 0:
        old = doc.text[pub.start : pub.end]
        fix = (
            Fix.replace(
                pub.start,
                pub.start + 10,
                agreed.isoformat(),
                f"Set the publication date to the meeting date {agreed.isoformat()}",
                Applicability.UNSAFE,
            )
            if old[:10] == pub.date.isoformat()
            else None
        )
    yield Problem(pub.start, pub.end, message, fix)
