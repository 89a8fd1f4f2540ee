"""Patterns find what their regex finds, whichever scout looks for the candidates."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.knowledge.names import CanonicalName, _spelling_pattern, build_names
from auditor.knowledge.patterns import WordPattern, compile_pattern, lower_cased

PATTERNS = ("[since] # years !ago", "[in the frame of]", "discuss+ about", "[make|made] a photo")
TEXT = st.text(
    alphabet=st.sampled_from([*"sincefrmaotdphuy ", "S", "I", "ı", "ſ", "İ", "K", "µ", "3", "-"]),
    max_size=60,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4), st.sampled_from(PATTERNS))
def test_matches_are_the_regex_matches(pieces: list[str], source: str) -> None:
    pattern = compile_pattern(source, "x")
    text = " since 3 years ".join(pieces)
    flagged = (m.span("flag") if m.group("flag") else m.span() for m in _all(pattern, text))
    expected = [(s, e) for s, e in flagged if e > s]
    found = pattern.finditer(text)
    assert [(m.start, m.end) for m in found] == expected


def _all(pattern: WordPattern, text: str) -> list[Any]:
    """Return the matches of the pattern's regex searched the plain way, case-blind."""
    return list(pattern.regex.finditer(text, 0, len(text)))


def test_lower_case_scout_only_where_it_is_exact() -> None:
    assert lower_cased("Since THREE years, Straße “quoted”") == "since three years, straße “quoted”"
    for odd in ("ſince", "İn", "sınce"):
        assert lower_cased(odd) is None
    assert lower_cased("5 µg, 3 K") == "5 µg, 3 k"
    assert compile_pattern("[since] # years").lower_scout is not None
    assert compile_pattern("[μg] per day").lower_scout is None  # Greek: µ and μ match


def test_lead_is_what_every_form_of_the_first_word_starts_with() -> None:
    assert compile_pattern("[since] # years !ago").lead == "since"
    assert compile_pattern("discuss+ about").lead == "discuss"
    assert compile_pattern("[realise|realize] a plan").lead == "reali"
    assert compile_pattern("Kyivan's|Kyivans mayor").lead == "kyivan"  # cut at the apostrophe
    assert compile_pattern("[make|made] a photo").lead == ""
    assert compile_pattern("# years").lead == ""
    assert compile_pattern("[since] years", ignore_case=False).lead == ""


@pytest.mark.parametrize("extra", [(), ("Élysée Treaty",)])
def test_known_names_grouped_by_first_letter_match_as_one_alternation(
    extra: tuple[str, ...],
) -> None:
    spellings = ("United Nations", "UN", "Unesco", "Kyoto Protocol", "Kyoto", *extra)
    book = build_names([CanonicalName(s, "organisation", ()) for s in spellings])
    ordered = sorted(set(spellings), key=len, reverse=True)
    flat = "|".join(_spelling_pattern(s) for s in ordered)
    plain = re.compile(rf"(?<![\w-])(?:{flat})(?![\w-])")
    text = "The united nations and the UN, un, UNESCO, the Kyoto protocol, kyoto and élysée treaty."
    assert book.pattern is not None
    assert [m.span() for m in book.pattern.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    assert len(plain.findall(text)) >= 5
