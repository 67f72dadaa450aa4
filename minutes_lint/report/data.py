"""What the report shows, gathered through the engine's own pieces, as JSON data.

The lint pipeline is called in one place (``run_lint``); everything else reads the
settings, the corpus (facts from the cache), the roster clusters and the meeting dates.
``gather`` returns plain JSON data: the ``--output-format json`` output as it stands, and
what the HTML page is drawn from.
"""

from __future__ import annotations

import argparse
import datetime
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import quote

from minutes_lint import __version__
from minutes_lint.clusters import Cluster, organisation_clusters, people_clusters
from minutes_lint.commands.check import LintRun
from minutes_lint.config import Settings
from minutes_lint.corpus import Corpus
from minutes_lint.corpus_loader import build_corpus
from minutes_lint.document import Document
from minutes_lint.exit_codes import UsageError
from minutes_lint.facts import attendees
from minutes_lint.names import Spelling
from minutes_lint.report.meetings import meeting
from minutes_lint.roster import Roster, load_roster, roster_path
from minutes_lint.selection import ENGINE_CODES, ENGINE_SEVERITY
from minutes_lint.source import Source, read_source
from minutes_lint.stages.plan import settings_for

SCHEMA_VERSION = 1
SEVERITIES = ("error", "warning", "info")
PLACEHOLDERS = ("{path}", "{line}", "{column}")


def run_lint(args: argparse.Namespace) -> LintRun:
    """The one place the report runs the lint pipeline (read, parse, check, decide)."""
    from minutes_lint.commands.check import lint_paths

    return lint_paths(args)


def lint_arguments(args: argparse.Namespace) -> argparse.Namespace:
    """The arguments of a plain check run (no fixing) for the report's arguments: the
    check command's defaults, so an option added to it later has its default here."""
    from minutes_lint.arguments import check_parser

    lint = check_parser().parse_args([])
    lint.paths = list(args.paths)
    lint.config = args.config
    lint.select, lint.extend_select, lint.ignore = args.select, args.extend_select, args.ignore
    lint.no_cache = args.no_cache
    return lint


def url_template(args: argparse.Namespace, settings: Settings) -> str:
    template = args.url_template if args.url_template is not None else settings.report_url
    if template and "{path}" not in template:
        raise UsageError(f"the URL template '{template}' has no {{path}} placeholder")
    return template or ""


def link(template: str, path: str, line: int, column: int = 1) -> str | None:
    """The URL of a place in a file, from a template with {path}, {line} and {column}."""
    if not template:
        return None
    return (
        template.replace("{path}", quote(path, safe="/"))
        .replace("{line}", str(line))
        .replace("{column}", str(column))
    )


def gather(args: argparse.Namespace) -> dict[str, Any]:
    """Everything the report shows, as JSON data."""
    if "-" in args.paths:
        raise UsageError("the report reads files, not stdin: name files or folders")
    args.paths = args.paths or ["."]
    run = run_lint(lint_arguments(args))
    settings = settings_for(args.config, args.paths)
    template = url_template(args, settings)
    roster = load_roster(settings)
    sources = [s for s in map(read_source, run.checked_paths) if isinstance(s, Source)]
    corpus = build_corpus(
        settings,
        [Document(s) for s in sources],
        use_cache=not args.no_cache,
        roster=roster,
        facts=(attendees, meeting, *calendar_facts()),
    )
    cache = None if args.no_cache else settings.root / settings.cache_dir
    view = corpus_view(corpus, settings, roster, cache, run.rules)
    meetings: dict[str, Any] = view["meetings"]  # corpus path -> meeting date, title
    given = dict.fromkeys([*run.checked_paths, *(d.path for d in run.diagnostics)])
    key = corpus_paths(corpus, given)  # as given -> corpus path; unreadable files too
    linted = {key[p] for p in run.checked_paths}
    paths = list(dict.fromkeys([*(key[p] for p in run.checked_paths), *meetings, *key.values()]))

    problems = [
        {
            "path": d.path,
            "line": d.start.line,
            "column": d.start.column,
            "code": d.code,
            "severity": d.severity.value,
            "message": d.message,
            "document": key[d.path],
            "url": link(template, key[d.path], d.start.line, d.start.column),
        }
        for d in sorted(run.diagnostics, key=lambda d: d.sort_key)
    ]
    per_doc = Counter(p["document"] for p in problems)
    documents = [
        {
            "path": p,
            "date": (meetings.get(p) or {}).get("date"),
            "title": (meetings.get(p) or {}).get("title"),
            "problems": per_doc[p],
            "linted": p in linted,
            "url": link(template, p, 1),
        }
        for p in paths
    ]
    calendar = calendar_data(corpus, settings, problems)
    return {
        "version": SCHEMA_VERSION,
        "tool": f"minutes-lint {__version__}",
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "root": str(settings.root),
        "url_template": template,
        "roster": str(roster_path(settings)) if roster.path else None,
        "summary": summary(view["rules"], problems, documents, calendar),
        "documents": documents,
        "people": view["people"],
        "organisations": view["organisations"],
        "calendar": calendar,
        "problems": problems,
    }


def corpus_paths(corpus: Corpus, paths: Iterable[str]) -> dict[str, str]:
    """Path as given -> corpus path, as ``corpus.key`` gives it, computed once per folder."""
    found: dict[str, str] = {}
    folders: dict[str, str] = {}
    for path in paths:
        head, tail = os.path.split(path)
        if head not in folders:
            folders[head] = corpus.key(os.path.join(head, "_")).rpartition("/")[0]
        base = folders[head]
        found[path] = f"{base}/{tail}" if base else tail
    return found


def corpus_view(
    corpus: Corpus,
    settings: Settings,
    roster: Roster,
    cache: Path | None,
    rules: Mapping[str, Any],
) -> dict[str, Any]:
    """Meeting dates, people and organisations of the corpus, and what each rule is called:
    from the cache when neither the corpus, the roster, the rules nor minutes-lint changed
    (so a warm report, like a warm check, imports no rule)."""
    import hashlib
    import json

    from minutes_lint.facts import engine_stamp
    from minutes_lint.report.view_cache import load_view, save_view
    from minutes_lint.run_key import rule_stamps

    stamps = json.dumps([corpus.fingerprint, engine_stamp(), rule_stamps()], sort_keys=True)
    key = hashlib.sha256(stamps.encode("utf-8")).hexdigest()
    view = load_view(cache, key)
    if view is not None:
        return view
    meetings = corpus.facts(meeting)
    date_of = {p: (m or {}).get("date") for p, m in meetings.items()}
    states = RosterStates.read(settings, roster)
    view = {
        "meetings": meetings,
        "people": [
            cluster_data(c, date_of, states.people, states.person_candidates)
            for c in people_clusters(corpus)
        ],
        "organisations": organisation_data(corpus, states),
        "rules": rule_descriptions(rules),
    }
    save_view(cache, key, view)
    return view


# -- calendar --------------------------------------------------------------------------


def calendar_facts() -> tuple[Any, ...]:
    from minutes_lint.calendar_facts import calendar_fact

    return (calendar_fact,)


def calendar_data(
    corpus: Corpus, settings: Settings, problems: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """Each series' meetings with gaps and the date problems (DT, CL) of its documents,
    from minutes-lint's series detection; problems per series for the summary."""
    from minutes_lint.calendar import calendar_for
    from minutes_lint.commands.calendar import calendar_json

    calendar = calendar_for(corpus, settings)
    if not calendar.series:
        return None
    by_document: dict[str, list[dict[str, Any]]] = {}
    for p in problems:
        by_document.setdefault(p["document"], []).append(p)
    series = calendar_json(calendar, {})
    by_series = []
    for item in series:
        docs = {m["path"] for m in item["meetings_list"]}
        found = [p for d in docs for p in by_document.get(d, [])]
        for m in item["meetings_list"]:
            m["problems"] = [
                {"code": p["code"], "line": p["line"], "message": p["message"]}
                for p in by_document.get(m["path"], [])
                if p["code"].startswith(("DT", "CL"))
            ]
        counts = Counter(p["severity"] for p in found)
        by_series.append({"series": item["name"], **{s: counts[s] for s in SEVERITIES}})
    by_series.sort(key=lambda b: -sum(b[s] for s in SEVERITIES))
    return {"series": series, "by_series": by_series}


# -- summary -----------------------------------------------------------------------------


def summary(
    rules: dict[str, list[str]],
    problems: list[dict[str, Any]],
    documents: list[dict[str, Any]],
    calendar: dict[str, Any] | None,
) -> dict[str, Any]:
    by_severity = Counter(p["severity"] for p in problems)
    by_code = Counter(p["code"] for p in problems)
    names = rules
    severity_of: dict[str, str] = {}
    for p in problems:
        severity_of.setdefault(p["code"], p["severity"])
    dates = [d["date"] for d in documents if d["date"]]
    monthly = bool(dates) and _months_between(min(dates), max(dates)) <= 24
    date_of = {d["path"]: d["date"] for d in documents}
    periods: dict[str, Counter[str]] = {}
    docs_per_period: Counter[str] = Counter(
        _period(d["date"], monthly) for d in documents if d["linted"]
    )
    for p in problems:
        key = _period(date_of.get(p["document"]), monthly)
        periods.setdefault(key, Counter())[p["severity"]] += 1
    keys = sorted(set(periods) | set(docs_per_period), key=lambda k: (k == "undated", k))
    return {
        "documents": sum(1 for d in documents if d["linted"]),
        "corpus_documents": len(documents),
        "dated_documents": len(dates),
        "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None,
        "problems": len(problems),
        "by_severity": {s: by_severity[s] for s in SEVERITIES},
        "by_rule": [
            {
                "code": code,
                "name": names.get(code, ["", "", ""])[0],
                "summary": names.get(code, ["", "", ""])[1],
                "severity": severity_of.get(code, names.get(code, ["", "", "error"])[2]),
                "count": count,
            }
            for code, count in sorted(by_code.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "period": "month" if monthly else "year",
        "by_period": [
            {
                "period": k,
                "documents": docs_per_period[k],
                **{s: periods.get(k, Counter())[s] for s in SEVERITIES},
            }
            for k in keys
        ],
        "by_series": calendar["by_series"] if calendar else None,
    }


def rule_descriptions(rules: Mapping[str, Any]) -> dict[str, list[str]]:
    """Code -> [name, summary, default severity] of every rule and engine code."""
    found = {code: [r.name, r.summary, r.severity.value] for code, r in rules.items()}
    for code, (name, text) in ENGINE_CODES.items():
        found[code] = [name, text, ENGINE_SEVERITY.get(code, "error")]
    return found


def _months_between(first: str, last: str) -> int:
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1


def _period(date: str | None, monthly: bool) -> str:
    if not date:
        return "undated"
    return date[:7] if monthly else date[:4]


# -- people and organisations ------------------------------------------------------------


class RosterStates:
    """Which spellings the roster file confirms (name, aliases) or lists as candidates."""

    def __init__(self) -> None:
        self.people: dict[str, str] = {}  # spelling -> canonical (confirmed)
        self.organisations: dict[str, str] = {}
        self.person_candidates: set[str] = set()
        self.org_candidates: set[str] = set()

    @classmethod
    def read(cls, settings: Settings, roster: Roster) -> RosterStates:
        states = cls()
        states.people = dict(roster.people)
        states.organisations = dict(roster.organisations)
        if roster.path is None:
            return states
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError

        try:
            raw = YAML(typ="safe").load(roster_path(settings).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, YAMLError):
            return states  # load_roster read it a moment ago; a race costs only the states
        for section, found in (
            ("people", states.person_candidates),
            ("organisations", states.org_candidates),
        ):
            for entry in (raw or {}).get(section) or []:
                if isinstance(entry, dict):
                    found.update(map(str, entry.get("candidates") or []))
        return states


def _state(text: str, confirmed: dict[str, str], candidates: set[str]) -> str:
    if text in confirmed:
        return "confirmed"
    return "candidate" if text in candidates else "new"


def _group_state(states: Iterable[str]) -> str:
    """confirmed when every spelling is; new when one is unknown to the roster."""
    found = set(states)
    if found == {"confirmed"}:
        return "confirmed"
    return "new" if "new" in found else "candidate"


def cluster_data(
    cluster: Cluster,
    date_of: dict[str, str | None],
    confirmed: dict[str, str],
    candidates: set[str],
) -> dict[str, Any]:
    variants = [_variant(s, date_of, confirmed, candidates) for s in cluster.spellings]
    state = _group_state(v["state"] for v in variants)
    documents = set().union(*(s.documents for s in cluster.spellings))
    return {
        "name": cluster.canonical.text,
        "state": state,
        "uses": cluster.uses,
        "documents": len(documents),
        "tie": cluster.tie,
        "variants": variants,
    }


def _variant(
    spelling: Spelling,
    date_of: dict[str, str | None],
    confirmed: dict[str, str],
    candidates: set[str],
) -> dict[str, Any]:
    docs = sorted(spelling.documents, key=lambda p: (date_of.get(p) or "", p))
    return {
        "text": spelling.text,
        "count": spelling.count,
        "state": _state(spelling.text, confirmed, candidates),
        "documents": docs,
        "dates": sorted({d for p in docs if (d := date_of.get(p))}),
    }


def organisation_data(corpus: Corpus, states: RosterStates) -> list[dict[str, Any]]:
    """Every organisation of the attendee lists, those written several ways first."""
    out = []
    clustered: set[str] = set()
    for cluster in organisation_clusters(corpus):
        clustered.update(s.text for s in cluster.spellings)
        out.append(_organisation(cluster.spellings, states))
    singles = [
        group.ranked()
        for group in corpus.organisations.values()
        if not clustered.intersection(group.spellings)
    ]
    out.extend(_organisation(s, states) for s in sorted(singles, key=lambda s: -_uses(s)))
    return out


def _uses(spellings: Iterable[Spelling]) -> int:
    return sum(s.count for s in spellings)


def _organisation(spellings: list[Spelling], states: RosterStates) -> dict[str, Any]:
    variants = [
        {
            "text": s.text,
            "count": s.count,
            "documents": len(s.documents),
            "state": _state(s.text, states.organisations, states.org_candidates),
        }
        for s in spellings
    ]
    return {
        "name": spellings[0].text,
        "state": _group_state(v["state"] for v in variants),
        "uses": _uses(spellings),
        "documents": len(set().union(*(s.documents for s in spellings))),
        "variants": variants,
    }
