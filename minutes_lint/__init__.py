"""minutes-lint: a data-quality linter for meeting minutes kept as Markdown."""

__version__ = "0.1.0"
