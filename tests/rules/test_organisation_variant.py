"""Tests for AT007 organisation-variant."""

from __future__ import annotations

from pathlib import Path

import minutes_lint.rules.organisation_variant as rule
import pytest

from minutes_lint.diagnostics import Applicability
from minutes_lint.roster import Roster, parse_roster
from minutes_lint.testing import fix, lint, where

HEAD = "## Attendees\n\n"
MINE = HEAD + "Alice Moreau (Exampletrust), Bob Stone (Example Browser)\n"
OTHERS = {
    f"other-{i}.md": HEAD + f"Carol Diaz (Example-Trust), Dan Brook{i} (Example Browser)\n"
    for i in range(3)
}
ROSTER = {"organisations": [{"name": "Example-Trust", "aliases": ["Exampletrust"]}]}


TWO_WAYS = (
    HEAD + "Alice Moreau (Exampletrust), Bob Stone (Exampletrust), Erin Walsh (Example-Trust)\n"
)


def roster(data: dict[str, object] = ROSTER) -> Roster:
    return parse_roster(Path("minutes-roster.yaml"), data)


CASES = [
    # (id, text, other documents, expected (line, column) of each diagnostic)
    ("corpus-majority", MINE, OTHERS, [(3, 15)]),
    ("canonical-spelling", HEAD + "Alice Moreau (Example-Trust)\n", OTHERS, []),
    ("unknown-organisation", HEAD + "Alice Moreau (Other Org)\n", OTHERS, []),
    ("alone-in-the-corpus", MINE, {}, []),
    (
        # alone, AT007 reports it; with AT005 selected, the engine keeps AT005's finding
        "document-writes-it-two-ways",
        TWO_WAYS,
        OTHERS,
        [(3, 15)],
    ),
    (
        "apostrophes",
        HEAD + "Alice Moreau (Example’s Trust)\n",
        {"a.md": HEAD + "Carol Diaz (Example's Trust)\n", "b.md": HEAD + "Dan (Example's Trust)\n"},
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "others", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_where(text: str, others: dict[str, str], expected: list[tuple[int, int]]) -> None:
    assert where(lint(rule, text, others=others)) == expected


def test_corpus_majority_gives_counts_and_a_place() -> None:
    [diagnostic] = lint(rule, MINE, others=OTHERS)
    assert diagnostic.message == (
        "organisation “Exampletrust” is written “Example-Trust” 3 times in the corpus "
        "(e.g. other-0.md:3), “Exampletrust” once"
    )
    assert diagnostic.fix is not None
    assert diagnostic.fix.applicability is Applicability.UNSAFE
    assert fix(rule, MINE, others=OTHERS) == MINE
    assert fix(rule, MINE, others=OTHERS, unsafe=True) == MINE.replace(
        "Exampletrust", "Example-Trust"
    )


def test_tie_has_no_fix() -> None:
    others = {"other.md": HEAD + "Carol Diaz (Example-Trust)\n"}
    [diagnostic] = lint(rule, MINE, others=others)
    assert diagnostic.message.endswith("(a tie)")
    assert diagnostic.fix is None


def test_roster_alias_is_fixed_safely() -> None:
    [diagnostic] = lint(rule, MINE, roster=roster())
    assert diagnostic.message == (
        "organisation “Exampletrust” is an alias in the roster of “Example-Trust”"
    )
    assert fix(rule, MINE, roster=roster()) == MINE.replace("Exampletrust", "Example-Trust")


def test_roster_spelling_by_key_is_unsafe() -> None:
    text = HEAD + "Alice Moreau (EXAMPLE-TRUST), Bob Stone (Example Browser)\n"
    [diagnostic] = lint(rule, text, roster=roster())
    assert (
        diagnostic.message
        == "organisation “EXAMPLE-TRUST” is spelled in the roster “Example-Trust”"
    )
    assert diagnostic.fix is not None
    assert diagnostic.fix.applicability is Applicability.UNSAFE


def test_roster_wins_over_the_corpus_majority() -> None:
    others = {f"o{i}.md": HEAD + f"Carol{i} Diaz (Exampletrust)\n" for i in range(4)}
    text = HEAD + "Alice Moreau (Example-Trust)\n"
    assert lint(rule, text, others=others, roster=roster()) == []


def test_every_entry_of_the_spelling_is_fixed_together() -> None:
    text = HEAD + "Alice Moreau (Exampletrust), Bob Stone (Exampletrust)\n"
    [diagnostic] = lint(rule, text, others=OTHERS)
    assert "(and 1 more time here)" in diagnostic.message
    fixed = fix(rule, text, others=OTHERS, unsafe=True)
    assert fixed == text.replace("Exampletrust", "Example-Trust")


def test_the_engine_keeps_the_more_specific_finding_when_both_rules_run() -> None:
    import minutes_lint.rules.organisation_spelled_two_ways as at005

    from minutes_lint.config import Settings
    from minutes_lint.corpus import Corpus
    from minutes_lint.document import Document
    from minutes_lint.engine import Engine
    from minutes_lint.registry import load_rules

    def codes(modules: list[object]) -> list[tuple[str, int, int]]:
        docs = [Document.from_text(text, path) for path, text in OTHERS.items()]
        doc = Document.from_text(TWO_WAYS, "minutes.md")
        engine = Engine(load_rules(modules), Settings(root=Path.cwd()), engine_codes=set())
        engine.corpus = Corpus.from_documents([*docs, doc], engine.facts)
        return [(d.code, d.start.line, d.start.column) for d in engine.lint(doc)]

    assert codes([rule]) == [("AT007", 3, 15)]
    both = codes([rule, at005])
    assert [c for c in both if c[0] == "AT007"] == []
    assert ("AT005", 3, 15) in both or any(c[0] == "AT005" for c in both)


def _list(entries: str) -> str:
    return f"## Attendees\n\n{entries}\n"


def test_legal_suffix_is_the_same_organisation() -> None:
    others = {
        f"{i}.md": _list(f"{n} (Vigil Quill LLC)") for i, n in enumerate(["Ada Noor", "Bo Tran"])
    }
    found = lint(rule, _list("Cy Dale (Vigil Quill)"), others=others)
    assert len(found) == 1 and "“Vigil Quill LLC”" in found[0].message


def test_rare_typo_of_a_frequent_organisation() -> None:
    names = ["Ada Noor", "Bo Tran", "Cy Dale", "Di Fenn", "Ed Lum"]
    others = {f"{i}.md": _list(f"{n} (Trustquill)") for i, n in enumerate(names)}
    found = lint(rule, _list("Fay Orr (Trsutquill)"), others=others)
    assert len(found) == 1 and "misspelling of “Trustquill”" in found[0].message
    assert "(Trustquill)" in fix(rule, _list("Fay Orr (Trsutquill)"), others=others, unsafe=True)
