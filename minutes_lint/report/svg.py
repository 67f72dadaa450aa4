"""Inline SVG charts: stacked columns, horizontal bars and attendance strips.

Every text that goes into a chart is escaped here; the page inserts the SVG as it is.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from html import escape

# Okabe-Ito colours: told apart by people with colour-blindness
SEVERITY_COLOURS = {"error": "#D55E00", "warning": "#E69F00", "info": "#0072B2"}
VARIANT_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")


def _nice_max(value: int) -> int:
    """A round axis maximum at or above ``value``: 1, 1.5, 2, 3 or 5 times a power of ten."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for m in (1, 1.5, 2, 3, 5):
            top = step * m
            if top == int(top) and value <= top:
                return int(top)
        step *= 10


def stacked_columns(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[int]]],
    *,
    title: str,
    height: int = 180,
) -> str:
    """Columns per label, each a stack of ``series`` (name, colour, values)."""
    n = max(len(labels), 1)
    totals = [sum(values[i] for _, _, values in series) for i in range(len(labels))]
    top = _nice_max(max(totals, default=0))
    left, bottom, plot_h = 44, 34, height - 44
    bar = max(6, min(40, 640 // n))
    gap = max(2, bar // 4)
    width = left + n * (bar + gap) + 10
    out = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in (0, top // 2, top):
        y = 10 + plot_h - plot_h * tick / top
        out.append(
            f'<line x1="{left - 4}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" class="axis" text-anchor="end">{tick}</text>'
        )
    every = max(1, n // 12)  # at most about a dozen labels under the axis
    for i, label in enumerate(labels):
        x = left + i * (bar + gap)
        y = 10 + plot_h
        parts = []
        for name, colour, values in series:
            value = values[i]
            if not value:
                continue
            h = plot_h * value / top
            y -= h
            parts.append(f"{value} {name}")
            out.append(
                f'<rect x="{x}" y="{y:.1f}" width="{bar}" height="{h:.1f}" fill="{colour}"/>'
            )
        tip = f"{label}: {', '.join(parts) if parts else 'none'}"
        out.append(
            f'<rect x="{x}" y="10" width="{bar}" height="{plot_h}" class="hit">'
            f"<title>{escape(tip)}</title></rect>"
        )
        if i % every == 0:
            out.append(
                f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 26}" class="axis" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    out.append("</svg>")
    return "".join(out)


def horizontal_bars(
    rows: Sequence[tuple[str, int, str, str]], *, title: str, width: int = 520
) -> str:
    """One bar per row (label, value, colour, tooltip), longest first as given."""
    top = max((value for _, value, _, _ in rows), default=0) or 1
    label_w, row_h = 64, 18
    height = row_h * len(rows) + 6
    plot_w = width - label_w - 60
    out = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value, colour, tip) in enumerate(rows):
        y = 3 + i * row_h
        w = max(1.0, plot_w * value / top)
        out.append(
            f"<g><title>{escape(tip)}</title>"
            f'<text x="0" y="{y + 12}" class="axis">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 2}" width="{w:.1f}" height="{row_h - 5}" '
            f'fill="{colour}"/>'
            f'<text x="{label_w + w + 4:.1f}" y="{y + 12}" class="axis">{value}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


def _day(iso: str) -> int:
    return datetime.date.fromisoformat(iso).toordinal()


def attendance_strip(
    variants: Sequence[tuple[str, Sequence[str]]], first: str, last: str, width: int = 220
) -> str:
    """One line of ticks per spelling (text, ISO dates) on a shared time axis."""
    start, end = _day(first), _day(last)
    span = max(end - start, 1)
    row_h = 9
    height = row_h * len(variants) + 2
    out = [
        f'<svg class="strip" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="attendance from {escape(first)} to {escape(last)}">'
    ]
    for i, (text, dates) in enumerate(variants):
        colour = VARIANT_COLOURS[i % len(VARIANT_COLOURS)]
        y = 1 + i * row_h
        out.append(f'<line x1="0" x2="{width}" y1="{y + 4}" y2="{y + 4}" class="base"/>')
        ticks = "".join(
            f"M{(width - 2) * (_day(d) - start) / span + 1:.1f} {y}v{row_h - 1}" for d in dates
        )
        if ticks:
            tip = f"{text}: {len(dates)} meetings, {dates[0]} to {dates[-1]}"
            out.append(
                f'<path d="{ticks}" stroke="{colour}" stroke-width="1.5">'
                f"<title>{escape(tip)}</title></path>"
            )
    out.append("</svg>")
    return "".join(out)


def series_strip(
    dates: Sequence[str],
    gaps: Sequence[tuple[str, str]],
    flagged: Sequence[str],
    first: str,
    last: str,
    width: int = 560,
) -> str:
    """A series on the archive's time axis: a tick per meeting, a band per gap, a red tick
    per meeting whose document has a date problem."""
    start, end = _day(first), _day(last)
    span = max(end - start, 1)

    def x(iso: str) -> float:
        return (width - 2) * (_day(iso) - start) / span + 1

    out = [
        f'<svg class="strip" width="{width}" height="18" viewBox="0 0 {width} 18" role="img" '
        f'aria-label="meetings from {escape(first)} to {escape(last)}">',
        f'<line x1="0" x2="{width}" y1="9" y2="9" class="base"/>',
    ]
    for a, b in gaps:
        out.append(
            f'<rect x="{x(a):.1f}" y="2" width="{max(x(b) - x(a), 1):.1f}" height="14" '
            f'fill="#E69F00" fill-opacity="0.3"><title>{escape(f"no minutes from {a} to {b}")}'
            "</title></rect>"
        )
    ticks = "".join(f"M{x(d):.1f} 3v12" for d in dates)
    if ticks:
        out.append(f'<path d="{ticks}" stroke="#0072B2" stroke-width="1.2"/>')
    bad = "".join(f"M{x(d):.1f} 0v18" for d in flagged)
    if bad:
        out.append(f'<path d="{bad}" stroke="#D55E00" stroke-width="2"/>')
    out.append("</svg>")
    return "".join(out)
