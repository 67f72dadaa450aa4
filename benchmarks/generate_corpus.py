"""Generate a synthetic corpus of meeting minutes for benchmarking minutes-lint.

Usage::

    python benchmarks/generate_corpus.py OUT_DIR --documents N [--seed S]

Writes N Hugo-style minutes documents under ``OUT_DIR/content/posts/YYYY/``, each with
YAML front matter (title, date, tags, type), numbered sections, discussion paragraphs
that mention attendees, ballot ids, a next-meeting line and an attendee list.

Every name, organisation and group comes from the invented word lists below. The pool
of people grows roughly with ``N ** 0.6`` (about 200 people for 1,000 documents, a few
thousand for 100,000), so name statistics stay realistic at every size. A small share
of documents carries realistic defects (a misspelt surname, a dropped diacritic, a
weekday that does not match the date, ...); ``--manifest`` writes a TSV of them.

The output is a pure function of ``(N, seed, defect rate)``: the same arguments give
byte-identical files.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import os
import random
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

# --------------------------------------------------------------------------- word lists

# fmt: off
GIVEN_NAMES: tuple[str, ...] = (
    "Adaeze", "Aiko", "Alejandro", "Amara", "Anaïs", "Anders", "Aniela", "Arjun", "Astrid",
    "Aurelio", "Bao", "Beatriz", "Björn", "Bongani", "Brígida", "Camille", "Caoimhe",
    "Chiamaka", "Chiara", "Cosmin", "Dagny", "Dalia", "Darius", "Dilnoza", "Dmitri", "Eero",
    "Efua", "Elif", "Émile", "Emeka", "Esperanza", "Farida", "Fatou", "Femke", "Florin",
    "François", "Gaspard", "Giedre", "Gioia", "Gustavo", "Hana", "Hanne", "Haruto",
    "Hélène", "Henrik", "Hiroko", "Idris", "Ilse", "Imogen", "Inés", "Ingvild", "Ioana",
    "Isandro", "Itzel", "Jadwiga", "Jarrah", "Jens", "Jiho", "Joaquín", "Jorunn", "Kalani",
    "Kamala", "Kasimir", "Keanu", "Keiko", "Kerstin", "Kofi", "Laleh", "Leilani", "Léon",
    "Liesel", "Linnea", "Lorcan", "Luana", "Łukasz", "Maëlle", "Mahsa", "Malak", "Marisol",
    "Matías", "Mehmet", "Meiling", "Mirela", "Miyu", "Nadia", "Naledi", "Nathaniel",
    "Niamh", "Nikolai", "Nilufar", "Noor", "Océane", "Odhiambo", "Olamide", "Oskar",
    "Paavo", "Pania", "Paola", "Pilar", "Priya", "Quirin", "Radomir", "Rafaela", "Rashida",
    "Reza", "Rohan", "Rosalind", "Rúben", "Sabine", "Sakura", "Salma", "Saoirse",
    "Sebastián", "Selin", "Siddharth", "Sigrún", "Simone", "Sinéad", "Solveig", "Søren",
    "Sunniva", "Tadeusz", "Takumi", "Tamsin", "Tariq", "Teodora", "Thandiwe", "Thiago",
    "Tomás", "Torvald", "Ulrike", "Uzoma", "Valentina", "Vasco", "Vesna", "Wairimu",
    "Wanjiru", "Wenona", "Xiomara", "Yaroslav", "Yasmin", "Yesenia", "Yoshimi", "Zainab",
    "Zdeněk", "Zeynep", "Zoë", "Zofia", "Ambrose", "Briony", "Cyprian", "Delphine",
    "Evander", "Fiorella", "Gwendolyn", "Horatio", "Isolde", "Jovan", "Kiri", "Lysander",
)

FAMILY_NAMES: tuple[str, ...] = (
    "Abernathy", "Achterberg", "Adeyemi", "Agbaje", "Alvarenga", "Amundsen", "Arslan",
    "Asantewaa", "Bachmeier", "Balogun", "Barraclough", "Benedetti", "Bergström",
    "Bianchetti", "Błaszczyk", "Bouchard", "Brennagh", "Cárdenas", "Castellanos",
    "Chakraborty", "Chaudhry", "Chidozie", "Čolić", "Cunningham", "Dabrowska", "Dalgaard",
    "Delacroix", "Desrosiers", "Dimitrakopoulos", "Donnachie", "Drozdov", "Dufresne",
    "Ekwueme", "Engebretsen", "Esposito", "Etxeberria", "Fairweather", "Falkenrath",
    "Fernández", "Fitzgerald", "Fonseca", "Fujiwara", "Gallardo", "Garibaldi",
    "Gebremedhin", "Giordano", "Gonçalves", "Grünewald", "Gulbrandsen", "Gyllenhammar",
    "Hakobyan", "Halvorsen", "Hashemi", "Hayashida", "Henriquez", "Holmgren", "Hrabal",
    "Ibekwe", "Ichikawa", "Iglesias", "Ivanova", "Jablonski", "Jaramillo", "Järvinen",
    "Jovanović", "Kaczmarek", "Kahananui", "Kamara", "Karlsson", "Kawaguchi", "Keskinen",
    "Khumalo", "Kiplagat", "Kirchner", "Kovalenko", "Krishnamurthy", "Kurosawa", "Lachance",
    "Lafontaine", "Larrañaga", "Lindahl", "Ljungberg", "Lombardi", "Lozano", "Machado",
    "Magnusson", "Makarova", "Malinverni", "Marchetti", "Matsumura", "Mbeki", "McAllister",
    "Medeiros", "Mendoza", "Mikkelsen", "Moreau", "Mukherjee", "Mwangi", "Nakashima",
    "Nascimento", "Ndlovu", "Nieminen", "Nkemelu", "Novaković", "Nowicki", "Nyström",
    "Obradović", "O'Callaghan", "Ødegaard", "Okafor", "Okonjo", "Olabode", "Olivares",
    "Onyango", "Ortega", "Østergaard", "Palmquist", "Papadakis", "Paredes", "Pellegrino",
    "Pereira", "Petrescu", "Pham", "Piątek", "Quintanilla", "Radovanović", "Ramaswamy",
    "Rautavaara", "Ravensworth", "Rezaei", "Riedl", "Rodela", "Rønning", "Rosenthal",
    "Rousseau", "Sæther", "Sakaguchi", "Salazar", "Sandoval", "Santangelo", "Schöneberg",
    "Segerstedt", "Songhurst", "Shevchenko", "Shimizu", "Sigurðsson", "Silvestri", "Sokolova",
    "Soriano", "Stavropoulos", "Stojanović", "Strandberg", "Suleiman", "Szabó", "Takahara",
    "Tamayo", "Tanaka", "Tavares", "Thorvaldsen", "Tomaszewski", "Torvik", "Trần",
    "Tremblay", "Udeh", "Umarov", "Uribe", "Valdivia", "Vasquez", "Vidmar", "Villanueva",
    "Virtanen", "Vukovich", "Wachowski", "Wahlberg", "Wakefield", "Watanuki", "Weatherby",
    "Wiśniewska", "Wojciechowski", "Xiong", "Yamaguchi", "Yanagida", "Yilmaz", "Yoshikawa",
    "Zamora", "Zapata", "Zieliński", "Žukauskas", "Zwanenburg", "Aldana", "Bakshi",
    "Castellano", "Dunleavy", "Espinoza", "Fairbairn", "Gwynedd", "Hallström", "Ikeda",
    "Jorgensen", "Kowalewski", "Lindqvist", "Mahlangu", "Nakagawa", "Oyelaran", "Petrovska",
    "Quist", "Rautio", "Sorensen", "Thackeray", "Underhill", "Vasilescu", "Whitcombe",
    "Yeboah", "Zaragoza", "Acheampong", "Brannigan", "Cvetković", "Dziedzic",
)

ORG_STEMS: tuple[str, ...] = (
    "Northwind", "Bluefjord", "Cedarline", "Halvard", "Kestrel", "Meridian", "Solstice",
    "Tidewater", "Ironbark", "Quillon", "Larkspur", "Brightmoor", "Copperleaf", "Driftwood",
    "Eastgate", "Falconridge", "Glenhaven", "Harborview", "Juniper", "Kingsmere",
    "Lindenhall", "Marblehead", "Nightjar", "Oakhurst", "Pinecrest", "Ravenholm",
    "Silverbirch", "Thornbury", "Umberfield", "Valemont", "Westmarch", "Yarrowdale",
    "Zephyrine", "Amberlight", "Stonebridge", "Wrenfield", "Aldermoor", "Bramblewick",
    "Coldharbour", "Duskwater",
)

ORG_KINDS: tuple[str, ...] = (
    "Trust Services", "PKI", "Certification Authority", "Digital Identity",
    "Secure Systems", "Labs", "Browser Project", "Registry", "Networks", "CA",
    "Trust Center", "Signing Services", "Software AS", "Telecom",
)

# A few organisations whose names carry parentheses or diacritics, as real lists do.
ODD_ORGS: tuple[str, ...] = (
    "Halvard Group (Quillon CA)", "Société Numérique Sûre",
    "Kestrel Data Systems SA (Eastgate)", "Øresund Tillid",
)

GROUP_TOPICS: tuple[str, ...] = (
    "Timestamping", "Device Identity", "Document Signing", "Email Trust", "Code Integrity",
    "Root Program", "Transparency Log", "Validation Practices", "Network Security",
    "Revocation", "Key Ceremony", "Audit Criteria", "Domain Validation",
    "Identity Proofing", "Certificate Profiles", "Crypto Agility", "Post-Quantum Migration",
    "Hardware Token", "Web Trust", "Qualified Signature", "Automation", "Policy Review",
    "Incident Response", "Archival Signing", "Vehicle Identity", "Payment Credentials",
    "Mobile Credentials", "Private Trust", "Registration Authority", "Key Management",
    "Time Source", "Naming", "Interoperability", "Ledger Anchoring", "Smart Card",
    "Federated Trust", "Client Authentication", "Object Signing", "Public Sector Trust",
    "Metadata Quality",
)

GROUP_KINDS: tuple[str, ...] = (
    "Working Group", "Subcommittee", "Task Force", "Steering Committee", "Forum",
)

# fmt: on

DISCUSSION_TOPICS: tuple[str, ...] = (
    "certificate lifetimes",
    "revocation reason codes",
    "audit report formats",
    "time-stamp accuracy",
    "status responder retirement",
    "algorithm agility",
    "name constraints",
    "subject attribute validation",
    "incident reporting",
    "trust list updates",
    "module attestation",
    "key generation ceremonies",
    "delegated validation",
    "multi-perspective checks",
    "profile linting",
    "pseudonymous subjects",
    "record retention",
    "ballot drafting guidelines",
    "the charter revision",
    "the glossary clean-up",
    "the effective date table",
    "test certificate hosting",
    "registration identifiers",
    "reuse of validation data",
)

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

DEFECT_KINDS: tuple[str, ...] = (
    "surname-typo",
    "family-name-first",
    "diacritic-dropped",
    "org-typo",
    "weekday-mismatch",
    "wrong-year",
    "skipped-section",
    "placeholder",
    "trailing-whitespace",
    "prose-name-typo",
)

_NON_DECOMPOSABLE = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ð": "d", "Ð": "D", "æ": "ae", "Æ": "Ae"}
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
DEFAULT_DEFECT_RATE = 0.03
MEETINGS_PER_GROUP = 400

# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Person:
    """A member of the synthetic community."""

    given: str
    family: str
    org: str

    @property
    def full(self) -> str:
        """The name as written in attendee lists and prose."""
        return f"{self.given} {self.family}"


@dataclass(frozen=True)
class Group:
    """A standing group that meets every two weeks."""

    name: str
    abbrev: str
    slug: str
    tag: str
    ballot_prefix: str
    roster: tuple[Person, ...]
    start: int  # ordinal of the first meeting
    meetings: int
    sections: tuple[str, ...]
    time_line: str


@dataclass
class CorpusStats:
    """What a generation run produced."""

    documents: int = 0
    people: int = 0
    organisations: int = 0
    groups: int = 0
    bytes_written: int = 0
    seconds: float = 0.0
    defects: list[tuple[str, str, str]] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers


def pool_size(documents: int) -> int:
    """Number of distinct people for a corpus of ``documents`` (~200 at 1,000)."""
    return max(80, round(3.2 * documents**0.6))


def strip_diacritics(text: str) -> str:
    """Return ``text`` with every diacritic removed ("Søren Čolić" -> "Soren Colic")."""
    decomposed = unicodedata.normalize("NFD", text.translate(_NON_DECOMPOSABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def misspell(word: str, rng: random.Random) -> str:
    """Return ``word`` changed by exactly one edit (substitute, delete or insert a letter).

    The first letter is kept so the word still sorts and capitalises the same way.
    """
    for _ in range(20):
        pos = rng.randrange(1, len(word)) if len(word) > 1 else 1
        op = rng.randrange(3)
        letter = rng.choice(_LETTERS)
        if op == 0 and pos < len(word):
            candidate = word[:pos] + letter + word[pos + 1 :]
        elif op == 1 and len(word) > 3 and pos < len(word):
            candidate = word[:pos] + word[pos + 1 :]
        else:
            candidate = word[:pos] + letter + word[pos:]
        if candidate != word:
            return candidate
    return word + "e"


def long_date(day: dt.date, *, weekday: str | None = None, year: int | None = None) -> str:
    """Format ``day`` as "Month D, YYYY", optionally prefixed with a weekday name."""
    text = f"{MONTHS[day.month - 1]} {day.day}, {day.year if year is None else year}"
    return f"{weekday}, {text}" if weekday else text


def short_date(day: dt.date) -> str:
    """Format ``day`` as "Month D"."""
    return f"{MONTHS[day.month - 1]} {day.day}"


def slugify(text: str) -> str:
    """Lower-case ASCII slug with hyphens ("Post-Quantum Migration" -> "post-quantum-migration")."""
    out = []
    for ch in strip_diacritics(text).lower():
        out.append(ch if ch.isalnum() else "-")
    return "-".join(part for part in "".join(out).split("-") if part)


# --------------------------------------------------------------------------- world


def _name_key(person: Person) -> tuple[str, str]:
    """Attendee lists are sorted by given name, then family name."""
    return (person.given, person.family)


def make_orgs(count: int, rng: random.Random) -> list[str]:
    """Pick ``count`` distinct invented organisation names."""
    combos = [f"{stem} {kind}" for stem in ORG_STEMS for kind in ORG_KINDS]
    count = min(count, len(combos))
    orgs = rng.sample(combos, count - len(ODD_ORGS)) + list(ODD_ORGS)
    rng.shuffle(orgs)
    return orgs


def make_people(count: int, orgs: Sequence[str], rng: random.Random) -> list[Person]:
    """Pick ``count`` people with distinct names; organisation sizes are skewed."""
    count = min(count, len(GIVEN_NAMES) * len(FAMILY_NAMES))
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(orgs))]
    chosen_orgs = rng.choices(orgs, weights=weights, k=count)
    people = []
    for index, org in zip(
        rng.sample(range(len(GIVEN_NAMES) * len(FAMILY_NAMES)), count), chosen_orgs, strict=True
    ):
        given, family = divmod(index, len(FAMILY_NAMES))
        people.append(Person(GIVEN_NAMES[given], FAMILY_NAMES[family], org))
    return people


def make_groups(documents: int, people: Sequence[Person], rng: random.Random) -> list[Group]:
    """Split ``documents`` meetings over enough groups to keep each history plausible."""
    combos = [(topic, kind) for topic in GROUP_TOPICS for kind in GROUP_KINDS]
    wanted = max(3, -(-documents // MEETINGS_PER_GROUP))
    count = min(wanted, len(combos), max(documents, 1))
    names = rng.sample(combos, count)
    roster_size = min(len(people), max(70, len(people) * 3 // 10))
    last_day = dt.date(2025, 6, 30).toordinal()
    groups = []
    for index, (topic, kind) in enumerate(names):
        name = f"{topic} {kind}"
        meetings = documents // count + (1 if index < documents % count else 0)
        words = name.replace("-", " ").split()
        abbrev = "".join(word[0] for word in words).upper()
        end = last_day - rng.randrange(0, 300)
        end -= (dt.date.fromordinal(end).weekday() - rng.randrange(5)) % 7  # a weekday
        groups.append(
            Group(
                name=name,
                abbrev=abbrev,
                slug=slugify(name),
                tag=topic,
                ballot_prefix=(abbrev + "X")[:2],
                roster=tuple(sorted(rng.sample(list(people), roster_size), key=_name_key)),
                start=end - 14 * max(meetings - 1, 0),
                meetings=meetings,
                sections=_group_sections(rng),
                time_line=rng.choice(
                    (
                        "at 11:00 am Eastern",
                        "at 16:00 UTC",
                        "at 8:00 am Pacific",
                        "at 15:30 CET",
                    )
                ),
            )
        )
    return groups


def _group_sections(rng: random.Random) -> tuple[str, ...]:
    """The agenda a group follows, with its own wording."""
    sections = [
        rng.choice(("Roll Call", "Roll call", "Attendance")),
        rng.choice(("Read Antitrust Statement", "Note Well: Antitrust / Compliance Statement")),
        rng.choice(("Review Agenda", "Agenda Review")),
        rng.choice(("Approval of Past Minutes", "Approval of minutes from last teleconference")),
    ]
    if rng.random() < 0.5:
        sections.append("Membership")
    sections += [
        rng.choice(("Discussion", "Discussion Topics")),
        rng.choice(("Ballot Status", "Ballot Status Updates")),
        rng.choice(("Next Meeting", "Next call")),
        rng.choice(("Any Other Business", "Any other business")),
        rng.choice(("Adjourn", "Adjournment")),
    ]
    return tuple(sections)


# --------------------------------------------------------------------------- documents

_SENTENCES: tuple[str, ...] = (
    (
        "{a} presented an update on {topic}. {b} asked whether the change would affect "
        "existing subscribers, and {ag} agreed to circulate a revised draft before the next call."
    ),
    "The group reviewed Ballot {ballot} on {topic}. {a} and {b} agreed to endorse it.",
    "{a} reported that {org} had completed its internal review of {topic}.",
    "{a} noted that the proposal on {topic} still needs a second endorser; {b} volunteered.",
    "{a} raised a question about {topic}. {b} said the editors would follow up on the list.",
    (
        "Discussion of Ballot {ballot} continued. {a} summarised the comments received so far, "
        "and {b} suggested splitting the clean-up items into a separate ballot."
    ),
    (
        "{a} shared a draft on {topic} and asked for review by the end of the month. "
        "{bg} offered to check the effective dates."
    ),
)


@dataclass
class _Draft:
    """The mutable parts of one document while defects are applied."""

    attendees: list[list[str]]  # [given, family, org]
    paragraphs: list[str]
    numbers: list[int]
    date_line: str
    scribe: str


def _discussion(group: Group, people: Sequence[Person], rng: random.Random) -> list[str]:
    """Two to five discussion bullets mentioning attendees by name."""
    out = []
    for _ in range(rng.randint(2, 5)):
        a, b = rng.sample(people, 2)
        text = rng.choice(_SENTENCES).format(
            a=a.full,
            b=b.full,
            ag=a.given,
            bg=b.given,
            org=a.org,
            topic=rng.choice(DISCUSSION_TOPICS),
            ballot=f"{group.ballot_prefix}{rng.randrange(1, 200):03d}",
        )
        out.append(f"* {text}")
    return out


def _ballot_lines(group: Group, rng: random.Random) -> list[str]:
    """A short ballot status list."""
    first = rng.randrange(1, 190)
    voting = "none" if rng.random() < 0.5 else f"Ballot {group.ballot_prefix}{first + 1:03d}"
    return [
        f"* In discussion period: Ballot {group.ballot_prefix}{first + 2:03d}",
        f"* In voting period: {voting}",
        f"* Approved: Ballot {group.ballot_prefix}{first:03d}",
    ]


def _apply_defects(
    draft: _Draft, kinds: Sequence[str], day: dt.date, rng: random.Random
) -> list[tuple[str, str]]:
    """Inject the chosen defects into ``draft``; return (kind, detail) for each applied."""
    applied = []
    for kind in kinds:
        detail = _apply_one(draft, kind, day, rng)
        if detail is not None:
            applied.append((kind, detail))
    return applied


def _apply_one(draft: _Draft, kind: str, day: dt.date, rng: random.Random) -> str | None:
    """Inject one defect; return a short description, or None if it did not apply."""
    entry = rng.choice(draft.attendees)
    if kind == "surname-typo":
        old = entry[1]
        entry[1] = misspell(old, rng)
        return f"{old} -> {entry[1]}"
    if kind == "family-name-first":
        entry[0], entry[1] = entry[1], entry[0]
        return f"{entry[0]} {entry[1]}"
    if kind == "diacritic-dropped":
        accented = [e for e in draft.attendees if not f"{e[0]}{e[1]}".isascii()]
        if not accented:
            return None
        entry = rng.choice(accented)
        old = f"{entry[0]} {entry[1]}"
        entry[0], entry[1] = strip_diacritics(entry[0]), strip_diacritics(entry[1])
        return f"{old} -> {entry[0]} {entry[1]}"
    if kind == "org-typo":
        stem, _, rest = entry[2].partition(" ")
        old = entry[2]
        entry[2] = f"{misspell(stem, rng)} {rest}".rstrip()
        return f"{old} -> {entry[2]}"
    if kind == "weekday-mismatch":
        wrong = WEEKDAYS[(day.weekday() + rng.randint(1, 6)) % 7]
        draft.date_line = long_date(day, weekday=wrong)
        return draft.date_line
    if kind == "wrong-year":
        year = day.year + rng.choice((-1, 1))
        draft.date_line = long_date(day, year=year)
        return draft.date_line
    if kind == "skipped-section":
        at = rng.randrange(1, len(draft.numbers) - 1)
        draft.numbers[at:] = [n + 1 for n in draft.numbers[at:]]
        return f"{draft.numbers[at - 1]} -> {draft.numbers[at]}"
    if kind == "placeholder":
        draft.scribe = "XXX"
        return "Minutes provided by XXX."
    if kind == "trailing-whitespace":
        at = rng.randrange(len(draft.paragraphs))
        draft.paragraphs[at] += rng.choice((" ", "  ", "\t"))
        return f"discussion bullet {at + 1} and the Attendees heading"
    if kind == "prose-name-typo":
        return _prose_typo(draft, rng)
    raise ValueError(f"unknown defect kind: {kind}")


def _prose_typo(draft: _Draft, rng: random.Random) -> str | None:
    """Misspell the family name of one person mentioned in the discussion."""
    mentioned = [
        (i, e)
        for i, p in enumerate(draft.paragraphs)
        for e in draft.attendees
        if f"{e[0]} {e[1]}" in p
    ]
    if not mentioned:
        return None
    at, entry = rng.choice(mentioned)
    old = f"{entry[0]} {entry[1]}"
    new = f"{entry[0]} {misspell(entry[1], rng)}"
    draft.paragraphs[at] = draft.paragraphs[at].replace(old, new, 1)
    return f"{old} -> {new}"


def render_document(
    group: Group,
    index: int,
    rng: random.Random,
    defect_rate: float = DEFAULT_DEFECT_RATE,
) -> tuple[str, str, list[tuple[str, str]]]:
    """Render meeting ``index`` of ``group``; return (relative path, text, defects)."""
    day = dt.date.fromordinal(group.start + 14 * index)
    k = rng.randint(15, min(60, len(group.roster)))
    present = [group.roster[i] for i in sorted(rng.sample(range(len(group.roster)), k))]
    draft = _Draft(
        attendees=[[p.given, p.family, p.org] for p in present],
        paragraphs=_discussion(group, present, rng),
        numbers=list(range(1, len(group.sections) + 1)),
        date_line=long_date(day, weekday=WEEKDAYS[day.weekday()] if rng.random() < 0.3 else None),
        scribe=rng.choice(present).full,
    )
    if rng.random() < 0.1:
        guest = [rng.choice(GIVEN_NAMES), rng.choice(FAMILY_NAMES), "Guest"]
        bisect.insort(draft.attendees, guest, key=lambda e: (e[0], e[1]))
    kinds = [kind for kind in DEFECT_KINDS if rng.random() < defect_rate]
    defects = _apply_defects(draft, kinds, day, rng)
    text = _assemble(group, day, draft, rng)
    if any(kind == "trailing-whitespace" for kind, _ in defects):
        text = text.replace("\n## Attendees\n", "\n## Attendees  \n", 1)
    path = f"content/posts/{day.year}/{day.isoformat()}-minutes-{group.slug}.md"
    return path, text, defects


def _front_matter(group: Group, day: dt.date, scribe: str, rng: random.Random) -> list[str]:
    """YAML front matter: title, publication date, tags, type (author sometimes)."""
    published = day + dt.timedelta(days=rng.randrange(0, 21))
    roll = rng.random()
    if roll < 0.8:
        stamp = f"{published.isoformat()} 00:00:00"
    elif roll < 0.9:
        stamp = published.isoformat()
    else:
        stamp = f"{published.isoformat()} {rng.randrange(7, 20):02d}:{rng.randrange(60):02d}:00"
    suffix = " Teleconference" if rng.random() < 0.2 else ""
    lines = ["---", f"title: {day.isoformat()} Minutes of the {group.name}{suffix}"]
    if rng.random() < 0.3 and scribe != "XXX":
        lines.append(f"author: {scribe}")
    lines += [
        f"date: {stamp}",
        "tags:",
        "  - Minutes",
        f"  - {group.tag}",
        "type: post",
        "---",
    ]
    return lines


def _assemble(group: Group, day: dt.date, draft: _Draft, rng: random.Random) -> str:
    """Join front matter, numbered sections and the attendee list into one text."""
    attendee_line = ", ".join(f"{given} {family} ({org})" for given, family, org in draft.attendees)
    attendees = ["## Attendees", "", attendee_line, ""]
    lines = _front_matter(group, day, draft.scribe, rng)
    lines += [f"## Minutes of {group.abbrev}", "", draft.date_line, ""]
    lines += [
        (
            "These are the minutes of the meeting described in the title. Corrections and "
            "clarifications are welcome by reply."
        ),
        "",
    ]
    top = rng.random() < 0.2
    if top:
        lines += attendees
    next_day = day + dt.timedelta(days=14)
    for number, title in zip(draft.numbers, group.sections, strict=True):
        lines += [f"## {number}. {title}", ""]
        lines += _section_body(group, title, day, next_day, draft, rng)
    if not top:
        lines += attendees
    return "\n".join(lines)


def _section_body(
    group: Group,
    title: str,
    day: dt.date,
    next_day: dt.date,
    draft: _Draft,
    rng: random.Random,
) -> list[str]:
    """Body lines for one agenda section."""
    if title.startswith("Approval"):
        earlier = (day - dt.timedelta(days=28), day - dt.timedelta(days=14))
        return [
            f"The minutes of {short_date(earlier[0])} and {short_date(earlier[1])} were approved.",
            "",
            f"Minutes provided by {draft.scribe}.",
            "",
        ]
    if title == "Membership":
        return ["No new applications.", ""]
    if title.startswith("Discussion"):
        return [*draft.paragraphs, ""]
    if title.startswith("Ballot"):
        return [*_ballot_lines(group, rng), ""]
    if title.startswith("Next"):
        return [f"- {long_date(next_day)} {group.time_line}", ""]
    if title.startswith("Any"):
        return ["None.", ""]
    return []


# --------------------------------------------------------------------------- corpus


def generate_corpus(
    out_dir: str,
    documents: int,
    seed: int = 0,
    defect_rate: float = DEFAULT_DEFECT_RATE,
) -> CorpusStats:
    """Write ``documents`` minutes files under ``out_dir``; deterministic for ``seed``."""
    started = time.perf_counter()
    rng = random.Random(seed)
    people_count = pool_size(documents)
    orgs = make_orgs(max(12, people_count // 5), rng)
    people = make_people(people_count, orgs, rng)
    groups = make_groups(documents, people, rng) if documents > 0 else []
    stats = CorpusStats(people=len(people), organisations=len(orgs), groups=len(groups))
    made_dirs: set[str] = set()
    for group in groups:
        for index in range(group.meetings):
            rel, text, defects = render_document(group, index, rng, defect_rate)
            stats.bytes_written += _write(out_dir, rel, text, made_dirs)
            stats.documents += 1
            stats.defects.extend((rel, kind, detail) for kind, detail in defects)
    stats.seconds = time.perf_counter() - started
    return stats


def _write(out_dir: str, rel: str, text: str, made_dirs: set[str]) -> int:
    """Write one file, creating its folder once; return the bytes written."""
    path = os.path.join(out_dir, rel)
    folder = os.path.dirname(path)
    if folder not in made_dirs:
        os.makedirs(folder, exist_ok=True)
        made_dirs.add(folder)
    data = text.encode("utf-8")
    with open(path, "wb") as handle:
        handle.write(data)
    return len(data)


def write_manifest(path: str, stats: CorpusStats) -> None:
    """Write the injected defects as TSV: path, kind, detail."""
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("path\tkind\tdetail\n")
        handle.writelines(f"{rel}\t{kind}\t{detail}\n" for rel, kind, detail in stats.defects)


def build_parser() -> argparse.ArgumentParser:
    """The command line of the generator."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", metavar="OUT_DIR", help="folder to write the corpus into")
    parser.add_argument("--documents", "-n", type=int, required=True, help="number of documents")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--defect-rate",
        type=float,
        default=DEFAULT_DEFECT_RATE,
        help=f"chance of each defect kind per document (default {DEFAULT_DEFECT_RATE})",
    )
    parser.add_argument("--manifest", metavar="PATH", help="write the injected defects as TSV")
    parser.add_argument(
        "--force",
        action="store_true",
        help="write even if OUT_DIR/content already exists",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: parse arguments, generate, print a one-line summary."""
    args = build_parser().parse_args(argv)
    if args.documents < 0:
        print("error: --documents must be >= 0", file=sys.stderr)
        return 2
    content = os.path.join(args.out_dir, "content")
    if os.path.isdir(content) and os.listdir(content) and not args.force:
        print(
            f"error: {content} already exists (use --force or an empty folder)",
            file=sys.stderr,
        )
        return 2
    stats = generate_corpus(args.out_dir, args.documents, args.seed, args.defect_rate)
    if args.manifest:
        write_manifest(args.manifest, stats)
    print(
        f"wrote {stats.documents} documents ({stats.bytes_written / 1e6:.1f} MB, "
        f"{stats.people} people, {stats.organisations} organisations, {stats.groups} groups, "
        f"{len(stats.defects)} defects) to {args.out_dir} in {stats.seconds:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
