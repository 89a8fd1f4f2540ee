"""Corpus mode: grouping quality on same-event news, throughput, memory and incremental re-runs.

    python benchmarks/bench_corpus.py quality /path/to/samenews-dev
    python benchmarks/bench_corpus.py scale /path/to/samenews-dev --articles 1000 10000
        [--workers 1 2] [--cluster] [--reruns 3]
    python benchmarks/bench_corpus.py grouping /path/to/samenews-dev --articles 10000 50000

`quality` mixes every article of the set, groups them and scores pairwise "same event" against
the manifest's `subtopic`; the baseline in the same run scores every pair (no LSH index).
`scale` generates a feed by mixing and perturbing the real articles (new names and numbers per
generated event, sentences dropped and shuffled, about 400 words; most events 1 to 3 articles,
the largest about 50), runs it end to end on each worker count, then adds 1% new articles and
re-runs (`--reruns N`: N times, each from a copy of the full run's output folder, with the
minimum and median share); `--cluster` runs it on a `dask scheduler` and `dask worker`
processes started on 127.0.0.1 for each run instead of local workers. It reports wall and CPU
time and the peak of the summed resident memory of every process of the run (the driver, the
scheduler, the workers and their nannies: psutil samples this process and all its descendants
twice a second).
`grouping` times the grouping stage alone (term extraction, candidates, linking) on generated
feeds of each size, to show how it grows. Not run in CI.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import json
import random
import re
import shutil
import statistics
import tempfile
import threading
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from checkout import use_checkout

ROOT = use_checkout()


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
    """Return pairwise precision, recall and F1 of "same event" (counted, not enumerated)."""
    label = {k: i for i, e in enumerate(events) for k in e}

    def pairs(counts: Counter[Any]) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    tp = pairs(Counter((label[k], g) for k, g in gold.items()))
    found, truth = pairs(Counter(label[k] for k in gold)), pairs(Counter(gold.values()))
    p = tp / found if found else 0.0
    r = tp / truth if truth else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def quality(folder: Path) -> None:
    """Score the grouping against the manifest, with the all-pairs baseline."""
    import numpy as np

    texts, gold = load(folder)
    items = [grouping.Item(k, None, terms(t)) for k, t in texts.items()]
    t0 = time.process_time()
    events = grouping.group(items)
    lsh_cpu = time.process_time() - t0
    original = grouping.candidates
    grouping.candidates = lambda feed, _w: np.array(  # type: ignore[assignment]
        list(itertools.combinations(range(len(feed.keys)), 2))
    )
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
WORD = re.compile(r"\b[a-z]{4,}\b")
SYLLABLES = [c + v for c in "bdfghjklmnprstvz" for v in "aeiou"]  # 80: 512,000 names of three
REWORDED = 0.4  # share of an event's word types replaced by other words of the set


def generate(texts: list[str], n: int, seed: int = 7) -> list[dict[str, str]]:
    """Return `n` feed records: events of 1-3 articles (a few up to ~50) from perturbed texts.

    `texts` come in pairs (a, b) about one real event. Each generated event takes one pair and
    makes it a new event of the same kind: new names for its people and places, new numbers,
    and 40% of its word types replaced by other words of the set (so that two events made from
    one pair are no closer than two real events of one kind). Each of its articles takes about
    400 words of the pair's paragraphs, drops and swaps some, and changes a number now and then.
    """
    rng = random.Random(seed)
    vocabulary = sorted({w for t in texts for w in WORD.findall(t)})
    records: list[dict[str, str]] = []
    event = 0
    while len(records) < n:
        size = 50 if event % 997 == 0 else rng.choice([1, 1, 1, 2, 2, 3])
        first = rng.randrange(0, len(texts) - 1, 2)
        base = _new_event(texts[first] + "\n\n" + texts[first + 1], vocabulary, rng)
        date = (datetime.date(2024, 1, 1) + datetime.timedelta(rng.randrange(90))).isoformat()
        for k in range(min(size, n - len(records))):
            records.append(
                {
                    "id": f"g{event}-{k}",
                    "source": f"outlet{rng.randrange(40)}",
                    "date": date,
                    "text": _perturb(base, rng),
                }
            )
        event += 1
    return records


def _new_event(base: str, vocabulary: list[str], rng: random.Random) -> str:
    """Rename, renumber and reword a real event's text into another event of its kind."""
    # sorted: a set's order follows the string hash seed, and the feed must not change with it
    names = {w: _name(rng) for w in sorted(set(NAME.findall(base)))}
    numbers = {x: str(rng.randrange(2, 2000)) for x in sorted(set(NUMBER.findall(base)))}
    found = sorted(set(WORD.findall(base)))
    words = {w: rng.choice(vocabulary) for w in found if rng.random() < REWORDED}
    text = NAME.sub(lambda m: names.get(m.group(), m.group()), base)
    text = NUMBER.sub(lambda m: numbers[m.group()], text)
    return WORD.sub(lambda m: words.get(m.group(), m.group()), text)


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()


def _perturb(base: str, rng: random.Random) -> str:
    """Change a number now and then, drop and swap paragraphs, trim to about 400 words."""
    text = NUMBER.sub(
        lambda m: m.group() if rng.random() < 0.95 else str(rng.randrange(2, 999)), base
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
        self.base = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> Sampler:
        own = self.me.cpu_times()
        self.base = own.user + own.system  # this process counts from here on
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
                start = self.base if p.pid == self.me.pid else 0.0
                self.cpu[p.pid] = t.user + t.system - start
            except psutil.Error:
                continue
        self.peak = max(self.peak, total)


def timed_run(
    feed: Path, out: Path, workers: int, cluster: bool
) -> tuple[float, float, float, int]:
    """Run the corpus mode on local workers, or on a cluster of `workers` dask processes started
    for the run; return wall s, CPU s, peak summed RSS (GB) and events audited."""
    from auditor.corpus.cluster import spawned
    from auditor.corpus.run import Options, run_corpus

    t0 = time.monotonic()
    with Sampler() as s, ExitStack() as stack:
        address = stack.enter_context(spawned(workers)) if cluster else None
        options = Options((str(feed),), out, workers=workers, scheduler=address)
        outcome = run_corpus(options)
    return time.monotonic() - t0, sum(s.cpu.values()), s.peak / 1e9, outcome.audited


def scale(folder: Path, n: int, workers: list[int], cluster: bool, reruns: int = 1) -> None:
    """Measure full runs and an incremental re-run on a generated feed of `n` articles."""
    texts, _ = load(folder)
    records = generate(list(texts.values()), n)
    sizes = Counter(r["id"].split("-")[0] for r in records)
    words = sum(len(r["text"].split()) for r in records) / len(records)
    print(
        f"{n} articles, {len(sizes)} events (largest {max(sizes.values())}), {words:.0f} words each"
    )
    print("setup                 wall s   CPU s  peak GB  audited  articles/CPU s")
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        targets = [(f"{w} {'cluster' if cluster else 'local'} worker(s)", w) for w in workers]
        for label, w in targets:
            out = Path(tmp) / f"out-{w}"
            full = timed_run(feed, out, w, cluster)
            print(
                f"{label:<20} {full[0]:7.1f} {full[1]:7.1f} {full[2]:8.2f} {full[3]:8d}"
                f" {n / full[1]:15.1f}"
            )
            if w == workers[0]:
                p, r, f = pairwise(
                    read_events(out), {x["id"]: x["id"].split("-")[0] for x in records}
                )
                print(
                    f"  grouping of the generated events: precision {p:.3f} recall {r:.3f} "
                    f"F1 {f:.3f}"
                )
            extra = generate(list(texts.values()), max(1, n // 100), seed=99)
            for r in extra:
                r["id"] = "new-" + r["id"]
            with feed.open("a", encoding="utf-8") as fh:
                fh.write("".join(json.dumps(r) + "\n" for r in extra))
            rerun(feed, out, w, cluster, full, reruns)
            feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def rerun(
    feed: Path, out: Path, workers: int, cluster: bool, full: tuple[float, ...], times: int
) -> None:
    """Re-run `times` times on copies of the full run's output folder; print each, min, median."""
    snapshot = out.with_name(out.name + "-full")
    shutil.copytree(out, snapshot)
    runs = []
    for i in range(times):
        shutil.rmtree(out)
        shutil.copytree(snapshot, out)
        inc = timed_run(feed, out, workers, cluster)
        runs.append(inc)
        label = "  + 1% new articles" + (f" #{i + 1}" if times > 1 else "")
        print(
            f"{label:<20} {inc[0]:7.1f} {inc[1]:7.1f} {inc[2]:8.2f} {inc[3]:8d}"
            f"   ({inc[0] / full[0]:.1%} of the full run's wall time, {inc[1] / full[1]:.1%} of"
            " its CPU)"
        )
    if times > 1:
        for name, k in (("wall", 0), ("CPU", 1)):
            xs = [r[k] / full[k] for r in runs]
            print(f"  re-run {name}: min {min(xs):.1%}, median {statistics.median(xs):.1%}")
    shutil.rmtree(snapshot)


def grouping_growth(folder: Path, sizes: list[int]) -> None:
    """Time the grouping stage alone on generated feeds of each size (CPU s; no audits)."""
    texts, _ = load(folder)
    print("articles  terms CPU s  group CPU s  candidates  precision recall  F1")
    for n in sizes:
        records = generate(list(texts.values()), n)
        t0 = time.process_time()
        items = [grouping.Item(r["id"], r["date"], terms(r["text"])) for r in records]
        t1 = time.process_time()
        feed = grouping.arrays(items)
        pairs = len(grouping.candidates(feed, grouping.idf(feed)))
        t2 = time.process_time()
        events = grouping.group(items)
        t3 = time.process_time()
        p, r, f = pairwise(events, {x["id"]: x["id"].split("-")[0] for x in records})
        print(f"{n:8d} {t1 - t0:12.1f} {t3 - t2:12.1f} {pairs:11d} {p:10.3f} {r:6.3f} {f:6.3f}")


def read_events(out: Path) -> list[tuple[str, ...]]:
    """Return the events of a run's events.jsonl as tuples of article ids."""
    lines = (out / "events.jsonl").read_text(encoding="utf-8").splitlines()
    return [tuple(a["id"] for a in json.loads(line)["articles"]) for line in lines]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["quality", "scale", "grouping"])
    parser.add_argument("data", type=Path, help="the samenews-dev folder")
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--reruns", type=int, default=1, help="re-runs after +1%%, each")
    parser.add_argument(
        "--cluster", action="store_true", help="run on dask scheduler and worker processes"
    )
    args = parser.parse_args()
    if args.mode == "quality":
        quality(args.data)
    elif args.mode == "grouping":
        grouping_growth(args.data, args.articles)
    else:
        for n in args.articles:
            scale(args.data, n, args.workers, args.cluster, args.reruns)


if __name__ == "__main__":
    main()
