"""Corpus scores: TER is left out above its segment limit, chrF and BLEU never are."""

from __future__ import annotations

from auditor.measure.scores import MAX_TER_SEGMENTS, _metrics, corpus_scores, signatures


def test_ter_is_left_out_only_above_the_limit() -> None:
    hyps = ["the talks ended on monday"] * MAX_TER_SEGMENTS
    refs = ["talks ended monday in geneva"] * MAX_TER_SEGMENTS
    within = corpus_scores(hyps, refs)
    above = corpus_scores([*hyps, "one more"], [*refs, "one more"])
    assert within.ter is not None and within.ter > 0
    assert above.ter is None and above.chrf is not None and above.bleu is not None
    assert "TER" in above.signatures


def test_above_the_limit_in_a_fresh_process_still_signs_every_metric() -> None:
    import subprocess
    import sys

    probe = (
        "from auditor.measure.scores import corpus_scores as c; "
        "s = c(['a b'] * 2001, ['a c'] * 2001); print(s.ter, sorted(s.signatures))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["None", "['BLEU',", "'TER',", "'chrF']"]


def test_no_segments_give_no_scores_and_the_same_signatures() -> None:
    empty = corpus_scores([], [])
    scored = corpus_scores(["the talks ended"], ["the talks ended on monday"])
    assert (empty.chrf, empty.bleu, empty.ter) == (None, None, None)
    assert empty.signatures == scored.signatures
    assert "nrefs:1" in empty.signatures["TER"]


def test_signatures_are_sacrebleus_own_for_the_metrics_scored() -> None:
    bleu, chrf, ter = _metrics()
    for metric in (bleu, chrf, ter):
        metric.corpus_score(["the talks ended"], [["talks ended on monday"]])
    own = {"chrF": chrf.get_signature(), "BLEU": bleu.get_signature(), "TER": ter.get_signature()}
    assert signatures() == {name: str(signature) for name, signature in own.items()}
