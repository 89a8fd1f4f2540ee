"""Check that readability from the syllable table equals textstat's on the calibration data.

Compares every score of `auditor.measure.readability.readability` with textstat 0.7.8's own
functions (which load the whole CMU dictionary) on the MQM references and MT outputs, the MSRP
sentences and the same-event articles, and the Flesch-Kincaid grade of every sentence; prints
the number of texts compared and every difference (there should be none), and the time each
side took.

Usage: .venv/bin/python benchmarks/check_readability.py [../shared/data] [--limit 3000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from checkout import use_checkout

ROOT = use_checkout()

sys.path.insert(0, str(ROOT / "tests"))

from test_syllables import textstat_scores  # noqa: E402

from auditor.measure.readability import readability  # noqa: E402


def texts(data: Path, limit: int) -> Iterator[str]:
    """Yield up to `limit` texts of each calibration set."""
    fields = {
        "mqm-zhen-wmt23-dev.jsonl": ("reference", "hypothesis"),
        "mqm-zhen-wmt20.jsonl": ("reference", "hypothesis", "reference_alt"),
        "msrp-train.jsonl": ("sentence1", "sentence2"),
    }
    for name, keys in fields.items():
        with (data / name).open(encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n * len(keys) >= limit:
                    break
                record = json.loads(line)
                yield from (record[k] for k in keys if record.get(k))
    for path in sorted((data / "samenews-dev").glob("pair_*.txt"))[:limit]:
        text = path.read_text(encoding="utf-8")
        yield text
        yield from (p for p in text.split("\n\n") if p.strip())


def main() -> None:
    """Compare both implementations and print the differences."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=3000, help="texts per set")
    args = parser.parse_args()
    corpus = list(dict.fromkeys(texts(Path(args.data), args.limit)))
    start = time.process_time()
    ours = [readability(t) for t in corpus]
    mid = time.process_time()
    theirs = [textstat_scores(t) for t in corpus]
    end = time.process_time()
    differ = [(t, a, b) for t, a, b in zip(corpus, ours, theirs, strict=True) if a != b]
    for text, a, b in differ[:20]:
        keys = [k for k in a if a[k] != b[k]]
        print(f"DIFFERS {keys}: ours {[a[k] for k in keys]} textstat {[b[k] for k in keys]}")
        print(f"  {text[:120]!r}")
    print(f"{len(corpus)} texts, {len(differ)} differ")
    print(f"CPU: table {mid - start:.2f} s, textstat {end - mid:.2f} s (with its dictionary load)")


if __name__ == "__main__":
    main()
