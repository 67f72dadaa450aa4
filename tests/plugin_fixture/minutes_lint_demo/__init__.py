"""A rule plugin for minutes-lint, installed by the tests through an entry point."""
