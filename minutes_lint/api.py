"""What a rule uses, and nothing else: the public API for rule authors.

A rule is a module published in the ``minutes_lint.rules`` entry-point group::

    # my_plugin/ballot_case.py
    '''Ballot identifier written in lower case.

    ## What it does
    ...
    ## Why is this bad?
    ...
    ## Example
    ...
    ## Use instead
    ...
    ## Fix safety
    ...
    '''
    from minutes_lint.api import Document, Fix, Problem, RuleContext, Severity

    CODE = "XB001"
    NAME = "ballot-case"
    SUMMARY = "Ballot identifier written in lower case"
    SEVERITY = Severity.WARNING
    FIX = "safe"

    def check(doc: Document, ctx: RuleContext):
        for start, end in doc.prose_spans:
            ...
            yield Problem(a, b, "write the ballot in capitals", Fix.replace(a, b, "SC-1", "..."))

and in the plugin's ``pyproject.toml``::

    [project.entry-points."minutes_lint.rules"]
    XB001 = "my_plugin.ballot_case"

A corpus rule (``SCOPE = "corpus"``) declares the facts it needs from every document of
the corpus with :func:`fact` and reads them from ``ctx.corpus`` (a :class:`Corpus`):
see :mod:`minutes_lint.facts`.  :data:`attendees` is the shared attendee-list fact (the
people and organisation indexes, ``ctx.corpus.people`` and ``ctx.corpus.organisations``,
are built from it).  Options: ``OPTIONS = {"name": default}`` (the default's type is
enforced) and, to check values when the configuration is loaded rather than when a
document is linted, ``def validate_options(options) -> None`` raising
:class:`ConfigError`.  :mod:`minutes_lint.testing` has the helpers the built-in rules'
tests use.
"""

from __future__ import annotations

from minutes_lint.config import ConfigError
from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Applicability, Edit, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import Fact, attendees, fact
from minutes_lint.registry import RuleContext

__all__ = [
    "Applicability",
    "ConfigError",
    "Corpus",
    "Document",
    "Edit",
    "Fact",
    "Fix",
    "Problem",
    "RuleContext",
    "Severity",
    "attendees",
    "fact",
]
