"""Facts: what a corpus rule needs from every document, extracted once and cached.

A corpus rule cannot read every document of an archive on every run; it reads each
document's *facts* instead: small JSON data that one function extracts from the
document model.  A rule declares the facts it needs::

    @fact("identifiers", version=1)
    def identifiers(doc: Document) -> list[list[object]]:
        return [[m.group(1), doc.position(m.start()).line] for m in ...]

    FACTS = (identifiers,)

    def check(doc, ctx):
        per_document = ctx.corpus.facts(identifiers)   # {corpus path: value}
        index = ctx.corpus.memo("my-plugin.index", lambda: build(per_document))

The engine gathers the facts of every selected rule for every document of the corpus,
in parallel on large runs, and caches each fact per file under its name, its version
and a stamp of the code that extracts it, so a new extractor (or a new minutes-lint)
never reads stale facts.  Extract functions must be importable by their module and name
(so worker processes can run them) and return JSON data: lists rather than tuples, str
keys, numbers, booleans and ``None``; a cold run and a warm run then see the same values.

Facts shared by several rules (the attendee lists) live here; a rule's own facts live
in the rule's module.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from minutes_lint.document import Document

Extractor = Callable[["Document"], Any]


@dataclass(frozen=True)
class Fact:
    """A named, versioned extractor of per-document data for corpus rules."""

    name: str
    version: int
    extract: Extractor

    @property
    def key(self) -> str:
        """The fact's cache key: name, version and a stamp of the extractor's code."""
        return f"{self.name}@{self.version}:{code_stamp(self.extract.__module__)}"

    @property
    def ref(self) -> tuple[str, str]:
        """(module, qualified name) of the extract function, for worker processes."""
        return self.extract.__module__, self.extract.__qualname__

    def __call__(self, doc: Document) -> Any:
        return self.extract(doc)


def fact(name: str, version: int = 1) -> Callable[[Extractor], Fact]:
    """Declare ``extract(doc) -> JSON data`` as a fact named ``name``.

    Bump ``version`` when the meaning of the data changes; a change of the extractor's
    module (or of minutes-lint) invalidates cached values by itself.
    """
    if not name or not isinstance(version, int):
        raise TypeError("a fact needs a name and an integer version")

    def wrap(extract: Extractor) -> Fact:
        return Fact(name, version, extract)

    return wrap


def resolve(ref: tuple[str, str]) -> Fact:
    """The fact that ``Fact.ref`` names (imported in a worker process)."""
    module, qualname = ref
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if isinstance(found, Fact):
        return found
    # the decorator replaced the function by the Fact under the same name
    raise TypeError(f"{module}.{qualname} is not a fact")


_STAMPS: dict[str, str] = {}


def code_stamp(module_name: str) -> str:
    """A short hash of what can change a module's behaviour: minutes-lint's own code and
    version, the module's file, and the data files beside it in its package.

    The module need not be imported: its file is found through its import spec, so a
    warm run can key its cache without importing a rule.
    """
    stamp = _STAMPS.get(module_name)
    if stamp is None:
        where, package = _module_file(module_name)
        files = []
        if where:
            files.append(where)
            if package:
                files.extend(data_files(os.path.dirname(where)))
        stamp = _STAMPS[module_name] = stamp_files(files, engine_stamp())[:16]
    return stamp


def _module_file(name: str) -> tuple[str | None, str]:
    """(file, package) of a module, imported or not."""
    module = sys.modules.get(name)
    spec = getattr(module, "__spec__", None) if module is not None else None
    if spec is None and module is None:
        import importlib.util

        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
    if spec is None:
        return getattr(module, "__file__", None), getattr(module, "__package__", "") or ""
    return spec.origin if spec.has_location else None, spec.parent or ""


_ENGINE: str | None = None


def engine_stamp() -> str:
    """A hash of minutes-lint's version and every Python file of its package."""
    global _ENGINE
    if _ENGINE is None:
        root = os.path.dirname(os.path.abspath(__file__))
        found = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d != "__pycache__"]
            found.extend(os.path.join(dirpath, f) for f in filenames if f.endswith(".py"))
        _ENGINE = stamp_files(found)
    return _ENGINE


def data_files(folder: str) -> list[str]:
    """Files beside a module that are not Python (word lists and other package data)."""
    try:
        return sorted(
            e.path
            for e in os.scandir(folder)
            if e.is_file() and not e.name.endswith((".py", ".pyc")) and not e.name.startswith(".")
        )
    except OSError:
        return []


def stamp_files(files: Iterable[str], base: str = "") -> str:
    """A hash of minutes-lint's version, ``base``, and each file's size and modification
    time (any edit changes them: as make, mypy and ruff judge a file changed)."""
    from minutes_lint import __version__

    digest = hashlib.sha256(f"{__version__}\0{base}".encode())
    for name in sorted(set(files)):
        try:
            st = os.stat(name)
            digest.update(f"\0{name}:{st.st_size}:{st.st_mtime_ns}".encode("utf-8", "replace"))
        except OSError:
            digest.update(f"\0{name}:-".encode("utf-8", "replace"))
    return digest.hexdigest()


# --- facts shared by several rules -------------------------------------------------------


@fact("attendees", version=3)
def attendees(doc: Document) -> list[list[Any]]:
    """Every parsed attendee entry: ``[name, organisation or None, line, form]``."""
    out: list[list[Any]] = []
    for entry in doc.attendees:
        if entry.problem is None and entry.name:
            out.append([entry.name, entry.org, doc.position(entry.name_start).line, entry.form])
    return out
