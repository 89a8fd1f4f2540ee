"""Sentence alignment: 1:1, 1:2, reordering, omission, addition, parallel texts, properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.align.match import AlignResult, align
from auditor.model import Document
from auditor.read.decode import document_from_text

FACTS = [
    "The central bank raised its main interest rate to 4.5 percent on Thursday.",
    "Floods in northern Italy forced 3,000 people from their homes near Bologna.",
    "Toyota recalled 200,000 hybrid cars over a faulty brake sensor.",
    "The Louvre museum in Paris closed for two days after a strike by guards.",
    "Kenya's marathon champion Eliud Kipchoge won the Berlin race for a fifth time.",
    "A volcano erupted in Iceland, sending lava toward the fishing town of Grindavik.",
]
PARAPHRASES = [
    "On Thursday the central bank lifted its main interest rate to 4.5 percent.",
    "Some 3,000 people near Bologna were forced from their homes by floods in northern Italy.",
    "Toyota is recalling 200,000 hybrid cars because of a faulty brake sensor.",
    "The Louvre museum in Paris stayed closed for two days after guards went on strike.",
    "Eliud Kipchoge, Kenya's marathon champion, won the Berlin race for the fifth time.",
    "Lava flowed toward the Icelandic fishing town of Grindavik after a volcano erupted.",
]


def docs(a_sents: list[str], b_sents: list[str], sep: str = " ") -> tuple[Document, Document]:
    """Build documents a and b from lists of sentences."""
    return document_from_text(sep.join(a_sents), "a"), document_from_text(sep.join(b_sents), "b")


def pairs(result: AlignResult) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Return the aligned groups as (a indices, b indices)."""
    return {(al.sentences["a"], al.sentences["b"]) for al in result.alignments}


def test_paraphrases_align_one_to_one_in_any_order() -> None:
    order = [3, 0, 5, 1, 4, 2]
    a, b = docs(FACTS, [PARAPHRASES[k] for k in order])
    result = align(a, b)
    assert pairs(result) == {((k,), (j,)) for j, k in enumerate(order)}
    assert result.unaligned == {"a": (), "b": ()}


def test_omitted_and_added_sentences_are_unaligned() -> None:
    extra = "The weather service expects snow in the Alps over the weekend."
    a, b = docs(FACTS, [*PARAPHRASES[:2], extra, *PARAPHRASES[3:]])
    result = align(a, b)
    assert result.unaligned == {"a": (2,), "b": (2,)}
    assert ((0,), (0,)) in pairs(result)


def test_sentences_sharing_only_common_words_are_not_linked() -> None:
    a, b = docs(
        ["The minister said on Monday that the government would review the plan."],
        ["The company said on Monday that it would sell the factory to a rival."],
    )
    assert align(a, b).alignments == ()


def test_one_sentence_aligns_with_two_adjacent_sentences() -> None:
    a, b = docs(
        [
            FACTS[0],
            "Toyota recalled 200,000 hybrid cars over a faulty brake sensor, and the Louvre "
            "museum in Paris closed for two days after a strike by guards.",
            FACTS[4],
        ],
        [PARAPHRASES[0], FACTS[2], FACTS[3], PARAPHRASES[4]],
    )
    expected = {((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))}
    assert pairs(align(a, b)) == expected
    assert pairs(align(b, a)) == expected  # groups are keyed by document id


def test_line_parallel_texts_align_on_the_diagonal_line_by_line() -> None:
    ref = [FACTS[0], FACTS[1] + " Rescue teams used boats.", FACTS[2], "Markets were calm"]
    mt = [PARAPHRASES[0], PARAPHRASES[1] + " Boats were used by rescuers.", PARAPHRASES[2], "Calm"]
    a, b = docs(ref, mt, sep="\n")
    result = align(a, b)
    lines = [(al.sentences["a"], al.sentences["b"]) for al in result.alignments]
    assert lines == [((0,), (0,)), ((1, 2), (1, 2)), ((3,), (3,)), ((4,), (4,))]


def test_line_parallel_texts_with_loose_translations_stay_on_the_diagonal() -> None:
    ref = ["Prices rose sharply.", "The mayor resigned.", "Rain is expected.", "Schools reopen."]
    mt = ["Costs went up a lot.", "The city head quit.", "It may rain.", "Classes start again."]
    a, b = docs(ref, mt, sep="\n")
    lines = [(al.sentences["a"], al.sentences["b"]) for al in align(a, b).alignments]
    assert lines == [((k,), (k,)) for k in range(4)]
    assert align(a, b, parallel=False).alignments == ()


def test_forced_parallel_pairs_sentence_i_with_sentence_i() -> None:
    a, b = docs(FACTS[:3], [PARAPHRASES[2], PARAPHRASES[0]])
    result = align(a, b, parallel=True)
    assert pairs(result) == {((0,), (0,)), ((1,), (1,))}
    assert result.unaligned == {"a": (2,), "b": ()}


def test_shuffled_lines_are_not_taken_for_parallel_text() -> None:
    a, b = docs(FACTS, PARAPHRASES[::-1], sep="\n")
    assert pairs(align(a, b)) == {((k,), (5 - k,)) for k in range(6)}
    rotated = PARAPHRASES[1:] + PARAPHRASES[:1]
    a, b = docs(FACTS, rotated, sep="\n")
    assert pairs(align(a, b)) == {((k,), ((k - 1) % 6,)) for k in range(6)}


def test_two_outlets_reporting_one_event_differently_are_related_not_same() -> None:
    a, b = docs(
        [
            "Ministers of Brazil and Argentina met in Montevideo on Friday to discuss a common"
            " currency for the Mercosur bloc.",
            "Toyota recalled 200,000 hybrid cars over a faulty brake sensor.",
        ],
        [
            "A Mercosur currency shared by Argentina and Brazil would take years, Brazil's"
            " finance minister warned in Montevideo.",
            "Floods in northern Italy forced 3,000 people from their homes near Bologna.",
        ],
    )
    result = align(a, b)
    assert [(al.sentences["a"], al.sentences["b"], al.kind) for al in result.alignments] == [
        ((0,), (0,), "related")
    ]
    assert result.alignments[0].score < 0.5
    assert result.unaligned == {"a": (1,), "b": (1,)}


def test_identical_sentences_score_one_and_paraphrases_less() -> None:
    a, b = docs(FACTS[:2], [FACTS[0], PARAPHRASES[1]])
    scores = [(al.score, al.kind) for al in align(a, b).alignments]
    assert scores[0] == (1.0, "same")
    assert 0.5 <= scores[1][0] < 1.0 and scores[1][1] == "same"


def test_alignments_carry_diff_and_sentence_scores() -> None:
    a, b = docs(FACTS[:1], PARAPHRASES[:1])
    (al,) = align(a, b).alignments
    assert al.chrf is not None and 0 < al.chrf < 100
    assert al.bleu is not None and 0 < al.bleu < 100
    equal = [op for op in al.diff if op.tag == "equal"]
    assert any(a.text[op.a_start : op.a_end] == "central bank" for op in equal)


texts = st.lists(st.sampled_from(FACTS + PARAPHRASES), min_size=1, max_size=8)


@settings(max_examples=25, deadline=None)
@given(texts)
def test_a_text_aligned_with_itself_gives_the_diagonal(sents: list[str]) -> None:
    a, b = docs(sents, sents)
    assert pairs(align(a, b)) == {((k,), (k,)) for k in range(len(a.sentences))}


@settings(max_examples=25, deadline=None)
@given(texts, texts)
def test_swapping_the_inputs_swaps_the_sides_only(x: list[str], y: list[str]) -> None:
    a, b = docs(x, y)
    b2, a2 = document_from_text(b.text, "a"), document_from_text(a.text, "b")
    forward = {
        (p, q, al.score, al.kind)
        for al in align(a, b).alignments
        for p, q in [al.sentences.values()]
    }
    backward = align(b2, a2)
    swapped = {
        (al.sentences["b"], al.sentences["a"], al.score, al.kind) for al in backward.alignments
    }
    assert forward == swapped
    assert align(a, b).unaligned == {"a": backward.unaligned["b"], "b": backward.unaligned["a"]}
