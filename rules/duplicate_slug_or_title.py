"""Two documents of the corpus with the same slug or the same title.

## What it does
Compares the front-matter ``slug`` and ``title`` of every document with
those of the other documents of the corpus.  Slugs are compared exactly,
titles after collapsing runs of whitespace.  The diagnostic sits on this
document's value and names the other document(s) and the line.

Whether a shared slug collides depends on the site's permalinks: with the
date in the URL (Hugo ``permalinks``, e.g. ``/:year/:month/:day/:slug/``)
two documents collide only when they share the slug *and* the date.  With
``check-slugs = "auto"`` (the default) this is learned from the corpus: when
some slug is shared by three documents or more, the archive reuses slugs by
design, so only documents with the same slug and the same front-matter date
are reported.  ``check-slugs = true`` compares slugs alone, ``false`` turns
the slug comparison off.

## Why is this bad?
Two pages with one slug get one URL: the site generator publishes one and
silently drops the other.  Two minutes with one title are usually a copy
whose title was not updated, so the archive lists the same meeting twice
and misses another.

## Example
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
slug: minutes-example-wg
---
```
while ``2026-03-18.md`` has ``slug: minutes-example-wg`` too.

## Use instead
```markdown
---
title: 2026-03-04 Minutes of the Example Working Group
slug: 2026-03-04-minutes-example-wg
---
```

## Fix safety
There is no fix: which document should change, and to what, is the
author's call.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from minutes_lint.config import ConfigError
from minutes_lint.diagnostics import Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import fact
from minutes_lint.registry import RuleContext

if TYPE_CHECKING:
    from minutes_lint.corpus import Corpus

CODE = "FM010"
NAME = "duplicate-slug-or-title"
SUMMARY = "Another document has the same slug or title"
SEVERITY = Severity.ERROR
SCOPE = "corpus"
FIX = "none"
OPTIONS: dict[str, object] = {"check-slugs": "auto", "check-titles": True}
REUSED = 3  # documents sharing one slug: the archive reuses slugs by design

_SHOWN = 3
_Places = list[tuple[str, int]]


@fact("FM010.title-and-slug", version=2)
def title_and_slug(doc: Document) -> dict[str, list[object]]:
    """The front-matter ``title`` and ``slug`` that are strings, with their lines, and
    under ``dated-slug`` the slug with the front-matter date's day."""
    found: dict[str, list[object]] = {}
    fm = doc.front_matter
    if fm.ok:
        for key in ("title", "slug"):
            entry = fm.get(key)
            if entry is not None and isinstance(entry.value, str):
                found[key] = [_normal(entry.value), doc.position(entry.value_start).line]
        if "slug" in found:
            found["dated-slug"] = [f"{found['slug'][0]}@{_day(doc)}", found["slug"][1]]
    return found


def _day(doc: Document) -> str:
    entry = doc.front_matter.get("date")
    value = entry.value if entry is not None else None
    return str(value)[:10] if value is not None else ""


def validate_options(options: Mapping[str, object]) -> None:
    """``check-slugs`` is true, false or "auto" (checked when the configuration loads)."""
    if options["check-slugs"] not in (True, False, "auto"):
        raise ConfigError(f'rules.{CODE}.check-slugs must be true, false or "auto"')


def _slugs_reused(corpus: Corpus) -> bool:
    """Whether some slug is shared by :data:`REUSED` documents or more."""
    return corpus.memo(
        f"{CODE}.slugs-reused",
        lambda: any(len(places) >= REUSED for places in _index(corpus, "slug").values()),
    )


FACTS = (title_and_slug,)


def _index(corpus: Corpus, key: str) -> dict[str, _Places]:
    def build() -> dict[str, _Places]:
        index: dict[str, _Places] = {}
        for path, found in corpus.facts(title_and_slug).items():
            if key in found and found[key][0]:
                index.setdefault(found[key][0], []).append((path, found[key][1]))
        return index

    return corpus.memo(f"{CODE}.{key}s", build)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    corpus = ctx.corpus
    fm = doc.front_matter
    if corpus is None or not fm.ok:
        return
    mode = ctx.options["check-slugs"]
    if mode:
        entry = fm.get("slug")
        if entry is not None and isinstance(entry.value, str) and entry.value.strip():
            dated = mode == "auto" and _slugs_reused(corpus)
            key = f"{_normal(entry.value)}@{_day(doc)}" if dated else _normal(entry.value)
            others = _others(
                _index(corpus, "dated-slug" if dated else "slug").get(key, []),
                corpus.key(doc.path),
            )
            if others:
                same = " and date" if dated else ""
                yield Problem(
                    entry.value_start,
                    entry.value_end,
                    f"slug “{entry.value.strip()}” is also used by {_name(others)}{same}: "
                    "the site publishes only one page per slug",
                )
    if ctx.options["check-titles"]:
        entry = fm.get("title")
        title = _normal(entry.value) if entry is not None and isinstance(entry.value, str) else ""
        if entry is not None and title:
            others = _others(_index(corpus, "title").get(title, []), corpus.key(doc.path))
            if others:
                yield Problem(
                    entry.value_start,
                    entry.value_end,
                    f"title “{title}” is also the title of {_name(others)}",
                )


def _normal(title: str) -> str:
    return " ".join(title.split())


def _others(places: _Places, here: str) -> _Places:
    return sorted({p for p in places if p[0] != here})


def _name(places: _Places) -> str:
    shown = ", ".join(f"{path}:{line}" for path, line in places[:_SHOWN])
    more = len(places) - _SHOWN
    return shown + (f" and {more} more" if more > 0 else "")
