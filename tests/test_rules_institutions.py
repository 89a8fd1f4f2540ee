"""N104: one government body called a ministry in one place and a department in another."""

from __future__ import annotations

from rule_helpers import SEEDS, run

from auditor.config import Config
from auditor.engine import audit
from auditor.read.decode import read_document


def test_the_less_used_form_is_flagged_with_the_more_used_one_as_fix() -> None:
    text = (
        "The Defense Ministry said the drills were over. A Defense Ministry official added "
        "that troops would return. Reporters asked the Department of Defense for comment."
    )
    (f,) = run((text,), "N104")
    assert (f.evidence, f.suggestion) == ("Department of Defense", "Defense Ministry")
    assert [r.text for r in f.related] == ["Defense Ministry", "Defense Ministry"]


def test_foreign_affairs_and_defence_spellings_name_one_portfolio() -> None:
    text = "The Ministry of Defence confirmed the visit. The Defense Department declined."
    (f,) = run((text,), "N104")
    assert (f.evidence, f.suggestion) == ("Defense Department", None)
    text = "The Foreign Ministry spoke first. Then the Department of Foreign Affairs spoke."
    (f,) = run((text,), "N104")
    assert f.evidence == "Department of Foreign Affairs"


def test_bodies_of_different_countries_or_levels_are_not_compared() -> None:
    quiet = (
        "Russia's Ministry of Defense said the drills were over. The U.S. Defense Department "
        "said it was watching.",
        "The Defense Ministry of Ukraine asked for arms. The Defense Department agreed.",
        "The Ministry of Education set the rules. The Provincial Education Department "
        "applied them.",
        "The Police Department and the Ministry of Justice both declined to comment.",
        "The Ministry of Defense and the Defense Ministry are one body.",
    )
    for text in quiet:
        assert run((text,), "N104") == [], text


def test_the_same_country_under_two_spellings_is_one_country() -> None:
    text = "The US Department of Defense spoke. An American Defense Ministry official agreed."
    (f,) = run((text,), "N104")
    assert f.evidence == "Defense Ministry"


def test_runs_only_as_a_preview_rule_and_finds_the_seed_ministry() -> None:
    docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(SEEDS)]
    assert not audit(docs, Config(select=("N104",))).findings
    found = audit(docs, Config(select=("N104",), preview=True)).findings
    assert [(f.evidence, f.related[0].text) for f in found] == [
        ("Defense Department", "Ministry of Defense")
    ]
