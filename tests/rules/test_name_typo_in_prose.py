from __future__ import annotations

from minutes_lint.rules import name_typo_in_prose as rule

from minutes_lint.testing import fix, lint, where

LISTED = {
    "list.md": "## Attendees\n\nClint Wilson (Example Browser), Ben Wilson (Example Foundation)\n"
}
TEXT = "## Discussion\n\nThe ballot is endorsed by Client Wilson (Example Browser).\n"


def test_typo_of_a_known_attendee() -> None:
    found = lint(rule, TEXT, others=LISTED)
    assert where(found) == [(3, 27)]
    assert "did you mean “Clint Wilson”" in found[0].message


def test_known_names_and_other_words_pass() -> None:
    text = "## Discussion\n\nBen Wilson and Clint Wilson met the Server Certificate WG.\n"
    assert lint(rule, text, others=LISTED) == []


def test_no_corpus_match_no_report() -> None:
    assert lint(rule, TEXT, others={}) == []


def test_unsafe_fix_replaces_the_name() -> None:
    twice = {**LISTED, "list2.md": "## Attendees\n\nClint Wilson (Example Browser)\n"}
    assert fix(rule, TEXT, others=twice) == TEXT
    assert "endorsed by Clint Wilson (Example" in fix(rule, TEXT, others=twice, unsafe=True)


def test_no_fix_towards_a_name_listed_once() -> None:
    found = lint(rule, TEXT, others=LISTED)
    assert len(found) == 1 and found[0].fix is None
    assert fix(rule, TEXT, others=LISTED, unsafe=True) == TEXT


def test_names_in_links_and_code_are_skipped() -> None:
    text = (
        "## Discussion\n\nSee https://example.org/Client%20Wilson and\n\n```\nClient Wilson\n```\n"
    )
    assert lint(rule, text, others=LISTED) == []


def test_rare_listed_spelling_next_to_a_common_one() -> None:
    others = {
        "a.md": "## Attendees\n\nCorey Bonnell (Example CA), Ben Wilson (X)\n",
        "b.md": "## Attendees\n\nCorey Bonnell (Example CA)\n",
        "c.md": "## Attendees\n\nCorey Bonell (Example CA)\n",
    }
    text = "## Discussion\n\nCorey Bonell presented.\n"
    found = lint(rule, text, others=others)
    assert where(found) == [(3, 1)]
    assert "a rare spelling (listed once)" in found[0].message
    assert "“Corey Bonnell”" in found[0].message


def _minutes(attendees: str, discussion: str) -> str:
    return f"## Attendees\n\n{attendees}\n\n## Discussion\n\n{discussion}\n"


def test_lone_given_name_before_a_speech_verb() -> None:
    text = _minutes("Stephen Marlowe (Quillco), Ada Noor (Vantex)", "Stehpen noted the risk.")
    found = lint(rule, text, others={})
    assert where(found) == [(7, 1)] and "“Stephen”" in found[0].message
    assert "Stephen noted" in fix(rule, text, others={}, unsafe=True)


def test_lone_names_that_are_attendees_or_unknown_pass() -> None:
    text = _minutes(
        "Stephen Marlowe (Quillco), Ada Noor (Vantex)",
        "Stephen noted it. Everyone agreed. Marlowe said no. Steph asked.",
    )
    assert lint(rule, text, others={}) == []


def test_case_typo_of_a_known_name() -> None:
    others = {f"{i}.md": _minutes("Clement Wilby (Quillco)", "x") for i in range(2)}
    found = lint(rule, "## Discussion\n\nClement WIlby agreed.\n", others=others)
    assert len(found) == 1 and "case typo" in found[0].message
    assert lint(rule, "## Discussion\n\nCLEMENT WILBY agreed.\n", others=others) == []


def test_particles_are_part_of_the_name() -> None:
    others = {
        "a.md": _minutes("Pieter de Vriess (Quillco), Ada Noor (Vantex)", "x"),
        "b.md": _minutes("Pieter de Vriess (Quillco)", "x"),
    }
    found = lint(rule, "## Discussion\n\nPieter de Vreiss agreed.\n", others=others)
    assert where(found) == [(3, 1)] and "“Pieter de Vriess”" in found[0].message


def test_typo_of_a_frequent_organisation() -> None:
    others = {
        f"{i}.md": _minutes(f"Person{'abc'[i]} Zed (Quillfeather Trust Services)", "x")
        for i in range(3)
    }
    text = "## Discussion\n\nQuillfeahter Trust Services will reply.\n"
    found = lint(rule, text, others=others)
    assert len(found) == 1 and "organisation “Quillfeather Trust Services”" in found[0].message
    ok = "## Discussion\n\nQuillfeather Trust Services will reply.\n"
    assert lint(rule, ok, others=others) == []


def test_never_points_to_a_spelling_that_is_itself_a_variant() -> None:
    pals = ["Ada Noor", "Bo Tran", "Cy Dale", "Di Fenn"]
    others = {f"{p}.md": _minutes(f"Corey Bonnell (Example CA), {p} (X)", "x") for p in pals}
    others["rare.md"] = _minutes("Corey Bonell (Example CA)", "x")
    found = lint(rule, "## Discussion\n\nCorey Bonel presented.\n", others=others)
    assert all("“Corey Bonell”" not in d.message for d in found)
