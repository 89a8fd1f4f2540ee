"""The happening a date or weekday dates: the verb of its clause and who or what takes part.

"A bomb exploded at a bank in Woodburn late Friday" dates an explosion; "was convicted Thursday"
and "was sentenced Tuesday" date two happenings, however many names their sentences share, and
so do one verb's clauses whose doer in one undergoes it in the other with no doer shared ("a
gunman shot a clerk Thursday", "police shot the gunman Friday"; the doer is the noun phrase
right before the verb, the undergoer the one right after it, or before a passive's "was", whose
doer follows "by"). The verb is the nearest one before the date in its clause (after it when the
clause opens with the date and a phrase without a verb: "On Friday, the academy named ...", "In
his testimony on Friday, Jeffs said ..."); a clause ends at a comma, a semicolon, a bracket, a
dash or a word that opens another clause ("and", "when", "after", "who"; not "after" or "before"
a time: "happened shortly after 8:30 p.m. Thursday"). A word is a verb when it is an irregular
past form (the lexicon's `irregular_forms` and `happening_forms`), a lower-case word in "-ed"
not after a determiner or preposition ("the suspended employee", "a sparsely populated area"),
or the word after a modal ("will host"). A relative clause ("the quake, which struck on Sunday")
has the noun it is about among its participants. A light verb ("happened", "began", "was
recorded") dates the happening its clause's noun names ("the earthquake was recorded at 9:27
a.m. Sunday" dates the quake, as "the quake struck" does). A possessive date names its happening
by a noun ("when Monday's violence had ended, a clerk was shot dead"): it has no verb, and its
sentence's words and verbs are its participants; a noun that names a happening ("shots", "the
shootings") stays a participant beside a verb of that happening. A clause joined by "and"
without a date of its own shares the date, and so do the predicates of a list whose commas stand
for the "and" that closes it ("returned Thursday, gunned down two women and left a man
wounded"), and the clause before a "when" that opens the date's ("three died when the bank went
up in flames Wednesday": they died that day; not "would not say when the plant would reopen on
Friday"), and a word for the state a happening leaves names it too ("left three workers dead ...
on Wednesday": they died). Verbs compare by their Porter stem (nltk's own module, no data),
irregular forms by their base form, and verbs and nouns that name one happening in news reports
("struck", "jolted"; "quake", "temblor") by the first of their group.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import cast

from auditor.align.similarity import CALENDAR, STOPWORDS, stem
from auditor.knowledge.lexicon import lexicon
from auditor.read.nltkparts import load_nltk_module

LEX = lexicon()
CLAUSE_WORDS = LEX.word_set("clause_words") | LEX.word_set("happening_ends")
NOUN_AFTER = LEX.word_set("noun_after")
MODALS = LEX.word_set("modals")
NOT_VERBS = LEX.word_set("not_verbs_ed")
RELATIVES = LEX.word_set("relative_words")
PREPOSITIONS = LEX.word_set("phrase_ends")
JOINERS = LEX.word_set("happening_joiners")
DURING = LEX.word_set("happening_during")
TIMES = LEX.word_set("fact_hedges") | LEX.word_set("times_of_day")
LISTED = frozenset({",", "and", "or"})  # after a date, the next date is of the same happening
TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[,;()\[\]—–]|:(?=\s)|\s-\s")
NOT_CONTENT = STOPWORDS | CALENDAR
BRACKETED = re.compile(r"\([^()]*\)")
POSSESSIVE = re.compile(r"['’]s\b")  # "Monday's violence": the date names a noun's happening
BE = LEX.word_set("be_forms")  # before a past participle: a passive ("a clerk was shot")
PHRASE_ENDS = LEX.word_set("prepositions")


@dataclass(frozen=True)
class Happening:
    """What a date or weekday dates: its clause's verb (a base form) and the content words."""

    verb: str | None
    participants: frozenset[str]
    joined: frozenset[str] = frozenset()  # verbs of undated clauses joined ("and", "when")
    leads: bool = False  # the verb stands before the date ("said at a news conference Thursday")
    named: frozenset[str] = frozenset()  # what a light verb's nouns or a state name ("dead")
    doers: frozenset[str] = frozenset()  # the nouns right before the verb ("a gunman shot")
    undergoers: frozenset[str] = frozenset()  # right after it ("shot a clerk", "a clerk was shot")

    def relation(self, other: Happening) -> bool | None:
        """Return True for one verb with a shared participant, False for two verbs or one verb
        with none shared ("his trial began", "they began their work"), None when unknown.

        A clause without a verb names its happening by a noun ("a meeting on Thursday"), so
        one verb found among the other clause's words stands for the other's verb; the verbs
        of clauses joined ("and", "when") without a date of their own share the date
        ("thwarted a hijack on Sunday and captured 23 pirates")."""
        verb = self.verb or other.verb
        if self.verb is None and other.verb is None:
            return None
        if self.verb is None or other.verb is None:
            if verb not in (self.participants | other.participants | self.named | other.named):
                return None
        elif not self.kinds & other.kinds or self.crossed(other):
            return False
        return self.shared(other) > 0

    def crossed(self, other: Happening) -> bool:
        """Return True if one clause's doer undergoes the other's happening and the two share
        no doer ("a gunman shot a clerk Thursday", "police shot the gunman Friday"): two
        happenings of one kind). Only one verb's roles compare ("the quake was recorded", "the
        quake struck": one quake)."""
        if self.verb is None or self.verb != other.verb:
            return False
        crossing = self.doers & other.undergoers or self.undergoers & other.doers
        return bool(crossing) and not self.doers & other.doers

    @property
    def verbs(self) -> frozenset[str]:
        """Return the verbs the date dates: its clause's and those of joined clauses."""
        return self.joined | ({self.verb} if self.verb else set())

    @property
    def kinds(self) -> frozenset[str]:
        """Return the verbs and, for a light verb ("began", "happened"), what its nouns name."""
        return self.verbs | self.named

    def named_alike(self, other: Happening) -> bool:
        """Return True if both clauses name their happening by one noun ("the quake struck on
        Sunday", "an earthquake shook the island on Sunday")."""
        return any(w in _noun_kinds() for w in self.participants & other.participants)

    def shared(self, other: Happening) -> int:
        """Return how many content words (verbs left out, not a noun that names a happening)
        the two clauses share."""
        verbs = (self.verbs | other.verbs) - _noun_kinds().keys()
        return len(self.participants & other.participants - verbs)


@cache
def _irregular() -> dict[str, str]:
    """Return the base form of every irregular past form ("struck": "strike")."""
    return LEX.mapping("irregular_forms") | LEX.mapping("happening_forms")


def happening(text: str, start: int, end: int, m_start: int, m_end: int) -> Happening:
    """Return the happening dated by the mention text[m_start:m_end] of sentence [start, end)."""
    possessive = POSSESSIVE.match(text, m_end) is not None
    return _happening(text[start:end], m_start - start, m_end - start, possessive)


@lru_cache(maxsize=1 << 14)
def _happening(sentence: str, m_start: int, m_end: int, possessive: bool) -> Happening:
    """Return the happening the mention sentence[m_start:m_end] dates (a `possessive` one
    names a noun's), kept per sentence and mention: two versions share most sentences."""
    if possessive:
        return _named(_tokens(sentence, 0, len(sentence)))
    before = _before(sentence, m_start)
    after = _tokens(sentence, m_end, len(sentence))
    lead = _clause_tail(before)
    leading = _last_verb(lead)
    opening = len(lead) == len(before) and leading is None
    if opening and after[:1] == [","]:
        after = after[1:]  # "On Friday, the academy named ...": the clause goes on after it
    trail = _clause_head(after)
    verb = leading or _first_verb(trail)
    rest = before[: len(before) - len(lead)]
    joined = _joined(rest[::-1], before=True)[::-1] + _series(after[len(trail) :])
    words = {w.lower() for w in (*lead, *trail, *joined, *_antecedent(rest)) if w[0].isalpha()}
    content = {base(w) for w in words if stem(w) not in NOT_CONTENT}
    content = {w for w in content if len(w) > 2}
    verbs = {v for i in range(len(joined)) if (v := _verb(joined, i)) is not None}
    joined_verbs = frozenset(verbs - {verb})
    kinds = _noun_kinds()
    named = frozenset(kinds[w] for w in content if w in kinds) if verb in _light() else frozenset()
    named |= {state for w in words if (state := _states().get(w)) is not None}
    # A noun that names a happening ("shots", "the shootings") stays a participant beside a
    # verb of that happening ("gunned down two women and wounded a man with shots").
    told = {
        t.lower() for part in (lead, trail, joined) for i, t in enumerate(part) if _verb(part, i)
    }
    nouns = {k for w in words - told if (k := base(w)) in kinds}
    participants = frozenset((content - {verb} - verbs) | nouns)
    doers, undergoers = _roles(lead, trail, leading is not None)
    return Happening(
        verb, participants, joined_verbs, leading is not None, named, doers, undergoers
    )


def leading_verb(text: str, start: int, end: int, m_start: int, m_end: int) -> str | None:
    """Return the verb before the mention text[m_start:m_end] in its clause of sentence
    [start, end), the `verb` of its happening when it `leads` ("said at a news conference
    Thursday"), or None: all a date's slot needs of its happening."""
    if POSSESSIVE.match(text, m_end) is not None:
        return None  # a possessive date names a noun's happening: no verb of its own
    return _leading(text[start:end], m_start - start)


@lru_cache(maxsize=1 << 14)
def _leading(sentence: str, m_start: int) -> str | None:
    """Return the last verb of the clause before sentence[m_start:], kept per sentence and
    mention as `_happening` is."""
    return _last_verb(_clause_tail(_before(sentence, m_start)))


def _before(sentence: str, m_start: int) -> list[str]:
    """Return the tokens of a sentence before a mention, a date listed just before it left out."""
    before = _tokens(sentence, 0, m_start)
    if before[-2:-1] and before[-1].lower() in LISTED and stem(before[-2]) in CALENDAR:
        before = before[:-2]  # "today Thursday, March 14", "on Thursday and Friday": one clause
    return before


def _roles(lead: list[str], trail: list[str], leads: bool) -> tuple[frozenset[str], ...]:
    """Return the doers and the undergoers of the date's clause: the nouns right before its
    verb and right after it, swapped after a form of "be" ("a clerk was shot"), whose doer
    follows "by"; none without a verb."""
    if lead[-1:] and lead[-1].lower() in PHRASE_ENDS:
        lead = lead[:-1]  # the date's own preposition ("police on Friday shot")
    clause = lead + trail
    found = [i for i in range(len(clause)) if _verb(clause, i) is not None]
    if not found:
        return frozenset(), frozenset()
    at = found[-1] if leads else next((i for i in found if i >= len(lead)), found[0])
    be = at - 1
    while be >= 0 and clause[be].lower().endswith("ly"):
        be -= 1  # "was fatally shot"
    if be >= 0 and clause[be].lower() in BE:
        rest = [t.lower() for t in clause[at + 1 :]]
        by = _phrase(clause[at + 2 + rest.index("by") :]) if "by" in rest else frozenset()
        return by, _phrase(clause[be - 1 :: -1] if be else [])
    return _phrase(clause[at - 1 :: -1] if at else []), _phrase(clause[at + 1 :])


def _phrase(tokens: list[str]) -> frozenset[str]:
    """Return the content words of the noun phrase the tokens start with (up to a preposition,
    a clause boundary, a verb or a form of "be")."""
    out = set()
    for i, t in enumerate(tokens):
        word = t.lower()
        if _boundary(t) or word in PHRASE_ENDS or word in BE or _verb(tokens, i) is not None:
            break
        if word.isalpha() and stem(word) not in NOT_CONTENT and len(word) > 2:
            out.add(base(word))
    return frozenset(out)


def _named(tokens: list[str]) -> Happening:
    """Return the happening a possessive date names by a noun ("when Monday's violence had
    concluded, a woman was shot dead and two men were wounded"): no verb of its own, and the
    sentence that tells it for participants, its verbs among them."""
    words = {w.lower() for w in tokens if w[0].isalpha()}
    verbs = {v for i in range(len(tokens)) if (v := _verb(tokens, i)) is not None}
    content = {base(w) for w in words if stem(w) not in NOT_CONTENT and len(base(w)) > 2}
    return Happening(None, frozenset(content | verbs))


def _antecedent(tokens: list[str]) -> list[str]:
    """Return the clause a relative clause that ends `tokens` is about ("the quake, which
    struck on Sunday": the quake), or nothing ("said that ...": a statement, not a noun)."""
    if not tokens or tokens[-1].lower() not in RELATIVES:
        return []
    head = tokens[:-1]
    if head[-1:] == [","]:
        head = head[:-1]
    if not head or _verb(head, len(head) - 1) is not None:
        return []
    return _clause_tail(head)


def _series(tokens: list[str]) -> list[str]:
    """Return the clauses after the date's clause that a list of predicates joins to it: one
    after "and", or one a verb opens after a comma with "and" closing the list ("returned
    Thursday, gunned down two women and left a man wounded": the commas stand for "and")."""
    if tokens[:1] != [","] or len(tokens) < 2 or _verb(tokens, 1) is None:
        return _joined(tokens)
    clause = _clause_head(tokens[1:])
    tail = _joined(tokens[1 + len(clause) :])
    return clause + tail if tail and not _dated(clause) else []


def _joined(tokens: list[str], before: bool = False) -> list[str]:
    """Return the clause after a leading "and" in `tokens` (read outwards from the date), or
    `before` the date after "when" (not "say when": a question), or nothing when there is none
    or that clause has a date of its own."""
    word = tokens[0].lower() if tokens else ""
    during = before and word in DURING and not (tokens[1:] and base(tokens[1]) in saying())
    if word not in JOINERS and not during:
        return []
    clause = _clause_head(tokens[1:])
    return [] if _dated(clause) else clause


def _dated(clause: list[str]) -> bool:
    """Return True if a clause has a date of its own (a day, a month or a year)."""
    return any(stem(w) in CALENDAR or (w.isdigit() and len(w) == 4) for w in clause)


@lru_cache(maxsize=1 << 16)
def base(word: str) -> str:
    """Return the form verbs compare by: an irregular verb's base form, else the Porter stem,
    then the first verb of its group of verbs that name one happening (kept per word: Porter
    costs tens of microseconds a word)."""
    word = word.lower()
    found = _irregular().get(word) or str(_porter()(word))
    return _same_happening().get(found, found)


@cache
def _porter() -> Callable[[str], str]:
    """Return nltk's Porter stemmer's `stem`, loaded on first use without the rest of nltk."""
    stemmer = load_nltk_module("nltk.stem.porter").PorterStemmer()
    return cast("Callable[[str], str]", stemmer.stem)


@cache
def _same_happening() -> dict[str, str]:
    """Return the first word of its group for each verb or noun that names one happening with
    others."""
    verbs = {
        _irregular().get(verb) or str(_porter()(verb)): str(_porter()(group.split("/")[0]))
        for group in LEX.words["happening_verbs"]
        for verb in group.split("/")
    }
    nouns = {
        str(_porter()(noun)): str(_porter()(group.split("/")[0]))
        for group in LEX.mapping("happening_nouns")
        for noun in group.split("/")
    }
    return verbs | nouns


@cache
def _noun_kinds() -> dict[str, str]:
    """Return the happening (a verb's base) that each group of `happening_nouns` names."""
    return {
        base(nouns.split("/")[0]): base(verb)
        for nouns, verb in LEX.mapping("happening_nouns").items()
    }


@cache
def _states() -> dict[str, str]:
    """Return the happening (a verb's base) each word for a state names ("dead": "die")."""
    return {word: base(verb) for word, verb in LEX.mapping("happening_states").items()}


@cache
def saying() -> frozenset[str]:
    """Return the bases of the verbs of saying ("said": "say")."""
    return frozenset(base(w) for w in LEX.word_set("report_verbs"))


@cache
def _light() -> frozenset[str]:
    """Return the bases of the light verbs, whose clause's noun names the happening."""
    return frozenset(base(w) for w in LEX.word_set("light_verbs"))


def _tokens(text: str, start: int, end: int) -> list[str]:
    """Return the words and clause punctuation of a span, bracketed asides left out."""
    return [t.strip() or "-" for t in TOKEN.findall(BRACKETED.sub(" ", text[start:end]))]


def _clause_tail(tokens: list[str]) -> list[str]:
    """Return the tokens after the last clause boundary; a word that opens a clause or a
    phrase ("after", "before") does not end it before a time ("shortly after 8:30 p.m.")."""
    for i in range(len(tokens) - 1, -1, -1):
        if _boundary(tokens[i]) and not (
            tokens[i].lower() in PREPOSITIONS and _times_of_day(tokens[i + 1 :])
        ):
            return tokens[i + 1 :]
    return tokens


def _times_of_day(tokens: list[str]) -> bool:
    """Return True if the tokens name a time and nothing else ("shortly after 8:30 p.m.")."""
    words = [t.lower() for t in tokens]
    return bool(words) and all(w[0].isdigit() or w in TIMES or w in STOPWORDS for w in words)


def _clause_head(tokens: list[str]) -> list[str]:
    """Return the tokens before the first clause boundary."""
    for i, t in enumerate(tokens):
        if _boundary(t):
            return tokens[:i]
    return tokens


def _boundary(token: str) -> bool:
    """Return True for punctuation or a word that ends a clause."""
    return not token[0].isalnum() or token.lower() in CLAUSE_WORDS


def _last_verb(tokens: list[str]) -> str | None:
    """Return the base of the last verb of a clause's tokens, or None."""
    for i in range(len(tokens) - 1, -1, -1):
        if (verb := _verb(tokens, i)) is not None:
            return verb
    return None


def _first_verb(tokens: list[str]) -> str | None:
    """Return the base of the first verb of a clause's tokens, or None."""
    return next((v for i in range(len(tokens)) if (v := _verb(tokens, i)) is not None), None)


def _verb(tokens: list[str], i: int) -> str | None:
    """Return the base of tokens[i] if it is a verb, else None."""
    word = tokens[i]
    if not word.isalpha() or not word.islower():
        return None
    previous = _previous(tokens, i)
    if word in _irregular():
        return None if previous in NOUN_AFTER - MODALS else base(word)
    if word in STOPWORDS:
        return None
    after_modal = previous in MODALS
    regular = word.endswith("ed") and len(word) >= 5 and word not in NOT_VERBS
    if after_modal or (regular and previous not in NOUN_AFTER):
        return base(word)
    return None


def _previous(tokens: list[str], i: int) -> str:
    """Return the word before tokens[i], an adverb in "-ly" after a determiner or preposition
    passed over ("a sparsely populated area": an adjective, as in "a populated area")."""
    previous = tokens[i - 1].lower() if i else ""
    if i > 1 and previous.endswith("ly") and tokens[i - 2].lower() in NOUN_AFTER:
        return tokens[i - 2].lower()
    return previous
