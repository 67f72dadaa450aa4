"""Made-up minutes of a group meeting every other Wednesday, for the calendar rules' tests."""

from __future__ import annotations

import datetime

FIRST = datetime.date(2025, 1, 8)  # a Wednesday


def long(day: datetime.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def minutes(
    day: datetime.date,
    *,
    approved: str | None = None,
    next_meeting: str | None = None,
    title: str | None = None,
    group: str = "Example Working Group",
) -> str:
    title = title if title is not None else f"{day.isoformat()} Minutes of the {group}"
    lines = [
        "---",
        f"title: {title}",
        "---",
        f"## Minutes of the {group}",
        "",
        long(day),
        "",
        "## 1. Roll Call",
        "Ada Lovelace (Example Org)",
        "",
        "## 2. Approval of minutes",
    ]
    if approved is not None:
        lines.append(f"The minutes of {approved} were approved.")
    lines += ["", "## 3. Next meeting"]
    if next_meeting is not None:
        lines.append(f"Next call: {next_meeting}")
    return "\n".join(lines) + "\n"


def series(
    count: int = 12,
    step: int = 14,
    group: str = "Example Working Group",
    slug: str = "minutes-example-wg",
    skip: tuple[int, ...] = (),
) -> dict[str, str]:
    """path -> text of ``count`` meetings ``step`` days apart, each approving the previous
    minutes and announcing the next meeting."""
    out = {}
    for i in range(count):
        if i in skip:
            continue
        day = FIRST + datetime.timedelta(days=step * i)
        prev = day - datetime.timedelta(days=step)
        nxt = day + datetime.timedelta(days=step)
        out[f"posts/{day.isoformat()}-{slug}.md"] = minutes(
            day, approved=long(prev), next_meeting=long(nxt), group=group
        )
    return out


def meeting_day(i: int, step: int = 14) -> datetime.date:
    return FIRST + datetime.timedelta(days=step * i)
