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
    assert fix(rule, TEXT, others=LISTED) == TEXT
    assert "endorsed by Clint Wilson (Example" in fix(rule, TEXT, others=LISTED, unsafe=True)


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
