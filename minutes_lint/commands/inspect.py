"""``minutes-lint inspect PATH...``: print what the document model understood.

For each document: the meeting date and every date that witnesses it (with its kind), the
attendees with their organisation and role (a person once, with the most specific role),
the people listed as absent, the next meeting, the approved minutes and the section
titles.  Text for people; ``--output-format json`` prints a JSON array with one object per
document, for tests and tools.  It shows why a rule fired, and lets a maintainer test the
model directly.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from minutes_lint.document import Document
from minutes_lint.exit_codes import EXIT_CLEAN, EXIT_ERROR
from minutes_lint.source import ReadFailure, read_source

# the kinds of meeting-date witnesses, as the JSON output names them
_KINDS = {"publication": "front-matter", "file name": "file-name", "date line": "date-line"}
_ROLE_RANK = {"present": 0, "guest": 1, "scribe": 2, "chair": 3}


def run_inspect(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="minutes-lint inspect", description=__doc__)
    p.add_argument("paths", nargs="+", help="files or folders (their *.md files)")
    p.add_argument("--output-format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    found: list[dict[str, Any]] = []
    documents: list[Document] = []
    failed = False
    for path in _expand(args.paths):
        source = read_source(path)
        if isinstance(source, ReadFailure):
            print(f"minutes-lint: error: {path}: {source.message}", file=sys.stderr)
            failed = True
            continue
        documents.append(Document(source))
    series = _series(documents, args.paths)
    for doc in documents:
        item = inspect_document(doc)
        item["series"] = series.get(doc.path)
        found.append(item)
    if args.output_format == "json":
        json.dump(found, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for item in found:
            sys.stdout.write(as_text(item))
    return EXIT_ERROR if failed else EXIT_CLEAN


def _series(documents: list[Document], paths: list[str]) -> dict[str, str | None]:
    """Path -> the series (the group whose meetings it records), learned from the project's
    corpus as the calendar rules learn it."""
    if not documents:
        return {}
    from minutes_lint.calendar import series_name
    from minutes_lint.calendar_facts import calendar_fact
    from minutes_lint.config import ConfigError, load_settings
    from minutes_lint.corpus_loader import build_corpus

    try:
        settings = load_settings(None, Path(paths[0]))
    except ConfigError:
        return {}
    corpus = build_corpus(settings, documents, use_cache=True, facts=[calendar_fact])
    return {doc.path: series_name(corpus, doc.path, settings) for doc in documents}


def _expand(paths: list[str]) -> list[str]:
    """Files as given; folders expanded to their Markdown files, sorted."""
    out: list[str] = []
    for path in paths:
        folder = Path(path)
        if folder.is_dir():
            out.extend(str(p) for p in sorted(folder.rglob("*.md")) if p.is_file())
        else:
            out.append(path)
    return out


def inspect_document(doc: Document) -> dict[str, Any]:
    """The model of one document as JSON data."""
    from minutes_lint.names import person_key

    meeting = doc.meeting
    day = meeting.meeting_date.day
    witnesses: list[dict[str, Any]] = []
    for w in (meeting.publication, meeting.title, meeting.body, *meeting.more_top):
        if w is not None:
            witnesses.append(
                {"kind": _KINDS.get(w.kind, w.kind), "date": str(w.date), "line": w.line}
            )
    for w in meeting.file_names:
        witnesses.append({"kind": "file-name", "date": str(w.date), "line": None})
    attendees: list[dict[str, Any]] = []
    by_key: dict[str, dict[str, Any]] = {}
    for entry in doc.attendees:
        key = person_key(entry.name) or entry.name
        item = {
            "name": entry.name,
            "organisation": entry.org,
            "role": entry.role,
            "line": doc.position(entry.name_start).line,
            "handle": entry.handle,
            "group": entry.group,
        }
        seen = by_key.get(key)
        if seen is None:
            by_key[key] = item
            attendees.append(item)
        else:  # one person: the most specific role, the organisation where it is written
            if _ROLE_RANK.get(entry.role, 0) > _ROLE_RANK.get(seen["role"], 0):
                seen["role"] = entry.role
            seen["organisation"] = seen["organisation"] or entry.org
            seen["handle"] = seen["handle"] or entry.handle
    absent = [
        {"name": e.name, "line": doc.position(e.name_start).line} for e in doc.absent if e.name
    ]
    next_meeting = None
    if meeting.next_meetings:
        first = meeting.next_meetings[0]
        next_meeting = {"date": str(first.date), "line": first.line}
    approved = [
        {"date": str(m.value), "line": doc.position(m.start).line}
        for m in meeting.approved
        if m.value is not None
    ]
    sections = [
        {
            "number": s.number,
            "title": s.title,
            "line": doc.position(s.start).line,
            "kind": s.kind,
        }
        for s in doc.sections
    ]
    return {
        "path": doc.path,
        "meeting_date": str(day) if day is not None else None,
        "date_witnesses": witnesses,
        "attendees": attendees,
        "absent": absent,
        "next_meeting": next_meeting,
        "approved_minutes": approved,
        "sections": sections,
    }


def as_text(item: dict[str, Any]) -> str:
    """The model of one document for people to read."""
    out = [f"{item['path']}", f"  meeting date: {item['meeting_date'] or 'unknown'}"]
    for w in item["date_witnesses"]:
        where = f"line {w['line']}" if w["line"] else "the file name"
        out.append(f"    {w['kind']}: {w['date']} ({where})")
    out.append(f"  attendees: {len(item['attendees'])}")
    for a in item["attendees"]:
        org = f" ({a['organisation']})" if a["organisation"] else ""
        role = f" [{a['role']}]" if a["role"] != "present" else ""
        out.append(f"    {a['line']}: {a['name']}{org}{role}")
    if item["absent"]:
        out.append(
            "  absent: " + ", ".join(f"{a['name']} (line {a['line']})" for a in item["absent"])
        )
    if item["next_meeting"]:
        nm = item["next_meeting"]
        out.append(f"  next meeting: {nm['date']} (line {nm['line']})")
    for a in item["approved_minutes"]:
        out.append(f"  approved minutes: {a['date']} (line {a['line']})")
    out.append(f"  sections: {len(item['sections'])}")
    for s in item["sections"]:
        number = f"{s['number']} " if s["number"] else ""
        out.append(f"    {s['line']}: {number}{s['title']}")
    return "\n".join(out) + "\n"
