"""Precision of the auditor on every calibration set, per rule and overall (not run in CI).

Sets, all read from DATA (default ../shared/data), relation detected unless said otherwise:

- MQM (mqm-zhen-wmt23-dev.jsonl, mqm-zhen-wmt20.jsonl): one reference document and one MT
  document per (source document, system), one segment per line. A segment is flagged when a
  finding of category mt-error or inconsistency at error or warning severity lies on its line
  of the MT output, or cites that line as related evidence. Precision and recall against
  `has_major`, next to sentence chrF picking the same number of segments (the lowest) in the
  same run. Targets: precision >= 0.90, recall >= 0.30, precision >= chrF's + 0.10. Per rule
  (fluency rules too), also the share of its segments with an annotated error of its kind
  (accuracy for names, titles and numbers; fluency for punctuation), which sets its level.
- samenews-dev: `compare a b` on each same-event pair; findings per 1,000 words (both
  articles) by rule and severity, judged against the labels file (LABELS, keyed by file, rule
  and exact span): `typo` (a real typo or garble), `disagreement` (the outlets really differ;
  the note quotes the other article's span), `slip` (a spacing or quotation-mark slip of the
  corpus rebuild, left out as its README says) or `false`. An unlabelled finding counts as a
  false alarm. Targets: error false alarms <= 0.05 and warning false alarms <= 0.3 per 1,000.
- MSRP-train paraphrases in documents of 10 pairs (shuffled with a fixed seed, each pair a
  paragraph), relation detected and forced to `sources`: the share of clean pairs (label 1,
  numbers, weekdays, months and titles agreeing) with an error or warning finding (target
  <= 5%), and the share of injected contradictions found (a number, weekday, month or title
  changed in one sentence of B; target >= 90%).

Held-out halves: MQM split by source document, samenews by topic (alternating sorted ids).
`--unlabelled` prints the samenews error/warning findings missing from the labels file as
TSV rows to label.

Usage: nice .venv/bin/python benchmarks/bench_precision.py [DATA] [--sets mqm23,mqm20,...]
       [--limit N] [--preview] [--unlabelled]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from checkout import use_checkout

ROOT = use_checkout()


from auditor.config import Config  # noqa: E402
from auditor.engine import audit  # noqa: E402
from auditor.knowledge.titles import load_titles  # noqa: E402
from auditor.measure import scores  # noqa: E402
from auditor.model import Document, Finding, Report, Sentence  # noqa: E402
from auditor.read.decode import document_from_text, read_document  # noqa: E402

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[2] / "shared" / "data"
DEFAULT_LABELS = HERE / "labels" / "samenews.tsv"
COUNTED = frozenset({"mt-error", "inconsistency"})
# What each category of rule claims, in MQM's top-level error categories (a rule's precision is
# judged against segments with an annotated error of its kind, any severity).
KINDS = {
    "mt-error": frozenset({"Accuracy", "Non-translation!", "Terminology"}),
    "inconsistency": frozenset({"Accuracy", "Terminology"}),
    "fluency": frozenset({"Fluency"}),
}
SEVERE = frozenset({"error", "warning"})
GROUP = 10
SEED = 13
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
MONTHS = (
    "january february march april may june july august september october november december"
).split()
TITLES = {
    "president": "vice president",
    "secretary": "deputy secretary",
    "minister": "deputy minister",
    "director": "deputy director",
    "governor": "lieutenant governor",
    "chairman": "vice chairman",
    "senator": "representative",
}
RANKED = re.compile(r"(?:vice|deputy|assistant|under|lieutenant|acting|then)[\s-]$", re.I)
PORTFOLIO = frozenset({"prime", *load_titles().portfolio})  # "Prime Minister", "Foreign ..."
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
ROWS: list[tuple[str, str, str, str, str]] = []  # the one summary table
LIMIT: int | None = None  # --limit: the first N documents of each set (a quick check)


def row(where: str, metric: str, value: float | str, target: str = "", ok: bool | None = None):
    """Add a line to the summary table."""
    shown = f"{value:.3f}" if isinstance(value, float) else value
    ROWS.append((where, metric, shown, target, "" if ok is None else ("ok" if ok else "MISS")))


# ---------------------------------------------------------------- MQM


@dataclass(frozen=True)
class Segment:
    """One MT segment with its reference and whether a rater marked a Major error."""

    doc: str
    system: str
    index: int
    reference: str
    hypothesis: str
    major: bool
    kinds: frozenset[str]  # top-level MQM categories of its errors, any severity


def _one_line(text: str) -> str:
    """Return the text on one line (a segment is one line of its document)."""
    return " ".join(text.split()) or "-"


def mqm_documents(path: Path) -> list[list[Segment]]:
    """Group the records into documents keyed by (source document, system), in order."""
    docs: dict[tuple[str, str], list[Segment]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        docs[r["doc"], r["system"]].append(
            Segment(
                r["doc"],
                r["system"],
                int(r["doc_seg_id"]),
                _one_line(r["reference"]),
                _one_line(r["hypothesis"]),
                bool(r["has_major"]),
                frozenset(e["category"].split("/")[0] for e in r["errors"]),
            )
        )
    return [sorted(v, key=lambda s: s.index) for _, v in sorted(docs.items())]


def line_document(lines: Sequence[str], doc_id: str) -> Document:
    """Build a document whose sentences are exactly its lines."""
    doc = document_from_text("\n".join(lines), doc_id, f"{doc_id}.txt")
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, pos, pos + len(line)))
        pos += len(line) + 1
    return replace(doc, sentences=tuple(sentences))


def flagged_lines(report: Report, b: Document) -> dict[int, set[str]]:
    """Return, per line of B, the rules whose error or warning findings lie on it or cite it."""
    out: dict[int, set[str]] = defaultdict(set)
    for f in report.findings:
        if f.severity.value not in SEVERE:
            continue
        CATEGORY[f.rule] = f.category
        if f.doc == "b":
            out[f.line - 1].add(f.rule)
        for span in f.related:
            if span.doc == "b" and f.doc != "b":
                out[b.text.count("\n", 0, span.start)].add(f.rule)
    return out


def run_mqm(name: str, path: Path, config: Config) -> None:
    """Audit every MQM document pair and add precision and recall to the table."""
    segments: list[Segment] = []
    rules_of: dict[tuple[str, str, int], set[str]] = {}
    relations: Counter[str] = Counter()
    for segs in mqm_documents(path)[:LIMIT]:
        a = line_document([s.reference for s in segs], "a")
        b = line_document([s.hypothesis for s in segs], "b")
        report = audit([a, b], config)
        relations.update(r.relation for r in getattr(report, "relations", ()))
        flagged = flagged_lines(report, b)
        for i, s in enumerate(segs):
            segments.append(s)
            rules_of[s.doc, s.system, s.index] = flagged.get(i, set())
    row(name, "relation found", _shares(relations))
    mqm_figures(name, segments, rules_of)
    docs = sorted({s.doc for s in segments})
    for half in (0, 1):
        chosen = set(docs[half::2])
        part = [s for s in segments if s.doc in chosen]
        mqm_figures(f"{name} half {half + 1}", part, rules_of, per_rule=False)


def mqm_figures(
    name: str,
    segments: Sequence[Segment],
    rules_of: dict[tuple[str, str, int], set[str]],
    *,
    per_rule: bool = True,
) -> None:
    """Add the flagged-segment precision and recall, and chrF's, to the table."""
    key: Callable[[Segment], tuple[str, str, int]] = lambda s: (s.doc, s.system, s.index)  # noqa: E731
    if not segments:
        return
    majors = sum(s.major for s in segments)
    picked = [s for s in segments if any(CATEGORY[c] in COUNTED for c in rules_of[key(s)])]
    p, r = _precision_recall(picked, majors)
    by_chrf = sorted(segments, key=lambda s: _chrf(s.hypothesis, s.reference))
    cp, _ = _precision_recall(by_chrf[: len(picked)], majors)
    row(name, "segments / Major base rate", f"{len(segments)} / {majors / len(segments):.3f}")
    row(name, f"flagged segments (n={len(picked)}) precision", p, ">= 0.90", p >= 0.9)
    row(name, "flagged segments recall", r, ">= 0.30", r >= 0.3)
    row(name, "chrF lowest same n precision", cp, "auditor >= +0.10", p >= cp + 0.1)
    if not per_rule:
        return
    for code in sorted({c for s in segments for c in rules_of[key(s)]}):
        chosen = [s for s in segments if code in rules_of[key(s)]]
        rp, rr = _precision_recall(chosen, majors)
        kind = KINDS.get(CATEGORY[code], frozenset())
        kp = sum(bool(s.kinds & kind) for s in chosen) / len(chosen)
        DETAILS.append(
            f"{name:10} {code}  n={len(chosen):5d}  precision {rp:.3f}  recall {rr:.3f}"
            f"  of its kind ({'/'.join(sorted(kind)) or '-'}) {kp:.3f}"
        )


@cache
def _chrf(hypothesis: str, reference: str) -> float:
    """Return sentence chrF, once per segment (the halves reuse it)."""
    return scores.sentence_chrf(hypothesis, reference)


def _precision_recall(chosen: Sequence[Segment], majors: int) -> tuple[float, float]:
    """Return the share of chosen segments with a Major error and the share of Majors chosen."""
    hits = sum(s.major for s in chosen)
    return (hits / len(chosen) if chosen else 0.0), (hits / majors if majors else 0.0)


DETAILS: list[str] = []
CATEGORY: dict[str, str] = {}  # rule code -> its finding category, as the reports say


def _shares(counts: Counter[str]) -> str:
    """Return counts as "versions 12, sources 3"."""
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "-"


# ---------------------------------------------------------------- same-event news


@dataclass(frozen=True)
class Label:
    """A human judgement of one finding."""

    label: str
    note: str


def load_labels(path: Path) -> dict[tuple[str, str, int, int], Label]:
    """Read the labels file: file, rule, start, end, evidence, label, note (tab-separated)."""
    out: dict[tuple[str, str, int, int], Label] = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            out[r["file"], r["rule"], int(r["start"]), int(r["end"])] = Label(r["label"], r["note"])
    return out


def words(text: str) -> int:
    """Return the number of runs of letters and digits (the corpus's own word count)."""
    return len(re.findall(r"[^\W_]+", text))


def run_samenews(folder: Path, labels_path: Path, config: Config, unlabelled: bool) -> None:
    """Audit every pair and add false alarms per 1,000 words to the table."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    labels = load_labels(labels_path)
    found: list[tuple[str, Finding, str]] = []  # (topic, finding, file)
    wc: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    for pair in manifest["pairs"][:LIMIT]:
        docs = [read_document(folder / pair[k]["file"], k) for k in ("a", "b")]
        report = audit(docs, config)
        relations.update(r.relation for r in getattr(report, "relations", ()))
        topic = str(pair["topic"])
        wc[topic] += sum(words(d.text) for d in docs)
        for f in report.findings:
            found.append((topic, f, pair[f.doc]["file"]))
    row("samenews", "relation found", _shares(relations))
    judged = [(t, f, labels.get((file, f.rule, f.start, f.end))) for t, f, file in found]
    samenews_figures("samenews", judged, sum(wc.values()), per_rule=True)
    topics = sorted(wc, key=int)
    for half in (0, 1):
        chosen = set(topics[half::2])
        part = [j for j in judged if j[0] in chosen]
        samenews_figures(f"samenews half {half + 1}", part, sum(wc[t] for t in chosen))
    if unlabelled:
        for _, f, file in found:
            if f.severity.value in SEVERE and (file, f.rule, f.start, f.end) not in labels:
                evidence = " ".join(f.evidence.split())
                print("\t".join([file, f.rule, str(f.start), str(f.end), evidence, "?", ""]))


def samenews_figures(
    name: str,
    judged: Sequence[tuple[str, Finding, Label | None]],
    total_words: int,
    *,
    per_rule: bool = False,
) -> None:
    """Add false alarms per 1,000 words by severity (and, once, per rule) to the table."""
    if not total_words:
        return
    per_k = 1000 / total_words
    for severity, target in (("error", 0.05), ("warning", 0.3)):
        mine = [(f, lab) for _, f, lab in judged if f.severity.value == severity]
        kept = [(f, lab) for f, lab in mine if not (lab and lab.label == "slip")]
        false = sum(1 for _, lab in kept if lab is None or lab.label == "false")
        rate = false * per_k
        row(
            name,
            f"{severity}s per 1,000 words (all / slips left out)",
            f"{len(mine) * per_k:.3f} / {len(kept) * per_k:.3f}",
        )
        row(name, f"{severity} false alarms per 1,000 words", rate, f"<= {target}", rate <= target)
    if not per_rule:
        return
    counts: Counter[tuple[str, str, str]] = Counter()
    for _, f, lab in judged:
        counts[f.rule, f.severity.value, lab.label if lab else "unlabelled"] += 1
    for (code, severity, label), n in sorted(counts.items()):
        DETAILS.append(
            f"samenews   {code} {severity:7} {label:12} n={n:4d}  {n * per_k:.3f} per 1,000 words"
        )


# ---------------------------------------------------------------- MSRP paraphrase documents


def anchors(sentence: str) -> tuple[frozenset[str], ...]:
    """Return the numbers, weekdays, months and titles of a sentence.

    A month is capitalised ("may" is a verb); "general" is left out ("General Motors").
    """
    tokens = re.findall(r"[A-Za-z]+", sentence)
    low = [t.lower() for t in tokens]
    return (
        frozenset(NUMBER.findall(sentence)),
        frozenset(t for t in low if t in WEEKDAYS),
        frozenset(t.lower() for t in tokens if t[0].isupper() and t.lower() in MONTHS),
        frozenset(t for t in low if t in TITLES),
    )


def clean(pair: dict[str, str]) -> bool:
    """Return True for a paraphrase whose numbers, weekdays, months and titles agree."""
    return pair["label"] in (1, "1") and anchors(pair["sentence1"]) == anchors(pair["sentence2"])


def inject(sentence: str, other: str) -> tuple[str, str] | None:
    """Change one number, weekday, month or title that both sentences state; None if none."""
    nums, days, months, titles = anchors(other)
    for m in NUMBER.finditer(sentence):
        if m.group() in nums and m.group().isdigit():
            changed = str(int(m.group()) + (1 if int(m.group()) < 10 else 10))
            return sentence[: m.start()] + changed + sentence[m.end() :], "number"
    for pool, kind, shift in ((days, "weekday", WEEKDAYS), (months, "month", MONTHS)):
        for m in re.finditer(r"[A-Za-z]+", sentence):
            low = m.group().lower()
            if low in pool and (kind == "weekday" or m.group()[0].isupper()):
                new = shift[(shift.index(low) + 1) % len(shift)].capitalize()
                return sentence[: m.start()] + new + sentence[m.end() :], kind
    for m in re.finditer(r"[A-Za-z]+", sentence):
        low = m.group().lower()
        if low in titles and low in TITLES and not RANKED.search(sentence, 0, m.start()):
            new = TITLES[low].title() if m.group()[0].isupper() else TITLES[low]
            start = m.start()
            before = _portfolio_before(sentence, start)
            if before < start and new.endswith(" " + m.group()):  # "Deputy Foreign Minister"
                new = new.replace(m.group(), sentence[before:start] + m.group())
                start = before
            return sentence[:start] + new + sentence[m.end() :], "title"
    return None


def _portfolio_before(sentence: str, start: int) -> int:
    """Return where the portfolio words right before a title start ("Foreign", "health")."""
    while found := re.search(r"([A-Za-z]+) $", sentence[:start]):
        if found.group(1).lower() not in PORTFOLIO:
            break
        start = found.start()
    return start


def paragraph_lines(doc: Document) -> list[int]:
    """Return, per sentence of the document, the paragraph (pair) it belongs to."""
    return [doc.text.count("\n\n", 0, s.start) for s in doc.sentences]


def flagged_pairs(report: Report, docs: Sequence[Document]) -> set[int]:
    """Return the pairs (paragraphs) with an error or warning finding on either side."""
    out: set[int] = set()
    for f in report.findings:
        if f.severity.value in SEVERE:
            text = next(d.text for d in docs if d.id == f.doc)
            out.add(text.count("\n\n", 0, f.start))
    return out


def run_msrp(path: Path, config: Config) -> None:
    """Audit paraphrase documents (detected and forced relation) and injected contradictions."""
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    random.Random(SEED).shuffle(pairs)
    groups = [pairs[i : i + GROUP] for i in range(0, len(pairs) - GROUP + 1, GROUP)][:LIMIT]
    modes = [("detected", config)]
    if hasattr(config, "relation"):  # a baseline without relations has only one way
        modes.append(("sources", replace(config, relation="sources")))
    for label, cfg in modes:
        relations: Counter[str] = Counter()
        n_clean = n_flagged = 0
        found: Counter[str] = Counter()
        tried: Counter[str] = Counter()
        for group in groups:
            a = document_from_text("\n\n".join(p["sentence1"] for p in group), "a")
            b = document_from_text("\n\n".join(p["sentence2"] for p in group), "b")
            report = audit([a, b], cfg)
            relations.update(r.relation for r in getattr(report, "relations", ()))
            flagged = flagged_pairs(report, (a, b))
            for k, p in enumerate(group):
                if clean(p):
                    n_clean += 1
                    n_flagged += k in flagged
            _injections(group, cfg, flagged, found, tried)
        share = n_flagged / max(1, n_clean)
        row(f"msrp {label}", "relation found", _shares(relations))
        row(f"msrp {label}", f"clean pairs flagged (of {n_clean})", share, "<= 0.05", share <= 0.05)
        total = sum(found.values()) / max(1, sum(tried.values()))
        row(
            f"msrp {label}",
            f"injected contradictions found (of {sum(tried.values())})",
            total,
            ">= 0.90",
            total >= 0.9,
        )
        for kind in sorted(tried):
            row(f"msrp {label}", f"  {kind} found (of {tried[kind]})", found[kind] / tried[kind])


def _injections(
    group: Sequence[dict[str, str]],
    config: Config,
    flagged_before: set[int],
    found: Counter[str],
    tried: Counter[str],
) -> None:
    """Change one fact in each clean, unflagged pair of B and count the pairs then flagged.

    Each pair is its own paragraph, so a finding in paragraph k answers for pair k alone.
    """
    seconds = [q["sentence2"] for q in group]
    kinds: dict[int, str] = {}
    for k, p in enumerate(group):
        changed = inject(p["sentence2"], p["sentence1"])
        if clean(p) and k not in flagged_before and changed is not None:
            seconds[k], kinds[k] = changed
    if not kinds:
        return
    a = document_from_text("\n\n".join(q["sentence1"] for q in group), "a")
    b = document_from_text("\n\n".join(seconds), "b")
    flagged = flagged_pairs(audit([a, b], config), (a, b))
    for k, kind in kinds.items():
        tried[kind] += 1
        found[kind] += k in flagged


# ---------------------------------------------------------------- main


def print_table(elapsed: float) -> None:
    """Print the one summary table, then the per-rule details."""
    widths = [max(len(r[i]) for r in ROWS) for i in range(5)]
    header = ("set", "metric", "value", "target", "")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    for r in ROWS:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    print(f"\n({elapsed:.0f} s CPU)\nper rule:")
    print("\n".join(DETAILS))


def main() -> None:
    """Parse the arguments and run the chosen sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--sets", default="mqm23,mqm20,samenews,msrp")
    parser.add_argument("--preview", action="store_true", help="also run preview rules")
    parser.add_argument("--unlabelled", action="store_true")
    parser.add_argument("--limit", type=int, help="only the first N documents of each set")
    args = parser.parse_args()
    global LIMIT
    LIMIT = args.limit
    config = Config(preview=True) if args.preview else Config()
    scores.MAX_TER_SEGMENTS = 1  # findings only: TER's shift search would take most of the time
    chosen = set(args.sets.split(","))
    started = time.process_time()
    runs: dict[str, Callable[[], None]] = {
        "mqm23": lambda: run_mqm("mqm23", args.data / "mqm-zhen-wmt23-dev.jsonl", config),
        "mqm20": lambda: run_mqm("mqm20", args.data / "mqm-zhen-wmt20.jsonl", config),
        "samenews": lambda: run_samenews(
            args.data / "samenews-dev", args.labels, config, args.unlabelled
        ),
        "msrp": lambda: run_msrp(args.data / "msrp-train.jsonl", config),
    }
    for name, run in runs.items():
        if name in chosen:
            run()
            print(f"[{name} done, {time.process_time() - started:.0f} s CPU]", flush=True)
            for r in ROWS:
                if r[0].startswith(name[:4]):
                    print("  ".join(r), flush=True)
    print_table(time.process_time() - started)


if __name__ == "__main__":
    main()
