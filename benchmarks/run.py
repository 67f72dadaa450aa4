"""Time the minutes-lint command line on a corpus, the way users run it.

Usage::

    python benchmarks/run.py CORPUS_PATH [--runs 3] [--cache-dir DIR] [--json]
    python benchmarks/run.py --scaling 1000,10000

Every measurement runs ``python -m minutes_lint`` as a subprocess (output to /dev/null,
``--exit-zero``) with the corpus as working folder and reports the best and median wall
time of ``--runs`` runs:

* whole corpus, cold (``--no-cache``) and warm (after one untimed run fills the cache);
* one file of the corpus, cold and warm (the pre-commit case), beside ``python -c pass``,
  the interpreter's own start-up, which no Python tool can beat;
* ``--fix --unsafe-fixes`` over a copy of the corpus;
* one generated document of 20 MB;
* ``markdownlint-cli2 "**/*.md"`` (Markdown style only) and ``rumdl check .`` (a Rust
  Markdown linter) on the same corpus, when they are on PATH (it says when they are not).

The corpus is copied to a temporary folder; without a configuration of its own it gets
``corpus = ["**/*.md"]``, so one-file runs see the whole archive as a pre-commit hook
does.  The closing lines are the ratios that minutes-lint's speed targets are set in,
measured side by side in this one invocation.

``--scaling`` generates corpora of the given sizes with ``generate_corpus.py`` in a
temporary folder and reports milliseconds per document for each, to show that the cost
per document stays flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
CORPUS_ENV = "MINUTES_LINT_CORPUS"
CONFIG_NAMES = (".minutes-lint.toml", "pyproject.toml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
EXIT_FAILED, EXIT_USAGE = 1, 2


class BenchmarkError(Exception):
    """A measured command failed; the message carries its stderr."""

    exit_code = EXIT_FAILED


class UsageError(BenchmarkError):
    """minutes-lint cannot run here, or an option cannot be honoured."""

    exit_code = EXIT_USAGE


@dataclass(frozen=True)
class Measurement:
    """Wall times of one command over several runs."""

    name: str
    files: int
    samples: tuple[float, ...]

    @property
    def best(self) -> float:
        """Fastest run in seconds."""
        return min(self.samples)

    @property
    def median(self) -> float:
        """Median run in seconds."""
        return statistics.median(self.samples)

    @property
    def files_per_second(self) -> float:
        """Files per second, from the best run."""
        return self.files / self.best if self.best > 0 else 0.0

    @property
    def ms_per_file(self) -> float:
        """Milliseconds per file, from the best run."""
        return 1000.0 * self.best / self.files if self.files else 0.0

    def as_dict(self) -> dict[str, object]:
        """The numbers as a JSON-ready dictionary."""
        return {
            "name": self.name,
            "files": self.files,
            "best_s": round(self.best, 4),
            "median_s": round(self.median, 4),
            "samples_s": [round(s, 4) for s in self.samples],
            "files_per_s": round(self.files_per_second, 1),
            "ms_per_file": round(self.ms_per_file, 3),
        }


# --------------------------------------------------------------------------- commands


def lint_command() -> list[str]:
    """The minutes-lint command line, run with this interpreter."""
    return [sys.executable, "-m", "minutes_lint"]


def lint_env() -> dict[str, str]:
    """The environment for minutes-lint: this checkout first on PYTHONPATH."""
    env = dict(os.environ)
    parts = [str(REPO_ROOT), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(parts)
    return env


def probe_cli(env: dict[str, str]) -> str:
    """Return the ``--help`` text of minutes-lint; raise BenchmarkError if it cannot run."""
    done = subprocess.run(
        [*lint_command(), "--help"], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise UsageError(
            "the minutes-lint command line is not available "
            f"({' '.join(lint_command())} --help exited {done.returncode}):\n{_tail(done.stderr)}"
        )
    return done.stdout


def _tail(text: str, lines: int = 15) -> str:
    """The last lines of a command's output."""
    return "\n".join(text.strip().splitlines()[-lines:])


def time_runs(
    cmd: Sequence[str], cwd: Path, env: dict[str, str], runs: int, *, check: bool = True
) -> tuple[float, ...]:
    """Run ``cmd`` ``runs`` times; return the wall seconds of each run."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            list(cmd),
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        samples.append(time.perf_counter() - started)
        if check and done.returncode != 0:
            raise BenchmarkError(
                f"{' '.join(cmd)} exited {done.returncode} in {cwd}:\n"
                f"{_tail(done.stderr.decode('utf-8', 'replace'))}"
            )
    return tuple(samples)


# --------------------------------------------------------------------------- corpus


def markdown_files(root: Path) -> list[Path]:
    """Markdown files under ``root``, skipping hidden folders, sorted."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "node_modules"]
        found.extend(Path(folder, name) for name in files if name.endswith(MARKDOWN_SUFFIXES))
    return sorted(found)


def corpus_config(root: Path) -> Path | None:
    """The minutes-lint configuration file at the corpus root, if there is one."""
    for name in CONFIG_NAMES:
        path = root / name
        if path.is_file() and (name != "pyproject.toml" or _mentions_tool(path)):
            return path
    return None


def _mentions_tool(path: Path) -> bool:
    """Whether a pyproject.toml has a ``[tool.minutes-lint]`` table."""
    try:
        return "[tool.minutes-lint" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def resolve_corpus(arg: str | None) -> Path | None:
    """The corpus folder from the argument or ``$MINUTES_LINT_CORPUS``, if it exists."""
    value = arg or os.environ.get(CORPUS_ENV)
    if not value:
        return None
    path = Path(value).expanduser()
    return path.resolve() if path.is_dir() else None


# --------------------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Plan:
    """What to run and how often."""

    runs: int
    env: dict[str, str]
    extra: tuple[str, ...]  # e.g. ("--cache-dir", DIR)
    markdownlint: bool
    big_mb: int = 20


def measure_whole(corpus: Path, files: int, plan: Plan) -> list[Measurement]:
    """Whole corpus cold, then warm after one untimed run."""
    base = [*lint_command(), ".", "--exit-zero", *plan.extra]
    cold = time_runs([*base, "--no-cache"], corpus, plan.env, plan.runs)
    time_runs(base, corpus, plan.env, 1)
    warm = time_runs(base, corpus, plan.env, plan.runs)
    return [
        Measurement("whole corpus, cold", files, cold),
        Measurement("whole corpus, warm", files, warm),
    ]


def measure_one_file(corpus: Path, target: Path, plan: Plan) -> list[Measurement]:
    """One file, cold and warm; ``--config`` only when the corpus root has one."""
    base = [*lint_command(), str(target.relative_to(corpus)), "--exit-zero", *plan.extra]
    config = corpus_config(corpus)
    if config is not None:
        base += ["--config", str(config)]
    cold = time_runs([*base, "--no-cache"], corpus, plan.env, plan.runs)
    time_runs(base, corpus, plan.env, 1)
    warm = time_runs(base, corpus, plan.env, plan.runs)
    return [Measurement("one file, cold", 1, cold), Measurement("one file, warm", 1, warm)]


def measure_markdownlint(corpus: Path, files: int, plan: Plan) -> list[Measurement]:
    """``markdownlint-cli2 "**/*.md"`` on the corpus, exit code ignored; [] if absent."""
    exe = shutil.which("markdownlint-cli2")
    if not plan.markdownlint or exe is None:
        return []
    samples = time_runs([exe, "**/*.md"], corpus, dict(os.environ), plan.runs, check=False)
    return [Measurement("markdownlint-cli2, whole corpus", files, samples)]


def pick_file(corpus: Path, files: Sequence[Path], wanted: str | None) -> Path:
    """The file for the one-file runs: ``--file`` or the middle one of the corpus."""
    if wanted:
        path = Path(wanted)
        path = (path if path.is_absolute() else corpus / path).resolve()
        if not path.is_file():
            raise UsageError(f"--file {wanted}: no such file")
        return path
    return files[len(files) // 2]


def benchmark_corpus(source: Path, plan: Plan, wanted_file: str | None) -> list[Measurement]:
    """All measurements on a configured copy of one corpus."""
    with tempfile.TemporaryDirectory(prefix="minutes-lint-bench-") as tmp:
        corpus = Path(tmp, "corpus")
        shutil.copytree(source, corpus, ignore=shutil.ignore_patterns(".minutes-lint-cache"))
        for folder, dirs, names in os.walk(corpus):  # read-only sources stay fixable copies
            for name in dirs + names:
                os.chmod(os.path.join(folder, name), 0o755 if name in dirs else 0o644)
        if corpus_config(corpus) is None:
            (corpus / ".minutes-lint.toml").write_text('corpus = ["**/*.md"]\n', encoding="utf-8")
        files = markdown_files(corpus)
        if not files:
            raise BenchmarkError(f"{source}: no Markdown files found")
        target = pick_file(corpus, files, wanted_file)
        return [
            *measure_whole(corpus, len(files), plan),
            *measure_one_file(corpus, target, plan),
            measure_python(corpus, plan),
            *measure_markdownlint(corpus, len(files), plan),
            *measure_rumdl(corpus, len(files), plan),
            measure_fix(corpus, len(files), plan),
            measure_big_document(Path(tmp), plan),
        ]


def measure_python(corpus: Path, plan: Plan) -> Measurement:
    """``python -c pass``: the interpreter's start-up, the floor of any one-file run."""
    samples = time_runs([sys.executable, "-c", "pass"], corpus, plan.env, max(plan.runs, 5))
    return Measurement("python -c pass", 1, samples)


def measure_rumdl(corpus: Path, files: int, plan: Plan) -> list[Measurement]:
    """``rumdl check .`` on the corpus (its own cache warm), exit code ignored; [] if absent."""
    exe = shutil.which("rumdl")
    if not plan.markdownlint or exe is None:
        return []
    cmd = [exe, "check", "."]
    time_runs(cmd, corpus, dict(os.environ), 1, check=False)
    samples = time_runs(cmd, corpus, dict(os.environ), plan.runs, check=False)
    return [Measurement("rumdl, whole corpus", files, samples)]


def measure_fix(corpus: Path, files: int, plan: Plan) -> Measurement:
    """``--fix --unsafe-fixes`` on a fresh copy of the corpus for every run."""
    samples = []
    for n in range(plan.runs):
        copy = corpus.parent / f"fix-{n}"
        shutil.copytree(corpus, copy, ignore=shutil.ignore_patterns(".minutes-lint-cache"))
        cmd = [*lint_command(), ".", "--fix", "--unsafe-fixes", "--no-cache", "--exit-zero"]
        samples.extend(time_runs(cmd, copy, plan.env, 1))
        shutil.rmtree(copy, ignore_errors=True)
    return Measurement("--fix --unsafe-fixes, whole corpus", files, tuple(samples))


def measure_big_document(folder: Path, plan: Plan) -> Measurement:
    """One large document of minutes-like text (20 MB unless ``--big-mb`` says), cold."""
    big = folder / "big" / "big.md"
    big.parent.mkdir()
    block = (
        "## Discussion\n\nBob Stone (Example CA) said the ballot SC-12 passed on "
        "March 4, 2026; Alice Moreau agreed.\n\n- item one\n- item two\n\n"
    )
    size = plan.big_mb * 1_000_000
    big.write_text("---\ntitle: Big minutes\n---\n" + block * (size // len(block)))
    cmd = [*lint_command(), str(big), "--no-cache", "--exit-zero"]
    name = f"one {plan.big_mb} MB document, cold"
    return Measurement(name, 1, time_runs(cmd, big.parent, plan.env, 1))


@dataclass(frozen=True)
class ScalingRow:
    """Whole-corpus times on one generated corpus."""

    documents: int
    generate_s: float
    megabytes: float
    cold: Measurement
    warm: Measurement

    def as_dict(self) -> dict[str, object]:
        """The numbers as a JSON-ready dictionary."""
        return {
            "documents": self.documents,
            "generate_s": round(self.generate_s, 3),
            "megabytes": round(self.megabytes, 2),
            "cold": self.cold.as_dict(),
            "warm": self.warm.as_dict(),
        }


def benchmark_scaling(sizes: Sequence[int], plan: Plan, seed: int) -> list[ScalingRow]:
    """Generate corpora of ``sizes`` and time the whole-corpus runs on each."""
    sys.path.insert(0, str(BENCH_DIR))
    from generate_corpus import generate_corpus

    rows: list[ScalingRow] = []
    with tempfile.TemporaryDirectory(prefix="minutes-lint-scaling-") as tmp:
        for size in sizes:
            folder = Path(tmp, f"corpus-{size}")
            stats = generate_corpus(str(folder), size, seed)
            cold, warm = measure_whole(folder, stats.documents, plan)
            megabytes = stats.bytes_written / 1e6
            rows.append(ScalingRow(stats.documents, stats.seconds, megabytes, cold, warm))
            shutil.rmtree(folder, ignore_errors=True)
    return rows


# --------------------------------------------------------------------------- reporting


def format_table(measurements: Sequence[Measurement]) -> str:
    """A fixed-width table of the measurements."""
    head = f"{'run':<34} {'files':>7} {'best s':>9} {'median s':>9} {'files/s':>10} {'ms/file':>9}"
    rows = [head, "-" * len(head)]
    for m in measurements:
        rows.append(
            f"{m.name:<34} {m.files:>7} {m.best:>9.3f} {m.median:>9.3f} "
            f"{m.files_per_second:>10.1f} {m.ms_per_file:>9.3f}"
        )
    return "\n".join(rows)


def summary_line(measurements: Sequence[Measurement]) -> str:
    """One line with the headline numbers."""
    by_name = {m.name: m for m in measurements}
    cold, warm = by_name["whole corpus, cold"], by_name["whole corpus, warm"]
    one_cold, one_warm = by_name["one file, cold"], by_name["one file, warm"]
    line = (
        f"summary: {cold.files} files: cold {cold.best:.2f} s ({cold.files_per_second:.0f} "
        f"files/s, {cold.ms_per_file:.2f} ms/file), warm {warm.best:.2f} s "
        f"({warm.ms_per_file:.2f} ms/file); one file {one_cold.best * 1000:.0f} ms cold, "
        f"{one_warm.best * 1000:.0f} ms warm"
    )
    other = by_name.get("markdownlint-cli2, whole corpus")
    if other is not None:
        line += f"; markdownlint-cli2 {other.best:.2f} s"
    return line


RATIOS = (
    # (what, numerator, denominator, target)
    ("one file, warm / python -c pass", "one file, warm", "python -c pass", 2.0),
    (
        "whole corpus cold / markdownlint-cli2",
        "whole corpus, cold",
        "markdownlint-cli2, whole corpus",
        0.35,
    ),
    ("whole corpus warm / rumdl", "whole corpus, warm", "rumdl, whole corpus", 2.0),
    (
        "--fix --unsafe-fixes / cold lint",
        "--fix --unsafe-fixes, whole corpus",
        "whole corpus, cold",
        2.0,
    ),
)


def ratio_lines(measurements: Sequence[Measurement]) -> list[str]:
    """Each speed target as a ratio of best times measured in this run."""
    by_name = {m.name: m for m in measurements}
    lines = []
    for what, top, bottom, target in RATIOS:
        if top in by_name and bottom in by_name and by_name[bottom].best > 0:
            ratio = by_name[top].best / by_name[bottom].best
            verdict = "meets" if ratio <= target else "misses"
            lines.append(f"ratio: {what} = {ratio:.2f} ({verdict} the target {target})")
        else:
            missing = bottom if bottom not in by_name else top
            lines.append(f"ratio: {what}: not measured ({missing} is not on PATH)")
    big = next((m for m in measurements if m.name.endswith("MB document, cold")), None)
    if big is not None:
        mb = int(big.name.split()[1])
        target = 5.0 * mb / 20
        verdict = "meets" if big.best <= target else "misses"
        lines.append(
            f"time: {big.name} = {big.best:.1f} s ({verdict} the target of 5 s for 20 MB, "
            f"{target:.2f} s at this size)"
        )
    return lines


def format_scaling(rows: Sequence[ScalingRow]) -> str:
    """A table of milliseconds per document for each size, relative to the first size."""
    head = (
        f"{'documents':>10} {'MB':>8} {'gen s':>7} {'cold ms/doc':>12} {'warm ms/doc':>12} "
        f"{'cold vs first':>14}"
    )
    lines = [head, "-" * len(head)]
    first = rows[0].cold.ms_per_file if rows else 0.0
    for row in rows:
        ratio = row.cold.ms_per_file / first if first else 0.0
        lines.append(
            f"{row.documents:>10} {row.megabytes:>8.1f} {row.generate_s:>7.2f} "
            f"{row.cold.ms_per_file:>12.3f} {row.warm.ms_per_file:>12.3f} {ratio:>13.2f}x"
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- command line


def parse_sizes(text: str) -> list[int]:
    """Parse "1000,10000" into [1000, 10000]."""
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}") from exc
    if not sizes or min(sizes) <= 0:
        raise argparse.ArgumentTypeError(f"sizes must be positive: {text!r}")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    """The command line of the benchmark runner."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "corpus", nargs="?", metavar="CORPUS_PATH", help=f"corpus folder (default ${CORPUS_ENV})"
    )
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement")
    parser.add_argument("--cache-dir", help="passed to minutes-lint as --cache-dir")
    parser.add_argument("--file", help="file for the one-file runs (default: a middle one)")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument(
        "--scaling", type=parse_sizes, metavar="N,N,...", help="time generated corpora of sizes"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for --scaling corpora")
    parser.add_argument(
        "--no-markdownlint",
        action="store_true",
        help="skip the markdownlint-cli2 and rumdl comparisons",
    )
    parser.add_argument(
        "--big-mb", type=int, default=20, help="size of the large-document run in MB"
    )
    return parser


def make_plan(args: argparse.Namespace) -> Plan:
    """Check that minutes-lint runs and build the run plan."""
    env = lint_env()
    help_text = probe_cli(env)
    extra: tuple[str, ...] = ()
    if args.cache_dir:
        if "--cache-dir" not in help_text:
            raise UsageError(
                "this minutes-lint has no --cache-dir option; set cache-dir in the "
                "corpus configuration instead"
            )
        extra = ("--cache-dir", str(Path(args.cache_dir).resolve()))
    return Plan(
        runs=args.runs,
        env=env,
        extra=extra,
        markdownlint=not args.no_markdownlint,
        big_mb=max(1, args.big_mb),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: measure, print a table (or JSON) and a summary line."""
    args = build_parser().parse_args(argv)
    corpus = resolve_corpus(args.corpus)
    if corpus is None and not args.scaling:
        given = args.corpus or os.environ.get(CORPUS_ENV)
        reason = f"{given}: not a folder" if given else f"no CORPUS_PATH and ${CORPUS_ENV} unset"
        print(f"error: {reason}; give the folder of a minutes corpus", file=sys.stderr)
        return EXIT_USAGE
    if args.runs < 1:
        print("error: --runs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        plan = make_plan(args)
        measurements = benchmark_corpus(corpus, plan, args.file) if corpus else []
        scaling = benchmark_scaling(args.scaling, plan, args.seed) if args.scaling else []
    except BenchmarkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    _report(corpus, measurements, scaling, args)
    return 0


def _report(
    corpus: Path | None,
    measurements: Sequence[Measurement],
    scaling: Sequence[ScalingRow],
    args: argparse.Namespace,
) -> None:
    """Print the results as text or JSON."""
    if args.json:
        data: dict[str, object] = {"runs": args.runs, "python": sys.version.split()[0]}
        if corpus is not None:
            data["corpus"] = str(corpus)
            data["measurements"] = [m.as_dict() for m in measurements]
            data["summary"] = summary_line(measurements)
            data["ratios"] = ratio_lines(measurements)
        if scaling:
            data["scaling"] = [row.as_dict() for row in scaling]
        print(json.dumps(data, indent=2))
        return
    if corpus is not None:
        print(f"corpus: {corpus}  (best and median of {args.runs} runs)")
        print(format_table(measurements))
    if scaling:
        print("\nscaling (generated corpora, whole-corpus runs):")
        print(format_scaling(scaling))
    if corpus is not None:
        print(summary_line(measurements))
        print("\n".join(ratio_lines(measurements)))


if __name__ == "__main__":
    sys.exit(main())
