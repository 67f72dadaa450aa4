"""Regular expressions compiled on first use.

The date and attendee finders hold large patterns; compiling them all at import costs
a pre-commit run tens of milliseconds even when every result comes from the cache and
no document is parsed.  A lazy pattern compiles on its first method call.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("match", "search", "finditer", "fullmatch", "findall", "sub", "split")


class _LazyPattern:
    __slots__ = ("_args", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        # called only for attributes not set yet: the hot methods become plain slots
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
            for method in _METHODS:
                setattr(self, method, getattr(self._compiled, method))
        return getattr(self._compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` deferred until the pattern is first used (same methods)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
