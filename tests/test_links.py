"""Event links: many-to-many sentence pairs that share rare content, kept apart from alignment."""

from __future__ import annotations

import json

from auditor import from_dict, to_dict
from auditor.align.links import event_links
from auditor.engine import audit
from auditor.read.decode import document_from_text

OUTLET_A = (
    "Rescue teams pulled 14 miners from the Copiapo shaft on Tuesday after a 17-day ordeal. "
    "Mining minister Laurence Golborne praised the crews. "
    "Weather in the capital was mild and sunny. "
    "Doctors at the regional hospital examined the men overnight. "
    "Ticket sales for the football cup rose sharply this season."
)
OUTLET_B = (
    "Fourteen men emerged from the Copiapo mine, ending 17 days underground. "
    "Golborne thanked the drilling crews for their work. "
    "Stock markets closed higher in Tokyo. "
    "The miners spent the night under observation by doctors at the hospital. "
    "Golborne said the Copiapo operation would be studied abroad."
)


def pairs() -> set[tuple[int, int]]:
    """Return the (A sentence, B sentence) pairs the two outlets' articles are linked by."""
    a, b = document_from_text(OUTLET_A, "a"), document_from_text(OUTLET_B, "b")
    assert len(a.sentences) == len(b.sentences) == 5
    return {(e.i, e.j) for e in event_links(a, b)}


def test_differently_worded_sentences_sharing_rare_names_and_numbers_are_linked() -> None:
    found = pairs()
    assert {(0, 0), (1, 1), (3, 3)} <= found  # Copiapo and 17; Golborne and crews; doctors
    assert {(0, 4), (1, 4)} <= found  # many-to-many: B's last sentence names both


def test_unrelated_sentences_are_not_linked() -> None:
    found = pairs()
    assert not {(i, j) for i, j in found if 2 in (i, j) or i == 4}


def test_event_links_live_beside_the_alignment_and_round_trip_through_json() -> None:
    report = audit([document_from_text(OUTLET_A, "a"), document_from_text(OUTLET_B, "b")])
    aligned = {
        (i, j) for al in report.alignments for i in al.sentences["a"] for j in al.sentences["b"]
    }
    linked = {(e.i, e.j) for e in report.event_links}
    assert linked - aligned and all((e.a, e.b) == ("a", "b") for e in report.event_links)
    data = json.loads(json.dumps(to_dict(report)))
    assert data["reports"][0]["event_links"][0].keys() == {"docs", "sentences", "evidence"}
    back = from_dict(data)
    assert back.event_links == report.event_links
    assert back.alignments == report.alignments


def test_link_strength_is_the_evidence_of_the_pair() -> None:
    from auditor.align.links import THRESHOLD
    from auditor.align.match import make_sides, signatures
    from auditor.align.similarity import WEIGHTS, evidence

    a, b = document_from_text(OUTLET_A, "a"), document_from_text(OUTLET_B, "b")
    sides = make_sides(signatures(a), signatures(b), WEIGHTS)
    strengths = {
        (i, j): evidence(x, y, sides.idf, sides.unit)
        for i, x in enumerate(sides.a)
        for j, y in enumerate(sides.b)
    }
    expected = [(i, j, round(s, 3)) for (i, j), s in sorted(strengths.items()) if s >= THRESHOLD]
    assert [(e.i, e.j, e.evidence) for e in event_links(a, b)] == expected
