"""Corpus mode: grouping quality on same-event news, throughput, memory and incremental re-runs.

    python benchmarks/bench_corpus.py quality /path/to/samenews-dev
    python benchmarks/bench_corpus.py scale /path/to/samenews-dev --articles 10000 [--workers 1 2]
        [--scheduler tcp://127.0.0.1:8786]

`quality` mixes every article of the set, groups them and scores pairwise "same event" against
the manifest's `subtopic`; the baseline in the same run scores every pair (no LSH index).
`scale` generates a feed by mixing and perturbing the real articles (new names and numbers per
generated event, sentences dropped and shuffled, about 400 words; most events 1 to 3 articles,
the largest about 50), runs it end to end on each worker count, then adds 1% new articles and
re-runs. It reports wall and CPU time (all processes of the run) and the peak of the summed
resident memory of the driver and its workers. Not run in CI.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.corpus import group as grouping  # noqa: E402
from auditor.corpus.features import terms  # noqa: E402


def load(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Return the texts and subtopics of every article of the set, by file name."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    texts, gold = {}, {}
    for pair in manifest["pairs"]:
        for side in "ab":
            name = pair[side]["file"]
            texts[name] = (folder / name).read_text(encoding="utf-8")
            gold[name] = pair["subtopic"]
    return texts, gold


def pairwise(events: list[tuple[str, ...]], gold: dict[str, str]) -> tuple[float, float, float]:
    """Return pairwise precision, recall and F1 of "same event"."""
    label = {k: i for i, e in enumerate(events) for k in e}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same, truth = label[a] == label[b], gold[a] == gold[b]
        tp += same and truth
        fp += same and not truth
        fn += truth and not same
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def quality(folder: Path) -> None:
    """Score the grouping against the manifest, with the all-pairs baseline."""
    texts, gold = load(folder)
    items = [grouping.Item(k, None, terms(t)) for k, t in texts.items()]
    t0 = time.process_time()
    events = grouping.group(items)
    lsh_cpu = time.process_time() - t0
    original = grouping.candidates
    grouping.candidates = lambda its, _w: {  # type: ignore[assignment]
        (min(a.key, b.key), max(a.key, b.key)) for a, b in itertools.combinations(its, 2)
    }
    t0 = time.process_time()
    baseline = grouping.group(items)
    all_cpu = time.process_time() - t0
    grouping.candidates = original
    print(f"{len(items)} articles, {len(set(gold.values()))} gold events")
    print("grouping            precision recall   F1     events  CPU s")
    for name, ev, cpu in (("LSH (shipped)", events, lsh_cpu), ("all pairs", baseline, all_cpu)):
        p, r, f = pairwise(ev, gold)
        print(f"{name:<19} {p:9.3f} {r:6.3f} {f:6.3f} {len(ev):7d} {cpu:6.2f}")
    topics = sorted({topic(s) for s in gold.values()})
    for half in (0, 1):  # each half of the topics grouped on its own: no topic seen twice
        keep = {t for i, t in enumerate(topics) if i % 2 == half}
        part = [it for it in items if topic(gold[it.key]) in keep]
        p, r, f = pairwise(grouping.group(part), {it.key: gold[it.key] for it in part})
        print(f"{'topic half ' + 'AB'[half]:<19} {p:9.3f} {r:6.3f} {f:6.3f}")


def topic(subtopic: str) -> str:
    """Return the topic of a subtopic (`12_ecbplus` -> `12`): its two events share a kind."""
    return subtopic.split("_")[0]


NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")
NUMBER = re.compile(r"\b\d+(?:[.,]\d+)*\b")
SYLLABLES = "ka lo mi ra ten sor vel dun ash bri cal dor fen gal hol ist jor kel mar nor".split()


def generate(texts: list[str], n: int, seed: int = 7) -> list[dict[str, str]]:
    """Return `n` feed records: events of 1-3 articles (a few up to ~50) from perturbed texts.

    `texts` come in pairs (a, b) about one real event; each generated event renames the people and
    places of one pair, and each of its articles takes about 400 words of the pair's paragraphs.
    """
    rng = random.Random(seed)
    records: list[dict[str, str]] = []
    event = 0
    while len(records) < n:
        size = 50 if event % 997 == 0 else rng.choice([1, 1, 1, 2, 2, 3])
        first = rng.randrange(0, len(texts) - 1, 2)
        base = texts[first] + "\n\n" + texts[first + 1]  # the two outlets of one real event
        names = {w: _name(rng) for w in set(NAME.findall(base))}
        day = 1 + rng.randrange(90)
        for k in range(min(size, n - len(records))):
            text = _perturb(base, names, rng)
            date = f"2024-{1 + (day - 1) // 30:02d}-{1 + (day - 1) % 30:02d}"
            records.append(
                {
                    "id": f"g{event}-{k}",
                    "source": f"outlet{rng.randrange(40)}",
                    "date": date,
                    "text": text,
                }
            )
        event += 1
    return records


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _perturb(base: str, names: dict[str, str], rng: random.Random) -> str:
    """Rename, renumber a little, drop and shuffle sentences, trim to about 400 words."""
    text = NAME.sub(lambda m: names.get(m.group(), m.group()), base)
    text = NUMBER.sub(
        lambda m: m.group() if rng.random() < 0.9 else str(rng.randrange(2, 999)), text
    )
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    kept = [p for p in paragraphs if rng.random() < 0.7] or paragraphs[:1]
    if len(kept) > 2 and rng.random() < 0.5:
        i = rng.randrange(1, len(kept) - 1)
        kept[i], kept[i + 1] = kept[i + 1], kept[i]
    words, out = 0, []
    for p in kept:
        out.append(p)
        words += len(p.split())
        if words >= 400:
            break
    return "\n\n".join(out)


class Sampler:
    """Sample the summed RSS and CPU time of this process and all its children."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peak = 0
        self.cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _loop(self) -> None:
        while not self._stop.wait(0.5):
            self._sample()

    def _sample(self) -> None:
        import psutil

        total = 0
        for p in [self.me, *self.me.children(recursive=True)]:
            try:
                total += p.memory_info().rss
                t = p.cpu_times()
                self.cpu[p.pid] = t.user + t.system
            except psutil.Error:
                continue
        self.peak = max(self.peak, total)


def timed_run(
    feed: Path, out: Path, workers: int | None, scheduler: str | None
) -> tuple[float, float, float, int]:
    """Run the corpus mode; return wall s, CPU s, peak summed RSS (GB) and events audited."""
    from auditor.corpus.run import Options, run_corpus

    t0 = time.monotonic()
    with Sampler() as s:
        outcome = run_corpus(Options((str(feed),), out, workers=workers, scheduler=scheduler))
    return time.monotonic() - t0, sum(s.cpu.values()), s.peak / 1e9, outcome.audited


def scale(folder: Path, n: int, workers: list[int], scheduler: str | None) -> None:
    """Measure full runs and an incremental re-run on a generated feed of `n` articles."""
    texts, _ = load(folder)
    records = generate(list(texts.values()), n)
    sizes = Counter(r["id"].split("-")[0] for r in records)
    words = sum(len(r["text"].split()) for r in records) / len(records)
    print(
        f"{n} articles, {len(sizes)} events (largest {max(sizes.values())}), {words:.0f} words each"
    )
    print("setup                 wall s   CPU s  peak GB  audited")
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        targets = [(f"{w} local worker(s)", w, None) for w in workers]
        if scheduler:
            targets.append(("cluster", None, scheduler))
        for label, w, address in targets:
            out = Path(tmp) / f"out-{label.split()[0]}"
            full = timed_run(feed, out, w, address)
            print(f"{label:<20} {full[0]:7.1f} {full[1]:7.1f} {full[2]:8.2f} {full[3]:8d}")
            extra = generate(list(texts.values()), max(1, n // 100), seed=99)
            for r in extra:
                r["id"] = "new-" + r["id"]
            with feed.open("a", encoding="utf-8") as fh:
                fh.write("".join(json.dumps(r) + "\n" for r in extra))
            inc = timed_run(feed, out, w, address)
            print(
                f"{'  + 1% new articles':<20} {inc[0]:7.1f} {inc[1]:7.1f} {inc[2]:8.2f} {inc[3]:8d}"
                f"   ({inc[0] / full[0]:.1%} of the full run's wall time)"
            )
            feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["quality", "scale"])
    parser.add_argument("data", type=Path, help="the samenews-dev folder")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--scheduler", default=None)
    args = parser.parse_args()
    if args.mode == "quality":
        quality(args.data)
    else:
        scale(args.data, args.articles, args.workers, args.scheduler)


if __name__ == "__main__":
    main()
