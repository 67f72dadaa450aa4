"""Building the corpus: the facts of every document, from the facts cache or extracted in
parallel."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus, FactValues
from minutes_lint.discovery import corpus_files, corpus_fingerprint
from minutes_lint.document import Document
from minutes_lint.facts import Fact
from minutes_lint.facts_cache import FactsCache, Stale
from minutes_lint.parallel import THRESHOLD, ordered_map
from minutes_lint.roster import Roster
from minutes_lint.source import Source, decode
from minutes_lint.timings import current as current_timings
from minutes_lint.timings import measure


def _facts_from_bytes(item: tuple[str, bytes, list[tuple[str, str]]]) -> FactValues | None:
    """Parse one document and extract the named facts (runs in a worker process too)."""
    from minutes_lint.facts import resolve

    source = decode(item[0], item[1])
    if not isinstance(source, Source):
        return None
    return extract_all(Document(source), [resolve(ref) for ref in item[2]])


def extract_all(doc: Document, facts: Sequence[Fact]) -> FactValues:
    if current_timings() is None:
        return {f.key: f.extract(doc) for f in facts}
    found: FactValues = {}
    for f in facts:
        with measure("fact", f.name):
            found[f.key] = f.extract(doc)
    return found


def build_corpus(
    settings: Settings,
    documents: list[Document],
    *,
    use_cache: bool,
    roster: Roster | None = None,
    facts: Sequence[Fact] = (),
    known: Mapping[str, FactValues] | None = None,
) -> Corpus:
    """The run's documents plus, in a configured project, every document of its corpus.

    The corpus fingerprint (content of the run's documents, size and modification
    time of the others, the roster) is computed at once; the ``facts`` are gathered only
    when a rule first needs them, which a run answered from the results cache never does.
    ``known`` gives the facts of documents (by corpus path) that are known unchanged since
    they were extracted (the documents that ``--fix`` left alone): they are not read again.
    """
    run_paths = {Path(os.path.abspath(d.path)) for d in documents}
    others = [p for p in corpus_files(settings) if p not in run_paths]
    fingerprint = corpus_fingerprint(
        [(d.path, d.source.data) for d in documents],
        others,
        roster.digest if roster else "",
        settings,
    )
    wanted = list(dict.fromkeys(facts))
    corpus = Corpus({}, roster, settings.nicknames, settings.root)

    def gather() -> dict[str, FactValues]:
        with measure("stage", "corpus facts"):
            return _gather_facts(corpus, settings, documents, others, use_cache, wanted, known)

    corpus._source = gather
    corpus.fingerprint = fingerprint
    return corpus


def _gather_facts(
    corpus: Corpus,
    settings: Settings,
    documents: list[Document],
    others: list[Path],
    use_cache: bool,
    wanted: list[Fact],
    known: Mapping[str, FactValues] | None = None,
) -> dict[str, FactValues]:
    """Facts of every document: from the cache when the content hash is unchanged.

    A run document's facts always describe the text being linted (for stdin, not the
    file of the same name); the other documents are read in parallel when there are many.
    """
    keys = [f.key for f in wanted]
    refs = [f.ref for f in wanted]
    cache = FactsCache(settings.root / settings.cache_dir if use_cache else None)
    found: dict[str, FactValues] = {}
    pending: list[tuple[Document, str]] = []
    if known:
        usable = {path: values for path, values in known.items() if all(k in values for k in keys)}
        found.update(usable)
        documents = [d for d in documents if corpus.key(d.path) not in usable]
        others = [p for p in others if corpus.key(str(p)) not in usable]
    for doc in documents:
        path = Path(os.path.abspath(doc.path))
        digest = hashlib.sha256(doc.source.data).hexdigest()
        cached = cache.matching(path, digest, keys)
        found[corpus.key(doc.path)] = cached if cached is not None else {}
        if cached is None:
            pending.append((doc, digest))
    if len(pending) < THRESHOLD:
        # few documents: parse them here, once, and keep the models for the rules
        extracted: list[FactValues | None] = [extract_all(doc, wanted) for doc, _ in pending]
    else:
        # many: parse in parallel and keep nothing, so memory does not grow with the run
        items = [(doc.path, doc.source.data, refs) for doc, _ in pending]
        extracted = ordered_map(_facts_from_bytes, items)
    for (doc, digest), values in zip(pending, extracted, strict=True):
        values = values or {k: None for k in keys}
        found[corpus.key(doc.path)] = values
        path = Path(os.path.abspath(doc.path))
        try:
            st = path.stat()
            cache.store(Stale(path, doc.source.data, digest, st.st_size, st.st_mtime_ns), values)
        except OSError:
            pass
    fresh, stale = cache.lookup(others, keys)
    for path, values in fresh.items():
        found[corpus.key(str(path))] = values
    items = [(str(s.path), s.data, refs) for s in stale]
    for entry, values in zip(stale, ordered_map(_facts_from_bytes, items), strict=True):
        if values is not None:
            cache.store(entry, values)
            found[corpus.key(str(entry.path))] = values
    cache.save()
    return dict(sorted(found.items()))
