"""Plant name errors into copies of real minutes and see whether the people rules catch them.

A small cast of made-up people and organisations is first written into the attendee lists
of a few real documents of one archive (replacing real entries, so each list keeps its own
form), which makes them known to the corpus.  Then each kind of error is planted into
another real document, and the people rules run over that document with the whole archive
as the corpus.  A plant is caught when a diagnostic of one of the expected codes starts on
the planted line, within the planted attendee entry when the error is in a list (lists
are often one long line).  Used by ``tests/test_planted_people.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from minutes_lint.rules import (
    attendee_name_variant,
    duplicate_attendee,
    malformed_attendee_entry,
    maybe_present,
    mixed_attendee_format,
    name_typo_in_prose,
    organisation_near_miss,
    organisation_variant,
)

from minutes_lint.attendees import AttendeeEntry, AttendeeList
from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus
from minutes_lint.document import Document
from minutes_lint.engine import Engine
from minutes_lint.registry import load_rules

RULES = [
    attendee_name_variant,
    malformed_attendee_entry,
    mixed_attendee_format,
    duplicate_attendee,
    organisation_near_miss,
    organisation_variant,
    name_typo_in_prose,
    maybe_present,
]

# made-up people: (given, family, organisation)
CAST = [
    ("Hildegard", "Oberhauser", "Quillfeather Labs"),
    ("Iñaki", "Zubiaurre", "Vantexa Systems"),
    ("Thorvald", "Brekkenstad", "Duskline Trust Services"),
    ("Anne-Maree", "Coldwater", "Quillfeather Labs"),
    ("Pieter", "van Oosterwijk", "Duskline Trust Services"),
    ("Ines", "Carvalho Duarte", "Vantexa Systems"),
]
SEEDS = 6  # documents that list the cast
MIN_SEEDS = 3  # in a small archive


@dataclass
class Plant:
    kind: str
    text: str  # the planted document
    line: int  # 1-based line of the planted error
    codes: tuple[str, ...]
    at: int | None  # offset of the planted error in an attendee list of ``text``


@dataclass
class Result:
    plants: int = 0
    caught: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [caught, planted]
    missed: list[str] = field(default_factory=list)


def usable_list(doc: Document, with_org: bool) -> AttendeeList | None:
    """The first attendee list with enough parsed entries (with organisations if asked)."""
    for attendee_list in doc.attendee_lists:
        entries = _entries(attendee_list, with_org)
        if len(entries) >= max(len(CAST), 4) and (not with_org or len(entries) >= 5):
            return attendee_list
    return None


def _entries(attendee_list: AttendeeList, with_org: bool) -> list[AttendeeEntry]:
    return [
        e
        for e in attendee_list.entries
        if e.problem is None
        and e.name
        and "\n" not in e.raw
        and (not with_org or (e.org_start is not None and e.form == "paren"))
    ]


def _replace(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def seed(doc: Document, with_org: bool) -> str | None:
    """The document with the cast written over its first entries."""
    attendee_list = usable_list(doc, with_org)
    if attendee_list is None:
        return None
    entries = _entries(attendee_list, with_org)
    edits = []
    for entry, (given, family, org) in zip(entries, CAST, strict=False):
        edits.append((entry.name_start, entry.name_end, f"{given} {family}"))
        if with_org and entry.org_start is not None and entry.org_end is not None:
            edits.append((entry.org_start, entry.org_end, org))
    return _replace(doc.text, edits)


def _transpose(word: str, at: int) -> str:
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


# --- the kinds of planted errors ----------------------------------------------------------
# each takes the document, its usable list's entries and whether organisations are given,
# and returns (edits, offset of the planted error, expected codes) or None when it does not
# apply to this archive


Kind = Callable[
    [Document, list[AttendeeEntry], bool], tuple[list[tuple[int, int, str]], int, tuple[str, ...]]
]


def _name(entry: AttendeeEntry, name: str) -> tuple[int, int, str]:
    return entry.name_start, entry.name_end, name


def _org(entry: AttendeeEntry, org: str) -> tuple[int, int, str]:
    assert entry.org_start is not None and entry.org_end is not None
    return entry.org_start, entry.org_end, org


def _listed(entry: AttendeeEntry, person: int, with_org: bool, name: str | None = None):
    given, family, org = CAST[person]
    edits = [_name(entry, name or f"{given} {family}")]
    if with_org:
        edits.append(_org(entry, org))
    return edits


def _prose_end(doc: Document, sentence: str) -> tuple[list[tuple[int, int, str]], int]:
    end = len(doc.text.rstrip("\n"))
    addition = f"\n\n{sentence}\n"
    return [(end, len(doc.text), addition)], end + 2


KINDS: dict[str, Callable[..., object]] = {}


def kind(name: str, needs_org: bool = False):
    def wrap(fn):
        KINDS[name] = (fn, needs_org)
        return fn

    return wrap


@kind("attendee typo (substitution)")
def _sub(doc, entries, with_org):
    e = entries[1]
    return _listed(e, 0, with_org, "Hildegard Oberhausor"), e.name_start, ("AT001",)


@kind("attendee typo (transposition)")
def _trans(doc, entries, with_org):
    e = entries[1]
    return _listed(e, 2, with_org, "Thorvald Brekkensatd"), e.name_start, ("AT001",)


@kind("two edits in a long rare family name", needs_org=True)
def _two(doc, entries, with_org):
    e = entries[1]
    return _listed(e, 0, with_org, "Hildegard Obrehuaser"), e.name_start, ("AT001",)


@kind("name order")
def _order(doc, entries, with_org):
    e = entries[1]
    return _listed(e, 2, with_org, "Brekkenstad Thorvald"), e.name_start, ("AT001",)


@kind("diacritics dropped")
def _accents(doc, entries, with_org):
    e = entries[1]
    return _listed(e, 1, with_org, "Inaki Zubiaurre"), e.name_start, ("AT001",)


@kind("hyphen and space variant")
def _hyphen(doc, entries, with_org):
    e = entries[1]
    return _listed(e, 3, with_org, "AnneMaree Coldwater"), e.name_start, ("AT001",)


@kind("initial for the given name", needs_org=True)
def _initial(doc, entries, with_org):
    e = entries[1]
    return _listed(e, 2, with_org, "T. Brekkenstad"), e.name_start, ("AT001",)


@kind("case variant of a particle")
def _particle_case(doc, entries, with_org):
    e = entries[1]
    return _listed(e, 4, with_org, "Pieter Van Oosterwijk"), e.name_start, ("AT001",)


@kind("organisation typo in a list", needs_org=True)
def _org_typo(doc, entries, with_org):
    e = entries[1]
    edits = [_name(e, "Marguerite Fallowby"), _org(e, "Qiullfeather Labs")]
    return edits, e.org_start, ("AT006", "AT007")


@kind("organisation with a legal suffix", needs_org=True)
def _org_suffix(doc, entries, with_org):
    e = entries[1]
    edits = [_name(e, "Marguerite Fallowby"), _org(e, "Vantexa Systems, Inc.")]
    return edits, e.org_start, ("AT006", "AT007")


@kind("full name typo in prose")
def _prose(doc, entries, with_org):
    edits, at = _prose_end(doc, "Hildegard Oberhuaser presented the update.")
    return edits, at, ("PN001",)


@kind("particle name typo in prose")
def _prose_particle(doc, entries, with_org):
    edits, at = _prose_end(doc, "The plan from Pieter van Oosterwjik was accepted.")
    return edits, at, ("PN001",)


@kind("case typo in prose")
def _prose_case(doc, entries, with_org):
    edits, at = _prose_end(doc, "Then Thorvald BRekkenstad asked about the schedule.")
    return edits, at, ("PN001",)


@kind("given name typo before a speech verb")
def _speaker(doc, entries, with_org):
    e = entries[1]
    edits = _listed(e, 0, with_org)
    more, at = _prose_end(doc, "Hildegrad noted that the draft is ready.")
    return edits + more, at, ("PN001",)


@kind("organisation typo in prose", needs_org=True)
def _prose_org(doc, entries, with_org):
    edits, at = _prose_end(doc, "Duskline Trust Serivces will send the report.")
    return edits, at, ("PN001",)


@kind("duplicate attendee")
def _duplicate(doc, entries, with_org):
    a, b = entries[1], entries[3]
    edits = _listed(a, 2, with_org) + _listed(b, 2, with_org)
    return edits, b.name_start, ("AT004",)


@kind("duplicate with a typo, same organisation", needs_org=True)
def _duplicate_typo(doc, entries, with_org):
    a, b = entries[1], entries[3]
    edits = _listed(a, 2, with_org) + _listed(b, 2, with_org, "Thorvald Brekkensatd")
    return edits, b.name_start, ("AT004", "AT001")


@kind("subset name, same organisation", needs_org=True)
def _subset(doc, entries, with_org):
    a, b = entries[1], entries[3]
    edits = _listed(a, 5, with_org) + _listed(b, 5, with_org, "Carvalho Duarte")
    return edits, b.start, ("AT002",)


@kind("given name only", needs_org=True)
def _given_only(doc, entries, with_org):
    e = entries[1]
    return _listed(e, 2, with_org, "Thorvald"), e.start, ("AT002",)


@kind("person as their own organisation", needs_org=True)
def _own_org(doc, entries, with_org):
    e = entries[1]
    edits = [_name(e, "Thorvald Brekkenstad"), _org(e, "Thorvald Brekkenstad")]
    return edits, e.start, ("AT002",)


@kind("organisation wrapped twice", needs_org=True)
def _wrapped(doc, entries, with_org):
    e = entries[1]
    edits = [_name(e, "Thorvald Brekkenstad"), _org(e, "Duskline Trust Services (Private person)")]
    return edits, e.start, ("AT002",)


@kind("padded organisation", needs_org=True)
def _padded(doc, entries, with_org):
    e = entries[1]
    edits = [_name(e, "Thorvald Brekkenstad"), _org(e, " Duskline Trust Services ")]
    return edits, e.start, ("AT002",)


def plants(doc: Document, with_org: bool) -> Iterator[Plant]:
    attendee_list = usable_list(doc, with_org)
    if attendee_list is None:
        return
    entries = _entries(attendee_list, with_org)
    for name, (fn, needs_org) in KINDS.items():
        if needs_org and not with_org:
            continue
        edits, at, codes = fn(doc, entries, with_org)
        text = _replace(doc.text, edits)
        # the offset moves by the edits before it
        shift = sum(len(new) - (end - start) for start, end, new in edits if end <= at)
        if name.endswith("prose") or "speech verb" in name:  # the sentence added at the end
            yield Plant(name, text, _line(text, len(text.rstrip("\n"))), codes, None)
        else:
            yield Plant(name, text, _line(text, at + shift), codes, at + shift)


def _span(doc: Document, plant: Plant) -> tuple[int, int]:
    """Where a diagnostic must start: the planted attendee entry, or anywhere on the line."""
    if plant.at is not None:
        for entry in doc.attendees:
            if entry.start <= plant.at <= entry.end:
                return entry.start, entry.end
    return 0, len(doc.text)


def measure(folder: Path, targets: int = 2) -> Result:
    """Plant every kind into ``targets`` documents of the archive in ``folder``."""
    paths = sorted(p for p in folder.rglob("*.md") if p.is_file())
    docs = [
        Document.from_text(p.read_text(encoding="utf-8", errors="replace"), str(p)) for p in paths
    ]
    with_org = sum(usable_list(d, True) is not None for d in docs) >= MIN_SEEDS + targets
    usable = [d for d in docs if usable_list(d, with_org) is not None]
    count = max(MIN_SEEDS, min(SEEDS, len(usable) - targets))
    seeds, chosen = usable[:: max(len(usable) // count, 1)][:count], []
    rest = [d for d in usable if d not in seeds]
    if rest:
        chosen = rest[len(rest) // 3 :: max(len(rest) // targets, 1)][:targets]
    rules = load_rules(RULES)
    engine = Engine(rules, Settings(root=folder), engine_codes=set())
    facts = engine.facts
    seeded = {}
    for d in seeds:
        text = seed(d, with_org)
        assert text is not None
        seeded[d.path] = Document.from_text(text, d.path)
    base = {}
    for d in docs:
        use = seeded.get(d.path, d)
        base[d.path] = {f.key: f.extract(use) for f in facts}
    result = Result()
    for target in chosen:
        for plant in plants(target, with_org):
            doc = Document.from_text(plant.text, target.path)
            values = dict(base)
            values[doc.path] = {f.key: f.extract(doc) for f in facts}
            engine.corpus = Corpus(
                {str(Path(p).relative_to(folder)): v for p, v in values.items()}, root=folder
            )
            found = engine.lint(doc)
            start, end = _span(doc, plant)
            hit = any(
                d.code in plant.codes and d.start.line == plant.line and start <= d.offset <= end
                for d in found
            )
            tally = result.by_kind.setdefault(plant.kind, [0, 0])
            tally[1] += 1
            result.plants += 1
            if hit:
                tally[0] += 1
                result.caught += 1
            else:
                near = [f"{d.code}@{d.start.line}" for d in found if d.code in plant.codes]
                result.missed.append(f"{plant.kind} in {target.path}:{plant.line} (saw {near})")
    return result
