"""The stages of a lint run, each a plain function of settings, rules and documents.

``plan`` (settings and the rules to run), ``discover`` (which files, read as
sources), ``corpus`` (the documents a corpus rule sees), ``lint`` (diagnostics
per document, from the results cache when it can), ``fix`` (apply fixes, then
re-lint what they can affect), ``baseline`` (drop accepted diagnostics) and
``report`` (write them in an output format).  The command line only turns its
arguments into these stages' inputs; an editor integration calls
:func:`minutes_lint.stages.lint.lint_text`.
"""
