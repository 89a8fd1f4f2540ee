"""Glossary files (CSV, TSV, TBX) and the calque pattern syntax; bad files are one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.config import Config
from auditor.engine import audit
from auditor.knowledge import load_knowledge
from auditor.knowledge.glossary import load_glossary
from auditor.knowledge.patterns import PatternError, compile_pattern
from auditor.model import InputError, Severity
from auditor.read.decode import document_from_text

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="t1">
  <descrip type="definition">House spelling of the Ukrainian capital.</descrip>
  <langSet xml:lang="en">
    <tig><term>Kyiv</term>
      <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>Kiew</term>
      <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  </langSet>
  <langSet xml:lang="de"><tig><term>Kiew</term></tig></langSet>
</termEntry>
</body></text></martif>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    """Write a file under tmp_path and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_glossary_flags_variant_with_canonical_term(tmp_path: Path) -> None:
    path = write(
        tmp_path, "house.csv", "term,variants,note\nRosatom,Rosatome; Rosatom Corp+,House style\n"
    )
    doc = document_from_text("Officials at Rosatome said the plant would reopen.")
    report = audit([doc], Config(select=("G101",), glossary=(str(path),)))
    [finding] = report.findings
    assert finding.evidence == "Rosatome"
    assert finding.suggestion == "Rosatom"
    assert "house.csv:2" in finding.message and "House style" in finding.message


def test_tsv_glossary_reads_severity_and_case_sensitive_variant(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "term\tvariants\tseverity\nNATO\tNato\terror\n")
    [term] = load_glossary(path)
    assert term.term == "NATO" and term.variants[0].severity is Severity.ERROR
    doc = document_from_text("Nato allies met. NATO said so.")
    report = audit([doc], Config(select=("G101",), glossary=(str(path),)))
    assert [f.evidence for f in report.findings] == ["Nato"]


def test_variant_inside_the_canonical_term_is_not_flagged(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "term,variants\nStrategic Arms Talks,Arms Talks\n")
    doc = document_from_text("The Strategic Arms Talks resumed. The Arms Talks failed.")
    report = audit([doc], Config(select=("G101",), glossary=(str(path),)))
    assert [(f.start, f.evidence) for f in report.findings] == [(38, "Arms Talks")]


def test_tbx_glossary_uses_preferred_and_deprecated_english_terms(tmp_path: Path) -> None:
    [term] = load_glossary(write(tmp_path, "t.tbx", TBX))
    assert term.term == "Kyiv"
    assert [v.pattern.source for v in term.variants] == ["Kiew"]
    assert term.note == "House spelling of the Ukrainian capital."


def test_user_glossary_is_merged_with_builtin_knowledge(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "term,variants\nRosatom,Rosatome\n")
    knowledge = load_knowledge((str(path),))
    assert "Rosatom" in knowledge.canonical_terms and "Kyiv" in knowledge.canonical_terms
    assert knowledge.calques, "built-in calques are loaded too"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("a.csv", "term,variants\n,Foo\n", "a.csv:2: the term is empty"),
        ("a.csv", "word,variants\nX,Y\n", "a.csv:1: unknown column 'word'"),
        ("a.csv", "variants,note\nX,Y\n", "a.csv:1: the header needs a 'term' column"),
        ("a.tsv", "term\tvariants\tseverity\nX\tY\tfatal\n", "a.tsv:2: severity must be"),
        ("a.csv", "term,variants\nX,[Y\n", "a.csv:2: bad pattern '[Y'"),
        ("a.csv", "term,variants\nX,Y,Z\n", "a.csv:2: 3 cells for 2 columns"),
        ("a.tbx", "<martif><text><body><termEntry>", "a.tbx:1: not well-formed XML"),
        ("a.tbx", '<!DOCTYPE m [<!ENTITY x "y">]><m/>', "a.tbx: DTD and entity declarations"),
        ("a.tbx", "<martif/>", "a.tbx: no termEntry or conceptEntry"),
        ("a.xlsx", "term", "a.xlsx: unknown glossary format '.xlsx'"),
    ],
)
def test_malformed_glossary_is_a_one_line_error(
    tmp_path: Path, name: str, text: str, expected: str
) -> None:
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as info:
        load_glossary(path)
    message = str(info.value)
    assert message.startswith(str(tmp_path / expected.split(":")[0]))
    assert expected.split(" ", 1)[1] in message and "\n" not in message


def test_glossary_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("term,variants\nZürich,Zurich\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.csv: not UTF-8"):
        load_glossary(path)


def test_cli_glossary_option_flags_variant(tmp_path: Path, seed_paths: list[Path]) -> None:
    glossary = write(tmp_path, "g.csv", "term,variants\nBruxelles,Brussels\n")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        app, ["compare", *map(str, seed_paths), "--glossary", str(glossary), "-o", str(out), "-q"]
    )
    assert result.exit_code in (0, 1), result.output
    assert '"rule": "G101"' in out.read_text()


def test_cli_bad_glossary_exits_2_with_one_line(tmp_path: Path, seed_paths: list[Path]) -> None:
    glossary = write(tmp_path, "bad.tsv", "term\tvariants\n\tFoo\n")
    result = CliRunner().invoke(
        app, ["compare", *map(str, seed_paths), "--glossary", str(glossary), "-o", "-"]
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "bad.tsv:2: the term is empty" in lines[0]
    assert "Traceback" not in result.output


def test_pattern_syntax_inflections_numbers_and_negation() -> None:
    pattern = compile_pattern("[since] # years !ago", "for")
    text = "since three years he waits; since two years ago; Since 12 years"
    assert [(m.start, m.suggestion) for m in pattern.finditer(text)] == [(0, "for"), (49, "For")]
    assert compile_pattern("report+ on").finditer("He reported on it")[0].start == 3


def test_pattern_suggestion_alternatives_follow_the_matched_form() -> None:
    pattern = compile_pattern("[make|makes|made] a? photo", "take|takes|took")
    [m] = pattern.finditer("They made a photo.")
    assert (m.start, m.end, m.suggestion) == (5, 9, "took")


@pytest.mark.parametrize("bad", ["[a b", "a] b", "x? y", "[a? b]", "re:(", "a||b"])
def test_malformed_patterns_are_rejected(bad: str) -> None:
    with pytest.raises(PatternError):
        compile_pattern(bad)


def test_pattern_suggestion_count_must_match_alternatives() -> None:
    with pytest.raises(PatternError, match="2 suggestion alternatives"):
        compile_pattern("[make|makes|made] a photo", "take|took")
