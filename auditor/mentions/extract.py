"""Mentions with offsets: people and titles, organisations, treaties, numbers, dates, quotes."""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from auditor.knowledge.lexicon import alternation, lexicon
from auditor.knowledge.names import NameBook, fold_words
from auditor.mentions.people import Tokens, find_people, link_surnames, person_key
from auditor.mentions.quantities import DateRef, find_dates, find_quantities, find_weekdays
from auditor.mentions.spans import SpanIndex
from auditor.model import (
    AcronymMention,
    DateMention,
    Document,
    Mention,
    NameMention,
    NumberMention,
    QuoteMention,
    WeekdayMention,
)
from auditor.read.lines import line_start

if TYPE_CHECKING:
    from auditor.knowledge import Knowledge

LEX = lexicon()
KIND_NOUNS = alternation(LEX.words["organisation_nouns"], capitalise=True)
INITIALS = "".join(sorted({w[:1].upper() for w in LEX.words["organisation_nouns"]}))
# A capitalised word. Its letters are taken possessively (`*+`): what follows a word in NAMED
# starts with a hyphen or a space or ends the match, so giving letters back never helped and
# cost a third of NAMED's time.
CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w'’]*+)(?:-[A-Z0-9][\w'’]*+)*"
# A name starts with a capital or its kind noun's first letter: the lookahead rejects other
# positions at once, 3x faster than trying the lazy run of capitalised words at each.
NAMED = re.compile(
    rf"(?=[A-Z{re.escape(INITIALS)}])(?:(?<![\w-]){CAP}\s+)*?(?:{CAP}-)?(?:{KIND_NOUNS})\b"
    rf"(?:\s+(?:{alternation(LEX.words['name_links'])})\s+(?:the\s+)?{CAP}"
    rf"(?:\s+(?:(?:{alternation(LEX.words['name_inner'])})\s+)*{CAP})*)?"
)
KIND_NOUN = re.compile(rf"\b(?:{KIND_NOUNS})\b")  # the kind noun of a name ("Council")
LEADING = re.compile(
    rf"(?:(?:{alternation(LEX.words['name_leading'] + LEX.weekdays, capitalise=True)})"
    r"(?:[’']s)?\s+)+"
)
# Its capital comes first and the test of the character before it second (`(?<![\w-].)`): `re`
# skips at C speed to the next capital instead of trying the look-behind at every position.
ACRONYM = re.compile(r"[A-Z](?<![\w-].)(?:[A-Z0-9&]{1,7}|(?<=G)-?\d{1,2})(?![\w-])")
EXPANSION = re.compile(r"\s*\(([A-Z][A-Z0-9&]{1,7})\)")
# The words inside the marks are taken possessively: they cannot hold the closing mark, so giving
# them back never finds another end (the lazy `{2,}?` stepped char by char: 0.046 -> 0.027 s).
QUOTE = re.compile(r"“([^“”]{2,}+)”|\"([^\"\n]{2,}+)\"")
SAY = alternation(LEX.speech_verbs)
THIRD_PERSON = alternation(LEX.third_person, capitalise=True) + "|" + alternation(LEX.third_person)
# A word of a speaker's name: a capitalised word or an initial ("J."), never a word that ends a
# sentence ("said Faletti. The company ..." names Faletti, not "The").
NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w’'-]*)[ \t]+"
LINE_GAP = r"[^\S\n]*\n?[^\S\n]*"  # spaces and at most one line break: never a new paragraph
ATTRIB_AFTER = re.compile(
    rf"[^\S\n]*,?{LINE_GAP}(?:(?P<who>(?:{NAME_WORD}){{0,4}}?[A-Z][\w’'-]*|{THIRD_PERSON})"
    rf"\s+(?:{SAY})\b|(?:{SAY})\s+(?P<who2>(?:{NAME_WORD}){{0,5}}[A-Z][\w’'-]*))"
)
ATTRIB_BEFORE = re.compile(rf"(?P<who>[A-Z][\w’'-]*)\s+(?:{SAY})\b[^“”\".]{{0,40}}[:,]\s*\Z")


def extract_mentions(doc: Document, knowledge: Knowledge | None = None) -> tuple[Mention, ...]:
    """Return the mentions found in the body of `doc`, in text order."""
    knowledge = knowledge or _default_knowledge()
    text, start, end = doc.text, doc.body_start, len(doc.text)
    toks = Tokens(text, start, end)
    people = find_people(toks, text, knowledge.titles)
    people += link_surnames(toks, people)
    del toks  # a long document's tokens take more memory than its mentions
    found = [*people, *find_names(text, start, end, knowledge.names), *find_facts(text, start, end)]
    found += find_quotes(text, start, end)
    return tuple(sorted(found, key=attrgetter("start", "end", "kind")))


@lru_cache(maxsize=1)
def _default_knowledge() -> Knowledge:
    """Load the built-in knowledge once per process."""
    from auditor.knowledge import load_knowledge

    return load_knowledge()


def find_names(text: str, start: int, end: int, book: NameBook) -> list[Mention]:
    """Return named organisations, treaties, dialogues and forums, and acronyms."""
    out: dict[tuple[int, int], Mention] = {}
    for m in NAMED.finditer(text, start, end):
        lead = LEADING.match(m.group())
        s = m.start() + (lead.end() if lead else 0)
        if (s < m.end() and " " in text[s : m.end()].strip()) or "-" in text[s : m.end()]:
            out[(s, m.end())] = _name_mention(text, s, m.end(), book)
    if book.pattern is not None:
        named = SpanIndex(out)  # a pattern match never lies inside an earlier one
        for m in book.pattern.finditer(text, start, end):
            if not named.contains(*m.span()):
                out[m.span()] = _name_mention(text, m.start(), m.end(), book)
    names = SpanIndex(out)
    canonical: dict[str, str | None] = {}  # a document repeats its acronyms
    for m in ACRONYM.finditer(text, start, end):
        if not names.covers(m.start()):
            acronym = m.group()
            if acronym not in canonical:
                entry = book.lookup(acronym)
                canonical[acronym] = entry.canonical if entry else None
            out[m.span()] = AcronymMention(*m.span(), acronym, acronym, canonical[acronym])
    return list(out.values())


def _name_mention(text: str, start: int, end: int, book: NameBook) -> NameMention:
    """Build a name mention with its folded key, its kind noun and any known canonical name."""
    name = text[start:end]
    key = " ".join(fold_words(name))
    entry = book.index.get(key)  # book.lookup(name), folding the name once
    expansion = EXPANSION.match(text, end)
    kind = KIND_NOUN.search(name)
    return NameMention(
        start,
        end,
        name,
        key,
        canonical=entry.canonical if entry else None,
        acronym=expansion.group(1) if expansion else None,
        noun=kind.group().lower() if kind else None,
    )


def find_facts(text: str, start: int, end: int) -> list[Mention]:
    """Return dates, weekdays and numbers with their normalised values."""
    out: list[Mention] = []
    dates = list(find_dates(text, start, end))
    for d in dates:
        date_text = text[d.start : d.end]
        out.append(DateMention(d.start, d.end, date_text, _date_key(d), d.year, d.month, d.day))
    for s, e, day in find_weekdays(text, start, end):
        out.append(WeekdayMention(s, e, text[s:e], str(day), day))
    skip = tuple((d.start, d.end) for d in dates)
    for q in find_quantities(text, start, end, skip):
        number = text[q.start : q.end]
        out.append(NumberMention(q.start, q.end, number, f"{q.value:g}", q.value, q.unit))
    return out


def _date_key(d: DateRef) -> str:
    """Return a key such as "2021-6-?" for a possibly partial date."""
    parts = (d.year, d.month, d.day)
    return "-".join("?" if p is None else str(p) for p in parts)


def find_quotes(text: str, start: int, end: int) -> list[QuoteMention]:
    """Return direct quotations (the words inside the marks) with their speaker, if named."""
    out: list[QuoteMention] = []
    for m in QUOTE.finditer(text, start, end):
        group = 1 if m.group(1) is not None else 2
        s, e = m.span(group)
        if len(text[s:e].split()) < 3:
            continue
        speaker = _speaker(text, m.start(), m.end())
        key = " ".join(fold_words(text[s:e]))
        speaker_key = person_key(speaker) if speaker else None
        out.append(QuoteMention(s, e, text[s:e], key, speaker_key, speaker))
    return out


def _speaker(text: str, q_start: int, q_end: int) -> str | None:
    """Return the surname of the named speaker of a quotation, or None."""
    after = ATTRIB_AFTER.match(text, q_end)
    who = (after.group("who") or after.group("who2")) if after else None
    if who is None:
        start = max(line_start(text, q_start), text.rfind(".", 0, q_start) + 1)
        before = ATTRIB_BEFORE.search(text[start:q_start])
        who = before.group("who") if before else None
    if who is None or who.lower() in LEX.third_person:
        return None
    return who.split()[-1]
