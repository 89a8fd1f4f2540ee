"""Throughput of `audit check`: 1,000 seed-sized articles in one run vs one run per article.

Generates N articles (default 1,000) into a temporary folder by perturbing the seed articles
(paragraph order, numbers, a few words dropped), then times, as subprocesses of the installed
package:

- batch: `audit check` over all N files in one run (one start-up, a process pool over the cores);
- baseline: the single-file command `audit check one.txt`, run K times (default 20) on
  different articles; its mean is extrapolated to N files (K runs, not N, to keep this short).

Prints articles per second for both and the speed-up; the target is >= 20 articles/s in batch.
Also prints the batch's CPU time per article and the rate that gives on idle cores, since
other processes sharing the cores slow the wall-clock figure.

Usage: .venv/bin/python benchmarks/bench_check.py [--articles 1000] [--single-runs 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from checkout import use_checkout

ROOT = use_checkout()

TARGET = 20.0
AUDIT = [sys.executable, "-m", "auditor"]


def perturb(text: str, rng: random.Random) -> str:
    """Return a seed-sized variant: paragraphs reordered, numbers changed, words dropped."""
    head, _, body = text.partition("\n\n")
    paragraphs = body.split("\n\n")
    rng.shuffle(paragraphs)
    body = re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), "\n\n".join(paragraphs))
    words = body.split(" ")
    kept = [w for w in words if rng.random() > 0.02]
    return f"{head}\n\n{' '.join(kept)}"


def generate(folder: Path, n: int) -> list[Path]:
    """Write `n` perturbed seed articles into `folder`."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    paths = []
    for i in range(n):
        path = folder / f"article_{i:04}.txt"
        path.write_text(perturb(seeds[i % len(seeds)], random.Random(i)), encoding="utf-8")
        paths.append(path)
    return paths


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """Run the command line; return its wall-clock and CPU seconds (all processes)."""
    before = _child_cpu()
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"benchmark: {' '.join(args[:4])}... failed: {done.stderr.strip()}")
    return elapsed, _child_cpu() - before


def _child_cpu() -> float:
    """Return the user + system CPU seconds of finished child processes."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Generate the articles, time both ways of checking them, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--single-runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = generate(folder, args.articles)
        out = folder / "out.json"
        batch, cpu = timed(
            [*AUDIT, "check", *map(str, paths), "-f", "json", "-o", str(out), "-q"], folder
        )
        checked = len(json.loads(out.read_text(encoding="utf-8"))["reports"])
        singles = [
            timed([*AUDIT, "check", str(p), "-f", "json", "-o", str(out), "-q"], folder)[0]
            for p in paths[: args.single_runs]
        ]
    per_file = sum(singles) / len(singles)
    batch_rate, single_rate = checked / batch, 1 / per_file
    cores = os.cpu_count() or 1
    print(f"articles: {args.articles} generated, {checked} reports in the batch output")
    print(
        f"batch   `audit check` x{checked} in one run: {batch:7.1f} s  {batch_rate:6.1f} articles/s"
    )
    print(
        f"single  `audit check one.txt`, {len(singles)} runs, mean {per_file:.2f} s, "
        f"extrapolated to {args.articles}: {per_file * args.articles:7.1f} s  "
        f"{single_rate:6.1f} articles/s"
    )
    print(
        f"batch CPU: {cpu:.1f} s = {1000 * cpu / checked:.0f} ms per article; on {cores} idle "
        f"cores that is {cores * checked / cpu:.1f} articles/s (load average now "
        f"{os.getloadavg()[0]:.1f})"
    )
    verdict = "met" if batch_rate >= TARGET else "NOT met"
    print(f"speed-up {batch_rate / single_rate:.1f}x; target >= {TARGET:g} articles/s: {verdict}")


if __name__ == "__main__":
    main()
