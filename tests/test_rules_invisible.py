"""Invisible and bidirectional control characters (U103)."""

from __future__ import annotations

from rule_helpers import run


def test_a_run_of_invisible_characters_is_one_finding_with_a_removal() -> None:
    text = "Officials discussed the values \u200b\u200bof the accord."
    (f,) = run((text,), "U103")
    assert text[f.start : f.end] == "\u200b\u200b" == f.evidence
    assert f.suggestion == "" and f.severity.value == "warning"
    assert "U+200B ZERO WIDTH SPACE" in f.message


def test_bidirectional_overrides_are_errors_and_never_safe_fixes() -> None:
    text = "The talks ended on \u202eMonday\u202c in Geneva, and \u2067here\u2069 too."
    found = run((text,), "U103")
    assert [f.evidence for f in found] == ["\u202e", "\u202c", "\u2067", "\u2069"]
    assert {f.severity.value for f in found} == {"error"}
    assert not any(f.safe for f in found)


def test_joiners_that_scripts_and_emoji_need_are_left_alone() -> None:
    persian = "The word \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 is Persian."
    emoji = "She posted \U0001f468\u200d\U0001f469\u200d\U0001f467 with the photo."
    arabic = "The name \u0645\u062d\u0645\u062f\u200f appeared."
    assert run((persian, emoji, arabic), "U103") == []


def test_a_byte_order_mark_at_the_start_is_not_a_finding() -> None:
    assert run(("\ufeffOfficials met in Geneva on Monday.",), "U103") == []
    (f,) = run(("Officials met\ufeff in Geneva on Monday.",), "U103")
    assert f.evidence == "\ufeff"
