"""Suppressions written in the document itself.

    <!-- minutes-lint: disable DT002,AT004 -->   ... until enable (or the end)
    <!-- minutes-lint: enable DT002 -->
    <!-- minutes-lint: disable-next-line PN001 -->
    <!-- minutes-lint: disable-file WS001 -->

Codes match by prefix (``DT`` covers every date rule); no code means every
rule.  Sites that forbid HTML in Markdown can use the front-matter key
``minutes-lint-disable: [CODE, ...]`` for the whole file.  A suppression
that suppresses nothing is reported as ML003.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutes_lint.diagnostics import Diagnostic
from minutes_lint.document import Document

_COMMENT = re.compile(
    r"<!--\s*minutes-lint:\s*(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->"
)
FRONT_MATTER_KEY = "minutes-lint-disable"


@dataclass
class Suppression:
    kind: str  # "disable", "disable-next-line", "disable-file", "front-matter"
    codes: tuple[str, ...]  # empty: every code
    start: int  # offset of the comment
    end: int
    first_line: int  # 1-based lines it covers, inclusive
    last_line: int
    used: set[str] = field(default_factory=set)
    # codes (or prefixes) an ``enable`` re-enabled before the block ends -> the enable's line
    enabled: dict[str, int] = field(default_factory=dict)

    def covers(self, diag: Diagnostic) -> bool:
        line = diag.start.line
        if not (self.first_line <= line <= self.last_line):
            return False
        if any(diag.code.startswith(c) and line > at for c, at in self.enabled.items()):
            return False
        return not self.codes or any(diag.code.startswith(c) for c in self.codes)


def _codes(text: str) -> tuple[str, ...]:
    return tuple(c for c in re.split(r"[\s,]+", text.strip()) if c)


def find_suppressions(doc: Document) -> list[Suppression]:
    if "minutes-lint" not in doc.text:
        return []
    last = len(doc.lines) + 1
    found: list[Suppression] = []
    open_blocks: list[Suppression] = []
    for m in _COMMENT.finditer(doc.text):
        if not doc.structure.in_comment(m.start()):
            continue  # shown in code, or not a comment of the body: not a suppression
        kind, codes = m.group(1), _codes(m.group(2))
        line = doc.position(m.start()).line
        if kind == "disable-next-line":
            found.append(Suppression(kind, codes, m.start(), m.end(), line + 1, line + 1))
        elif kind == "disable-file":
            found.append(Suppression(kind, codes, m.start(), m.end(), 1, last))
        elif kind == "disable":
            block = Suppression(kind, codes, m.start(), m.end(), line, last)
            found.append(block)
            open_blocks.append(block)
        else:  # enable: closes the open blocks it names (all of them without codes)
            for block in list(open_blocks):
                if not codes or (block.codes and all(b.startswith(codes) for b in block.codes)):
                    block.last_line = line
                    open_blocks.remove(block)
                else:  # only some of the block's codes: those stay disabled
                    for code in codes:
                        block.enabled.setdefault(code, line)
    entry = doc.front_matter.get(FRONT_MATTER_KEY) if doc.front_matter.ok else None
    if entry is not None:
        value = entry.value if isinstance(entry.value, list) else [entry.value]
        found.append(
            Suppression(
                "front-matter",
                tuple(str(v) for v in value if v),
                entry.key_start,
                entry.value_end,
                1,
                last,
            )
        )
    return found


def apply_suppressions(
    diagnostics: list[Diagnostic], suppressions: list[Suppression]
) -> list[Diagnostic]:
    """The diagnostics no suppression covers; marks the suppressions that were used."""
    if not suppressions:
        return diagnostics
    kept = []
    for diag in diagnostics:
        hit = [s for s in suppressions if s.covers(diag)]
        for s in hit:
            s.used.add(diag.code)
        if not hit:
            kept.append(diag)
    return kept
