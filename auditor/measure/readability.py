"""Readability with textstat: document scores, sentence grades and their causes."""

from __future__ import annotations

from dataclasses import dataclass

from auditor.knowledge.lexicon import lexicon

LANG = "en_US"
READABILITY_FIELDS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "dale_chall_readability_score",
    "difficult_words",
)


def readability(text: str, lang: str = LANG) -> dict[str, float]:
    """Return textstat's scores of `text`, with the language passed explicitly."""
    from textstat.backend import counts, metrics

    if not text.strip():
        return {name: 0.0 for name in READABILITY_FIELDS}
    return {
        "flesch_reading_ease": round(metrics.flesch_reading_ease(text, lang), 2),
        "flesch_kincaid_grade": round(metrics.flesch_kincaid_grade(text, lang), 2),
        "gunning_fog": round(metrics.gunning_fog(text, lang), 2),
        "smog_index": round(metrics.smog_index(text, lang), 2),
        "coleman_liau_index": round(metrics.coleman_liau_index(text), 2),
        "dale_chall_readability_score": round(metrics.dale_chall_readability_score(text, lang), 2),
        "difficult_words": float(counts.count_difficult_words(text, lang, 2, True)),
    }


def sentence_grade(text: str, lang: str = LANG) -> float:
    """Return the Flesch-Kincaid grade of one sentence."""
    from textstat.backend import metrics

    return round(float(metrics.flesch_kincaid_grade(text, lang)), 2)


CLAUSE_WORDS = lexicon().word_set("clause_words")


@dataclass(frozen=True)
class Difficulty:
    """How hard a stretch of text is to read as one sentence, with the reasons."""

    grade: float
    words: int
    hard_words: tuple[str, ...]
    commas: int
    clauses: int
    brackets: int

    def reasons(self) -> list[str]:
        """Return the plain-language reasons this text is hard, worst first."""
        out = []
        if self.words > 30:
            out.append(f"{self.words} words")
        if len(self.hard_words) >= 3:
            out.append(
                f"{len(self.hard_words)} long or rare words ({', '.join(self.hard_words[:4])})"
            )
        if self.commas >= 4:
            out.append(f"{self.commas} commas")
        if self.clauses >= 2:
            out.append(f"{self.clauses} subordinate clauses")
        if self.brackets:
            out.append(f"{self.brackets} parenthetical asides")
        return out or [f"{self.words} words"]


def difficulty(text: str, lang: str = LANG) -> Difficulty:
    """Return the Flesch-Kincaid grade of `text` read as one sentence, with its causes."""
    from textstat.backend.counts import count_syllables
    from textstat.backend.validations import is_difficult_word

    words = [w.strip(".,;:!?\"'“”‘’()[]") for w in text.split()]
    words = [w for w in words if any(c.isalpha() for c in w)]
    if not words:
        return Difficulty(0.0, 0, (), 0, 0, 0)
    syllables = sum(count_syllables(w, lang) for w in words)
    grade = 0.39 * len(words) + 11.8 * syllables / len(words) - 15.59
    hard = tuple(dict.fromkeys(w for w in words if is_difficult_word(w, 3, lang)))
    return Difficulty(
        grade=round(grade, 1),
        words=len(words),
        hard_words=hard,
        commas=text.count(","),
        clauses=sum(1 for w in words if w.lower() in CLAUSE_WORDS),
        brackets=text.count("(") + text.count(" – ") + text.count(" — "),
    )
