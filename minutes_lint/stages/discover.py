"""Which files a run lints, read as sources; and what the user named that yields nothing.

A folder expands to the Markdown files under it (``include`` less ``exclude``);
a file named explicitly is linted whatever its extension.  A folder whose name
looks like a Markdown file (``notes.md/``) and holds no Markdown file was meant
as a file: it is reported as unreadable (ML001).  A path that does not exist is
"no such file"; any other folder that holds no Markdown file is a warning.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from minutes_lint.config import Settings
from minutes_lint.source import ReadFailure, Source, decode, read_source

MISSING = "no such file"


@dataclass
class Discovery:
    """The paths to read, in order, and what the given paths told about themselves."""

    paths: list[str] = field(default_factory=list)
    missing: set[str] = field(default_factory=set)  # named, but absent when the run began
    file_like_dirs: set[str] = field(default_factory=set)  # folders named like a file
    empty: list[str] = field(default_factory=list)  # folders that hold no file to lint

    def warnings(self) -> list[str]:
        """One line per given folder that yielded no document."""
        return [f"no Markdown files found under {path}" for path in self.empty]


def looks_like_a_file(path: str, settings: Settings) -> bool:
    """Whether a name matches the ``include`` globs (``minutes.md``)."""
    name = os.path.basename(os.path.normpath(path))
    return any(fnmatch.fnmatch(name, pattern) for pattern in settings.include)


def discover(
    given: Sequence[str],
    settings: Settings,
    expand: Callable[[list[str], Settings], list[str]],
) -> Discovery:
    """The files ``given`` names, expanded by ``expand`` (folders to their Markdown files)."""
    found = Discovery()
    searched: list[str] = []
    for path in given:
        if path == "-":
            searched.append(path)
        elif not os.path.lexists(path):
            found.missing.add(os.path.abspath(path))
        else:
            searched.append(path)
    expanded = expand(searched, settings)
    by_folder = {os.path.abspath(p) for p in searched if p != "-" and os.path.isdir(p)}
    for folder in sorted(by_folder):
        prefix = folder.rstrip(os.sep) + os.sep
        if not any(os.path.abspath(p).startswith(prefix) for p in expanded if p != "-"):
            name = next(p for p in searched if os.path.abspath(p) == folder)
            if looks_like_a_file(name, settings):
                found.file_like_dirs.add(folder)  # meant as a file: ML001
            else:
                found.empty.append(name)
    found.paths = list(expanded)
    seen = {os.path.abspath(p) for p in expanded if p != "-"}
    for path in given:
        key = os.path.abspath(path) if path != "-" else path
        if key in (found.missing | found.file_like_dirs) and key not in seen:
            seen.add(key)
            found.paths.append(path)
    return found


def read_sources(
    discovery: Discovery, stdin_name: str, read_stdin: Callable[[], bytes]
) -> list[Source | ReadFailure]:
    """Every path read as text, or why it could not be; ``-`` is read with ``read_stdin``."""
    out: list[Source | ReadFailure] = []
    for path in discovery.paths:
        if path == "-":
            out.append(decode(stdin_name, read_stdin()))
            continue
        key = os.path.abspath(path)
        if key in discovery.file_like_dirs:
            out.append(ReadFailure(path, "ML001", "is a directory, not a file"))
        elif key in discovery.missing:
            out.append(ReadFailure(path, "ML001", MISSING))
        else:
            out.append(read_source(path))
    return out
