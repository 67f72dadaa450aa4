"""The meeting calendar: which group each document records, and when each group meets.

Every document belongs to a *series*, the group whose meetings it records.  Series are
learned from the words naming the group in titles and file names (dates, numbers and
words such as "minutes" removed): two names are one series when documents write them
together often enough (``2026-02-11-minutes-smcwg.md`` titled "Minutes of the S/MIME
Certificate Working Group"), or when one is the initials of the other; a document whose
title and file name name no group falls back to its folders.  A ``series`` table in the
configuration (``name = ["regex", ...]``, matched against the path and the title)
overrides what is learned.

Per series the calendar knows the meetings in date order, the usual weekdays and
interval, and how titles and file names are usually written.  It is built once per run
from the per-document facts of :mod:`minutes_lint.calendar_facts`, in time linear in the
number of documents.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from minutes_lint.dates import MONTH_NAMES

if TYPE_CHECKING:
    from minutes_lint.corpus import Corpus

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ONE_DAY = datetime.timedelta(days=1)


@dataclass
class Entry:
    """One document of a series."""

    path: str
    date: datetime.date | None
    title: str | None
    title_line: int
    title_start: int
    title_shape: str | None
    file_shape: str
    file_key: str
    event: bool  # face-to-face or several days: off the usual weekday by nature


@dataclass
class Series:
    name: str
    entries: list[Entry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ready = False

    def finish(self) -> None:
        """Sort the entries and compute the cadence (called once, when all are added)."""
        self.entries.sort(key=lambda e: (e.date or datetime.date.max, e.path))
        self.by_date: dict[datetime.date, list[Entry]] = defaultdict(list)
        for e in self.entries:
            if e.date is not None:
                self.by_date[e.date].append(e)
        self.dates: list[datetime.date] = sorted(self.by_date)
        regular = sorted({e.date for e in self.entries if e.date is not None and not e.event})
        self.weekdays: Counter[int] = Counter(d.weekday() for d in regular)
        # a meeting over consecutive days counts once, from its first day
        starts = [d for d in regular if d - _ONE_DAY not in self.by_date]
        gaps = sorted((b - a).days for a, b in itertools.pairwise(starts))
        self.interval: int | None = gaps[len(gaps) // 2] if gaps else None
        # how many intervals are whole multiples of the usual one (a missing meeting or
        # missing minutes keep the rhythm): near 1.0 for a group with a fixed cadence
        self.regular_share = (
            sum(1 for g in gaps if self.interval and g % self.interval == 0) / len(gaps)
            if gaps
            else 0.0
        )
        self.title_shapes: Counter[str] = Counter(
            e.title_shape for e in self.entries if e.title_shape is not None
        )
        self.file_shapes: Counter[str] = Counter(e.file_shape for e in self.entries)
        self.file_keys = {e.file_key for e in self.entries}

    # -- queries -------------------------------------------------------------------
    def before(self, day: datetime.date) -> datetime.date | None:
        i = bisect.bisect_left(self.dates, day)
        return self.dates[i - 1] if i > 0 else None

    def after(self, day: datetime.date) -> datetime.date | None:
        i = bisect.bisect_right(self.dates, day)
        return self.dates[i] if i < len(self.dates) else None

    def met_on(self, day: datetime.date, exclude: str = "") -> bool:
        return any(e.path != exclude for e in self.by_date.get(day, ()))

    def is_event_day(self, day: datetime.date, exclude: str = "") -> bool:
        """True when ``day`` is part of a multi-day or face-to-face meeting of the series:
        an event document, or another document dated the day before or after."""
        if any(e.event for e in self.by_date.get(day, ()) if e.path != exclude):
            return True
        return self.met_on(day - _ONE_DAY, exclude) or self.met_on(day + _ONE_DAY, exclude)

    def gap_around(self, day: datetime.date) -> tuple[datetime.date, datetime.date] | None:
        """The meetings either side of ``day`` when they are unusually far apart (no minutes
        in the corpus for a while): (before, after), else None."""
        lo, hi = self.before(day), self.after(day)
        if lo is None or hi is None or self.interval is None:
            return None
        usual = max(self.interval, 7)
        return (lo, hi) if (hi - lo).days > usual * 2 else None

    def meetings(self) -> int:
        return len(self.dates)

    def usual_weekdays(self, exclude: datetime.date | None = None) -> Counter[int]:
        days = self.weekdays.copy()
        if exclude is not None and days[exclude.weekday()] > 0:
            days[exclude.weekday()] -= 1
        return +days

    def off_cadence(self, day: datetime.date, later: datetime.date) -> bool:
        """True when ``later`` cannot be a meeting of a group that meets every N days
        (N of two weeks or more) counting from ``day``."""
        interval = self.interval or 0
        return interval >= 14 and self.regular_share >= 0.6 and (later - day).days % interval != 0

    def is_usual_weekday(self, day: datetime.date, share: float = 0.1) -> bool:
        total = sum(self.weekdays.values())
        return total > 0 and self.weekdays[day.weekday()] >= share * total

    def describe_weekdays(self, days: Counter[int] | None = None) -> str:
        days = self.weekdays if days is None else days
        return ", ".join(f"{WEEKDAY_NAMES[w]} ({n})" for w, n in days.most_common(3))

    def describe_interval(self) -> str:
        if self.interval is None:
            return "no usual interval"
        if self.interval % 7 == 0:
            weeks = self.interval // 7
            return "every week" if weeks == 1 else f"every {weeks} weeks"
        return f"every {self.interval} days"

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "documents": len(self.entries),
            "meetings": len(self.dates),
            "weekdays": {WEEKDAY_NAMES[w]: n for w, n in self.weekdays.most_common()},
            "interval_days": self.interval,
            "title_pattern": _top(self.title_shapes),
            "file_name_pattern": _top(self.file_shapes),
        }


def _top(counts: Counter[str]) -> str | None:
    return counts.most_common(1)[0][0] if counts else None


@dataclass
class StrayFile:
    """A file beside the minutes, named like them, without the ``.md`` extension."""

    path: str
    series: str
    neighbour: str  # the document of the series named most like it


@dataclass
class Calendar:
    series: dict[str, Series]
    of_path: dict[str, str]  # document path -> series name
    strays: list[StrayFile] = field(default_factory=list)
    event_dates: list[datetime.date] = field(default_factory=list)  # of every series, sorted

    def near_event(self, day: datetime.date, days: int = 3) -> bool:
        """True when a face-to-face or multi-day meeting of any series is within ``days``."""
        i = bisect.bisect_left(self.event_dates, day - datetime.timedelta(days=days))
        return i < len(self.event_dates) and (self.event_dates[i] - day).days <= days

    def series_of(self, path: str) -> Series | None:
        name = self.of_path.get(path)
        return self.series.get(name) if name is not None else None


# -- building ------------------------------------------------------------------------
def corpus_calendar_facts(corpus: Corpus) -> dict[str, dict[str, Any]]:
    """Corpus path -> calendar facts of every document: the one place they are read."""
    from minutes_lint.calendar_facts import calendar_fact

    return {path: value for path, value in corpus.facts(calendar_fact).items() if value}


def calendar_for(corpus: Corpus, settings: Any = None) -> Calendar:
    """The calendar of ``corpus``, built once per run (memoised on the corpus).

    Paths in it are corpus paths (relative to the project root, see ``Corpus.key``)."""
    patterns = dict(getattr(settings, "series", None) or {})
    return corpus.memo(
        "minutes_lint.calendar",
        lambda: build_calendar(corpus_calendar_facts(corpus), patterns, corpus.root),
    )


def series_name(corpus: Corpus | None, path: str, settings: Any = None) -> str | None:
    """The series of the document at ``path`` (for ``minutes-lint inspect``), or None.

    The corpus must have gathered the ``calendar`` fact (a rule of the run declares it,
    or the corpus was built with ``facts=[calendar_fact]``)."""
    if corpus is None or path not in corpus:
        return None
    return calendar_for(corpus, settings).of_path.get(corpus.key(path))


def build_calendar(
    facts: Mapping[str, Mapping[str, Any]],
    patterns: Mapping[str, Iterable[str]] | None = None,
    root: Any = None,
) -> Calendar:
    names = assign_series(facts, patterns or {}, root)
    series: dict[str, Series] = {}
    for path, data in facts.items():
        name = names[path]
        group = series.get(name)
        if group is None:
            group = series[name] = Series(name)
        group.entries.append(_entry(path, data))
    for group in series.values():
        group.finish()
    calendar = Calendar(dict(sorted(series.items())), names)
    calendar.strays = _stray_files(calendar, root)
    calendar.event_dates = sorted(
        {e.date for g in series.values() for e in g.entries if e.event and e.date is not None}
    )
    return calendar


def _entry(path: str, data: Mapping[str, Any]) -> Entry:
    day = None
    if isinstance(data.get("date"), str):
        try:
            day = datetime.date.fromisoformat(data["date"])
        except ValueError:
            day = None
    return Entry(
        path=path,
        date=day,
        title=data.get("title"),
        title_line=int(data.get("title_line") or 0),
        title_start=int(data.get("title_start") if data.get("title_start") is not None else -1),
        title_shape=data.get("title_shape"),
        file_shape=str(data.get("file_shape") or ""),
        file_key=str((data.get("keys") or {}).get("file") or ""),
        event=bool(data.get("event")),
    )


def assign_series(
    facts: Mapping[str, Mapping[str, Any]],
    patterns: Mapping[str, Iterable[str]],
    root: Any = None,
) -> dict[str, str]:
    """Path -> series name.  Configured patterns first; then the learned names."""
    compiled = [(name, [re.compile(p) for p in pats]) for name, pats in patterns.items()]
    out: dict[str, str] = {}
    keys_of: dict[str, list[str]] = {}
    for path, data in facts.items():
        where = path.replace(os.sep, "/")  # a corpus path: relative to the project root
        title = data.get("title") or ""
        configured = next(
            (
                name
                for name, regexes in compiled
                if any(r.search(where) or r.search(title) for r in regexes)
            ),
            None,
        )
        if configured is not None:
            out[path] = configured
            continue
        keys = data.get("keys") or {}
        found = [k for k in (keys.get("title"), keys.get("file")) if k]
        if not found:
            found = [f"folder:{keys.get('folder') or ''}"]
        keys_of[path] = list(dict.fromkeys(found))
    parent = _link(keys_of.values())
    # name each series by its most common label (the title without dates)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for path, keys in keys_of.items():
        root_key = _find(parent, keys[0])
        label = facts[path].get("label") or keys[0].removeprefix("folder:") or "(no name)"
        labels[root_key][label] += 1
    name_of = {
        key: sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        for key, counts in labels.items()
    }
    taken: dict[str, str] = {}
    for key in sorted(name_of):  # two series with the same label keep apart
        name = name_of[key]
        if name in taken and taken[name] != key:
            name = f"{name} ({key.removeprefix('folder:')})"
        taken[name] = key
        name_of[key] = name
    for path, keys in keys_of.items():
        out[path] = name_of[_find(parent, keys[0])]
    return out


def _link(key_lists: Iterable[list[str]]) -> dict[str, str]:
    """Union-find over group names: names written together by enough documents are one
    group (always together, or together at least twice), and so is an acronym and the
    name it abbreviates."""
    lists = list(key_lists)
    parent: dict[str, str] = {}
    count: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for keys in lists:
        for k in keys:
            parent.setdefault(k, k)
            count[k] += 1
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                pairs[(a, b) if a < b else (b, a)] += 1
    for (a, b), n in pairs.items():
        if n >= 2 or n == min(count[a], count[b]):
            _union(parent, a, b)
    # "s mime working group" and "smime working group": one name written two ways
    compact: dict[str, str] = {}
    for k in list(parent):
        if not k.startswith("folder:"):
            first = compact.setdefault(k.replace(" ", ""), k)
            _union(parent, first, k)
    # an acronym joins the name it abbreviates, when that name is one group
    initials: dict[str, list[str]] = defaultdict(list)
    for k in parent:
        words = k.split()
        if len(words) >= 3 and not k.startswith("folder:"):
            initials["".join(w[0] for w in words)].append(k)
    for k in list(parent):
        if " " in k or k not in initials:
            continue
        groups = {_find(parent, name) for name in initials[k]}
        if len(groups) == 1:
            _union(parent, k, initials[k][0])
    return parent


def _find(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        # the smaller key is the root, so the result does not depend on the order
        lo, hi = sorted((ra, rb))
        parent[hi] = lo


_CONTENT_START = (b"---", b"#", b"\xef\xbb\xbf---", b"\xef\xbb\xbf#")


def _stray_files(calendar: Calendar, root: Any = None) -> list[StrayFile]:
    """Files in the folders of the minutes, named in a series' file-name pattern but
    without the ``.md`` extension, whose content starts like the minutes."""
    from minutes_lint.calendar_facts import group_key, shape

    folders: dict[str, list[str]] = defaultdict(list)
    for path in calendar.of_path:
        folders[os.path.dirname(path)].append(path)
    found: list[StrayFile] = []
    for folder, paths in sorted(folders.items()):
        try:
            names = sorted(os.listdir(os.path.join(str(root or "."), folder)))
        except OSError:
            continue
        known = {os.path.basename(p) for p in paths}
        for name in names:
            if name in known or "." in name.lstrip("."):
                continue
            full = os.path.join(folder, name) if folder else name
            series = _matching_series(calendar, paths, shape(name), group_key(name))
            if series is None or not _looks_like_minutes(os.path.join(str(root or "."), full)):
                continue
            found.append(StrayFile(full, series, _neighbour(calendar, series, name, paths)))
    return found


_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _neighbour(calendar: Calendar, series: str, name: str, beside: list[str]) -> str:
    """The document of ``series`` in the same folder (``beside``) dated nearest the date in
    ``name`` (its last date: a meeting date follows a publication date), else the one
    named most like it."""
    folder = set(beside)
    entries = [e for e in calendar.series[series].entries if e.path in folder]
    dates = []
    for m in _ISO_DATE.finditer(name):
        try:
            dates.append(datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            continue
    dated = [e for e in entries if e.date is not None]
    if dates and dated:
        day = dates[-1]
        return min(dated, key=lambda e: (abs((e.date - day).days), e.path)).path  # type: ignore[operator]
    return min(entries, key=lambda e: (_distance(os.path.basename(e.path), name), e.path)).path


def _matching_series(calendar: Calendar, paths: list[str], file_shape: str, key: str) -> str | None:
    """The series of the folder whose file names are written like ``file_shape``: the one
    naming the same group (``key``) when there is one."""
    candidates: list[str] = []
    for path in paths:
        name = calendar.of_path[path]
        series = calendar.series[name]
        if series.file_shapes.get(file_shape, 0) >= 2:
            if key and key in series.file_keys:
                return name
            candidates.append(name)
    return candidates[0] if candidates and not key else None


def _looks_like_minutes(path: str) -> bool:
    try:
        if not os.path.isfile(path):
            return False
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError:
        return False
    return head.startswith(_CONTENT_START)


def _distance(a: str, b: str) -> int:
    """Characters the two names do not share at their start: enough to pick a neighbour."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return len(a) + len(b) - 2 * common


# -- for rules -------------------------------------------------------------------------
def document_key(doc: Any, ctx: Any) -> str:
    """The corpus path of the document a rule is checking."""
    corpus = getattr(ctx, "corpus", None)
    return corpus.key(doc.path) if corpus is not None else str(doc.path)


def document_series(doc: Any, ctx: Any) -> Series | None:
    """The series of the document a rule is checking, from the run's calendar."""
    if getattr(ctx, "corpus", None) is None:
        return None
    return calendar_for(ctx.corpus, ctx.settings).series_of(document_key(doc, ctx))


def run_calendar(ctx: Any) -> Calendar | None:
    if getattr(ctx, "corpus", None) is None:
        return None
    return calendar_for(ctx.corpus, ctx.settings)


def stray_files_near(doc: Any, ctx: Any) -> list[StrayFile]:
    if getattr(ctx, "corpus", None) is None:
        return []
    key = document_key(doc, ctx)
    return [s for s in calendar_for(ctx.corpus, ctx.settings).strays if s.neighbour == key]


def long_date(day: datetime.date) -> str:
    """``Wednesday 2025-03-05``: a date with its weekday, for messages."""
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}"


_TOKEN = re.compile(r"\d+|[^\W\d_]+")


def write_like(text: str, day: datetime.date) -> str | None:
    """``day`` written the way ``text`` writes a date ("March 3, 2025", "2025-03-03",
    "3rd March 2025"), or None when the form is not understood."""
    numeric = re.fullmatch(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})", text)
    if numeric:
        sep = numeric.group(2)
        month = f"{day.month:0{len(numeric.group(3))}d}"
        dom = f"{day.day:0{len(numeric.group(4))}d}"
        return f"{day.year}{sep}{month}{sep}{dom}"
    out: list[str] = []
    pos = 0
    seen_day = seen_month = False
    for m in _TOKEN.finditer(text):
        out.append(text[pos : m.start()])
        word = m.group(0)
        low = word.lower()
        month = next((n for n in MONTH_NAMES if n.lower().startswith(low[:3])), None)
        if word.isdigit() and len(word) == 4:
            out.append(str(day.year))
        elif word.isdigit():
            out.append(f"{day.day:02d}" if word.startswith("0") else str(day.day))
            seen_day = True
        elif month is not None and len(low) >= 3 and not seen_month:
            name = MONTH_NAMES[day.month - 1]
            name = name if low == month.lower() else name[:3]  # full name or abbreviation
            out.append(name.upper() if word.isupper() and len(word) > 1 else name)
            seen_month = True
        elif low in ("st", "nd", "rd", "th") and seen_day:
            out.append(_ordinal(day.day))
        else:
            return None
        pos = m.end()
    out.append(text[pos:])
    return "".join(out) if seen_day and seen_month else None


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
