"""Choosing, applying and repeating fixes until a document is stable.

Every edit is ``(start, end, content)`` in 0-based character offsets of the
text it was computed for.  A fix is one or more edits taken together or not at
all.  Two edits conflict when their spans overlap; spans that only touch are
fine, and an insertion at the start or end of a replaced span lands before or
after the replacement respectively.  Two insertions at the same offset
conflict, because their order would be a guess.

:func:`fix_until_stable` lints, fixes and lints again until nothing fixable is
left, the text stops changing, a text repeats (two fixes undoing each other) or
the pass limit is reached.  If a pass turns a parseable document into one that
no longer parses, the whole run is abandoned and the original text returned.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from minutes_lint.diagnostics import Applicability, Diagnostic, Edit, Fix

DEFAULT_MAX_PASSES = 10


def _conflict(first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two ``(start, end)`` spans cannot both be edited."""
    if first[0] < second[1] and second[0] < first[1]:
        return True
    return first[0] == first[1] == second[0] == second[1]


def _spans(fix: Fix) -> list[tuple[int, int]]:
    """The spans of a fix's edits, sorted."""
    return sorted((edit.start, edit.end) for edit in fix.edits)


def _well_formed(spans: Sequence[tuple[int, int]]) -> bool:
    """Whether sorted spans are ordered pairs that do not conflict with each other."""
    if any(start < 0 or start > end for start, end in spans):
        return False
    furthest = -1
    previous: tuple[int, int] | None = None
    for span in spans:
        if span[0] < furthest or (previous is not None and _conflict(previous, span)):
            return False
        furthest = max(furthest, span[1])
        previous = span
    return True


class _AcceptedSpans:
    """Spans of accepted edits, kept sorted for logarithmic conflict checks.

    The accepted spans never conflict, so sorted by start their ends do not
    decrease either; the first span ending after a candidate's start is the
    only one that can overlap it.
    """

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []
        self._ends: list[int] = []
        self._insertions: set[int] = set()

    def conflicts(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` conflicts with any accepted span."""
        start, end = span
        if start == end and start in self._insertions:
            return True
        index = bisect.bisect_right(self._ends, start)
        return index < len(self._spans) and _conflict(self._spans[index], span)

    def add(self, span: tuple[int, int]) -> None:
        """Record an accepted span."""
        index = bisect.bisect_right(self._spans, span)
        self._spans.insert(index, span)
        self._ends.insert(index, span[1])
        if span[0] == span[1]:
            self._insertions.add(span[0])


def _eligible(fix: Fix, unsafe: bool) -> bool:
    """Whether a fix may be considered at all."""
    if not fix.edits:
        return False
    return unsafe or fix.applicability is Applicability.SAFE


def select_fix_indices(fixes: Sequence[Fix], unsafe: bool) -> list[int]:
    """Indices of the fixes to apply together, in acceptance order.

    Safe fixes are always candidates, unsafe ones only when ``unsafe`` is true.
    Candidates are taken by the start of their span, shorter spans first, then
    in the order given; a fix is accepted only if none of its edits conflicts
    with an edit already accepted.  A fix whose own edits conflict, or that has
    a negative or reversed span, is never accepted.
    """
    candidates = [index for index, fix in enumerate(fixes) if _eligible(fix, unsafe)]

    def order(index: int) -> tuple[int, int, int]:
        start, end = fixes[index].span
        return start, end - start, index

    candidates.sort(key=order)
    accepted = _AcceptedSpans()
    chosen: list[int] = []
    for index in candidates:
        spans = _spans(fixes[index])
        if not _well_formed(spans) or any(accepted.conflicts(span) for span in spans):
            continue
        for span in spans:
            accepted.add(span)
        chosen.append(index)
    return chosen


def select_fixes(fixes: Sequence[Fix], unsafe: bool) -> list[Fix]:
    """The fixes to apply together; see :func:`select_fix_indices` for the rules."""
    return [fixes[index] for index in select_fix_indices(fixes, unsafe)]


def _checked_edits(text: str, fixes: Iterable[Fix]) -> list[Edit]:
    """All edits of ``fixes`` sorted by position; ValueError if any is invalid."""
    edits = sorted(
        (edit for fix in fixes for edit in fix.edits),
        key=lambda edit: (edit.start, edit.end),
    )
    previous: Edit | None = None
    for edit in edits:
        if not 0 <= edit.start <= edit.end <= len(text):
            raise ValueError(
                f"edit {edit.start}..{edit.end} lies outside the text (length {len(text)})"
            )
        if previous is not None and (
            edit.start < previous.end
            or _conflict((previous.start, previous.end), (edit.start, edit.end))
        ):
            raise ValueError(
                f"edits {previous.start}..{previous.end} and {edit.start}..{edit.end} overlap"
            )
        previous = edit
    return edits


def apply_fixes(text: str, fixes: Sequence[Fix]) -> str:
    """Apply the edits of non-conflicting ``fixes`` to ``text``, right to left.

    Raises ValueError when an edit lies outside the text or two edits conflict;
    nothing is applied in that case.
    """
    edits = _checked_edits(text, fixes)
    pieces: list[str] = []
    tail = len(text)
    for edit in reversed(edits):
        pieces.append(text[edit.end : tail])
        pieces.append(edit.content)
        tail = edit.start
    pieces.append(text[:tail])
    pieces.reverse()
    return "".join(pieces)


def _changes_text(text: str, fix: Fix) -> bool:
    """Whether a fix is valid for ``text`` and would change it."""
    size = len(text)
    if any(not 0 <= edit.start <= edit.end <= size for edit in fix.edits):
        return False
    return any(text[edit.start : edit.end] != edit.content for edit in fix.edits)


def _digest(text: str) -> bytes:
    """A fingerprint of a text, for spotting texts seen before."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


@dataclass
class FixOutcome:
    """What a fixing run did to one text."""

    text: str
    applied: list[tuple[str, str]] = field(default_factory=list)
    passes: int = 0
    converged: bool = True
    codes: list[str] = field(default_factory=list)
    reverted: bool = False
    reason: str | None = None


def _fixable(text: str, diagnostics: Sequence[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The diagnostics whose fixes are chosen for one pass over ``text``."""
    offered = [
        diagnostic
        for diagnostic in diagnostics
        if diagnostic.fix is not None and _changes_text(text, diagnostic.fix)
    ]
    return [offered[index] for index in select_fix_indices(_fixes(offered), unsafe)]


def _fixes(chosen: Iterable[Diagnostic]) -> list[Fix]:
    """The fixes carried by some diagnostics."""
    return [diagnostic.fix for diagnostic in chosen if diagnostic.fix is not None]


def _reverted(text: str, codes: list[str], number: int) -> FixOutcome:
    """The outcome of a run abandoned because pass ``number`` broke the document."""
    reason = (
        f"fixes for {', '.join(codes)} in pass {number} "
        "would leave the document unparseable; no fix was applied"
    )
    return FixOutcome(text, [], 0, converged=False, codes=codes, reverted=True, reason=reason)


def _codes(chosen: Iterable[Diagnostic]) -> list[str]:
    """Sorted distinct codes of some diagnostics."""
    return sorted({diagnostic.code for diagnostic in chosen})


def fix_until_stable(
    text: str,
    lint: Callable[[str], Sequence[Diagnostic]],
    *,
    unsafe: bool,
    still_parses: Callable[[str], bool],
    max_passes: int = DEFAULT_MAX_PASSES,
) -> FixOutcome:
    """Lint and fix ``text`` repeatedly until it is stable.

    ``lint`` returns the diagnostics of the text it is given, with fix offsets
    in that text.  ``passes`` counts the passes that changed the text.  The run
    has converged when no fix is left to apply (or none changes the text).  It
    has not converged when a text comes back that an earlier pass produced or
    when ``max_passes`` passes still leave fixes; ``codes`` then names the
    codes whose fixes kept coming.  When a pass breaks a document that parsed
    before, the original ``text`` is returned unchanged with ``reverted`` set.
    """
    if max_passes < 1:
        raise ValueError(f"max_passes must be at least 1, not {max_passes}")
    original_parses = still_parses(text)
    current = text
    seen = {_digest(text): 0}
    pass_codes: list[list[str]] = []
    applied: list[tuple[str, str]] = []
    while True:
        chosen = _fixable(current, lint(current), unsafe)
        if not chosen:
            return FixOutcome(current, applied, len(pass_codes))
        if len(pass_codes) >= max_passes:
            return FixOutcome(
                current, applied, len(pass_codes), converged=False, codes=_codes(chosen)
            )
        new = apply_fixes(current, _fixes(chosen))
        if new == current:
            return FixOutcome(current, applied, len(pass_codes))
        codes = _codes(chosen)
        if original_parses and not still_parses(new):
            return _reverted(text, codes, len(pass_codes) + 1)
        applied.extend(
            (diagnostic.code, fix.message)
            for diagnostic, fix in zip(chosen, _fixes(chosen), strict=True)
        )
        pass_codes.append(codes)
        current = new
        digest = _digest(new)
        if digest in seen:
            looping = {code for names in pass_codes[seen[digest] :] for code in names}
            return FixOutcome(
                current, applied, len(pass_codes), converged=False, codes=sorted(looping)
            )
        seen[digest] = len(pass_codes)
