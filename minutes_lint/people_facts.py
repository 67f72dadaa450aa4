"""Facts the people rules need besides the attendee lists.

``minutes_identity`` tells identical copies of one set of minutes apart from different
meetings that happen to list the same people: two files with the same title, the same
first heading and the same attendee list hold the same minutes, and the corpus counts a
spelling once for them.  Prose is left out, so editing the discussion (in an editor, on
every keystroke) leaves the fact, and the corpus built from it, unchanged.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from minutes_lint.facts import fact

if TYPE_CHECKING:
    from minutes_lint.document import Document


@fact("minutes_identity", version=1)
def minutes_identity(doc: Document) -> str:
    """A hash of the title, the first heading and the attendee entries."""
    heading = doc.headings[0].text if doc.headings else ""
    parts = [doc.title or "", heading]
    parts.extend(f"{e.name}\t{e.org}" for e in doc.attendees if e.problem is None)
    return hashlib.sha1("\n".join(parts).encode("utf-8", "replace")).hexdigest()
