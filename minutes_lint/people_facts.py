"""Facts the people rules need besides the attendee lists.

``content_digest`` tells identical copies of one set of minutes apart from different
meetings that happen to list the same people: the corpus counts a spelling once per
distinct document body, so two files holding the same minutes do not outvote one.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from minutes_lint.facts import fact

if TYPE_CHECKING:
    from minutes_lint.document import Document


@fact("content_digest", version=1)
def content_digest(doc: Document) -> str:
    """A hash of the document's body (front matter aside), lines stripped of trailing space."""
    body = doc.text[doc.body_start :]
    lines = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha1(lines.encode("utf-8", "replace")).hexdigest()
