"""A ballot or document identifier written in another form than usual.

## What it does
Finds identifiers such as ``EX-012`` or ``EXC014`` (two to four capital
letters, an optional dash, digits) in the prose and checks that each
series is written one way.  The form of a series is a dash or none, and
zero-padding to a width or none: ``EXC06`` next to ``EXC014`` is padded to
two digits where the series uses three.

- With ``formats`` (``{"EX": "EX-###"}``, one ``#`` per digit, zero-padded)
  the configured form is the rule.
- Otherwise the corpus decides: for a prefix used at least 5 times, the
  dash form used in at least 80% of the identifiers, and the padding used
  by at least 80% of the identifiers small enough to need it, are the
  series' form.  A corpus split more evenly has no convention to enforce.
- Where the corpus has none, the document itself decides: a series written
  two ways in one document (``EX-94`` twice, ``EX95`` once) is reported
  where it differs from the form the document uses in at least 60% of its
  uses of that series (at least 2).

Only series are checked: prefixes listed in ``prefixes`` when that list
is set, else prefixes whose identifiers have at least two different
numbers and at least one zero-padded number.  That leaves out names like
``SHA-256``, ``AES256`` or ``NIS2`` and one-off labels like ``DNS-01``.
A number is never shortened below its significant digits.

## Why is this bad?
Identifiers are how minutes are searched and cross-referenced: a reader
searching for ``EX-094`` does not find ``EX94``, and the archive looks as if
it discussed two ballots.

## Example
```markdown
The WG discussed ballots EX94 and EX-085.
```
in a corpus that mostly writes ``EX094``.

## Use instead
```markdown
The WG discussed ballots EX094 and EX085.
```

## Fix safety
Safe when the form comes from the ``formats`` option; unsafe when it is
inferred from the majority of the corpus, which may be the old habit
rather than the series' official form.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from minutes_lint.config import ConfigError
from minutes_lint.corpus import Corpus
from minutes_lint.diagnostics import Applicability, Fix, Problem, Severity
from minutes_lint.document import Document
from minutes_lint.facts import fact
from minutes_lint.registry import RuleContext

CODE = "TX003"
NAME = "identifier-format"
SUMMARY = "Ballot or document identifier written in a different form than the rest"
SEVERITY = Severity.WARNING
SCOPE = "corpus"
FIX = "sometimes"
OPTIONS: dict[str, object] = {"formats": {}, "prefixes": []}

MIN_USES = 5
MIN_SHARE = 0.8  # a corpus convention: four uses in five
DOC_MIN_USES = 2
DOC_MIN_SHARE = 0.6  # one document's own habit
# minutes_lint.corpus.IDENTIFIER, also at the end of a sentence ("... EX96.") and not in
# version numbers ("EX1.2") or time-zone offsets ("UTC-05:00")
_IDENTIFIER = re.compile(r"\b([A-Z]{2,4})(-?)(\d{1,4})(?!\w|\.\w|:\d)")
_FORMAT = re.compile(r"^([A-Z]{2,4})(-?)(#+)$")


@dataclass(frozen=True)
class Form:
    """How a series is written: ``dash`` "-" or "", ``width`` 0 for no padding; None: free."""

    dash: str | None
    width: int | None
    configured: bool = False
    dash_local: bool = False  # the document's own habit, not the corpus's
    width_local: bool = False


@dataclass
class Series:
    """Every use of one prefix in the corpus."""

    prefix: str
    uses: list[tuple[str, str, str, int]] = field(default_factory=list)  # dash, digits, path, line

    @property
    def total(self) -> int:
        return len(self.uses)

    @property
    def dashed(self) -> int:
        return sum(1 for dash, *_ in self.uses if dash)

    def digits(self) -> Counter[str]:
        return Counter(digits for _, digits, *_ in self.uses)

    def looks_like_series(self) -> bool:
        """Several numbers, some zero-padded: ballots, not ``SHA-256`` or ``DNS-01``."""
        digits = self.digits()
        values = {int(d) for d in digits}
        return len(values) >= 2 and any(_padded(d) for d in digits)


def _padded(digits: str) -> bool:
    return len(digits) > 1 and digits[0] == "0"


def infer_width(
    digits: Counter[str], min_uses: int = MIN_USES, min_share: float = MIN_SHARE
) -> tuple[int | None, int, int]:
    """The padding of a series (0: none), with the uses that agree and those that count."""
    widths: Counter[int] = Counter()
    for d, n in digits.items():
        if _padded(d):
            widths[len(d)] += n
    if not widths:
        return None, 0, 0
    width = max(widths, key=lambda w: (widths[w], w))
    small = {d: n for d, n in digits.items() if int(d) < 10 ** (width - 1)}
    counted = sum(small.values())
    padded = sum(n for d, n in small.items() if len(d) == width)
    natural = sum(n for d, n in small.items() if not _padded(d))
    if counted < min_uses:
        return None, 0, counted
    if padded >= min_share * counted:
        return width, padded, counted
    if natural >= min_share * counted:
        return 0, natural, counted
    return None, 0, counted


def infer_form(
    series: Series, min_uses: int = MIN_USES, min_share: float = MIN_SHARE
) -> Form | None:
    """The form most uses of ``series`` follow; None when there is no clear one."""
    total = series.total
    if total < min_uses:
        return None
    dashed = series.dashed
    dash = (
        "-" if dashed >= min_share * total else "" if total - dashed >= min_share * total else None
    )
    width, _agree, _counted = infer_width(series.digits(), min_uses, min_share)
    if dash is None and width is None:
        return None
    return Form(dash, width)


def parse_format(prefix: str, fmt: object) -> Form:
    """``"EX-###"`` as a :class:`Form`; a :class:`ConfigError` when it is not one."""
    m = _FORMAT.match(fmt) if isinstance(fmt, str) else None
    if m is None or m.group(1) != prefix:
        raise ConfigError(
            f"rules.{CODE}.formats.{prefix}: {fmt!r} is not a format like '{prefix}-###'"
        )
    width = len(m.group(3))
    return Form(m.group(2), width if width > 1 else 0, configured=True)


def rewrite(digits: str, dash: str, form: Form) -> tuple[str, str]:
    """Dash and digits of an identifier written in ``form`` (significant digits are kept)."""
    new_dash = dash if form.dash is None else form.dash
    if form.width is None:
        return new_dash, digits
    core = digits.lstrip("0") or "0"
    return new_dash, core.zfill(form.width) if form.width else core


@fact("TX003.identifiers", version=1)
def identifiers(doc: Document) -> list[list[object]]:
    """Every identifier of the prose: ``[prefix, dash, digits, line]``."""
    return [
        [m.group(1), m.group(2), m.group(3), doc.position(m.start()).line]
        for start, end in doc.prose_spans
        for m in _IDENTIFIER.finditer(doc.text, start, end)
    ]


FACTS = (identifiers,)


class _Forms:
    """Series of one corpus and their inferred forms, built once per corpus."""

    def __init__(self, corpus: Corpus, extra: list[tuple[str, str, str, str, int]]) -> None:
        self.series: dict[str, Series] = {}
        for path, found in corpus.facts(identifiers).items():
            for prefix, dash, digits, line in found:
                self._add(prefix, dash, digits, path, line)
        for prefix, dash, digits, path, line in extra:
            self._add(prefix, dash, digits, path, line)
        self._forms: dict[str, Form | None] = {}

    def _add(self, prefix: str, dash: str, digits: str, path: str, line: int) -> None:
        self.series.setdefault(prefix, Series(prefix)).uses.append((dash, digits, path, line))

    def is_series(self, prefix: str, allowed: set[str]) -> bool:
        """Whether ``prefix`` names a series: configured, or guessed from the corpus."""
        if allowed:
            return prefix in allowed
        series = self.series.get(prefix)
        return series is not None and series.looks_like_series()

    def form(self, prefix: str, allowed: set[str]) -> Form | None:
        if prefix not in self._forms:
            series = self.series.get(prefix)
            ok = series is not None and self.is_series(prefix, allowed)
            self._forms[prefix] = infer_form(series) if ok and series is not None else None
        return self._forms[prefix]


def _forms(doc: Document, corpus: Corpus) -> _Forms:
    if doc.path not in corpus:  # a document outside the corpus counts itself
        here = corpus.key(doc.path)
        own = [(p, d, n, here, line) for p, d, n, line in identifiers(doc)]
        return _Forms(corpus, own)
    return corpus.memo(f"{CODE}.forms", lambda: _Forms(corpus, []))


def _configured(options: Mapping[str, object]) -> dict[str, Form]:
    formats = options["formats"]
    if not isinstance(formats, Mapping):
        raise ConfigError(f"rules.{CODE}.formats must be a table of prefix = format")
    return {str(prefix): parse_format(str(prefix), fmt) for prefix, fmt in formats.items()}


def validate_options(options: Mapping[str, object]) -> None:
    """Every configured format must parse (checked when the configuration is loaded)."""
    _configured(options)


def check(doc: Document, ctx: RuleContext) -> Iterator[Problem]:
    configured = _configured(ctx.options)
    allowed = {str(p) for p in ctx.options["prefixes"]}
    forms = _forms(doc, ctx.corpus) if ctx.corpus is not None else None
    here = ctx.corpus.key(doc.path) if ctx.corpus is not None else doc.path
    text = doc.text
    found = [m for start, end in doc.prose_spans for m in _IDENTIFIER.finditer(text, start, end)]
    own: dict[str, Series] = {}
    for m in found:
        own.setdefault(m.group(1), Series(m.group(1))).uses.append(
            (m.group(2), m.group(3), here, doc.position(m.start()).line)
        )
    chosen: dict[str, Form | None] = {}  # per prefix: the same for each of its uses
    for m in found:
        prefix, dash, digits = m.groups()
        if prefix in chosen:
            form = chosen[prefix]
        else:
            form = configured.get(prefix)
            if form is None and forms is not None:
                form = forms.form(prefix, allowed)
                if forms.is_series(prefix, allowed):
                    habit = infer_form(own[prefix], DOC_MIN_USES, DOC_MIN_SHARE)
                    form = _with_habit(form, habit)
            chosen[prefix] = form
        if form is None:
            continue
        new_dash, new_digits = rewrite(digits, dash, form)
        if (new_dash, new_digits) == (dash, digits):
            continue
        new = f"{prefix}{new_dash}{new_digits}"
        yield _problem(m.start(), m.end(), m.group(), new, form, forms, here, own[prefix])


def _with_habit(corpus: Form | None, document: Form | None) -> Form | None:
    """The corpus's form, completed by the document's habit where the corpus has none."""
    if document is None:
        return corpus
    if corpus is None:
        corpus = Form(None, None)
    dash_local = corpus.dash is None and document.dash is not None
    width_local = corpus.width is None and document.width is not None
    if not (dash_local or width_local):
        return corpus if corpus.dash is not None or corpus.width is not None else None
    return Form(
        document.dash if dash_local else corpus.dash,
        document.width if width_local else corpus.width,
        dash_local=dash_local,
        width_local=width_local,
    )


def _problem(
    start: int,
    end: int,
    old: str,
    new: str,
    form: Form,
    forms: _Forms | None,
    here: str,
    own: Series,
) -> Problem:
    prefix = old.rstrip("-0123456789")
    series = forms.series.get(prefix, own) if forms is not None else own
    if form.configured:
        shape = f"{prefix}{form.dash}{'#' * max(form.width or 1, 1)}"
        message = f"“{old}” does not follow the configured format {shape}: write “{new}”"
        applicability = Applicability.SAFE
    else:
        how = _how(series, own, form, old, new)
        dash_differs = ("-" in old) != ("-" in new)
        digits_differ = old.replace("-", "") != new.replace("-", "")
        if (dash_differs and form.dash_local) or (digits_differ and form.width_local):
            message = (
                f"“{old}”: this document writes the {prefix} series {how}, and the corpus "
                f"has no single form; write “{new}”"
            )
        else:
            message = (
                f"“{old}”: the {prefix} series is written {how}"
                f"{_example(series, form, here, new)}; write “{new}”"
            )
        applicability = Applicability.UNSAFE
    return Problem(
        start, end, message, Fix.replace(start, end, new, f"Write “{new}”", applicability)
    )


def _how(corpus: Series, own: Series, form: Form, old: str, new: str) -> str:
    """The parts of the series' form that ``old`` does not follow, with their counts in
    the corpus, or in this document where the form is the document's habit."""
    parts = []
    if ("-" in old) != ("-" in new):
        series, where = (own, "this document") if form.dash_local else (corpus, "the corpus")
        agree = series.dashed if form.dash else series.total - series.dashed
        kind = "with a dash" if form.dash else "without a dash"
        parts.append(f"{kind} ({agree} of {series.total} uses in {where})")
    if old.replace("-", "") != new.replace("-", ""):
        series, where = (own, "this document") if form.width_local else (corpus, "the corpus")
        limits = (DOC_MIN_USES, DOC_MIN_SHARE) if form.width_local else (MIN_USES, MIN_SHARE)
        _width, agree, counted = infer_width(series.digits(), *limits)
        kind = f"zero-padded to {form.width} digits" if form.width else "without leading zeros"
        parts.append(f"{kind} ({agree} of {counted} uses in {where})")
    return " and ".join(parts)


def _example(series: Series, form: Form, here: str, new: str) -> str:
    """A place where the corpus writes the series in ``form``: the same id in another file
    if there is one, else any id of another file, else this file."""
    best: tuple[int, str, str, int] | None = None
    for dash, digits, path, line in series.uses:
        if rewrite(digits, dash, form) != (dash, digits):
            continue
        written = f"{series.prefix}{dash}{digits}"
        rank = (path == here) * 2 + (written != new)
        if best is None or rank < best[0]:
            best = (rank, written, path, line)
            if rank == 0:
                break
    return f", e.g. “{best[1]}” in {best[2]}:{best[3]}" if best else ""
