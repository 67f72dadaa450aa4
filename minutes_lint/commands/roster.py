"""``minutes-lint roster``: write the clusters of name variants for a person to confirm.

The roster file (``minutes-roster.yaml`` at the project root) is updated in
place with ruamel.yaml's round-trip mode, so comments, order and entries a
person edited survive.  New variants go under ``candidates`` (to confirm:
move them to ``aliases``, or the pair to ``distinct``).  ``--check`` writes
nothing and exits 1 when the roster lacks a cluster the corpus shows.
"""

from __future__ import annotations

import argparse
import io
from pathlib import Path
from typing import Any

from minutes_lint.clusters import Cluster, organisation_clusters, people_clusters
from minutes_lint.config import ConfigError
from minutes_lint.corpus import Corpus
from minutes_lint.corpus_loader import build_corpus
from minutes_lint.exit_codes import EXIT_CLEAN, EXIT_PROBLEMS
from minutes_lint.facts import attendees
from minutes_lint.fixes.atomic_write import encode_text, write_atomic
from minutes_lint.roster import load_roster, roster_path
from minutes_lint.stages.plan import settings_for

HEADER = """\
# minutes-roster.yaml: canonical spellings for minutes-lint.
# For each entry, keep the right spelling as `name`. Spellings under `aliases` are
# confirmed variants (minutes-lint fixes them safely); `candidates` were found by
# `minutes-lint roster` and wait for a person: move each to `aliases`, or, when it is
# a different person, add the pair to `distinct`.
"""


def run_roster(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="minutes-lint roster", description=__doc__)
    p.add_argument("--config", type=Path, metavar="PATH")
    p.add_argument("--check", action="store_true", help="exit 1 when the roster is out of date")
    p.add_argument("--no-cache", action="store_true")
    p.add_argument("--top", type=int, default=0, help="only print the N largest clusters")
    args = p.parse_args(argv)
    settings = settings_for(args.config, ["."])
    if not settings.configured:
        raise ConfigError(
            "no configuration file found: the roster is built from the corpus that "
            "[tool.minutes-lint] or .minutes-lint.toml names"
        )
    corpus = build_corpus(
        settings,
        [],
        use_cache=not args.no_cache,
        roster=load_roster(settings),
        facts=[attendees],
    )
    path = roster_path(settings)
    data, changes = updated_roster(path, corpus)
    for line in changes[: args.top or None]:
        print(line)
    if args.check:
        if changes:
            print(f"{path}: {len(changes)} clusters to add or update (run 'minutes-lint roster')")
            return EXIT_PROBLEMS
        print(f"{path}: up to date")
        return EXIT_CLEAN
    if changes:
        if not path.exists():
            path.touch()
        write_atomic(path, encode_text(data, bom=False))
        print(f"{path}: {len(changes)} clusters added or updated")
    else:
        print(f"{path}: up to date")
    return EXIT_CLEAN


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    return yaml


def updated_roster(path: Path, corpus: Corpus) -> tuple[str, list[str]]:
    """The new text of the roster file and a line per cluster added or updated."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    yaml = _yaml()
    original = path.read_text(encoding="utf-8") if path.exists() else ""
    data = yaml.load(original) if original.strip() else None
    if data is None:
        data = CommentedMap()
        data.yaml_set_start_comment(HEADER)
    for key in ("people", "organisations", "distinct"):
        if data.get(key) is None:
            data[key] = CommentedSeq()
    changes: list[str] = []
    distinct = {frozenset(map(str, pair)) for pair in data["distinct"]}
    for section, clusters in (
        ("people", people_clusters(corpus)),
        ("organisations", organisation_clusters(corpus)),
    ):
        changes.extend(_merge(data[section], clusters, distinct, section))
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue(), changes


def _merge(
    entries: Any, clusters: list[Cluster], distinct: set[frozenset[str]], kind: str
) -> list[str]:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    known: dict[str, Any] = {}
    for entry in entries:
        for spelling in [
            entry.get("name"),
            *(entry.get("aliases") or []),
            *(entry.get("candidates") or []),
        ]:
            if spelling:
                known[str(spelling)] = entry
    changes = []
    for cluster in clusters:
        texts = [s.text for s in cluster.spellings]
        entry = next((known[t] for t in texts if t in known), None)
        created = entry is None
        if entry is None:
            entry = CommentedMap()
            entry["name"] = cluster.canonical.text
            entry["candidates"] = CommentedSeq()
            entries.append(entry)
            entry.yaml_add_eol_comment(_comment(cluster), "name")
            for t in texts:
                known[t] = entry
        listed = {
            str(entry.get("name")),
            *map(str, entry.get("aliases") or []),
            *map(str, entry.get("candidates") or []),
        }
        new = [
            t
            for t in texts
            if t not in listed and frozenset((str(entry["name"]), t)) not in distinct
        ]
        if not new:
            continue
        if entry.get("candidates") is None:
            entry["candidates"] = CommentedSeq()
        entry["candidates"].extend(new)
        if cluster.tie and not created:
            entry.yaml_add_eol_comment(_comment(cluster), "candidates")
        tie = " (tie)" if cluster.tie else ""
        changes.append(f"{kind}: {entry['name']}{tie} <- {', '.join(new)}   [{_counts(cluster)}]")
    return changes


TIE_NOTE = "tie: as many uses of each, check which spelling is right"


def _comment(cluster: Cluster) -> str:
    """The counts of a cluster's spellings, and a warning when the majority is a tie."""
    return f"{_counts(cluster)}; {TIE_NOTE}" if cluster.tie else _counts(cluster)


def _counts(cluster: Cluster) -> str:
    return ", ".join(f"{s.text}: {s.count}" for s in cluster.spellings)
