"""Quotation rules: speaker mismatch across sources and direct speech without marks."""

from __future__ import annotations

import random

from rule_helpers import run, seed_findings

from auditor.mentions.quotemarks import quote_problems
from auditor.model import QuoteMention
from auditor.rules.quotations import (
    MIN_QUOTE_WORDS,
    OVERLAP,
    _content_words,
    _indexed,
    _same_quotes,
)


def test_speaker_mismatch_shows_the_other_quotation() -> None:
    a = "“We will not give up on talks with our partners,” Petrov said."
    b = "“We will not give up talks with our partners,” Lee said."
    f = next(f for f in run((a, b), "Q101") if f.doc == "b")
    assert f.evidence == "We will not give up talks with our partners,"
    assert "Lee" in f.message and "Petrov" in f.message
    assert [r.doc for r in f.related] == ["a"]


def test_unquoted_speech_gets_quotation_marks_as_the_fix() -> None:
    (f,) = run(("I don't think we can expect much, he told reporters.",), "Q102")
    assert f.evidence == "I don't think we can expect much,"
    assert f.suggestion == "“I don't think we can expect much,”"


def test_indirect_speech_and_quoted_paragraphs_are_quiet() -> None:
    assert run(("Lee said the United States would welcome progress, Price said.",), "Q102") == []
    assert run(("“We can agree,” he said. We hope so, he added.",), "Q102") == []


def test_seeds_find_the_stripped_quotations_of_the_first_article() -> None:
    found = [f for f in seed_findings() if f.rule == "Q102"]
    assert {f.doc for f in found} == {"a"}
    starts = [f.evidence.split()[0] for f in found]
    assert starts == ["I", "What", "The", "The", "Americans"]


def test_indexed_quote_matching_equals_comparing_every_pair() -> None:
    rng = random.Random(11)
    vocabulary = ["talks", "partners", "police", "will", "give", "the", "and", "year", "deal"]

    def quote(k: int) -> QuoteMention:
        text = " ".join(rng.choices(vocabulary, k=rng.randint(2, 9)))
        return QuoteMention(k, k + len(text), text, text, "p", "P")

    def pairs(a: QuoteMention, b: QuoteMention) -> bool:
        wa, wb = _content_words(a.text), _content_words(b.text)
        small = min(len(wa), len(wb))
        return small >= MIN_QUOTE_WORDS and len(wa & wb) / small >= OVERLAP

    mine, theirs = [quote(k) for k in range(60)], [quote(k) for k in range(60)]
    quotes, index = _indexed(theirs)
    found = 0
    for m in mine:
        expected = [t for t in theirs if pairs(m, t)]
        assert _same_quotes(m, quotes, index) == expected
        found += len(expected)
    assert found > 0


def test_quote_problems_without_singles_leave_out_only_the_single_marks() -> None:
    text = "He called it ‘open door policy. “We stay, “Lee said.\n\nShe said “no more."
    every = list(quote_problems(text))
    doubles = list(quote_problems(text, singles=False))
    single = text.index("‘")
    assert [p.start for p in every if p.start == single] == [single]
    assert doubles == [p for p in every if p.start != single]
    assert {p.kind for p in doubles} == {"misplaced", "unclosed"}
