"""Corpus scores: TER is left out above its segment limit, chrF and BLEU never are."""

from __future__ import annotations

from auditor.measure.scores import MAX_TER_SEGMENTS, corpus_scores


def test_ter_is_left_out_only_above_the_limit() -> None:
    hyps = ["the talks ended on monday"] * MAX_TER_SEGMENTS
    refs = ["talks ended monday in geneva"] * MAX_TER_SEGMENTS
    within = corpus_scores(hyps, refs)
    above = corpus_scores([*hyps, "one more"], [*refs, "one more"])
    assert within.ter is not None and within.ter > 0
    assert above.ter is None and above.chrf is not None and above.bleu is not None
    assert "TER" in above.signatures
