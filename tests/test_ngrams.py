"""The faster chrF and BLEU segment statistics equal sacrebleu's own, and so do the scores."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a

from auditor.measure.ngrams import _matched, bleu_stats, chrf_stats, tokenize_13a
from auditor.measure.scores import corpus_scores, sentence_bleu, sentence_chrf

SEEDS = sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))

# few distinct words and characters: repeated n-grams, so the clipping of counts matters
texts = st.lists(st.sampled_from("the a of in said Minister talks, on «Paris» 1.5 aa".split()))
segments = texts.map(" ".join) | st.text(alphabet="ab .\n\t", max_size=12)


def sacrebleu_stats(metric: CHRF | BLEU, hyp: str, ref: str) -> list[int]:
    """Return sacrebleu's own statistics of one segment."""
    return [int(x) for x in metric._extract_corpus_statistics([hyp], [[ref]])[0]]


@settings(max_examples=300, deadline=None)
@given(line=st.text(alphabet=st.characters(max_codepoint=0x7F) | st.sampled_from("«»’é–")))
def test_13a_tokens_equal_sacrebleu(line: str) -> None:
    assert tokenize_13a(line) == Tokenizer13a()(line)
    assert tokenize_13a(line + " 3-4 a.b 1.5, x,y") == Tokenizer13a()(line + " 3-4 a.b 1.5, x,y")


@settings(max_examples=300, deadline=None)
@given(ends=st.tuples(segments, segments), hyp=segments, ref=segments)
def test_statistics_equal_sacrebleu_around_shared_ends(
    ends: tuple[str, str], hyp: str, ref: str
) -> None:
    """Versions of one sentence that differ in the middle: only the middle is counted apart."""
    first, last = ends
    hyp, ref = first + hyp + last, first + ref + last
    chrf, bleu = CHRF(), BLEU()
    assert chrf_stats(chrf, hyp, ref) == sacrebleu_stats(chrf, hyp, ref)
    assert bleu_stats(bleu, hyp, ref) == sacrebleu_stats(bleu, hyp, ref)
    lower = BLEU(lowercase=True, tokenize="intl")  # another tokenizer: sacrebleu's own
    assert bleu_stats(lower, hyp.upper(), ref) == sacrebleu_stats(lower, hyp.upper(), ref)


@settings(max_examples=300, deadline=None)
@given(hyp=segments, ref=segments)
def test_statistics_equal_sacrebleu_on_any_text(hyp: str, ref: str) -> None:
    chrf, bleu = CHRF(), BLEU()
    assert chrf_stats(chrf, hyp, ref) == sacrebleu_stats(chrf, hyp, ref)
    assert bleu_stats(bleu, hyp, ref) == sacrebleu_stats(bleu, hyp, ref)
    assert chrf_stats(chrf, hyp, hyp) == sacrebleu_stats(chrf, hyp, hyp)
    assert bleu_stats(bleu, hyp, hyp) == sacrebleu_stats(bleu, hyp, hyp)


def test_matched_n_grams_are_clipped_whether_or_not_a_side_repeats_one() -> None:
    assert _matched(["a", "b"], ["a", "a", "b"]) == 2  # no repeat in the hypothesis: a set
    assert _matched(["a", "a", "b", "b"], ["a", "c"]) == 1  # none in the reference
    assert _matched(["a", "a", "a", "b"], ["a", "a", "b", "b"]) == 3  # both repeat: counted
    assert _matched("abba", "baab") == 4


@settings(max_examples=300, deadline=None)
@given(hyp=st.lists(st.sampled_from("abc")), ref=st.lists(st.sampled_from("abcd")))
def test_matched_n_grams_equal_the_counters_intersection(hyp: list[str], ref: list[str]) -> None:
    assert _matched(hyp, ref) == sum((Counter(hyp) & Counter(ref)).values())


def test_scores_equal_sacrebleu_on_the_seeds() -> None:
    a, b = (p.read_text(encoding="utf-8").split("\n\n") for p in SEEDS[:2])
    n = min(len(a), len(b))
    refs, hyps = a[:n], [*b[: n - 1], a[n - 1]]  # paragraphs, the last one equal
    ours = corpus_scores(hyps, refs)
    assert ours.chrf == round(CHRF().corpus_score(hyps, [refs]).score, 2)
    assert ours.bleu == round(BLEU().corpus_score(hyps, [refs]).score, 2)
    for hyp, ref in zip(hyps, refs, strict=True):
        assert sentence_chrf(hyp, ref) == CHRF().sentence_score(hyp, [ref]).score
        assert (
            sentence_bleu(hyp, ref) == BLEU(effective_order=True).sentence_score(hyp, [ref]).score
        )
