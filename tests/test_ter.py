"""The faster TER edit distance gives exactly sacrebleu's edits, scores and signature."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from sacrebleu.metrics.lib_ter import translation_edit_rate
from sacrebleu.metrics.ter import TER

from auditor.measure.ter import FastTER, edit_rate

SEEDS = sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))

# a small vocabulary makes many repeated words, so many shift candidates and ties
words = st.lists(st.sampled_from("the a of in said minister talks on monday Paris".split()))


@settings(max_examples=150, deadline=None)
@given(hyp=words, ref=words)
def test_edits_equal_sacrebleu_on_any_word_lists(hyp: list[str], ref: list[str]) -> None:
    assert edit_rate(hyp, ref) == translation_edit_rate(hyp, ref)


@settings(max_examples=10, deadline=None)
@given(hyp=st.lists(st.sampled_from("abc"), min_size=2, max_size=4), size=st.integers(60, 140))
def test_edits_equal_sacrebleu_past_the_beam(hyp: list[str], size: int) -> None:
    ref = [*hyp, *["x"] * size]  # over 50 times longer: sacrebleu widens the beam
    assert edit_rate(hyp, ref) == translation_edit_rate(hyp, ref)
    assert edit_rate(ref, hyp) == translation_edit_rate(ref, hyp)


@settings(max_examples=6, deadline=None)
@given(
    hyp=st.lists(st.sampled_from("abcdefghijkl"), min_size=28, max_size=40),
    ref=st.lists(st.sampled_from("abcdefghijkl"), min_size=28, max_size=40),
)
def test_edits_equal_sacrebleu_where_the_beam_cuts_rows(hyp: list[str], ref: list[str]) -> None:
    # past 25 words the rows start after column 0 or stop before the last: the banded slices
    assert edit_rate(hyp, ref) == translation_edit_rate(hyp, ref)


def test_corpus_score_and_signature_equal_sacrebleu_on_the_seeds() -> None:
    a, b = (p.read_text(encoding="utf-8").split("\n\n") for p in SEEDS[:2])
    hyps, refs = b[: len(a)], a[: len(b)]  # paragraphs of ~40-80 words: the beam matters
    ours, theirs = FastTER(), TER()
    assert str(ours.corpus_score(hyps, [refs])) == str(theirs.corpus_score(hyps, [refs]))
    assert str(ours.get_signature()) == str(theirs.get_signature())
