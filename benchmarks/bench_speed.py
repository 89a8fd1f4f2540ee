"""Speed of `audit` against its baselines, measured in CPU seconds in one run (not in CI).

Prints, with the min and median of repeated runs, each figure next to its baseline:

- cold start: `audit --help` vs `python -c "import typer"`; `audit compare` on the seeds (JSON
  and HTML written) and `audit check` on one seed vs the import floor
  `python -c "import nltk, textstat, sacrebleu, jinja2, typer"`. Measure these with an
  interpreter whose environment has the default install only (`--python`, default
  `.venv-floor/bin/python` when it exists: `python3 -m venv .venv-floor &&
  .venv-floor/bin/pip install -e .`), since extra packages make nltk import more;
- scale: `audit compare A B -o out.json` on two synthetic documents of 1k, 10k and 50k
  sentences (spliced MSRP sentences, the second reordered and perturbed; `bench_align.synth`),
  CPU and peak memory, against the aligner alone on the same two documents, with the growth
  factors between sizes;
- throughput: `audit check` on 1,000 seed-sized articles in one run (`bench_check.generate`):
  articles per second, CPU per article and the rate that gives on two idle cores.

CPU is user + system time of the child processes (resource.getrusage), so other processes
sharing the cores change it less than wall time; the load average is printed at start and end.
The children write and reuse byte code in a temporary folder, as an installed package has it.

Usage: .venv/bin/python benchmarks/bench_speed.py [--data ../shared/data] [--parts cold,scale,check]
       [--repeats 5] [--sizes 1000,10000,50000] [--python .venv-floor/bin/python]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from checkout import use_checkout

ROOT = use_checkout()
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FLOOR = "import nltk, textstat, sacrebleu, jinja2, typer"


def child_cpu() -> tuple[float, float]:
    """Return the CPU seconds and peak resident MB of the finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def run_cpu(args: Sequence[str], cwd: Path) -> float:
    """Run a command line in `cwd`, byte code kept under it; return its CPU seconds (exit 0 or 1).

    An installed package runs from byte code; with PYTHONDONTWRITEBYTECODE set (as in some
    shells) every run would compile the checkout's sources again, about 0.15 s of a cold
    compare. The byte code goes to `cwd/pycache` (PYTHONPYCACHEPREFIX), not into the checkout.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cwd / "pycache")
    before = child_cpu()[0]
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env)
    if done.returncode not in (0, 1):
        sys.exit(f"bench_speed: {' '.join(args[:4])} failed: {done.stderr.strip()[-500:]}")
    return child_cpu()[0] - before


def stats(values: Sequence[float]) -> tuple[float, float]:
    """Return the min and the median."""
    return min(values), statistics.median(values)


def row(name: str, values: Sequence[float], base: Sequence[float] | None, target: str) -> None:
    """Print one timed command: min, median, ratio of medians to its baseline, target."""
    low, mid = stats(values)
    ratio = f"{mid / statistics.median(base):5.2f}x" if base else "     -"
    print(f"  {name:44} {low:7.3f} {mid:7.3f}  {ratio}  {target}")


def run_cold(python: str, audit: list[str], repeats: int) -> None:
    """Time start-up commands against their import baselines, interleaved."""
    commands = {
        "typer": [python, "-c", "import typer"],
        "help": [*audit, "--help"],
        "floor": [python, "-c", FLOOR],
        "compare": [*audit, "compare", *map(str, SEEDS), "--exit-zero"],
        "check": [*audit, "check", str(SEEDS[0]), "--exit-zero"],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory() as tmp:
        for args in commands.values():  # warm the file cache and byte code once
            run_cpu(args, Path(tmp))
        for _ in range(repeats):
            for name, args in commands.items():
                times[name].append(run_cpu(args, Path(tmp)))
    print(f"Cold start, CPU seconds over {repeats} runs ({python})")
    print(f"  {'command':44} {'min':>7} {'median':>7}  {'ratio':>6}  target")
    row('python -c "import typer"', times["typer"], None, "baseline")
    row("audit --help", times["help"], times["typer"], "<= 1.5x")
    row(f'python -c "{FLOOR}"', times["floor"], None, "floor")
    row("audit compare seeds (JSON + HTML)", times["compare"], times["floor"], "<= 2x, <= 0.8 s")
    row("audit check one seed", times["check"], times["floor"], "<= 1.5x")


def measure(mode: str, a: str, b: str, result: str) -> None:
    """Run the aligner alone or the whole compare in this process; write CPU and peak MB."""
    start = time.process_time()
    if mode == "align":
        from auditor.align.match import align
        from auditor.read.decode import read_document

        align(read_document(a, "a"), read_document(b, "b"))
    else:
        from auditor.cli import main

        sys.argv = ["audit", "compare", a, b, "-o", str(Path(result).with_suffix(".out.json"))]
        try:
            main()
        except SystemExit as stop:
            if stop.code not in (0, 1, None):
                raise
    cpu = time.process_time() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    Path(result).write_text(json.dumps({"cpu": cpu, "peak": peak}), encoding="utf-8")


def measured(python: str, mode: str, a: Path, b: Path) -> tuple[float, float]:
    """Run `measure` in a fresh process; return its CPU seconds and peak MB."""
    result = a.with_name(f"{mode}.json")
    args = [python, __file__, "--measure", mode, str(a), str(b), str(result)]
    subprocess.run(args, check=True, capture_output=True, text=True)
    data = json.loads(result.read_text(encoding="utf-8"))
    return data["cpu"], data["peak"]


def run_scale(python: str, data: Path, sizes: Sequence[int], repeats: int) -> None:
    """Time the whole compare and the aligner alone at each size, with growth factors."""
    from bench_align import load_msrp, synth

    sentences = [s for pair in load_msrp(data / "msrp-train.jsonl") for s in pair[:2]]
    print("Scale: `audit compare A B -o out.json` vs the aligner alone, CPU s and peak MB")
    print(
        f"  {'sentences':>9} {'runs':>4} {'compare min':>11} {'median':>7} {'MB':>6}"
        f" {'aligner min':>11} {'median':>7} {'MB':>6} {'ratio':>6}"
    )
    medians: list[tuple[int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            text_a, text_b = synth(n, 1, sentences)
            a, b = Path(tmp, f"a{n}.txt"), Path(tmp, f"b{n}.txt")
            a.write_text(text_a, encoding="utf-8")
            b.write_text(text_b, encoding="utf-8")
            runs = repeats if n <= 1000 else max(1, repeats // 2) if n <= 10000 else 1
            full = [measured(python, "compare", a, b) for _ in range(runs)]
            alone = [measured(python, "align", a, b) for _ in range(runs)]
            c_min, c_mid = stats([c for c, _ in full])
            a_min, a_mid = stats([c for c, _ in alone])
            print(
                f"  {n:>9} {runs:>4} {c_min:11.2f} {c_mid:7.2f} {max(m for _, m in full):6.0f}"
                f" {a_min:11.2f} {a_mid:7.2f} {max(m for _, m in alone):6.0f} {c_mid / a_mid:5.2f}x"
            )
            medians.append((n, c_mid, a_mid))
    for (n0, c0, a0), (n1, c1, a1) in itertools.pairwise(medians):
        print(
            f"  growth {n0} -> {n1} ({n1 / n0:g}x sentences): compare {c1 / c0:.1f}x,"
            f" aligner {a1 / a0:.1f}x"
        )
    print("  targets: compare <= 1.5x aligner at 10k, aligner <= 4 s at 10k, growth <= 12x and")
    print("  <= 6x, 50k under 60 s and 1,500 MB")


def run_check(python: str, audit: list[str], articles: int) -> None:
    """Check `articles` seed-sized articles in one run; print the rate and CPU per article."""
    from bench_check import generate

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = generate(folder, articles)
        out = folder / "out.json"
        start = time.perf_counter()
        cpu = run_cpu([*audit, "check", *map(str, paths), "-f", "json", "-o", str(out)], folder)
        wall = time.perf_counter() - start
        checked = len(json.loads(out.read_text(encoding="utf-8"))["reports"])
    per = cpu / checked
    print(f"Throughput: `audit check` on {checked} articles in one run")
    print(f"  wall {wall:.1f} s = {checked / wall:.1f} articles/s on {os.cpu_count()} shared cores")
    print(
        f"  CPU {cpu:.1f} s = {1000 * per:.1f} ms per article = {2 / per:.1f} articles/s on 2"
        " idle cores (target >= 60, <= 25 ms)"
    )


def main() -> None:
    """Parse arguments and run the chosen parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    floor = ROOT / ".venv-floor" / "bin" / "python"
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--parts", default="cold,scale,check")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--python", default=str(floor) if floor.exists() else sys.executable)
    parser.add_argument("--measure", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(*args.measure)
        return
    audit = [args.python, "-c", "from auditor.cli import main; main()"]
    parts = set(args.parts.split(","))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at start")
    if "cold" in parts:
        run_cold(args.python, audit, args.repeats)
    if "scale" in parts:
        run_scale(args.python, args.data, [int(n) for n in args.sizes.split(",")], args.repeats)
    if "check" in parts:
        run_check(args.python, audit, args.articles)
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
