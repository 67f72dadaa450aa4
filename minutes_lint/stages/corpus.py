"""The corpus a run's corpus rules see: the run's documents and the project's others."""

from __future__ import annotations

from collections.abc import Mapping

from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus, FactValues
from minutes_lint.corpus_loader import build_corpus
from minutes_lint.document import Document
from minutes_lint.registry import Rule
from minutes_lint.roster import Roster, load_roster


def needs_corpus(rules: dict[str, Rule]) -> bool:
    """Whether any of ``rules`` looks beyond one document."""
    return any(rule.scope == "corpus" for rule in rules.values())


def load_corpus(
    settings: Settings,
    rules: dict[str, Rule],
    documents: list[Document],
    *,
    use_cache: bool,
    roster: Roster | None = None,
    known: Mapping[str, FactValues] | None = None,
) -> Corpus | None:
    """The corpus for ``documents`` (their text wins over the files on disk), or None when no
    selected rule needs one.  The roster is read from the settings unless given; ``known``
    are facts of unchanged documents, by corpus path, that need not be extracted again."""
    if not needs_corpus(rules):
        return None
    if roster is None:
        roster = load_roster(settings)
    facts = list(dict.fromkeys(f for rule in rules.values() for f in rule.facts))
    return build_corpus(
        settings, documents, use_cache=use_cache, roster=roster, facts=facts, known=known
    )
