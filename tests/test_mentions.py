"""Mention extraction: people and titles, names and acronyms, numbers, dates, quotations."""

from __future__ import annotations

import random
import re
from typing import TypeVar

import pytest

from auditor.knowledge import load_knowledge
from auditor.knowledge.names import fold_words
from auditor.knowledge.titles import parse_titles
from auditor.mentions.extract import ACRONYM, NAMED, QUOTE, extract_mentions
from auditor.mentions.people import TOKEN, WORD_TOKEN, Token, Tokens
from auditor.mentions.quantities import (
    NUMBER,
    WEEKDAY,
    WEEKDAYS,
    DateRef,
    find_dates,
    find_quantities,
    numbers,
)
from auditor.model import (
    Mention,
    NameMention,
    PersonMention,
    QuoteMention,
    TitleMention,
)
from auditor.read.decode import document_from_text

M = TypeVar("M", bound=Mention)


def mentions(text: str, kind: type[M]) -> list[M]:
    """Return the mentions of one kind in a text, checking that offsets match the text."""
    doc = document_from_text(text)
    found = [m for m in extract_mentions(doc, load_knowledge()) if isinstance(m, kind)]
    for m in found:
        assert doc.text[m.start : m.end] == m.text
    return found


def test_title_before_name_with_domain() -> None:
    text = "Talks with US Deputy Secretary of State Wendy Sherman began."
    (title,) = mentions(text, TitleMention)
    assert (title.start, title.end, title.text) == (14, 39, "Deputy Secretary of State")
    assert title.key == "sherman"
    assert title.office == "deputy secretary" and title.family == "secretary"
    (person,) = mentions(text, PersonMention)
    assert (person.start, person.end) == (40, 53)


def test_portfolio_words_and_hyphens_do_not_change_the_office() -> None:
    text = "Russian Deputy Foreign Minister Sergei Ryabkov met Lieutenant-General James J. Mingus."
    offices = [(m.office, m.name) for m in mentions(text, TitleMention)]
    assert offices == [
        ("deputy minister", "Sergei Ryabkov"),
        ("lieutenant general", "James J. Mingus"),
    ]


def test_title_after_name_and_bare_surname_refers_back() -> None:
    text = "Wendy Sherman, the deputy secretary, spoke. Later Sherman left."
    (title,) = mentions(text, TitleMention)
    assert title.text == "deputy secretary" and title.name == "Wendy Sherman"
    people = mentions(text, PersonMention)
    assert [(p.start, p.name) for p in people] == [
        (0, "Wendy Sherman"),
        (50, "Wendy Sherman"),
    ]


def test_role_description_is_not_a_title() -> None:
    assert mentions("Blinken, the top US diplomat, left.", TitleMention) == []


def test_name_with_expansion_and_canonical() -> None:
    text = "in Europe (OSCE) and the Organization for Security and Cooperation in Europe (OSCE) met"
    names = mentions(text, NameMention)
    org = next(m for m in names if m.text.startswith("Organization"))
    assert org.start == 25 and org.acronym == "OSCE"
    assert org.canonical == "Organization for Security and Co-operation in Europe"


def test_named_dialogue_drops_leading_article_and_weekday() -> None:
    text = "The Strategic Energy Dialogue met before Wednesday’s NATO-Russia Council."
    assert [m.text for m in mentions(text, NameMention)] == [
        "Strategic Energy Dialogue",
        "NATO-Russia Council",
    ]


def test_quotation_speaker() -> None:
    (quote,) = mentions("“We need firm guarantees now,” Ryabkov said.", QuoteMention)
    assert quote.text == "We need firm guarantees now," and quote.speaker == "ryabkov"
    (anonymous,) = mentions("“We need firm guarantees now,” he said.", QuoteMention)
    assert anonymous.speaker is None
    (unsaid,) = mentions("“We need firm guarantees now.”\n\nRyabkov said talks end.", QuoteMention)
    assert unsaid.speaker is None  # a speaker is named in the quotation's own paragraph


@pytest.mark.parametrize(
    "text",
    [
        "“We need firm guarantees now,” said Faletti. The company left.",
        "“We need firm guarantees now,” said Faletti.\n\nThe Missouri company left.",
        "“We need firm guarantees now,” said J. Faletti, the director.",
    ],
)
def test_the_speaker_name_stops_at_the_end_of_its_sentence(text: str) -> None:
    (quote,) = mentions(text, QuoteMention)
    assert quote.speaker_name == "Faletti"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("100,000 troops", 100000.0, "troop"),
        ("100 000 troops", 100000.0, "troop"),
        ("100 thousand", 100000.0, None),
        ("eight-hour", 8.0, "hour"),
        ("8 hours", 8.0, "hour"),
        ("twenty-five", 25.0, None),
        ("3.5 per cent", 3.5, "percent"),
        ("$2.5 billion", 2.5e9, "dollar"),
        ("€5 million", 5e6, "euro"),
        ("2 million euros", 2e6, "euro"),
        ("1.1 millions", 1.1e6, None),
    ],
)
def test_numbers_normalise(text: str, value: float, unit: str | None) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit) == (value, unit)
    assert (q.start, q.end) == (0, len(text))


def test_lone_one_and_dates_are_not_numbers() -> None:
    assert list(find_quantities("one of the talks")) == []
    dates = list(find_dates("in June 2021 and its 1997 borders"))
    assert [(d.year, d.month) for d in dates] == [(2021, 6), (1997, None)]
    skip = tuple((d.start, d.end) for d in dates)
    assert list(find_quantities("in June 2021 and its 1997 borders", skip=skip)) == []


def test_partial_dates_agree_and_weekdays_compute() -> None:
    june, june_2021, july = (
        DateRef(0, 0, y, m, None) for y, m in ((None, 6), (2021, 6), (2021, 7))
    )
    assert june.agrees(june_2021) and not june_2021.agrees(july)
    (full,) = find_dates("Monday January 10, 2022")
    assert full.weekday() == 0
    assert list(find_dates("you may go")) == [] and list(find_dates("Theresa May said")) == []
    assert [d.month for d in find_dates("in May, and again in mid-May")] == [5, 5]
    assert list(find_dates("MPs lost confidence in May's plan")) == []
    text = "It opened in June. It closed on Dec. 5."
    assert [text[d.start : d.end] for d in find_dates(text)] == ["June", "Dec. 5"]


def test_a_day_no_month_has_is_read_where_only_a_day_stands() -> None:
    text = "Set for Sept. 39, moved to July 40, 2004, then to June 34-35; in March 50 people left."
    found = [(text[d.start : d.end], d.day) for d in find_dates(text)]
    assert found == [("Sept. 39", 39), ("July 40, 2004", 40), ("June 34", 34), ("March", None)]
    assert DateRef(0, 0, 2004, 7, 40).weekday() is None


def test_title_book_keeps_rungs_apart() -> None:
    book = parse_titles(
        {
            "portfolio": ["foreign"],
            "family": [
                {
                    "head": "minister",
                    "offices": [["minister"], ["deputy minister", "vice minister"]],
                }
            ],
        }
    )
    assert book.office(["Vice", "Foreign", "Minister"]).canonical == "deputy minister"
    assert book.office(["Foreign", "Minister"]).canonical == "minister"
    assert book.office(["spokesman"]) is None


def test_a_name_word_that_is_a_joiner_alone_is_its_own_span() -> None:
    from auditor.mentions.namewords import name_span, words

    text = "Of"
    [word] = words(text, 0, len(text))
    assert name_span(text, (0, len(text)), word) == (0, 2)


def test_a_lower_case_title_takes_a_full_name_of_two_letter_words_too() -> None:
    doc = document_from_text("He died, said prison deputy spokesman Al Quintero. In Rome he met.")
    titles = [(m.text, m.name) for m in extract_mentions(doc) if isinstance(m, TitleMention)]
    assert titles == [("deputy spokesman", "Al Quintero")]


def test_word_tokens_are_the_word_tokens_of_token() -> None:
    """Bare surnames are found by WORD_TOKEN alone: it must split words exactly as TOKEN does."""
    rng = random.Random(11)
    alphabet = "aZ J. 1_-'’²é,.\n"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        tokens = [m.span() for m in TOKEN.finditer(text)]
        words = [s for s in tokens if (w := WORD_TOKEN.match(text, s[0])) and w.end() == s[1]]
        assert [m.span() for m in WORD_TOKEN.finditer(text)] == words, text


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("Organisation for Co-operation", "Organization for Cooperation"),
        ("Recognised Defence Programme", "Recognized Defense Program"),
        ("the analysing centre", "the analyzing center"),
    ],
)
def test_british_and_american_spellings_fold_to_one_name(british: str, american: str) -> None:
    assert fold_words(british) == fold_words(american)


def test_tokens_read_from_their_words_and_offsets_are_those_of_token() -> None:
    """Tokens keeps only the words and start offsets: it must rebuild TOKEN's tokens."""
    rng = random.Random(12)
    alphabet = "aZ J. 1_-'’²é,.\n\t\u00a0"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        plain = [Token(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start)]
        assert list(Tokens(text, start, len(text))) == plain, text


def test_numbers_are_the_matches_of_number() -> None:
    """numbers() tries NUMBER only near the places NUMBER_NEAR finds: it must match as often."""
    rng = random.Random(13)
    alphabet = [*"  \t\n$€£¥-.,0123456789aefnostzEFNOSTZſ_'’%", "five", "Twenty", " million", "bn"]
    for _ in range(4000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [(m.span(), m.groupdict()) for m in NUMBER.finditer(text, start, end)]
        assert [(m.span(), m.groupdict()) for m in numbers(text, start, end)] == expected, text


def test_named_takes_a_word_possessively_as_greedily() -> None:
    """NAMED never gives a capitalised word's letters back: matching must not change."""
    greedy = re.compile(NAMED.pattern.replace("*+", "*"))
    assert greedy.pattern != NAMED.pattern
    rng = random.Random(14)
    words = ["Council", "Foo", "Bar-", "U.S.", "of", "the", "A.", "Treaty", "Mc", "-", " ", "’s"]
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(["", " ", "\n"]) for _ in range(8))
        assert [m.span() for m in NAMED.finditer(text)] == [
            m.span() for m in greedy.finditer(text)
        ], text


@pytest.mark.parametrize(
    ("fast", "plain"),
    [
        (WEEKDAY, rf"\b(?:{'|'.join(map(str.capitalize, WEEKDAYS))})\b"),
        (ACRONYM, r"(?<![\w-])(?:[A-Z][A-Z0-9&]{1,7}|G-?\d{1,2})(?![\w-])"),
        (QUOTE, r"“([^“”]{2,}?)”|\"([^\"\n]{2,}?)\""),
    ],
)
def test_fast_patterns_match_as_their_plain_forms(fast: re.Pattern[str], plain: str) -> None:
    """WEEKDAY and ACRONYM test the character before a match after its first letter and QUOTE
    takes its words possessively (for speed): each must match as its plain form."""
    rng = random.Random(15)
    pieces = [*'aG-_ .,&1é\n“”"', "Monday", "Sunday", "EU", "G-20", "G7", "NATO", "US"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [m.regs for m in re.compile(plain).finditer(text, start, end)]
        assert [m.regs for m in fast.finditer(text, start, end)] == expected, text
