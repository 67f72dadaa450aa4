"""The report's fact: each document's meeting date and title.

The report places documents and attendances in time.  Finding a meeting date means
parsing the document, so it is a corpus fact: extracted once per document and cached by
content hash with the others, so a warm report parses nothing.
"""

from __future__ import annotations

from typing import Any

from minutes_lint.api import Document, fact


@fact("report.meeting", version=1)
def meeting(doc: Document) -> dict[str, Any]:
    """``{"date": "YYYY-MM-DD" | None, "title": str | None}``: the meeting date the
    witnesses agree on, else the publication date; the title, else the first heading."""
    found = doc.meeting
    day = found.meeting_date.day or (found.publication.date if found.publication else None)
    title = doc.title
    if not title:
        title = next((h.text for h in doc.headings if h.level == 1), None)
    return {"date": day.isoformat() if day else None, "title": title}
