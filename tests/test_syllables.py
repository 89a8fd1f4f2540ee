"""Readability from the compact syllable table equals textstat's own, to the last digit."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from auditor.measure.build_syllables import syllable_table
from auditor.measure.readability import READABILITY_FIELDS, readability, sentence_grade
from auditor.measure.syllables import SYLLABLES_FILE, hyphenation_points, word_syllables
from auditor.read.decode import read_document

LANG = "en_US"


def textstat_scores(text: str) -> dict[str, float]:
    """Return the scores as textstat 0.7.8 computes them (loading the whole CMU dictionary)."""
    from textstat.backend import counts, metrics

    if not text.strip():
        return {name: 0.0 for name in READABILITY_FIELDS}
    return {
        "flesch_reading_ease": round(metrics.flesch_reading_ease(text, LANG), 2),
        "flesch_kincaid_grade": round(metrics.flesch_kincaid_grade(text, LANG), 2),
        "gunning_fog": round(metrics.gunning_fog(text, LANG), 2),
        "smog_index": round(metrics.smog_index(text, LANG), 2),
        "coleman_liau_index": round(metrics.coleman_liau_index(text), 2),
        "dale_chall_readability_score": round(metrics.dale_chall_readability_score(text, LANG), 2),
        "difficult_words": float(counts.count_difficult_words(text, LANG, 2, True)),
    }


def generated_texts(seed: int, n: int) -> list[str]:
    """Return texts of dictionary words, invented words, numbers, punctuation and odd spacing."""
    rng = random.Random(seed)
    words = SYLLABLES_FILE.read_text(encoding="utf-8").split()[0::2]
    letters = "abcdefghijklmnopqrstuvwxyzéüñ"
    marks = [".", ",", ";", "!", "?", " -", "'s", "’", "”", "(", ")", "", "", "", ""]
    texts = []
    for _ in range(n):
        tokens = []
        for _ in range(rng.randint(0, 60)):
            roll = rng.random()
            if roll < 0.7:
                word = rng.choice(words)
            elif roll < 0.9:
                word = "".join(rng.choice(letters) for _ in range(rng.randint(1, 15)))
            else:
                word = str(rng.randint(0, 100000))
            word = word.capitalize() if rng.random() < 0.2 else word
            tokens.append(word + rng.choice(marks))
        texts.append(rng.choice([" ", "  ", "\n"]).join(tokens))
    return texts


def test_table_is_generated_from_the_installed_dictionary() -> None:
    assert SYLLABLES_FILE.read_text(encoding="utf-8") == syllable_table()


def test_seed_scores_equal_textstat(seed_paths: list[Path]) -> None:
    for path in seed_paths:
        doc = read_document(path, "a")
        assert readability(doc.body) == textstat_scores(doc.body)
        for s in doc.sentences:
            text = doc.sentence_text(s.index)
            assert readability(text) == textstat_scores(text), text
            assert sentence_grade(text) == textstat_scores(text)["flesch_kincaid_grade"], text


@pytest.mark.parametrize("seed", range(4))
def test_generated_text_scores_equal_textstat(seed: int) -> None:
    from textstat.backend.metrics import flesch_kincaid_grade

    for text in generated_texts(seed, 50):
        assert readability(text) == textstat_scores(text), text
        assert sentence_grade(text) == round(flesch_kincaid_grade(text, LANG), 2)


def test_words_outside_the_dictionary_are_hyphenated_as_pyphen_does() -> None:
    from textstat.backend.counts import count_syllables
    from textstat.backend.utils import get_pyphen

    pyphen = get_pyphen(LANG)
    for word in ("lindqvist", "okafor", "zelenskyy", "anti", "xx", "éclairissement", "qwrtzp"):
        assert hyphenation_points(word) == pyphen.positions(word)
        assert word_syllables(word) == count_syllables(word, LANG)


def test_sentence_count_of_pieces_whose_tokens_are_punctuation_equals_textstat() -> None:
    from textstat.backend.counts import count_sentences

    from auditor.measure.readability import _sentence_count

    rng = random.Random(7)  # pieces of three or more tokens, some only marks and apostrophes
    tokens = ["-", "--", "'", "’", "'t", "”", "(…)", "a", "It's", "x'", "_", "2", "é", "«»"]
    for _ in range(2000):
        pieces = [" ".join(rng.choices(tokens, k=rng.randint(1, 6))) for _ in range(4)]
        text = "".join(p + rng.choice([". ", "! ", "? ", "... "]) for p in pieces)
        assert _sentence_count(text) == count_sentences(text), text


def test_scores_of_tokens_cut_by_apostrophes_and_odd_spaces_equal_textstat() -> None:
    from textstat.backend.metrics import flesch_kincaid_grade

    rng = random.Random(11)  # apostrophes at token ends, marks alone, non-ASCII spaces and case
    tokens = ["don't", "dogs'", "'tis", "'ve", "x'", "'", "—", "ΟΔΟΣ", "İstanbul", "1,200", "e.g."]
    spaces = [" ", "\n", "\u00a0", "\u2009", "\x1c", " ' "]
    for _ in range(300):
        text = "".join(rng.choice(tokens) + rng.choice(spaces) for _ in range(rng.randint(1, 25)))
        text += rng.choice(["", ".", "!"])
        assert readability(text) == textstat_scores(text), text
        assert sentence_grade(text) == round(flesch_kincaid_grade(text, LANG), 2), text
