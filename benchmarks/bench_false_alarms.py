"""Per-rule firing rates on clean professional news text versus MT output.

A single-text or readability rule that fires on clean references or on real news sentences
is a false-alarm factory. This prints, for each rule of the families B, P, C, R and G, the
share of segments with a finding on

- MQM references (human translations, clean) and MQM hypotheses (MT output, the baseline to
  beat: a useful rule fires there more often), one document per source document and system,
  one segment per line, audited as `compare reference hypothesis`;
- MSRP sentences (real news English), grouped into paragraphs of 8 sentences.

Usage: python benchmarks/bench_false_alarms.py [DATA_DIR] (default ../shared/data)
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from checkout import use_checkout

ROOT = use_checkout()

from auditor.config import Config  # noqa: E402
from auditor.engine import audit  # noqa: E402
from auditor.model import Document, Report  # noqa: E402
from auditor.read.decode import document_from_text  # noqa: E402
from auditor.rules.registry import select  # noqa: E402

FAMILIES = ("B", "P", "C", "R", "G")
PARAGRAPH = 8


def mqm_pairs(path: Path) -> list[tuple[Document, Document]]:
    """Build (reference, hypothesis) documents, one per source document and system."""
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        groups[record["doc"], record["system"]].append(record)
    pairs = []
    for records in groups.values():
        records.sort(key=lambda r: int(r["doc_seg_id"]))
        ref = "\n".join(" ".join(r["reference"].split()) for r in records)
        hyp = "\n".join(" ".join(r["hypothesis"].split()) for r in records)
        pairs.append((document_from_text(ref, "a"), document_from_text(hyp, "b")))
    return pairs


def msrp_docs(path: Path, limit: int) -> list[Document]:
    """Build documents of paragraphs of real news sentences."""
    sentences = [json.loads(line)["sentence1"] for line in path.read_text().splitlines()[:limit]]
    paras = [" ".join(sentences[i : i + PARAGRAPH]) for i in range(0, len(sentences), PARAGRAPH)]
    return [document_from_text("\n\n".join(paras[i : i + 5]), "a") for i in range(0, len(paras), 5)]


def segments_hit(report: Report, doc: Document) -> dict[str, set[int]]:
    """Return, per rule, the indices of lines (segments) of `doc` with a finding."""
    out: dict[str, set[int]] = defaultdict(set)
    for f in report.findings:
        if f.doc == doc.id:
            out[f.rule].add(doc.text.count("\n", 0, f.start))
    return out


def main() -> None:
    """Audit the corpora and print per-rule firing rates."""
    data = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent.parent / "../shared/data"
    )
    config = Config(select=FAMILIES)
    codes = [r.code for r in select(FAMILIES)]
    ref_hits, hyp_hits, msrp_hits = Counter(), Counter(), Counter()
    n_seg = n_msrp = 0
    started = time.perf_counter()
    for ref, hyp in mqm_pairs(data / "mqm-zhen-wmt23-dev.jsonl"):
        report = audit([ref, hyp], config)
        n_seg += ref.text.count("\n") + 1
        for side, counter in ((ref, ref_hits), (hyp, hyp_hits)):
            for code, lines in segments_hit(report, side).items():
                counter[code] += len(lines)
    for doc in msrp_docs(data / "msrp-train.jsonl", 2000):
        report = audit([doc], config)
        n_msrp += len(doc.sentences)
        for f in {(f.rule, f.start) for f in report.findings}:
            msrp_hits[f[0]] += 1
    elapsed = time.perf_counter() - started
    print(f"{n_seg} MQM segments per side, {n_msrp} MSRP sentences, {elapsed:.1f} s")
    print(f"{'rule':6} {'MQM reference':>14} {'MQM MT output':>14} {'MSRP news':>10}")
    for code in codes:
        ref, hyp, msrp = (
            100 * ref_hits[code] / n_seg,
            100 * hyp_hits[code] / n_seg,
            100 * msrp_hits[code] / n_msrp,
        )
        print(f"{code:6} {ref:13.2f}% {hyp:13.2f}% {msrp:9.2f}%")


if __name__ == "__main__":
    main()
