"""Attendee entries written in different forms: ``Name (Org)`` next to ``Name - (Org)``.

## What it does
Looks at how each attendee entry joins the name and the organisation:
``Name (Org)``, ``Name - (Org)``, ``Name - Org``, ``Name [Org]`` or
``Name, Org``.  In a list that mixes forms, each entry not written in the
list's clear majority form (two thirds of its entries) is reported; a list
mixed without a clear majority is reported once.  When a preferred form is
known, a list written (mostly) in another form is reported once as well;
a list written entirely in one other form is consistent in itself, so it
is reported with severity info.  The preferred form is the ``preferred``
option (``paren``, ``dash-paren``, ``dash``, ``bracket`` or ``comma``, or
the pattern itself such as ``Name (Org)``; another value is a
configuration error), else the form of most attendee entries across the
corpus, when the corpus records forms.  Entries without an organisation
are left to ``malformed-attendee-entry``.

An en dash (``Name – Org``) and a hyphen (``Name - Org``) are the same form
written with different characters; in a list that mixes them, the entries
written with the minority character are reported too.

## Why is this bad?
Attendance lists are read by people and by scripts.  One list in two forms
looks careless, and every extra form is one more case for each script that
extracts who attended for which organisation.

## Example
```markdown
## Attendees
Alice Moreau (Example CA), Bob Stone - (Example Browser), Carol Diaz (Example Trust)
```

## Use instead
```markdown
## Attendees
Alice Moreau (Example CA), Bob Stone (Example Browser), Carol Diaz (Example Trust)
```

## Fix safety
Safe: the fix rewrites only the separator between the name and the
organisation (and the closing parenthesis or bracket), so names and
organisations stay as written.  There is no fix when a list has no clear
majority and no form is preferred, when the target is ``Name, Org`` (that
form needs one entry per line), or when an entry with a note or a nested
parenthesis cannot be written ``Name - Org`` or ``Name [Org]`` unambiguously.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from minutes_lint.attendees import AttendeeEntry
from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Applicability, Edit, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import attendees
from minutes_lint.registry import RuleContext

if TYPE_CHECKING:
    from minutes_lint.corpus import Corpus

CODE = "AT003"
NAME = "mixed-attendee-format"
SUMMARY = "Attendee entries written in different forms"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "sometimes"
OPTIONS = {"preferred": "", "min-entries": 3}
FACTS = (attendees,)

FORMS = {
    "paren": "Name (Org)",
    "dash-paren": "Name - (Org)",
    "dash": "Name - Org",
    "bracket": "Name [Org]",
    "comma": "Name, Org",
}
_HEAD = {"paren": " (", "dash-paren": " - (", "dash": " - ", "bracket": " [", "comma": ", "}
_TAIL = {"paren": ")", "dash-paren": ")", "dash": "", "bracket": "]", "comma": ""}
_CLOSERS = {"paren": ")", "dash-paren": ")", "bracket": "]"}
_BY_NAME = {**{form: form for form in FORMS}, **{label.lower(): f for f, label in FORMS.items()}}
_CLEAR_MAJORITY = 2 / 3
_SPACE = " \t\r\n"


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    preferred = _preferred(ctx)
    min_entries = int(ctx.options["min-entries"])
    reported: set[int] = set()  # entry starts: lists found twice report once
    for attendee_list in doc.attendee_lists:
        entries = [
            entry
            for entry in attendee_list.entries
            if entry.problem is None
            and entry.org is not None
            and entry.form in FORMS
            and entry.start not in reported
        ]
        if len(entries) < min_entries:
            continue
        reported.update(entry.start for entry in entries)
        found = list(_check_list(doc.text, entries, preferred))
        yield from found
        if not found:
            yield from _dashes(doc.text, entries)


def _check_list(
    text: str, entries: list[AttendeeEntry], preferred: tuple[str, str] | None
) -> Iterator[Problem]:
    """Problems of one list; ``preferred`` is (form, why) when a form is preferred."""
    counts = Counter(entry.form for entry in entries)
    common, common_count = counts.most_common(1)[0]
    clear = common_count >= _CLEAR_MAJORITY * len(entries)
    if preferred is not None:
        target, why = preferred
    elif len(counts) > 1 and clear:
        target, why = common, ""
    elif len(counts) > 1:
        first = next(entry for entry in entries if entry.form != common)
        yield Problem(first.start, first.end, f"attendee list mixes {_describe(counts)}")
        return
    else:
        return
    off = [entry for entry in entries if entry.form != target]
    if not off:
        return
    head, tail = _sample(text, entries, target)
    if len(off) <= (1 - _CLEAR_MAJORITY) * len(entries):
        others = len(entries) - len(off)
        for entry in off:
            edits = _edits(text, entry, target, head, tail)
            yield Problem(
                entry.start,
                entry.end,
                f"attendee entry written “{FORMS[entry.form]}”, but {others} other entries "
                f"of this list write “{FORMS[target]}”",
                _fix(edits, target),
            )
        return
    off_counts = Counter(entry.form for entry in off)
    edits = [edit for entry in off for edit in _edits(text, entry, target, head, tail) or ()]
    uniform = len(off) == len(entries)
    written = "all" if uniform else f"{len(off)} of the {len(entries)}"
    yield Problem(
        off[0].start,
        off[0].end,
        f"{written} entries of this attendee list are written {_describe(off_counts, bare=True)}"
        f", but {why}",
        _fix(tuple(edits) or None, target),
        # a list consistent in itself only departs from the house style
        Severity.INFO if uniform and len(off_counts) == 1 else None,
    )


def _describe(counts: Counter[str], bare: bool = False) -> str:
    """ "12 “Name (Org)”, 3 “Name - Org” and 1 “Name [Org]”" (no counts for one form)."""
    if bare and len(counts) == 1:
        return f"“{FORMS[next(iter(counts))]}”"
    parts = [f"{count} “{FORMS[form]}”" for form, count in counts.most_common()]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]


def _fix(edits: tuple[Edit, ...] | None, target: str) -> Fix | None:
    if not edits:
        return None
    return Fix(edits, f"Write “{FORMS[target]}”", Applicability.SAFE)


# --- en dash or hyphen -------------------------------------------------------------------

_DASHES = {"-": "hyphen", "–": "en dash", "—": "em dash"}


def _dash_of(text: str, entry: AttendeeEntry) -> tuple[int, str] | None:
    """(offset, character) of the dash between the name and the organisation."""
    if entry.form not in ("dash", "dash-paren") or entry.org_start is None:
        return None
    between = text[entry.name_end : entry.org_start]
    for i, char in enumerate(between):
        if char in _DASHES:
            return entry.name_end + i, char
    return None


def _dashes(text: str, entries: list[AttendeeEntry]) -> Iterator[Problem]:
    """Entries of one list joined by an en dash next to entries joined by a hyphen."""
    found = [(entry, d) for entry in entries if (d := _dash_of(text, entry)) is not None]
    counts = Counter(char for _entry, (_pos, char) in found)
    if len(counts) < 2:
        return
    (common, common_count), *_ = counts.most_common()
    if common_count < _CLEAR_MAJORITY * len(found):
        first = next(entry for entry, (_pos, char) in found if char != common)
        described = " and ".join(f"{n} with {_DASHES[c]}" for c, n in counts.most_common())
        yield Problem(first.start, first.end, f"attendee list mixes dashes: {described}")
        return
    for entry, (pos, char) in found:
        if char == common:
            continue
        yield Problem(
            entry.start,
            entry.end,
            f"attendee entry joined by {_DASHES[char]} “{char}”, but {common_count} other "
            f"entries of this list use the {_DASHES[common]} “{common}”",
            Fix((Edit(pos, pos + 1, common),), f"Write the {_DASHES[common]}", Applicability.SAFE),
        )


# --- the preferred form ------------------------------------------------------------------


def _preferred(ctx: RuleContext) -> tuple[str, str] | None:
    """(form, why) from the ``preferred`` option, else from the corpus majority."""
    option = str(ctx.options["preferred"]).strip().lower()
    if option:
        form = _BY_NAME.get(option)
        if form is None:
            choices = ", ".join(FORMS)
            raise ConfigError(f"{CODE}: preferred must be one of {choices}, not {option!r}")
        return form, f"the configured form is “{FORMS[form]}”"
    if ctx.corpus is None:
        return None
    counts = corpus_forms(ctx.corpus)
    total = sum(counts.values())
    if not total:
        return None
    form, count = counts.most_common(1)[0]
    if count * 2 <= total:
        return None
    return form, f"the corpus mostly writes “{FORMS[form]}” ({count} of {total} entries)"


def corpus_forms(corpus: Corpus) -> Counter[str]:
    """How many attendee entries of the corpus are written in each form."""

    def build() -> Counter[str]:
        return Counter(
            form
            for entries in corpus.facts(attendees).values()
            for _name, org, _line, form in entries
            if org and form in FORMS
        )

    return corpus.memo(f"{CODE}.forms", build)


# --- rewriting an entry ------------------------------------------------------------------


def _sample(text: str, entries: list[AttendeeEntry], target: str) -> tuple[str, str]:
    """The separator and closing text of an entry of the list already in the target form."""
    for entry in entries:
        if entry.form != target or entry.org_start is None or entry.org_end is None:
            continue
        close_end = _close_end(text, entry)
        head = text[entry.name_end : entry.org_start]
        if close_end is not None and "\n" not in head and head.strip(_SPACE):
            return head, text[entry.org_end : close_end]
    return _HEAD[target], _TAIL[target]


def _close_end(text: str, entry: AttendeeEntry) -> int | None:
    """End of the closing parenthesis or bracket after the organisation (its end if none)."""
    assert entry.org_end is not None
    closer = _CLOSERS.get(entry.form)
    if closer is None:
        return entry.org_end
    pos = entry.org_end
    while pos < entry.end and text[pos] in _SPACE:
        pos += 1
    return pos + 1 if pos < entry.end and text[pos] == closer else None


def _reads_like_org(org: str) -> bool:
    """Whether a parenthesis holds an organisation rather than a note ("joined late")."""
    return sum(1 for word in org.split() if word.isalpha() and word.islower() and len(word) > 4) < 2


def _edits(
    text: str, entry: AttendeeEntry, target: str, head: str, tail: str
) -> tuple[Edit, ...] | None:
    """Edits that write ``entry`` in the ``target`` form, or None when that is not safe."""
    if target == "comma" or entry.org is None or entry.org_start is None:
        return None
    if entry.org_end is None:
        return None
    close_end = _close_end(text, entry)
    if close_end is None:
        return None
    if target in ("dash", "bracket"):
        notes = text[close_end : entry.end].strip(_SPACE)
        nested = "(" in text[entry.start : entry.name_end] or any(c in entry.org for c in "()[],;")
        if notes or nested or not _reads_like_org(entry.org):
            return None
    return (
        Edit(entry.name_end, entry.org_start, head),
        Edit(entry.org_end, close_end, tail),
    )
