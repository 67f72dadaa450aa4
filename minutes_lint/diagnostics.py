"""What rules report: problems, fixes and the diagnostics built from them.

Positions inside minutes-lint are 0-based character offsets into the decoded
text of a document (BOM removed, newlines as in the file).  They become
1-based line/column pairs only when a diagnostic is built for output.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Applicability(str, enum.Enum):
    SAFE = "safe"
    UNSAFE = "unsafe"


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``content`` (offsets of the untouched text)."""

    start: int
    end: int
    content: str


@dataclass(frozen=True)
class Fix:
    """One or more edits applied together or not at all."""

    edits: tuple[Edit, ...]
    message: str
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def replace(
        cls,
        start: int,
        end: int,
        content: str,
        message: str,
        applicability: Applicability = Applicability.SAFE,
    ) -> Fix:
        return cls((Edit(start, end, content),), message, applicability)

    @property
    def span(self) -> tuple[int, int]:
        return min(e.start for e in self.edits), max(e.end for e in self.edits)


@dataclass(frozen=True)
class Problem:
    """What a rule's ``check`` yields: a span of the document and a message."""

    start: int
    end: int
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # overrides the rule's default when set


class Position(NamedTuple):
    line: int  # 1-based
    column: int  # 1-based, in characters


@dataclass(eq=True)
class Diagnostic:
    """A problem placed in a file, ready for deciding, fixing and reporting."""

    path: str
    start: Position
    end: Position
    code: str
    severity: Severity
    message: str
    fix: Fix | None = None
    # 0-based offsets of the flagged span, for fingerprints and fixes
    offset: int = 0
    end_offset: int = 0
    # the flagged text and a little context, for baseline fingerprints
    snippet: str = ""
    context: str = ""
    edit_positions: tuple[tuple[Position, Position], ...] = field(default=())

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.start.line, self.start.column, self.code, self.message)
