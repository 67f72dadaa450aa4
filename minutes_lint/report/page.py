"""The HTML page: one file with its styles, script and data inline.

The summary and its charts are written here as HTML and SVG; the tables are built in
the browser from the data embedded as JSON (in a ``<script type="application/json">``
whose ``<``, ``>`` and ``&`` are escaped, so no document text can close it).  A Content
Security Policy allows no network access and only the page's own script and styles.
"""

from __future__ import annotations

import base64
import hashlib
import json
from html import escape
from importlib import resources
from typing import Any

from minutes_lint.report.svg import (
    SEVERITY_COLOURS,
    attendance_strip,
    horizontal_bars,
    series_strip,
    stacked_columns,
)

SEVERITIES = ("error", "warning", "info")


def _asset(name: str) -> str:
    return resources.files("minutes_lint.report").joinpath(name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element whatever strings it holds."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, code)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def packed(report: dict[str, Any]) -> dict[str, Any]:
    """The report's data in the compact form the page's script reads (documents by index)."""
    docs = report["documents"]
    index = {d["path"]: i for i, d in enumerate(docs)}
    codes = sorted({p["code"] for p in report["problems"]})
    code_index = {c: i for i, c in enumerate(codes)}
    summary = report["summary"]
    first, last = summary["first_date"], summary["last_date"]
    people = []
    for person in report["people"]:
        strip = ""
        if first and last:
            strip = attendance_strip(
                [(v["text"], v["dates"]) for v in person["variants"]], first, last
            )
        people.append(
            [
                person["name"],
                person["state"],
                person["uses"],
                person["documents"],
                [
                    [v["text"], v["count"], v["state"], [index[p] for p in v["documents"]]]
                    for v in person["variants"]
                ],
                strip,
            ]
        )
    return {
        "url": report["url_template"],
        "docs": [[d["path"], d["date"], d["title"]] for d in docs],
        "codes": codes,
        "problems": [
            [
                index[p["document"]],
                p["line"],
                p["column"],
                code_index[p["code"]],
                SEVERITIES.index(p["severity"]),
                p["message"],
            ]
            for p in report["problems"]
        ],
        "people": people,
        "orgs": [
            [
                o["name"],
                o["state"],
                o["uses"],
                o["documents"],
                [[v["text"], v["count"], v["state"], v["documents"]] for v in o["variants"]],
            ]
            for o in report["organisations"]
        ],
    }


def render(report: dict[str, Any], title: str) -> str:
    css, js = _asset("page.css"), _asset("page.js")
    csp = (
        f"default-src 'none'; img-src data:; style-src {_csp_hash(css)}; "
        f"script-src {_csp_hash(js)}; base-uri 'none'; form-action 'none'"
    )
    s = report["summary"]
    counts = {
        "people": len(report["people"]),
        "organisations": sum(1 for o in report["organisations"] if len(o["variants"]) > 1),
        "problems": s["problems"],
    }
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp, quote=False)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>{escape(title)}</title>",
        f"<style>{css}</style></head><body>",
        "<header>",
        f"<h1>{escape(title)}</h1>",
        f'<div class="meta">{escape(_meta_line(report))}</div>',
        "</header>",
        '<nav aria-label="sections">',
        '<a href="#summary">Summary</a>',
        f'<a href="#people">People<span class="n">{counts["people"]}</span></a>',
        f'<a href="#organisations">Organisations<span class="n">{counts["organisations"]}'
        "</span></a>",
        '<a href="#calendar">Calendar</a>',
        f'<a href="#problems">Problems<span class="n">{counts["problems"]}</span></a>',
        "</nav><main>",
        "<noscript><p>The tables of this page are drawn by its script: allow scripts to see "
        "them. The summary above them needs none.</p></noscript>",
        _summary(report),
        _people(),
        _organisations(),
        _calendar(report),
        _problems(report),
        "</main>",
        f'<script type="application/json" id="report-data">{script_json(packed(report))}</script>',
        f"<script>{js}</script>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _meta_line(report: dict[str, Any]) -> str:
    s = report["summary"]
    span = f", meetings from {s['first_date']} to {s['last_date']}" if s["first_date"] else ""
    return f"{report['tool']}, {report['generated']}; project root {report['root']}{span}"


def _card(value: Any, label: str, cls: str = "") -> str:
    return (
        f'<div class="card {cls}"><div class="v">{escape(str(value))}</div>'
        f'<div class="k">{escape(label)}</div></div>'
    )


def _legend() -> str:
    return (
        '<div class="legend">'
        + "".join(f'<span class="lg-{s}">{s}</span>' for s in SEVERITIES)
        + "</div>"
    )


def _summary(report: dict[str, Any]) -> str:
    s = report["summary"]
    sev = s["by_severity"]
    variants = sum(1 for o in report["organisations"] if len(o["variants"]) > 1)
    cards = [
        _card(s["documents"], "documents checked"),
        _card(s["problems"], "problems"),
        _card(sev["error"], "errors", "error"),
        _card(sev["warning"], "warnings", "warning"),
        _card(sev["info"], "info", "info"),
        _card(len(report["people"]), "people written several ways"),
        _card(variants, "organisations written several ways"),
    ]
    if s["corpus_documents"] != s["documents"]:
        cards.insert(1, _card(s["corpus_documents"], "documents in the corpus"))
    out = ['<section id="summary"><h2>Summary</h2>', '<div class="cards">', *cards, "</div>"]
    periods = s["by_period"]
    out.append('<div class="charts">')
    if periods:
        chart = stacked_columns(
            [p["period"] for p in periods],
            [(name, SEVERITY_COLOURS[name], [p[name] for p in periods]) for name in SEVERITIES],
            title=f"Problems per {s['period']} of the meeting date",
        )
        out.append(
            f"<figure><figcaption>Problems per {s['period']} (by the meeting date of the "
            f"document)</figcaption>{chart}{_legend()}</figure>"
        )
        docs = stacked_columns(
            [p["period"] for p in periods],
            [("documents", "#7f8c99", [p["documents"] for p in periods])],
            title=f"Documents per {s['period']}",
            height=140,
        )
        out.append(f"<figure><figcaption>Documents per {s['period']}</figcaption>{docs}</figure>")
    if s["by_rule"]:
        rows = [
            (
                r["code"],
                r["count"],
                SEVERITY_COLOURS.get(r["severity"], "#777"),
                f"{r['code']} {r['name']}: {r['count']} ({r['summary']})",
            )
            for r in s["by_rule"]
        ]
        out.append(
            "<figure><figcaption>Problems by rule</figcaption>"
            f"{horizontal_bars(rows, title='Problems by rule')}</figure>"
        )
    out.append("</div>")
    if s["by_series"]:
        rows = [
            (
                b["series"][:9],
                sum(b[k] for k in SEVERITIES),
                "#7f8c99",
                f"{b['series']}: " + ", ".join(f"{b[k]} {k}" for k in SEVERITIES),
            )
            for b in s["by_series"][:25]
        ]
        out.append(
            "<figure><figcaption>Problems per meeting series</figcaption>"
            f"{horizontal_bars(rows, title='Problems per meeting series')}</figure>"
        )
    else:
        out.append(
            '<p class="note">Problems per meeting series appear here once minutes-lint '
            "detects series (see Calendar).</p>"
        )
    if s["by_rule"]:
        out.append(
            '<h3>Rules</h3><table class="rules"><thead><tr><th>Code</th><th>Rule</th>'
            '<th>Severity</th><th class="num">Problems</th></tr></thead><tbody>'
        )
        for r in s["by_rule"]:
            out.append(
                f'<tr><td class="code"><a href="#problems" data-code="{escape(r["code"])}">'
                f"{escape(r['code'])}</a></td><td>{escape(r['name'])}: {escape(r['summary'])}"
                f'</td><td><span class="sev {escape(r["severity"])}">{escape(r["severity"])}'
                f'</span></td><td class="num">{r["count"]}</td></tr>'
            )
        out.append("</tbody></table>")
    out.append("</section>")
    return "\n".join(out)


def _people() -> str:
    return (
        '<section id="people"><h2>People</h2>'
        '<p class="note">Each row is one person written in more than one way in the attendee '
        "lists: the most used spelling first, then every other spelling with how often it is "
        "listed. Click a spelling to see the documents that use it. The attendance strip has "
        "one line per spelling on the time axis of the whole archive: spellings whose ticks "
        "interleave are probably one person. <b>confirmed</b>: the roster lists the spelling "
        "as the name or an alias; <b>candidate</b>: the roster lists it as a candidate; "
        "<b>new</b>: the roster does not know it yet (<code>minutes-lint roster</code> adds "
        "it).</p>"
        '<div class="controls"><input type="search" id="people-filter" '
        'placeholder="filter by name" aria-label="filter people by name">'
        '<select id="people-state" aria-label="roster state"><option value="">any state'
        '</option><option value="confirmed">confirmed</option><option value="candidate">'
        'candidate</option><option value="new">new</option></select>'
        '<span class="count" id="people-table-count"></span></div>'
        '<div id="people-table"></div></section>'
    )


def _organisations() -> str:
    return (
        '<section id="organisations"><h2>Organisations</h2>'
        '<p class="note">Organisations as written in the attendee lists, with every spelling '
        "and how often it is used; those written several ways come first.</p>"
        '<div class="controls"><input type="search" id="orgs-filter" '
        'placeholder="filter by name" aria-label="filter organisations by name">'
        '<label><input type="checkbox" id="orgs-variants"> only those written several ways'
        '</label><span class="count" id="orgs-table-count"></span></div>'
        '<div id="orgs-table"></div></section>'
    )


def _calendar(report: dict[str, Any]) -> str:
    calendar = report["calendar"]
    if not calendar:
        return (
            '<section id="calendar"><h2>Calendar</h2><p class="note">minutes-lint found no '
            "meeting series in these documents.</p></section>"
        )
    s = report["summary"]
    out = [
        '<section id="calendar"><h2>Calendar</h2><p class="note">Each meeting series found '
        "by minutes-lint (<code>minutes-lint calendar</code>) on the archive's time axis: a "
        "blue tick per meeting, an orange band where minutes are missing (meetings further "
        "apart than twice the usual interval), a red tick where the document has a date "
        "problem.</p>"
    ]
    for item in sorted(calendar["series"], key=lambda i: (-i["meetings"], i["name"])):
        meetings = item["meetings_list"]
        dates = [m["date"] for m in meetings if m["date"]]
        flagged = [m["date"] for m in meetings if m["date"] and m["problems"]]
        gaps = [(g["after"], g["before"]) for g in item["gaps"]]
        cadence = f", every {item['interval_days']} days" if item["interval_days"] else ""
        out.append(
            f"<h3>{escape(item['name'])}: {item['meetings']} meetings in {item['documents']} "
            f"documents{escape(cadence)}, {len(gaps)} gaps</h3>"
        )
        if dates and s["first_date"] and s["last_date"]:
            first, last = min(s["first_date"], dates[0]), max(s["last_date"], dates[-1])
            out.append(series_strip(dates, gaps, flagged, first, last))
        notes = [
            f"{m['date'] or '(no date)'} {m['path']}: {p['code']} {p['message']}"
            for m in meetings
            for p in m["problems"]
        ] + [f"gap: no minutes from {a} to {b}" for a, b in gaps]
        notes += [
            f"{path}: minutes without the .md extension" for path in item["files_without_extension"]
        ]
        if notes:
            out.append(
                "<details><summary>"
                f"{len(notes)} gaps and date problems</summary><ul>"
                + "".join(f"<li>{escape(n)}</li>" for n in notes)
                + "</ul></details>"
            )
    out.append("</section>")
    return "\n".join(out)


def _problems(report: dict[str, Any]) -> str:
    codes = sorted({p["code"] for p in report["problems"]})
    options = "".join(f'<option value="{escape(c)}">{escape(c)}</option>' for c in codes)
    link_note = (
        "Each file links to " + escape(report["url_template"]) + "."
        if report["url_template"]
        else "Give <code>--url-template</code> (or <code>report-url</code> in the "
        "configuration) to link each problem to its line in the repository."
    )
    return (
        '<section id="problems"><h2>Problems</h2>'
        f'<p class="note">Every diagnostic of the run. {link_note}</p>'
        '<div class="controls"><input type="search" id="problems-filter" '
        'placeholder="filter by file or message" aria-label="filter problems">'
        '<select id="problems-code" aria-label="code"><option value="">every code</option>'
        f"{options}</select>"
        '<select id="problems-severity" aria-label="severity"><option value="">every '
        'severity</option><option value="error">error</option><option value="warning">'
        'warning</option><option value="info">info</option></select>'
        '<span class="count" id="problems-table-count"></span></div>'
        '<div id="problems-table"></div></section>'
    )
