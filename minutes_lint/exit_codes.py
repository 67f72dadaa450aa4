"""Exit codes of every command, and the error that means "you used the command wrongly".

0 nothing to report (or only info), 1 errors or warnings found,
2 usage, configuration or internal error.
"""

from __future__ import annotations

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A command-line mistake: exit code 2 with a message."""
