"""Tests for choosing, applying and repeating fixes."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutes_lint.diagnostics import (
    Applicability,
    Diagnostic,
    Edit,
    Fix,
    Position,
    Severity,
)
from minutes_lint.fixes.edits import (
    FixOutcome,
    apply_fixes,
    fix_until_stable,
    select_fix_indices,
    select_fixes,
)

UNSAFE = Applicability.UNSAFE


def fix(*edits: tuple[int, int, str], applicability: Applicability = Applicability.SAFE) -> Fix:
    """A fix made of ``(start, end, content)`` edits."""
    return Fix(tuple(Edit(*edit) for edit in edits), "fix", applicability)


def diagnostic(code: str, start: int, end: int, fixed: Fix | None) -> Diagnostic:
    """A diagnostic for a fake rule; positions do not matter to fixing."""
    where = Position(1, 1)
    return Diagnostic("doc.md", where, where, code, Severity.WARNING, code, fixed, start, end)


def always_parses(text: str) -> bool:
    """A parser that accepts everything."""
    return True


# --- fake rules ------------------------------------------------------------

TRAILING = re.compile(r"[ \t]+(?=\r?\n|\Z)")


def lint_trailing(text: str) -> list[Diagnostic]:
    """Flag trailing spaces and tabs and offer to delete them."""
    return [
        diagnostic(
            "ML001",
            match.start(),
            match.end(),
            Fix.replace(match.start(), match.end(), "", "remove trailing whitespace"),
        )
        for match in TRAILING.finditer(text)
    ]


def word_rule(code: str, word: str, replacement: str) -> Callable[[str], list[Diagnostic]]:
    """A rule that replaces every ``word`` with ``replacement``."""
    pattern = re.compile(re.escape(word))

    def lint(text: str) -> list[Diagnostic]:
        return [
            diagnostic(
                code,
                m.start(),
                m.end(),
                Fix.replace(m.start(), m.end(), replacement, f"use {replacement}"),
            )
            for m in pattern.finditer(text)
        ]

    return lint


def combined(*rules: Callable[[str], Sequence[Diagnostic]]) -> Callable[[str], list[Diagnostic]]:
    """One lint function running several fake rules."""

    def lint(text: str) -> list[Diagnostic]:
        return [found for rule in rules for found in rule(text)]

    return lint


# --- select_fixes ----------------------------------------------------------


def test_select_keeps_everything_without_overlap() -> None:
    fixes = [fix((5, 6, "x")), fix((0, 2, "y")), fix((2, 4, ""))]
    assert select_fixes(fixes, unsafe=False) == [fixes[1], fixes[2], fixes[0]]


def test_select_prefers_the_earlier_start() -> None:
    later, earlier = fix((3, 8, "b")), fix((1, 4, "a"))
    assert select_fixes([later, earlier], unsafe=False) == [earlier]


def test_select_prefers_the_shorter_span_at_the_same_start() -> None:
    longer, shorter = fix((2, 9, "long")), fix((2, 3, "short"))
    assert select_fixes([longer, shorter], unsafe=False) == [shorter]


def test_select_keeps_the_given_order_on_a_tie() -> None:
    first, second = fix((2, 4, "first")), fix((2, 4, "second"))
    assert select_fix_indices([first, second], unsafe=False) == [0]


def test_touching_ends_do_not_conflict() -> None:
    fixes = [fix((0, 3, "a")), fix((3, 5, "b")), fix((5, 5, "c"))]
    assert select_fixes(fixes, unsafe=False) == fixes


def test_two_insertions_at_one_offset_conflict() -> None:
    first, second = fix((4, 4, "a")), fix((4, 4, "b"))
    assert select_fixes([first, second], unsafe=False) == [first]


def test_insertion_at_either_end_of_a_replacement_is_fine() -> None:
    fixes = [fix((2, 5, "R")), fix((2, 2, "<")), fix((5, 5, ">"))]
    chosen = select_fixes(fixes, unsafe=False)
    assert set(chosen) == set(fixes)
    assert apply_fixes("0123456", chosen) == "01<R>56"


def test_insertion_inside_a_replacement_conflicts() -> None:
    replacement, inside = fix((2, 5, "R")), fix((3, 3, "!"))
    assert select_fixes([inside, replacement], unsafe=False) == [replacement]
    assert select_fixes([replacement, inside], unsafe=False) == [replacement]


def test_a_fix_is_all_or_nothing() -> None:
    blocker = fix((0, 2, "x"))
    pair = fix((1, 3, "y"), (10, 12, "z"))  # first edit overlaps the blocker
    after = fix((10, 12, "w"))  # must not be blocked by the rejected pair
    assert select_fixes([pair, blocker, after], unsafe=False) == [blocker, after]


def test_a_fix_is_rejected_when_its_later_edit_conflicts() -> None:
    first = fix((0, 2, "a"), (8, 10, "b"))
    second = fix((4, 6, "c"), (9, 9, "d"))
    assert select_fixes([second, first], unsafe=False) == [first]


def test_a_fix_conflicting_with_itself_is_rejected() -> None:
    broken = fix((0, 4, "a"), (2, 6, "b"))
    good = fix((3, 5, "c"))
    assert select_fixes([broken, good], unsafe=False) == [good]
    assert select_fixes([fix((5, 3, "reversed")), fix((-1, 0, "x"))], unsafe=False) == []


def test_a_fix_without_edits_is_ignored() -> None:
    assert select_fixes([Fix((), "nothing")], unsafe=False) == []


def test_unsafe_fixes_need_unsafe() -> None:
    safe, risky = fix((0, 1, "a")), fix((3, 4, "b"), applicability=UNSAFE)
    assert select_fixes([safe, risky], unsafe=False) == [safe]
    assert select_fixes([safe, risky], unsafe=True) == [safe, risky]


def test_a_skipped_unsafe_fix_blocks_nothing() -> None:
    risky, safe = fix((0, 4, "a"), applicability=UNSAFE), fix((2, 3, "b"))
    assert select_fixes([risky, safe], unsafe=False) == [safe]


def test_many_fixes_are_selected_quickly() -> None:
    fixes = [fix((i * 3, i * 3 + 2, "")) for i in range(20_000)]
    fixes += [fix((i * 3 + 1, i * 3 + 1, "!")) for i in range(20_000)]
    assert len(select_fixes(fixes, unsafe=False)) == 20_000


# --- apply_fixes -----------------------------------------------------------


def test_apply_several_edits_in_any_order() -> None:
    text = "alpha beta gamma"
    fixes = [fix((11, 16, "GAMMA")), fix((0, 5, "A")), fix((6, 10, "b"))]
    assert apply_fixes(text, fixes) == "A b GAMMA"
    assert apply_fixes(text, list(reversed(fixes))) == "A b GAMMA"


def test_apply_insertion_and_deletion() -> None:
    assert apply_fixes("abcdef", [fix((0, 0, ">")), fix((6, 6, "<"))]) == ">abcdef<"
    assert apply_fixes("abcdef", [fix((1, 3, ""), (4, 5, ""))]) == "adf"


def test_apply_multi_edit_fix() -> None:
    text = "Chair: Alice\nScribe: Bob\n"
    swap = fix((7, 12, "Bob"), (21, 24, "Alice"))
    assert apply_fixes(text, [swap]) == "Chair: Bob\nScribe: Alice\n"


def test_apply_keeps_crlf() -> None:
    text = "title: x  \r\nbody\t\r\nend"
    assert apply_fixes(text, [fix((8, 10, "")), fix((16, 17, ""))]) == "title: x\r\nbody\r\nend"


def test_apply_counts_characters_not_bytes() -> None:
    text = "Zoë Müller 🙂 日本語 end"
    start = text.index("日本語")
    assert apply_fixes(text, [fix((start, start + 3, "Japan"))]) == "Zoë Müller 🙂 Japan end"
    assert apply_fixes(text, [fix((2, 3, "e"), (11, 12, ":)"))]) == "Zoe Müller :) 日本語 end"


def test_apply_nothing_returns_the_text() -> None:
    assert apply_fixes("same", []) == "same"


@pytest.mark.parametrize(
    "edits",
    [
        [(0, 5, "x")],
        [(-1, 1, "x")],
        [(3, 2, "x")],
    ],
)
def test_apply_rejects_edits_outside_the_text(edits: list[tuple[int, int, str]]) -> None:
    with pytest.raises(ValueError, match="outside"):
        apply_fixes("abcd", [fix(edit) for edit in edits])


@pytest.mark.parametrize(
    "edits",
    [
        [(0, 2, "x"), (1, 3, "y")],
        [(1, 1, "x"), (1, 1, "y")],
        [(0, 4, "x"), (2, 2, "y")],
        [(0, 4, "x"), (1, 2, "y")],
    ],
)
def test_apply_rejects_overlaps(edits: list[tuple[int, int, str]]) -> None:
    with pytest.raises(ValueError, match="overlap"):
        apply_fixes("abcd", [fix(edit) for edit in edits])


# --- fix_until_stable ------------------------------------------------------


def test_clean_text_is_left_alone() -> None:
    outcome = fix_until_stable("clean\n", lint_trailing, unsafe=False, still_parses=always_parses)
    assert outcome == FixOutcome("clean\n", [], 0, True, [], False, None)


def test_trailing_whitespace_is_fixed_in_one_pass() -> None:
    text = "a  \r\nb\t\nc \n"
    outcome = fix_until_stable(text, lint_trailing, unsafe=False, still_parses=always_parses)
    assert outcome.text == "a\r\nb\nc\n"
    assert outcome.converged and not outcome.reverted and outcome.reason is None
    assert outcome.passes == 1
    assert outcome.applied == [("ML001", "remove trailing whitespace")] * 3
    assert outcome.codes == []


def test_fixes_that_need_several_passes_converge() -> None:
    # "aaaa" becomes "aa" and only then "a"
    lint = word_rule("ML010", "aa", "a")
    outcome = fix_until_stable("aaaa", lint, unsafe=False, still_parses=always_parses)
    assert outcome.text == "a"
    assert outcome.converged
    assert outcome.passes == 2
    assert [code for code, _ in outcome.applied] == ["ML010"] * 3


def test_a_flip_flop_is_reported_as_not_converged() -> None:
    lint = combined(
        word_rule("ML020", "colour", "color"),
        word_rule("ML021", "color", "colour"),
    )
    outcome = fix_until_stable("the colour", lint, unsafe=False, still_parses=always_parses)
    assert not outcome.converged
    assert outcome.codes == ["ML020", "ML021"]
    assert outcome.passes == 2
    assert outcome.applied == [("ML020", "use color"), ("ML021", "use colour")]
    assert not outcome.reverted


def test_a_longer_cycle_names_only_the_looping_codes() -> None:
    lint = combined(
        lint_trailing,
        word_rule("ML030", "one", "two"),
        word_rule("ML031", "two", "three"),
        word_rule("ML032", "three", "one"),
    )
    outcome = fix_until_stable("x one ", lint, unsafe=False, still_parses=always_parses)
    assert not outcome.converged
    assert outcome.codes == ["ML030", "ML031", "ML032"]
    assert outcome.text == "x two"


def test_a_runaway_rule_stops_at_max_passes() -> None:
    def grow(text: str) -> list[Diagnostic]:
        return [diagnostic("ML040", 0, 0, Fix.replace(len(text), len(text), "!", "add"))]

    outcome = fix_until_stable("go", grow, unsafe=False, still_parses=always_parses, max_passes=4)
    assert outcome.text == "go!!!!"
    assert outcome.passes == 4
    assert not outcome.converged
    assert outcome.codes == ["ML040"]
    assert len(outcome.applied) == 4


def test_finishing_exactly_at_max_passes_converges() -> None:
    lint = word_rule("ML010", "aa", "a")
    outcome = fix_until_stable("aaaa", lint, unsafe=False, still_parses=always_parses, max_passes=2)
    assert outcome.converged and outcome.text == "a"


def test_max_passes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_passes"):
        fix_until_stable("x", lint_trailing, unsafe=False, still_parses=always_parses, max_passes=0)


def test_a_fix_that_changes_nothing_ends_the_run() -> None:
    def same(text: str) -> list[Diagnostic]:
        return [diagnostic("ML050", 0, 1, Fix.replace(0, 1, text[0], "keep"))]

    outcome = fix_until_stable("abc", same, unsafe=False, still_parses=always_parses)
    assert outcome == FixOutcome("abc", [], 0, True, [], False, None)


def test_fixes_outside_the_text_are_ignored() -> None:
    def bad(text: str) -> list[Diagnostic]:
        return [diagnostic("ML060", 0, 1, Fix.replace(len(text) + 5, len(text) + 6, "x", "bad"))]

    outcome = fix_until_stable("abc", bad, unsafe=False, still_parses=always_parses)
    assert outcome.text == "abc" and outcome.converged


def test_diagnostics_without_fixes_are_ignored() -> None:
    def unfixable(text: str) -> list[Diagnostic]:
        return [diagnostic("ML070", 0, 1, None)]

    outcome = fix_until_stable("abc", unfixable, unsafe=False, still_parses=always_parses)
    assert outcome == FixOutcome("abc", [], 0, True, [], False, None)


def front_matter_parses(text: str) -> bool:
    """A fake parser: the document needs its closing front matter fence."""
    return text.startswith("---\n") and "\n---\n" in text


def test_a_pass_that_breaks_the_document_reverts_to_the_original() -> None:
    def fence_breaker(text: str) -> list[Diagnostic]:
        if TRAILING.search(text):
            return []
        start = text.index("\n---\n") + 1
        return [diagnostic("ML080", start, start + 4, Fix.replace(start, start + 4, "", "drop"))]

    text = "---\ntitle: x  \n---\nbody \n"
    lint = combined(lint_trailing, fence_breaker)
    outcome = fix_until_stable(text, lint, unsafe=False, still_parses=front_matter_parses)
    assert outcome.reverted
    assert outcome.text == text  # the original, not the text after the first pass
    assert outcome.applied == []
    assert not outcome.converged
    assert outcome.codes == ["ML080"]
    assert outcome.reason is not None and "ML080" in outcome.reason


def test_a_document_that_never_parsed_is_still_fixed() -> None:
    outcome = fix_until_stable(
        "no front matter  \n", lint_trailing, unsafe=False, still_parses=front_matter_parses
    )
    assert outcome.text == "no front matter\n"
    assert not outcome.reverted


def test_unsafe_fixes_apply_only_with_unsafe() -> None:
    def risky(text: str) -> list[Diagnostic]:
        return [
            diagnostic(
                "ML090", m.start(), m.end(), Fix.replace(m.start(), m.end(), "B", "b", UNSAFE)
            )
            for m in re.finditer("A", text)
        ]

    lint = combined(lint_trailing, risky)
    safe = fix_until_stable("A \n", lint, unsafe=False, still_parses=always_parses)
    assert safe.text == "A\n"
    assert safe.converged
    assert safe.applied == [("ML001", "remove trailing whitespace")]
    both = fix_until_stable("A \n", lint, unsafe=True, still_parses=always_parses)
    assert both.text == "B\n"
    assert sorted(code for code, _ in both.applied) == ["ML001", "ML090"]


def test_overlapping_fixes_are_finished_in_a_later_pass() -> None:
    def two_rules(text: str) -> list[Diagnostic]:
        found = []
        if "ab" in text:
            i = text.index("ab")
            found.append(diagnostic("ML100", i, i + 2, Fix.replace(i, i + 2, "AB", "upper")))
        if "bc" in text:
            i = text.index("bc")
            found.append(diagnostic("ML101", i, i + 2, Fix.replace(i, i + 2, "BC", "upper")))
        return found

    outcome = fix_until_stable("abc", two_rules, unsafe=False, still_parses=always_parses)
    assert outcome.text == "ABc"  # "bc" is gone once "ab" is fixed
    assert outcome.converged
    assert outcome.applied == [("ML100", "upper")]


# --- properties ------------------------------------------------------------

PIECES = st.sampled_from(["a", "Z", "é", "日", "🙂", " ", "\t", "\n", "\r\n", "-", "x  "])
TEXTS = st.one_of(st.text(), st.lists(PIECES, max_size=40).map("".join))


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    """A text and edits on it that do not conflict."""
    text = draw(TEXTS)
    positions = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    edits: list[Edit] = []
    insertions: set[int] = set()
    for start, end in zip(positions[::2], positions[1::2], strict=False):
        if start == end:
            if start in insertions:
                continue
            insertions.add(start)
        edits.append(Edit(start, end, draw(st.text(max_size=4))))
    return text, edits


@given(text_and_edits(), st.randoms())
def test_text_outside_the_edits_is_preserved_in_order(
    case: tuple[str, list[Edit]], shuffler: random.Random
) -> None:
    text, edits = case
    # group the edits into fixes of one to three edits, in random order
    shuffled = edits[:]
    shuffler.shuffle(shuffled)
    fixes: list[Fix] = []
    while shuffled:
        size = shuffler.randint(1, 3)
        fixes.append(Fix(tuple(shuffled[:size]), "f"))
        shuffled = shuffled[size:]
    result = apply_fixes(text, fixes)

    expected: list[str] = []
    kept: list[str] = []
    cursor = 0
    for edit in edits:
        kept.append(text[cursor : edit.start])
        expected += [text[cursor : edit.start], edit.content]
        cursor = edit.end
    kept.append(text[cursor:])
    expected.append(text[cursor:])
    assert result == "".join(expected)
    # every untouched stretch appears in the result, in order
    position = 0
    for stretch in kept:
        found = result.find(stretch, position)
        assert found >= 0
        position = found + len(stretch)


@st.composite
def text_and_fixes(draw: st.DrawFn) -> tuple[str, list[Fix]]:
    """A text and fixes on it that may well overlap."""
    text = draw(TEXTS)
    bound = st.integers(0, len(text))
    fixes = []
    for _ in range(draw(st.integers(0, 8))):
        edits = []
        for _ in range(draw(st.integers(1, 3))):
            start, end = sorted((draw(bound), draw(bound)))
            edits.append(Edit(start, end, draw(st.sampled_from(["", "x", "yy"]))))
        unsafe = draw(st.booleans())
        fixes.append(Fix(tuple(edits), "f", UNSAFE if unsafe else Applicability.SAFE))
    return text, fixes


@given(text_and_fixes(), st.booleans())
def test_selected_fixes_always_apply(case: tuple[str, list[Fix]], unsafe: bool) -> None:
    text, fixes = case
    chosen = select_fixes(fixes, unsafe)
    apply_fixes(text, chosen)  # raises on any overlap
    assert all(unsafe or chosen_fix.applicability is Applicability.SAFE for chosen_fix in chosen)
    # nothing rejected could have been added without a conflict
    for candidate in fixes:
        if candidate in chosen or not (unsafe or candidate.applicability is Applicability.SAFE):
            continue
        with pytest.raises(ValueError):
            apply_fixes(text, [*chosen, candidate])


@settings(max_examples=200)
@given(TEXTS)
def test_fixing_twice_equals_fixing_once(text: str) -> None:
    once = fix_until_stable(text, lint_trailing, unsafe=False, still_parses=always_parses)
    twice = fix_until_stable(once.text, lint_trailing, unsafe=False, still_parses=always_parses)
    assert once.converged and twice.converged
    assert twice.text == once.text
    assert twice.applied == [] and twice.passes == 0
    assert lint_trailing(once.text) == []
    assert once.text.count("\r\n") == text.count("\r\n")
    assert once.text.replace(" ", "").replace("\t", "") == text.replace(" ", "").replace("\t", "")
