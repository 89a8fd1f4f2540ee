"""Benchmark the aligner: MSRP accuracy vs lexical baselines, MQM diagonal share, time and memory.

    python benchmarks/bench_align.py [--data ../shared/data] [--parts msrp,mqm,scale] [--fit]
    python benchmarks/bench_align.py --seeds seeds/000_*.txt seeds/004_*.txt

1. MSRP (news sentence pairs from different outlets, labelled paraphrase or not): 10-fold
   cross-validation over groups of 20 pairs turned into two documents (sentence1s in order,
   sentence2s shuffled). A pair is handled correctly when a paraphrase pair is aligned to each
   other and a non-paraphrase pair is not; wrong links join sentences of different pairs.
   Accuracy counts "same" links only (the paraphrase decision, score >= threshold); wrong
   links count links of both kinds; the last column also counts "related" (same-event) links
   as aligned, which MSRP's non-paraphrase pairs (same story, different facts) often get.
   Baselines (TF-IDF cosine, difflib ratio) align each group greedily 1:1 above a threshold
   chosen on the training folds; the aligner runs with its frozen weights and, for comparison,
   with weights refitted on the training folds.
2. MQM zh-en (WMT23): one document pair per (document, system), reference lines as A and MT lines
   as B; share of segments aligned with their own counterpart, auto-detected and forced.
3. Scale: time and peak memory (in a fresh subprocess) for synthetic n-sentence documents.
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import random
import re
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from checkout import use_checkout

ROOT = use_checkout()

from auditor.align.match import AlignResult, align, make_sides, signatures  # noqa: E402
from auditor.align.similarity import FEATURES, WEIGHTS, Weights, features  # noqa: E402
from auditor.model import Document  # noqa: E402
from auditor.read.decode import document_from_text, read_document  # noqa: E402

GROUP = 20
FOLDS = 10
WORDS = re.compile(r"\w+")
Pair = tuple[str, str, int]


def load_msrp(path: Path) -> list[Pair]:
    """Return (sentence1, sentence2, label) triples."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [(r["sentence1"], r["sentence2"], int(r["label"])) for r in rows]


class Group:
    """Twenty MSRP pairs as two documents, with each sentence's pair number."""

    def __init__(self, pairs: Sequence[Pair], rng: random.Random) -> None:
        self.pairs = list(pairs)
        order = list(range(len(pairs)))
        rng.shuffle(order)
        self.a = document_from_text("\n\n".join(p[0] for p in pairs), "a")
        self.b = document_from_text("\n\n".join(pairs[k][1] for k in order), "b")
        self.pair_a = _owners(self.a, len(pairs), list(range(len(pairs))))
        self.pair_b = _owners(self.b, len(pairs), order)

    def sentences(self, side: str, k: int) -> tuple[int, ...]:
        """Return the sentence indices of pair k on one side."""
        owners = self.pair_a if side == "a" else self.pair_b
        return tuple(i for i, o in enumerate(owners) if o == k)


def _owners(doc: Document, n: int, order: list[int]) -> list[int]:
    """Map each sentence to the pair whose paragraph contains it."""
    starts = [m.start() for m in re.finditer(r"(?:\A|(?<=\n\n))\S", doc.text)]
    assert len(starts) == n
    out = []
    for s in doc.sentences:
        para = max(k for k, st in enumerate(starts) if st <= s.start)
        out.append(order[para])
    return out


Links = set[tuple[int, int, str]]  # (pair of the a-sentence, pair of the b-sentence, kind)


def evaluate(groups: Sequence[Group], links: Callable[[Group], Links]) -> tuple[float, ...]:
    """Return accuracy ("same" links), wrong-link share (any kind), accuracy counting any link."""
    correct = correct_any = total = wrong = n_links = 0
    for g in groups:
        found = links(g)
        same = {(x, y) for x, y, kind in found if kind == "same"}
        linked = {(x, y) for x, y, _ in found}
        n_links += len(linked)
        wrong += sum(1 for x, y in linked if x != y)
        for k, (_, _, label) in enumerate(g.pairs):
            correct += ((k, k) in same) == bool(label)
            correct_any += ((k, k) in linked) == bool(label)
            total += 1
    return correct / total, wrong / max(1, n_links), correct_any / total


def aligner_links(weights: Weights) -> Callable[[Group], Links]:
    """Return the pair links the aligner makes with the given weights."""

    def links(g: Group) -> Links:
        return result_links(g, align(g.a, g.b, weights=weights))

    return links


def result_links(g: Group, result: AlignResult) -> Links:
    """Return the alignment's links as pairs of MSRP pair numbers."""
    return {
        (g.pair_a[i], g.pair_b[j], al.kind)
        for al in result.alignments
        for i in al.sentences["a"]
        for j in al.sentences["b"]
    }


def group_features(g: Group) -> list[tuple[tuple[float, ...], int]]:
    """Return each pair's features computed inside its documents, with its label."""
    sides = make_sides(signatures(g.a), signatures(g.b), WEIGHTS)
    out = []
    for k, (_, _, label) in enumerate(g.pairs):
        x, y = sides.pair(g.sentences("a", k), g.sentences("b", k))
        out.append((features(x, y, sides.idf), label))
    return out


def fit(samples: Sequence[tuple[tuple[float, ...], int]], l2: float = 0.1) -> Weights:
    """Fit L2-regularised logistic weights by Newton's method (numpy, benchmark only)."""
    import numpy as np

    x = np.array([(1.0, *v) for v, _ in samples])
    y = np.array([label for _, label in samples], dtype=float)
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0
    beta = np.zeros(x.shape[1])
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-x @ beta))
        grad = x.T @ (y - p) - penalty @ beta
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty
        beta += np.linalg.solve(hess, grad)
    b = [round(float(v), 3) for v in beta]
    return replace(WEIGHTS, bias=b[0], coefficients=tuple(b[1:]))


def baseline_links(
    sims: dict[int, list[tuple[float, int, int]]], t: float
) -> Callable[[Group], Links]:
    """Return a greedy 1:1 aligner over all pairs of a group, best similarity first, above t."""

    def links(g: Group) -> Links:
        used_a: set[int] = set()
        used_b: set[int] = set()
        out = set()
        for s, i, j in sims[id(g)]:
            if s >= t and i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                out.add((i, j, "same"))
        return out

    return links


def similarities(g: Group, sim: Callable[[str, str], float]) -> list[tuple[float, int, int]]:
    """Return every pair of the group's sentences with its similarity, best first."""
    sa = [p[0] for p in g.pairs]
    sb = [p[1] for p in g.pairs]
    return sorted(
        ((sim(x, y), i, j) for i, x in enumerate(sa) for j, y in enumerate(sb)), reverse=True
    )


def tfidf_sim(group_texts: Sequence[str]) -> Callable[[str, str], float]:
    """Return plain TF-IDF cosine over lower-cased words, IDF from the group's sentences."""
    df = Counter(w for t in group_texts for w in set(WORDS.findall(t.lower())))
    n = len(group_texts)

    def vec(t: str) -> dict[str, float]:
        tf = Counter(WORDS.findall(t.lower()))
        return {w: c * math.log((n + 1) / df[w]) for w, c in tf.items()}

    def sim(x: str, y: str) -> float:
        vx, vy = vec(x), vec(y)
        dot = sum(v * vy.get(w, 0.0) for w, v in vx.items())
        norm = math.sqrt(sum(v * v for v in vx.values()) * sum(v * v for v in vy.values()))
        return dot / norm if norm else 0.0

    return sim


def difflib_sim(x: str, y: str) -> float:
    """Return difflib's ratio over lower-cased word tokens."""
    return difflib.SequenceMatcher(
        None, WORDS.findall(x.lower()), WORDS.findall(y.lower()), autojunk=False
    ).ratio()


def best_threshold(
    groups: Sequence[Group],
    make: Callable[[float], Callable[[Group], Links]],
    grid: Sequence[float],
) -> float:
    """Return the threshold from `grid` with the best accuracy on `groups`."""
    return max(grid, key=lambda t: evaluate(groups, make(t))[0])


def run_msrp(path: Path) -> None:
    """Print cross-validated accuracy and wrong-link share of the aligner and the baselines."""
    pairs = load_msrp(path)
    rng = random.Random(13)
    rng.shuffle(pairs)
    groups = [Group(pairs[k : k + GROUP], rng) for k in range(0, len(pairs) - GROUP + 1, GROUP)]
    feats = [group_features(g) for g in groups]
    results: dict[str, list[tuple[float, ...]]] = defaultdict(list)
    grid = [x / 20 for x in range(1, 20)]
    base = baselines(groups)
    for fold in range(FOLDS):
        test = [g for k, g in enumerate(groups) if k % FOLDS == fold]
        train = [g for k, g in enumerate(groups) if k % FOLDS != fold]
        train_feats = [s for k, f in enumerate(feats) if k % FOLDS != fold for s in f]
        results["aligner (frozen weights)"].append(evaluate(test, aligner_links(WEIGHTS)))
        refit = fit(train_feats)
        results["aligner (refit on train folds)"].append(evaluate(test, aligner_links(refit)))
        for name, sims in base.items():
            t = best_threshold(train, lambda t, sims=sims: baseline_links(sims, t), grid)
            results[name].append(evaluate(test, baseline_links(sims, t)))
    print(
        f"MSRP {len(groups)} groups of {GROUP} pairs, {FOLDS}-fold CV"
        " (target acc >= 0.75, wrong links < 2%)"
    )
    print(
        f"  {'method':36} {'accuracy':>9} {'wrong links':>12}"
        f"   {'accuracy if related links counted as aligned':>40}"
    )
    for name, rows in results.items():
        acc, wrong, acc_any = (sum(r[k] for r in rows) / len(rows) for k in range(3))
        extra = f"{acc_any:9.3f}" if name.startswith("aligner") else f"{'-':>9}"
        print(f"  {name:36} {acc:9.3f} {wrong:12.3%}   {extra:>40}")


def baselines(groups: Sequence[Group]) -> dict[str, dict[int, list[tuple[float, int, int]]]]:
    """Return each baseline's sorted pair similarities for every group."""
    tfidf = {
        id(g): similarities(g, tfidf_sim([p[0] for p in g.pairs] + [p[1] for p in g.pairs]))
        for g in groups
    }
    ratio = {id(g): similarities(g, difflib_sim) for g in groups}
    return {"TF-IDF cosine (greedy 1:1)": tfidf, "difflib ratio (greedy 1:1)": ratio}


def run_fit(path: Path) -> None:
    """Fit the weights on all of MSRP and print them for auditor/similarity.py."""
    pairs = load_msrp(path)
    rng = random.Random(13)
    rng.shuffle(pairs)
    groups = [Group(pairs[k : k + GROUP], rng) for k in range(0, len(pairs) - GROUP + 1, GROUP)]
    w = fit([s for g in groups for s in group_features(g)])
    print(f"bias: float = {w.bias}")
    for name, c in zip(FEATURES, w.coefficients, strict=True):
        print(f"    {c:8.3f},  # {name}")


def mqm_documents(path: Path) -> list[tuple[Document, Document]]:
    """Return (reference, MT) documents, one pair per source document and system."""
    by_doc: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        by_doc[r["doc"], r["system"]].append(r)
    out = []
    for key in sorted(by_doc):
        rows = sorted(by_doc[key], key=lambda r: int(str(r["doc_seg_id"])))
        ref = "\n".join(str(r["reference"]).replace("\n", " ") for r in rows)
        hyp = "\n".join(str(r["hypothesis"]).replace("\n", " ") for r in rows)
        out.append((document_from_text(ref, "a"), document_from_text(hyp, "b")))
    return out


def segment_share(
    pairs: Sequence[tuple[Document, Document]], parallel: bool | None
) -> tuple[float, int]:
    """Return the share of segments aligned with their own counterpart, and how many there are."""
    good = total = 0
    for a, b in pairs:
        line_a, line_b = _line_of(a), _line_of(b)
        linked = set()
        for al in align(a, b, parallel=parallel).alignments:
            la = {k for i in al.sentences["a"] for k in line_a[i]}
            lb = {k for j in al.sentences["b"] for k in line_b[j]}
            linked |= la & lb
        n = a.text.count("\n") + 1
        good += len(linked)
        total += n
    return good / total, total


def _line_of(doc: Document) -> list[set[int]]:
    """Return, for each sentence, the lines it covers."""
    starts = [0] + [m.end() for m in re.finditer("\n", doc.text)]
    out = []
    for s in doc.sentences:
        out.append(
            {
                k
                for k, st in enumerate(starts)
                if st < s.end and (k + 1 == len(starts) or starts[k + 1] > s.start)
            }
        )
    return out


def run_mqm(path: Path) -> None:
    """Print the share of MT segments aligned with their reference segment."""
    pairs = mqm_documents(path)
    print(f"MQM zh-en: {len(pairs)} reference/MT document pairs (target >= 98%)")
    for label, parallel in (("auto-detected", None), ("parallel=True", True)):
        share, n = segment_share(pairs, parallel)
        print(f"  {label:16} {share:7.2%} of {n} segments aligned with their counterpart")


def synth(n: int, seed: int, sentences: Sequence[str]) -> tuple[str, str]:
    """Return two n-sentence texts: spliced MSRP sentences, the second reordered and perturbed."""
    rng = random.Random(seed)
    words = [s.split() for s in sentences]
    a_sents = []
    for _ in range(n):
        x, y = rng.choice(words), rng.choice(words)
        a_sents.append(" ".join(x[: len(x) // 2] + y[len(y) // 2 :]))
    b_sents = []
    for s in a_sents:
        toks = s.split()
        if rng.random() < 0.1:
            continue
        if rng.random() < 0.3:
            toks[rng.randrange(len(toks))] = rng.choice(rng.choice(words))
        b_sents.append(" ".join(toks))
    for k in range(0, len(b_sents) - 10, 10):
        block = b_sents[k : k + 10]
        rng.shuffle(block)
        b_sents[k : k + 10] = block
    return "\n\n".join(_para(a_sents)), "\n\n".join(_para(b_sents))


def _para(sents: Sequence[str]) -> list[str]:
    """Group sentences three to a paragraph."""
    return [" ".join(sents[k : k + 3]) for k in range(0, len(sents), 3)]


def measure(n: int, msrp: Path) -> None:
    """Align two synthetic n-sentence documents; print seconds and peak MB (run in a subprocess)."""
    import resource

    sentences = [s for p in load_msrp(msrp) for s in p[:2]]
    text_a, text_b = synth(n, 1, sentences)
    a, b = document_from_text(text_a, "a"), document_from_text(text_b, "b")
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    result = align(a, b)
    dt = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        json.dumps(
            {
                "n": len(a.sentences),
                "m": len(b.sentences),
                "seconds": dt,
                "peak_mb": peak / 1024,
                "before_mb": base / 1024,
                "alignments": len(result.alignments),
            }
        )
    )


def run_scale(sizes: Sequence[int], msrp: Path) -> None:
    """Print time and peak memory of the aligner for each size, each in a fresh process."""
    print(
        "Scale (synthetic news-like sentences; second text 10% dropped, 30% perturbed, reordered)"
    )
    print(
        f"  {'sentences':>10} {'x':>4} {'seconds':>8} {'peak MB':>8}"
        f" {'after segmentation':>19} {'alignments':>11}"
    )
    for n in sizes:
        cmd = [sys.executable, __file__, "--measure", str(n), "--data", str(msrp.parent)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"  {r['n']:>10} {r['m']:>4} {r['seconds']:8.2f} {r['peak_mb']:8.0f}"
            f" {r['before_mb']:19.0f} {r['alignments']:>11}"
        )


def run_seeds(paths: Sequence[Path]) -> None:
    """Print the alignment of two texts for an editor to judge: kind, score and both sides."""
    a, b = (read_document(p, doc_id) for p, doc_id in zip(paths, "ab", strict=True))
    result = align(a, b)
    for al in result.alignments:
        xs, ys = al.sentences["a"], al.sentences["b"]
        print(f"{al.kind:8} {al.score:.3f}  a{list(xs)} b{list(ys)}")
        print("    a:", " ".join(a.sentence_text(i) for i in xs)[:150])
        print("    b:", " ".join(b.sentence_text(j) for j in ys)[:150])
    print("unaligned:", {k: list(v) for k, v in result.unaligned.items()})


def main() -> None:
    """Parse arguments and run the chosen parts."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    p.add_argument("--parts", default="msrp,mqm,scale")
    p.add_argument("--sizes", default="1000,10000,50000")
    p.add_argument(
        "--fit", action="store_true", help="fit the weights on all of MSRP and print them"
    )
    p.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    p.add_argument("--seeds", nargs=2, type=Path, help="print the alignment of two texts")
    args = p.parse_args()
    if args.seeds:
        run_seeds(args.seeds)
        return
    msrp = args.data / "msrp-train.jsonl"
    if args.measure:
        measure(args.measure, msrp)
        return
    if args.fit:
        run_fit(msrp)
        return
    parts = set(args.parts.split(","))
    if "msrp" in parts:
        run_msrp(msrp)
    if "mqm" in parts:
        run_mqm(args.data / "mqm-zhen-wmt23-dev.jsonl")
    if "scale" in parts:
        run_scale([int(x) for x in args.sizes.split(",")], msrp)


if __name__ == "__main__":
    main()
