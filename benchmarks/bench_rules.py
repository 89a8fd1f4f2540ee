"""Precision of the auditor's error/warning findings against professional MQM annotations.

Builds one reference document (A) and one MT document (B) per (source document, system) from
the WMT23 zh-en MQM dev set, one segment per line, audits each pair with parallel alignment,
and prints, for the segments of B carrying an `mt-error` or `inconsistency` finding at
`error` or `warning` severity: the share with a Major error (precision) and the share of Major
segments found (recall); next to sentence chrF choosing the same number of segments (the
lowest-scoring ones) and the base rate; then the same figures per rule (info-severity rules
too, marked, though they never count). Then a held-out check: the source documents are split
into two halves by sorted `doc` id (alternating), and every figure is printed for each half, so
a threshold or severity chosen on one half can be judged on the other, in both directions.

Usage: .venv/bin/python benchmarks/bench_rules.py [path/to/mqm-zhen-wmt23-dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from auditor.config import Config
from auditor.engine import audit
from auditor.measure.scores import sentence_chrf
from auditor.model import Document, Finding, Sentence
from auditor.read.decode import document_from_text

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mqm-zhen-wmt23-dev.jsonl"
COUNTED = frozenset({"mt-error", "inconsistency"})
SEVERE = frozenset({"error", "warning"})


@dataclass(frozen=True)
class Segment:
    """One MT segment with its reference and whether annotators marked a Major error."""

    key: tuple[str, str, int]
    reference: str
    hypothesis: str
    major: bool


def load_segments(path: Path) -> dict[tuple[str, str], list[Segment]]:
    """Group the records into documents keyed by (source document, system), in segment order."""
    docs: dict[tuple[str, str], list[Segment]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        seg = Segment(
            (r["doc"], r["system"], r["doc_seg_id"]),
            _one_line(r["reference"]),
            _one_line(r["hypothesis"]),
            bool(r["has_major"]),
        )
        docs[(r["doc"], r["system"])].append(seg)
    return {k: sorted(v, key=lambda s: s.key[2]) for k, v in docs.items()}


def _one_line(text: str) -> str:
    """Return the text on one line (segments never contain line breaks in the documents)."""
    return " ".join(text.split()) or "-"


def line_document(lines: Sequence[str], doc_id: str) -> Document:
    """Build a document whose sentences are exactly its lines."""
    doc = document_from_text("\n".join(lines), doc_id, f"{doc_id}.txt")
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(i, pos, pos + len(line)))
        pos += len(line) + 1
    return replace(doc, sentences=tuple(sentences))


def flagged_segments(findings: Iterable[Finding]) -> dict[int, set[str]]:
    """Return, per segment (line) of document B, the rules that flagged it.

    A rule counted by the benchmark appears as its code; an info-severity finding (never
    counted) as its code followed by "?".
    """
    out: dict[int, set[str]] = defaultdict(set)
    for f in findings:
        if f.doc == "b" and f.category in COUNTED:
            out[f.line - 1].add(f.rule if f.severity.value in SEVERE else f.rule + "?")
    return out


def run(path: Path) -> None:
    """Audit every document pair and print precision and recall next to the chrF baseline."""
    config = Config(parallel=True)
    segments: list[Segment] = []
    rules_of: dict[tuple[str, str, int], set[str]] = {}
    for segs in load_segments(path).values():
        a = line_document([s.reference for s in segs], "a")
        b = line_document([s.hypothesis for s in segs], "b")
        flagged = flagged_segments(audit([a, b], config).findings)
        for i, s in enumerate(segs):
            segments.append(s)
            rules_of[s.key] = flagged.get(i, set())
    report(segments, rules_of)
    docs = sorted({s.key[0] for s in segments})
    for half in (0, 1):
        chosen = set(docs[half::2])
        print(f"\n=== held-out half {half + 1} of 2: {len(chosen)} source documents ===")
        report([s for s in segments if s.key[0] in chosen], rules_of)


def report(segments: Sequence[Segment], rules_of: dict[tuple[str, str, int], set[str]]) -> None:
    """Print the overall figures, the chrF baseline and the per-rule figures."""
    majors = sum(s.major for s in segments)
    picked = [s for s in segments if any(not c.endswith("?") for c in rules_of[s.key])]
    print(
        f"segments: {len(segments)}  with a Major error: {majors} "
        f"(base rate {majors / len(segments):.1%})"
    )
    print(_line("auditor (error/warning, mt-error/inconsistency)", picked, majors))
    by_chrf = sorted(segments, key=lambda s: sentence_chrf(s.hypothesis, s.reference))
    print(_line(f"sentence chrF, lowest {len(picked)}", by_chrf[: len(picked)], majors))
    print("per rule (segments flagged, precision, recall; ? = info, not counted):")
    codes = sorted({c for s in segments for c in rules_of[s.key]})
    for code in codes:
        chosen = [s for s in segments if code in rules_of[s.key]]
        print("  " + _line(code, chosen, majors))


def _line(label: str, chosen: Sequence[Segment], majors: int) -> str:
    """Format precision and recall of a set of chosen segments."""
    hits = sum(s.major for s in chosen)
    precision = hits / len(chosen) if chosen else 0.0
    return (
        f"{label:<50} n={len(chosen):4d}  precision {precision:6.1%}  "
        f"recall {hits / majors if majors else 0.0:6.1%}"
    )


def main() -> None:
    """Parse the data path and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    run(parser.parse_args().data)


if __name__ == "__main__":
    main()
