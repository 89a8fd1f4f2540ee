"""Sentence splitting knows news abbreviations: places, states, company suffixes, titles."""

from __future__ import annotations

import pytest

from auditor.config import Config
from auditor.engine import audit
from auditor.read.decode import document_from_text
from auditor.read.segment import split_sentences


def sentences(text: str) -> list[str]:
    """Return the sentences of `text`."""
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The shooting happened near 97th Ave. about a mile from the school.",
        "A Fresno, Calif. man was arrested on Monday.",
        "The Springfield, Ill. office closed early.",
        "A Lansing, Mich. police officer was hurt.",
        "Lawyers at Smith Jones LLP. declined to comment.",
        "Acme Corp. said profits rose.",
        "He was ranked No. 1 in the country.",
        "Gen. Smith and Lt. Jones met Sgt. Brown.",
        "Martin Luther King Jr. spoke in Washington.",
        "A Boston, Mass. court heard the case.",
    ],
)
def test_news_abbreviations_end_no_sentence(text: str) -> None:
    assert sentences(text) == [text]
    assert audit([document_from_text(text)], Config(select=("B101",))).findings == ()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("The company is based in Cupertino, Calif. Its shares rose.", "Cupertino, Calif."),
        ("The patient fell ill. Doctors were called.", "The patient fell ill."),
        ("Shares of Apple Inc. The stock rose.", "Shares of Apple Inc."),
        ("She said no. Then she left.", "She said no."),
    ],
)
def test_a_place_or_suffix_before_a_new_sentence_still_ends_it(text: str, first: str) -> None:
    assert sentences(text)[0].endswith(first)


def test_an_article_before_a_number_ends_no_sentence() -> None:
    text = "She came back with a. 38 revolver and shot two clerks. Police came."
    assert sentences(text) == [text[: text.index(" Police")], "Police came."]
    broken = "She came back with the. revolver and shot two clerks."
    [f] = audit([document_from_text(broken)], Config(select=("B101",))).findings
    assert f.evidence == "the. revolver"  # before a word it is still a broken sentence


def test_a_real_broken_sentence_is_still_found() -> None:
    text = "The ministers met in Geneva. and agreed to talk again."
    [f] = audit([document_from_text(text)], Config(select=("B101",))).findings
    assert f.evidence == "Geneva. and"
