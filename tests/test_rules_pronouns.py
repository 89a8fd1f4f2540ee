"""E103: a translation's pronoun of the other gender than its reference's."""

from __future__ import annotations

from rule_helpers import run

from auditor.config import Config
from auditor.engine import audit
from auditor.read.decode import document_from_text


def test_the_swapped_pronoun_is_marked_with_the_reference_as_evidence_and_fix() -> None:
    ref = "The singer said she opened her first shop in Guangzhou last year."
    mt = "The singer said he opened his first shop in Guangzhou last year."
    (f,) = run((ref, mt), "E103")
    assert (f.doc, f.evidence, f.suggestion) == ("b", "he", "she")
    assert [(r.doc, r.text) for r in f.related] == [("a", "she")]


def test_her_has_two_counterparts_so_no_fix_is_offered() -> None:
    ref = "The mayor thanked him for the report on the flood damage."
    mt = "The mayor thanked her for the report on the flood damage."
    (f,) = run((ref, mt), "E103")
    assert (f.evidence, f.suggestion) == ("her", None)


def test_never_between_independent_sources() -> None:
    a = "The singer said she opened her first shop in Guangzhou last year."
    b = "The singer said he opened his first shop in Guangzhou last year."
    docs = [document_from_text(a, "a"), document_from_text(b, "b")]
    config = Config(select=("E103",), preview=True, relation="sources")
    assert audit(docs, config).findings == ()
