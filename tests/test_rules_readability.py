"""Readability rules (R101-R104) and the difficulty helper with its reasons."""

from __future__ import annotations

import pytest

from auditor.config import Config, ConfigError
from auditor.engine import audit
from auditor.measure.readability import difficulty, difficulty_grade
from auditor.model import Finding, Severity
from auditor.read.decode import document_from_text
from auditor.rules.readability import HARD, LONG, SHORT, STORY, WORDY


def run(texts: tuple[str, ...], code: str, **options: float) -> list[Finding]:
    """Audit texts with one rule and the given options."""
    docs = [document_from_text(t, chr(ord("a") + i)) for i, t in enumerate(texts)]
    config = Config(select=(code,), options={code: options} if options else {})
    return list(audit(docs, config).findings)


def test_difficulty_explains_length_rare_words_and_nesting() -> None:
    d = difficulty(LONG)
    reasons = " ".join(d.reasons())
    assert d.words > 40 and d.grade > 25
    assert f"{d.words} words" in reasons and "subordinate clauses" in reasons
    assert "commas" in reasons and "long or rare words" in reasons


@pytest.mark.parametrize("text", [LONG, SHORT, HARD, WORDY, "", "– 42 –", "It's 3 o'clock."])
def test_difficulty_grade_is_the_grade_difficulty_gives(text: str) -> None:
    assert difficulty_grade(text) == difficulty(text).grade


def test_hard_sentence_says_why_and_is_never_an_error() -> None:
    [f] = run((LONG,), "R101")
    assert f.evidence == LONG and f.severity is Severity.INFO
    assert "words" in f.message and "grade" in f.message


def test_grade_threshold_is_an_option() -> None:
    assert run((LONG,), "R101", max_grade=60.0) == []
    found = run((SHORT + " " + LONG,), "R101", max_grade=5.0)
    assert "They will meet in May." not in [f.evidence for f in found] and len(found) == 2


@pytest.mark.parametrize(
    "line",
    [
        "Sunday, July 21, 2013",
        "http://www.example.com/news/2013/07/21/a-long-story-about-the-talks.html",
        "By Maria Lopez and John Park, Staff Writers",
        "Police said so.",
        "(Reuters)",
    ],
)
def test_date_lines_urls_credits_and_fragments_get_no_grade(line: str) -> None:
    assert run((line,), "R101", max_grade=-99.0) == []
    assert run((f"{line}\n\n{SHORT}",), "R103", min_reading_ease=101.0)[0].evidence != line


def test_unknown_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="max_grad"):
        run((LONG,), "R101", max_grad=3.0)


def test_harder_than_counterpart_shows_the_other_sentence() -> None:
    [f] = run((STORY.format("not"), STORY.format(HARD)), "R102")
    assert f.doc == "b" and "notwithstanding" in f.evidence
    assert [r.doc for r in f.related] == ["a"] and "were not convinced" in f.related[0].text


def test_document_thresholds_are_options() -> None:
    assert len(run((LONG,), "R103")) == 1
    assert run((LONG,), "R103", min_reading_ease=-200.0, max_grade=99.0) == []
    assert len(run((SHORT,), "R103", min_reading_ease=101.0)) == 1


def test_gap_is_reported_on_the_harder_document_only() -> None:
    found = run((STORY.format("not"), WORDY), "R104")
    assert [f.doc for f in found] == ["b"]
    assert run((STORY.format("not"), WORDY), "R104", max_gap=99.0) == []


def test_gaps_between_independent_sources_stay_quiet() -> None:
    story = (STORY.format("not"), STORY.format(HARD))
    assert run((SHORT, LONG), "R104") == []
    assert run(story, "R102") != []
    docs = [document_from_text(t, chr(ord("a") + i)) for i, t in enumerate(story)]
    assert audit(docs, Config(select=("R102",), relation="sources")).findings == ()


def test_hard_sentences_that_are_not_prose_have_no_counterpart_gap() -> None:
    hard = STORY.format(HARD)
    listed = hard.replace("convinced by the plan.", "convinced by www.example.com/plan.")
    assert run((STORY.format("not"), hard), "R102") != []
    assert run((STORY.format("not"), listed), "R102") == []


def test_a_hard_document_points_at_its_first_hardest_prose_sentence() -> None:
    url = "http://www.example.com/news/2013/07/21/a-long-story-about-the-talks.html"
    text = f"{url}\n\n{SHORT} {LONG} {LONG}"
    [f] = run((text,), "R103")
    assert f.start == text.index(LONG) and f.evidence == LONG
