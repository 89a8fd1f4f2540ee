"""The relation of two texts: versions of one text or independent sources, detected or forced."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.align.match import align
from auditor.align.relation import relate
from auditor.cli import app
from auditor.config import Config, ConfigError, load_config
from auditor.engine import audit
from auditor.read.decode import document_from_text
from auditor.report.json import report_to_dict

REFERENCE = (
    "The talks ended in Geneva on Monday.\n"
    "Many observers were not convinced by the plan.\n"
    "Both sides will meet again in May.\n"
    "The ministers did not speak to reporters.\n"
    "A statement is expected on Friday.\n"
)
TRANSLATION = (
    "The talks concluded in Geneva on Monday.\n"
    "Many observers were not persuaded by the plan.\n"
    "The two sides will meet again in May.\n"
    "The ministers did not talk to reporters.\n"
    "A statement is expected Friday.\n"
)
OTHER_OUTLET = (
    "Diplomats left Geneva without a deal, officials said.\n\n"
    "Protesters gathered outside the hotel where the delegations stayed, chanting slogans "
    "against the plan and waving flags of both countries for several hours.\n\n"
    "The foreign minister, who arrived late on Sunday, declined to comment.\n\n"
    "Analysts in Washington said a breakthrough had never been likely."
)


def relation_of(a_text: str, b_text: str) -> str:
    """Return the detected relation of two texts."""
    a, b = document_from_text(a_text, "a"), document_from_text(b_text, "b")
    return relate(a, b, align(a, b).alignments).relation


def test_a_translation_is_a_version_and_another_outlet_a_source() -> None:
    assert relation_of(REFERENCE, TRANSLATION) == "versions"
    assert relation_of(REFERENCE, OTHER_OUTLET) == "sources"


def test_a_version_that_keeps_only_half_the_text_is_a_source() -> None:
    half = "".join(TRANSLATION.splitlines(keepends=True)[:2])
    assert relation_of(REFERENCE, half) == "sources"


def test_the_report_records_the_relation_with_its_evidence() -> None:
    docs = [document_from_text(REFERENCE, "a"), document_from_text(OTHER_OUTLET, "b")]
    [found] = report_to_dict(audit(docs))["relations"]
    assert found["docs"] == ["a", "b"] and found["relation"] == "sources"
    assert not found["forced"] and found["evidence"]["coverage"] < 0.8
    [forced] = report_to_dict(audit(docs, Config(relation="versions")))["relations"]
    assert forced["relation"] == "versions" and forced["forced"]
    assert forced["evidence"] == found["evidence"]


def test_name_rules_run_only_between_versions() -> None:
    ref = REFERENCE.replace("Geneva", "Geneva with Julio Rios")
    mt = TRANSLATION.replace("Geneva", "Geneva with Julio Riaz")
    docs = [document_from_text(ref, "a"), document_from_text(mt, "b")]
    assert {f.rule for f in audit(docs, Config(select=("E",))).findings} == {"E101"}
    assert audit(docs, Config(select=("E",), relation="sources")).findings == ()


def test_cli_forces_the_relation_and_rejects_unknown_ones(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(REFERENCE, encoding="utf-8")
    b.write_text(OTHER_OUTLET, encoding="utf-8")
    runner = CliRunner()
    args = ["compare", str(a), str(b), "-o", "-", "--format", "json", "--relation"]
    result = runner.invoke(app, [*args, "versions"])
    assert json.loads(result.stdout)["reports"][0]["relations"][0]["relation"] == "versions"
    bad = runner.invoke(app, [*args, "siblings"])
    assert bad.exit_code == 2 and "--relation" in bad.stderr


def test_config_sets_the_relation(tmp_path: Path) -> None:
    good = tmp_path / "audit.toml"
    good.write_text('relation = "sources"\npreview = true\n', encoding="utf-8")
    config = load_config(good)
    assert config.relation == "sources" and config.preview
    bad = tmp_path / "bad.toml"
    bad.write_text('relation = "cousins"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="relation"):
        load_config(bad)


def test_preview_rules_run_only_when_asked() -> None:
    from auditor.rules.registry import all_rules, select

    preview = {c for c, r in all_rules().items() if r.level == "preview"}
    assert preview and not preview & {r.code for r in select(("ALL",))}
    assert not preview & {r.code for r in select(tuple(preview))}
    assert preview <= {r.code for r in select(("ALL",), preview=True)}
