"""minutes-lint's built-in rules: one module each, found through entry points."""
