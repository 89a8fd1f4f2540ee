"""The happening a date or weekday dates: its clause's verb and participants."""

from __future__ import annotations

from auditor.align.happening import Happening, happening


def dated(sentence: str, day: str) -> tuple[str | None, frozenset[str]]:
    """Return the verb and participants of the happening `day` dates in `sentence`."""
    at = sentence.index(day)
    h = happening(sentence, 0, len(sentence), at, at + len(day))
    return h.verb, h.participants


def test_the_verb_before_the_date_in_its_clause() -> None:
    s = "A bomb exploded at a bank in Woodburn late Friday, killing an officer."
    verb, who = dated(s, "Friday")
    assert verb == "explod"
    assert {"bomb", "bank", "woodburn"} <= who and "officer" not in who  # the comma ends it
    assert dated("Jeffs was convicted Thursday and sentenced Tuesday.", "Tuesday")[0] == "sentenc"
    assert dated("Jeffs was convicted Thursday and sentenced Tuesday.", "Thursday")[0] == "convict"


def test_irregular_forms_share_their_base() -> None:
    assert dated("The quake struck on Sunday.", "Sunday")[0] == "strike"
    assert dated("The town was stricken on Sunday.", "Sunday")[0] == "strike"
    assert dated("Three died when the bank went up in flames Thursday.", "Thursday")[0] == "go"


def test_an_opening_phrase_without_a_verb_leads_to_the_main_clause() -> None:
    assert dated("On Friday, the academy named Hugh Jackman host.", "Friday")[0] == "announc"
    assert dated("In his testimony on Friday, Jeffs said it was no crime.", "Friday")[0] == "say"
    assert dated("Apple on Tuesday priced a laptop.", "Tuesday")[0] == "price"


def test_verbs_that_name_one_happening_compare_as_one() -> None:
    assert dated("Apple unveiled a laptop on Tuesday.", "Tuesday")[0] == "announc"
    assert dated("Police found the body on Tuesday.", "Tuesday")[0] == "find"
    assert dated("A maid discovered the body on Tuesday.", "Tuesday")[0] == "find"
    assert (
        dated("He was sentenced on Tuesday.", "Tuesday")[0]
        != (dated("He was convicted on Tuesday.", "Tuesday")[0])
    )
    foiled = dated("The navy on Saturday foiled a hijack attempt.", "Saturday")[0]
    assert foiled == dated("A warship thwarted an attack Saturday.", "Saturday")[0] == "thwart"
    assert foiled != dated("The navy on Saturday captured a ship.", "Saturday")[0]


def test_asides_times_and_adjectives_are_not_clause_ends_or_verbs() -> None:
    s = "A quake jolted the island at 17:06 pm (1336 GMT) on Sunday, state TV reported."
    assert dated(s, "Sunday")[0] == dated("The quake struck on Sunday.", "Sunday")[0]
    assert dated("The suspended worker came back Thursday.", "Thursday")[0] == "come"
    assert dated("A suspended worker on Thursday.", "Thursday")[0] is None
    assert dated("Oppal said at a news conference Thursday.", "Thursday")[0] == "say"


def test_clauses_joined_by_and_without_their_own_date_share_it() -> None:
    s = "The navy thwarted a hijack on Sunday and captured 23 pirates in the operation."
    h = happening(s, 0, len(s), s.index("Sunday"), s.index("Sunday") + 6)
    assert h.verbs == {"thwart", "arrest"} and "pirat" in h.participants
    s = "Jeffs was convicted Thursday and sentenced Tuesday."
    h = happening(s, 0, len(s), s.index("Thursday"), s.index("Thursday") + 8)
    assert h.verbs == {"convict"}  # the joined clause has a date of its own


def test_a_date_after_its_weekday_dates_the_weekdays_happening() -> None:
    s = "The quake began in the predawn hours today Thursday, March 14, 2013."
    h = happening(s, 0, len(s), s.index("March"), s.index("March") + 14)
    assert h.verb == "begin"


def test_dates_listed_together_date_one_happening() -> None:
    s = "About 4,200 commuters had been stranded on Thursday and Friday."
    assert dated(s, "Friday") == dated(s, "Thursday")
    assert dated(s, "Friday")[0] == "strand"
    assert dated("The market opened Monday or Tuesday.", "Tuesday")[0] == "open"


def test_a_possessive_date_names_its_happening_by_the_noun_the_sentence_tells() -> None:
    s = "When Monday's violence had ended, a clerk was shot dead and two managers were wounded."
    verb, who = dated(s, "Monday")
    assert verb is None  # "ended" tells when the violence stopped, not what it was
    assert {"violenc", "injur", "manag"} <= who


def test_an_adjective_in_ed_after_an_adverb_is_no_verb() -> None:
    shook = dated("A quake shook a sparsely populated valley on Sunday.", "Sunday")[0]
    assert shook == dated("The quake struck on Sunday.", "Sunday")[0]
    assert dated("Trains were badly delayed on Sunday.", "Sunday")[0] == "delay"


def test_a_relative_clause_has_the_noun_it_is_about_for_participant() -> None:
    s = "Power failed after a landslide caused by the quake, which struck on Sunday night."
    assert {"earthquak", "landslid"} <= dated(s, "Sunday")[1]
    s = "The mayor said that the storm reached the coast on Sunday."
    assert "mayor" not in dated(s, "Sunday")[1]  # "said that": a statement, not a noun


def test_a_light_verb_dates_the_happening_its_noun_names() -> None:
    def of(sentence: str, day: str) -> Happening:
        at = sentence.index(day)
        return happening(sentence, 0, len(sentence), at, at + len(day))

    recorded = of("The tremor was recorded at 6:10 a.m. Sunday near Ridgecrest.", "Sunday")
    shook = of("An earthquake shook Ridgecrest early on Monday.", "Monday")
    assert recorded.relation(shook) is True and recorded.named_alike(shook)
    trial = of("The trial of the Ridgecrest mayor began on Tuesday.", "Tuesday")
    assert trial.relation(shook) is False  # a trial is no quake
    handed = of("Workers handed out food in Ridgecrest on Monday after the quake.", "Monday")
    assert handed.relation(shook) is False  # the quake is not what "handed" tells


def test_a_time_after_after_or_before_stays_in_the_clause() -> None:
    assert dated("The fire started shortly after 8:30 p.m. Thursday.", "Thursday")[0] == "begin"
    assert dated("The quake began before dawn on Thursday.", "Thursday")[0] == "begin"
    assert dated("He was charged after a shooting on Friday.", "Friday")[0] is None


def test_a_clause_joined_by_when_and_a_state_date_their_happening_too() -> None:
    s = "Three people died when the bank went up in flames Thursday."
    h = happening(s, 0, len(s), s.index("Thursday"), s.index("Thursday") + 8)
    assert h.verb == "go" and h.verbs == {"go", "die"}  # they died when it burned
    assert dated("Two people died on Friday.", "Friday")[0] == "die"
    s = "The riots left two guards dead and engulfed the port on Monday."
    h = happening(s, 0, len(s), s.index("Monday"), s.index("Monday") + 6)
    assert h.verb == "engulf" and h.kinds == {"engulf", "leave", "die"}


def test_when_joins_the_clause_before_it_unless_it_asks() -> None:
    s = "Officials would not say when the plant would reopen on Friday."
    h = happening(s, 0, len(s), s.index("Friday"), s.index("Friday") + 6)
    assert h.verbs == {"reopen"}  # "say when": a question, not a time
    s = "The plant closed on Friday when inspectors arrived."
    h = happening(s, 0, len(s), s.index("Friday"), s.index("Friday") + 6)
    assert h.verbs == {"close"}  # only the clause before "when" is joined


def test_predicates_listed_with_commas_and_a_closing_and_share_the_date() -> None:
    s = "She returned Thursday night, gunned down two clerks and left a guard wounded."
    h = happening(s, 0, len(s), s.index("Thursday"), s.index("Thursday") + 8)
    assert h.verb == "return" and {"shoot", "leave", "injur"} <= h.verbs  # "gunned": shot
    s = "She returned Thursday night, gunned down two clerks."
    h = happening(s, 0, len(s), s.index("Thursday"), s.index("Thursday") + 8)
    assert h.verbs == {"return"}  # no "and" closes a list: a comma ends the clause
    s = "A bomb exploded late Friday, the police said and the bank closed."
    h = happening(s, 0, len(s), s.index("Friday"), s.index("Friday") + 6)
    assert h.verbs == {"explod"}  # no verb opens what follows the comma


def test_a_noun_that_names_the_happening_stays_beside_its_verb() -> None:
    s = "He gunned down a clerk and wounded a guard with shots to the arm on Monday."
    assert "shoot" in dated(s, "Monday")[1]  # "shots", though "gunned" is shooting too
    assert "shoot" not in dated("Police shot the gunman on Monday.", "Monday")[1]


def test_a_sentence_dates_alike_wherever_it_stands() -> None:
    """A sentence at any offset of a longer text (another version) dates what it dates alone."""
    for sentence, day in [
        ("Police said the bomb exploded at a bank on Friday, killing two.", "Friday"),
        ("When Monday's violence had ended, a clerk was shot dead.", "Monday"),
    ]:
        text = f"A vote was held on Friday. {sentence} Police left."
        start, at = text.index(sentence), text.index(day, text.index(sentence))
        alone = happening(sentence, 0, len(sentence), at - start, at - start + len(day))
        assert happening(text, start, start + len(sentence), at, at + len(day)) == alone
        assert alone == happening(sentence, 0, len(sentence), at - start, at - start + len(day))
    assert dated("When Monday's violence had ended, a clerk was shot dead.", "Monday")[0] is None


def roles(sentence: str, day: str) -> tuple[frozenset[str], frozenset[str]]:
    """Return who does and who undergoes the happening `day` dates in `sentence`."""
    at = sentence.index(day)
    h = happening(sentence, 0, len(sentence), at, at + len(day))
    return h.doers, h.undergoers


def test_the_nouns_next_to_the_verb_do_and_undergo_the_happening() -> None:
    assert roles("A gunman shot a store clerk on Thursday in Denver.", "Thursday") == (
        {"gunman"},
        {"store", "clerk"},
    )
    # the date's own preposition stands between the doer and the verb
    assert roles("Police on Friday shot the gunman near the airport.", "Friday") == (
        {"polic"},
        {"gunman"},
    )
    # a passive: the subject undergoes it, the doer follows "by"
    assert roles("A clerk was shot by a gunman on Thursday.", "Thursday") == (
        {"gunman"},
        {"clerk"},
    )
    assert roles("A clerk was shot dead on Thursday in Denver.", "Thursday") == (
        frozenset(),
        {"clerk"},
    )
