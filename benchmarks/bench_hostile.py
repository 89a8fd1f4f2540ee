"""Time and memory of `audit check` on large and pathological inputs (not run in CI).

Runs `audit check FILE -f json -o /dev/null` in a fresh process per input and reports CPU
seconds and peak memory (min and median of the repeats). The baseline measured in the same run
is 1 MB of prose: growth to 5 MB should be about 5x (linear), and every pathological input
should stay under 60 s and 1 GB. Prose is built by repeating the seed articles' sentences,
shuffled, so no calibration data is copied.

    nice .venv/bin/python benchmarks/bench_hostile.py [--repeat 3] [--only NAME] [--big]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from checkout import use_checkout

ROOT = use_checkout()

MB = 1_000_000
CPU_TIMEOUT = 300  # CPU seconds a run may use
WALL_TIMEOUT = 3600.0  # seconds before a run that hangs is killed
LIMIT_CPU = 60.0  # seconds per input (issue 10)
LIMIT_MB = 1000  # peak resident memory per input


def prose(size: int) -> str:
    """Return about `size` bytes of prose: the seeds' lines shuffled and repeated."""
    lines = [
        line.strip()
        for p in sorted((ROOT / "seeds").glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines()[1:]
        if len(line.strip()) > 40
    ]
    rng = random.Random(7)
    out: list[str] = []
    total = 0
    while total < size:
        line = rng.choice(lines)
        out.append(line)
        total += len(line.encode()) + 2
    return "\n\n".join(out) + "\n"


def unclosed_quotes(n: int = 20_000) -> str:
    """Return one paragraph with `n` opening quotation marks that are never closed."""
    return " ".join(f"He said “no{i % 10}" for i in range(n)) + ".\n"


def tiny_sentences(n: int = 100_000) -> str:
    """Return `n` two-word sentences on one line."""
    return " ".join(f"Go {chr(97 + i % 26)}." for i in range(n)) + "\n"


def ellipses(size: int = MB) -> str:
    """Return about `size` bytes of words mixed with every kind of ellipsis."""
    rng = random.Random(3)
    marks = ["...", "…", "..", ". . .", "....", "…."]
    parts: list[str] = []
    total = 0
    while total < size:
        part = f"word{rng.choice(marks)} " if rng.random() < 0.5 else rng.choice(marks) + " "
        parts.append(part)
        total += len(part.encode())
    return "".join(parts) + "\n"


CASES: dict[str, Callable[[], str]] = {
    "prose-1MB (baseline)": lambda: prose(MB),
    "prose-5MB": lambda: prose(5 * MB),
    "unclosed-quotes-20k": unclosed_quotes,
    "tiny-sentences-100k": tiny_sentences,
    "ellipses-1MB": ellipses,
}
BIG: dict[str, Callable[[], str]] = {"prose-49MB": lambda: prose(49 * MB)}


def measure(path: Path) -> tuple[float, float, int]:
    """Run one check of `path`; return its CPU s, peak MB and exit code (negative: killed).

    The child gets CPU_TIMEOUT seconds of CPU (the machine is shared, so wall time says little)
    and is killed after WALL_TIMEOUT seconds in case it hangs without using the CPU.
    """
    audit = str(Path(sys.executable).with_name("audit"))
    proc = subprocess.Popen(
        [audit, "check", str(path), "-f", "json", "-o", "/dev/null", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=_cpu_capped,
    )
    timer = threading.Timer(WALL_TIMEOUT, proc.kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    cpu = usage.ru_utime + usage.ru_stime
    return cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def _cpu_capped() -> None:
    """Limit the child's CPU time (run in the child before it starts)."""
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_TIMEOUT, CPU_TIMEOUT + 5))


def main() -> None:
    """Measure every case and print a table of CPU time and memory against the baseline."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default=None, help="run only cases whose name contains this")
    parser.add_argument("--big", action="store_true", help="also run 49 MB of prose (memory)")
    args = parser.parse_args()
    cases = {**CASES, **(BIG if args.big else {})}
    if args.only:
        cases = {k: v for k, v in cases.items() if args.only in k or "baseline" in k}
    base = None
    cpu_of: dict[str, float] = {}
    print(
        f"{'input':<24}{'size':>9}{'cpu min':>10}{'cpu med':>10}{'x base':>8}{'peak MB':>9}"
        f"  {'limits':<7}exit"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases.items():
            path = Path(tmp) / f"{name.split()[0]}.txt"
            path.write_text(make(), encoding="utf-8")
            runs = [measure(path) for _ in range(args.repeat)]
            cpus = [r[0] for r in runs]
            peak = max(r[1] for r in runs)
            codes = {r[2] for r in runs}
            base = base or min(cpus)
            cpu_of[name] = min(cpus)
            size = path.stat().st_size / MB
            within = "ok" if max(cpus) < LIMIT_CPU and peak < LIMIT_MB else "OVER"
            print(
                f"{name:<24}{size:>8.2f}M{min(cpus):>10.1f}{statistics.median(cpus):>10.1f}"
                f"{min(cpus) / base:>8.1f}{peak:>9.0f}  {within:<7}{sorted(codes)}"
            )
    if "prose-5MB" in cpu_of:
        growth = cpu_of["prose-5MB"] / cpu_of["prose-1MB (baseline)"]
        print(f"growth 1 MB -> 5 MB of prose: x{growth:.1f} CPU (linear: x5 or less)")
    print(f"limits: under {LIMIT_CPU:.0f} CPU s and {LIMIT_MB} MB peak (resident) per input")


if __name__ == "__main__":
    main()
