"""Word-level differences: opcodes over tokens, as character spans that round-trip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.align.wordiff import word_diff

WORDS = ["Sherman", "said", "the", "talks", "were", "useful", ",", ".", "on", "Monday", "not"]


def test_changed_word_is_a_replace_between_equal_runs() -> None:
    a = "Sherman said the talks were useful."
    b = "Sherman said the talks were  not useful."
    ops = word_diff(a, [(0, len(a))], b, [(0, len(b))])
    tags = [op.tag for op in ops]
    assert "insert" in tags
    ins = next(op for op in ops if op.tag == "insert")
    assert b[ins.b_start : ins.b_end] == "not"
    assert ins.a_start == ins.a_end == a.index("useful")


def test_diff_spans_two_sentences_of_one_side() -> None:
    a = "X. Talks ended. They resume soon."
    b = "Talks ended and resume soon."
    ops = word_diff(a, [(3, 15), (16, len(a))], b, [(0, len(b))])
    assert all(3 <= op.a_start <= op.a_end <= len(a) for op in ops)
    assert ops[0].tag == "equal" and a[ops[0].a_start : ops[0].a_end] == "Talks ended"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
    st.sampled_from([" ", "  ", "\n"]),
)
def test_ops_stay_inside_the_sentences_and_equal_spans_have_equal_text(
    x: list[str], y: list[str], gap: str
) -> None:
    a = "Intro. " + " ".join(x)
    b = gap.join(y) + " Outro."
    span_a, span_b = (7, len(a)), (0, len(gap.join(y)))
    ops = word_diff(a, [span_a], b, [span_b])
    for op in ops:
        assert span_a[0] <= op.a_start <= op.a_end <= span_a[1]
        assert span_b[0] <= op.b_start <= op.b_end <= span_b[1]
        if op.tag == "equal":
            assert a[op.a_start : op.a_end] == b[op.b_start : op.b_end]
    assert " ".join(a[o.a_start : o.a_end] for o in ops if o.a_end > o.a_start).split() == x


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.sampled_from([" ", "  "]))
def test_identical_sentences_are_one_equal_run_wherever_they_stand(x: list[str], gap: str) -> None:
    sentence = gap.join(x)
    a = "Intro. " + sentence
    b = "A longer opening line. " + sentence + " Outro."
    start_b = b.index(sentence, 20)
    ops = word_diff(a, [(7, len(a))], b, [(start_b, start_b + len(sentence))])
    assert [op.tag for op in ops] == ["equal"]
    (op,) = ops
    assert (op.a_start, op.a_end) == (7, len(a))
    assert (op.b_start, op.b_end) == (start_b, start_b + len(sentence))
    # the same words in other spacing take the general path: equal runs cut at the spacing
    other = " ".join(x) + " ."
    ops = word_diff(a, [(7, len(a))], other, [(0, len(other))])
    assert ops[0].tag == "equal" and ops[0].a_start == 7
