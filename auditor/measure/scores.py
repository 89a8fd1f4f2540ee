"""Scores of a pair: sacrebleu chrF, BLEU and TER with their signatures.

chrF and BLEU are sacrebleu's scores of segment statistics counted by `auditor.measure.ngrams`
(the same statistics, faster); TER is sacrebleu's with a faster edit distance.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from auditor.measure.ngrams import bleu_stats, chrf_stats
from auditor.model import Scores

# TER searches word shifts in pure Python, about a millisecond per segment even with the faster
# edit distance of `auditor.measure.ter` (minutes at 50,000): above this many aligned segments
# the report leaves TER out (null), as the aligner leaves out per-alignment chrF and BLEU above
# as many groups.
MAX_TER_SEGMENTS = 2000
# The signed settings of sacrebleu's BLEU(), CHRF() and TER() with one reference.
SETTINGS = {
    "chrF": "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no",
    "BLEU": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp",
    "TER": "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no",
}


@lru_cache(maxsize=1)
def _metrics() -> tuple[Any, Any, Any]:
    """Build the sacrebleu metric objects once per process."""
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF

    from auditor.measure.ter import FastTER

    return BLEU(), CHRF(), FastTER()


@lru_cache(maxsize=1)
def _sentence_bleu() -> Any:
    """Build a sentence-level BLEU with effective order (short segments)."""
    from sacrebleu.metrics.bleu import BLEU

    return BLEU(effective_order=True)


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> Scores:
    """Score hypotheses against references segment by segment, with signatures."""
    if not hypotheses:
        return Scores(None, None, None, signatures())
    bleu, chrf, ter = _metrics()
    pairs = list(zip(hypotheses, references, strict=True))
    ter_score = None
    if len(pairs) <= MAX_TER_SEGMENTS:
        ter_score = round(ter.corpus_score(list(hypotheses), [list(references)]).score, 2)
    return Scores(
        chrf=round(_corpus(chrf, [chrf_stats(chrf, h, r) for h, r in pairs]), 2),
        bleu=round(_corpus(bleu, [bleu_stats(bleu, h, r) for h, r in pairs]), 2),
        ter=ter_score,
        signatures=signatures(),
    )


def _corpus(metric: Any, stats: list[list[int]]) -> float:
    """Return a metric's corpus score of segment statistics (integer counts), summed in C.

    sacrebleu's `_aggregate_and_compute` sums them the same way in a Python loop per count.
    """
    totals = [sum(counts) for counts in zip(*stats, strict=True)]
    return float(metric._compute_score_from_stats(totals).score)


@lru_cache(maxsize=1)
def signatures() -> dict[str, str]:
    """Return the metrics' signatures (one reference each) without importing sacrebleu.

    They are sacrebleu's `get_signature()` of the metrics `_metrics` builds, their settings
    followed by the installed sacrebleu's version; a single-file `check` signs its cache with
    them and would otherwise import sacrebleu for three strings (test_scores compares them).
    """
    from importlib.metadata import version

    installed = version("sacrebleu")
    return {name: f"{settings}|version:{installed}" for name, settings in SETTINGS.items()}


def sentence_chrf(hypothesis: str, reference: str) -> float:
    """Return sentence chrF (0-100)."""
    chrf = _metrics()[1]
    return float(chrf._aggregate_and_compute([chrf_stats(chrf, hypothesis, reference)]).score)


def sentence_bleu(hypothesis: str, reference: str) -> float:
    """Return sentence BLEU (0-100) with effective order."""
    bleu = _sentence_bleu()
    return float(bleu._aggregate_and_compute([bleu_stats(bleu, hypothesis, reference)]).score)
