"""Hover texts: the rule behind a diagnostic, and what the project knows of a name."""

from __future__ import annotations

from minutes_lint.diagnostics import Diagnostic
from minutes_lint.names import clean_spelling
from minutes_lint.server.linting import LintResult
from minutes_lint.server.rule_docs import explanation


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def diagnostics_hover(found: list[Diagnostic], result: LintResult) -> str:
    parts = []
    for diag in found:
        parts.append(f"{diag.message}\n\n{explanation(diag.code, result.rules)}")
    return "\n\n---\n\n".join(parts)


def name_hover(name: str, result: LintResult) -> str:
    """The roster's spelling of an attendee and how often the corpus writes each form."""
    name = clean_spelling(name)
    lines = [f"**{name}** (attendee)", ""]
    corpus = result.corpus
    roster = corpus.roster if corpus is not None else None
    if roster is None or roster.path is None:
        lines.append("Roster: none (`minutes-lint roster` writes one).")
    else:
        canonical = roster.canonical_person(name)
        if canonical is None:
            lines.append(f"Roster: not listed in {roster.path.name}.")
        elif canonical == name:
            lines.append(f"Roster: “{name}” is the canonical spelling.")
        elif roster.is_alias(name):
            lines.append(
                f"Roster: canonical spelling “{canonical}”; “{name}” is a confirmed alias."
            )
        else:
            lines.append(f"Roster: canonical spelling “{canonical}”.")
    if corpus is None:
        lines.append("")
        lines.append("No corpus rule is selected, so the corpus was not read.")
        return "\n".join(lines)
    people = corpus.people
    spellings = people.spellings(name)
    lines.append("")
    lines.append(f"In the corpus ({len(corpus)} documents, this one as it is in the editor):")
    if not spellings:
        lines.append(f"- “{name}”: not listed anywhere else")
    for spelling in spellings:
        docs = len(spelling.documents)
        where = f"in {docs} document{'s' if docs != 1 else ''}"
        lines.append(f"- “{spelling.text}”: {_times(spelling.count)} {where}")
    for miss in people.near_misses(name):
        best = miss.spellings[0]
        lines.append(
            f"- one letter away ({miss.part} name): “{best.text}”, {_times(miss.count)}"
            f" in {len({d for s in miss.spellings for d in s.documents})} documents"
        )
    return "\n".join(lines)
