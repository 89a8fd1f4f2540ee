"""Untranslated residue: another script or full-width punctuation in a Latin-script text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rule_helpers import SEEDS, run

from auditor.config import Config
from auditor.engine import audit
from auditor.read.decode import read_document
from auditor.rules.untranslated import LATIN_SHARE, _latin_text


def test_untranslated_run_is_one_finding_with_exact_offsets() -> None:
    text = "Open the account @芳芳 一人食 on Douyin, and the store of 小红 too."
    found = run((text,), "U101")
    assert [f.evidence for f in found] == ["芳芳 一人食", "小红"]
    f = found[0]
    assert text[f.start : f.end] == f.evidence and f.severity.value == "error"


def test_a_text_mostly_in_another_script_is_not_checked() -> None:
    assert run(("俄罗斯副外长里亚布科夫与美国副国务卿舍曼在日内瓦会谈 (Geneva)。",), "U") == []


def test_full_width_punctuation_has_its_latin_suggestion() -> None:
    found = run(("The plan is called 《Speed City》， and it runs to 2025。",), "U102")
    assert [(f.evidence, f.suggestion) for f in found] == [
        ("《", "“"),
        ("》", "”"),
        ("，", ","),
        ("。", "."),
    ]


def test_accented_latin_and_typographic_quotes_are_quiet() -> None:
    assert run(("The café in Zürich served “crème brûlée” — twice…",), "U") == []


def test_the_seed_articles_have_no_residue() -> None:
    docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(SEEDS)]
    assert audit(docs, Config(select=("U",))).findings == ()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aZé ßƏɐ芳Я,1²ǀ\u02b0", max_size=30))
def test_latin_share_counts_every_letter_by_its_code_point(text: str) -> None:
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250")
    assert _latin_text(text) == (bool(letters) and latin >= LATIN_SHARE * len(letters))
