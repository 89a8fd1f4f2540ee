"""Configuration: where it is found, what it means, and one-line errors for bad keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ci_support import BROKEN, CLEAN, fake_rule, invoke, one_line_error, write

from auditor.config import Config, ConfigError, find_config, load_config
from auditor.model import Severity
from auditor.rules.registry import Rule

__all__ = ["fake_rule"]  # the fixture, used by name


def test_nearest_config_is_found_walking_up(tmp_path: Path) -> None:
    write(tmp_path / "audit.toml", 'fail-on = "warning"\n')
    deep = tmp_path / "desk" / "today"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "audit.toml"
    assert load_config(cwd=deep).fail_on == "warning"


def test_pyproject_counts_only_with_a_tool_audit_table(tmp_path: Path) -> None:
    write(tmp_path / "audit.toml", 'fail-on = "info"\n')
    inner = tmp_path / "inner"
    write(inner / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(inner) == tmp_path / "audit.toml"
    write(inner / "pyproject.toml", "[tool.audit]\nfail-on = 'never'\n")
    assert find_config(inner) == inner / "pyproject.toml"
    assert load_config(cwd=inner).fail_on == "never"


def test_audit_toml_wins_over_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.audit]\nfail-on = 'never'\n")
    write(tmp_path / "audit.toml", "fail-on = 'info'\n")
    assert load_config(cwd=tmp_path).fail_on == "info"


def test_no_config_file_means_defaults(tmp_path: Path) -> None:
    assert load_config(cwd=tmp_path) == Config()


def test_explicit_config_path_overrides_the_search(tmp_path: Path) -> None:
    write(tmp_path / "audit.toml", "fail-on = 'info'\n")
    other = write(tmp_path / "ci" / "strict.toml", "fail-on = 'warning'\n")
    assert load_config(other, cwd=tmp_path).fail_on == "warning"


def test_rule_settings_are_validated_and_expanded(tmp_path: Path, fake_rule: Rule) -> None:
    path = write(
        tmp_path / "audit.toml",
        'select = ["b", "P1", "R"]\nignore = ["P102"]\n'
        '[severity]\nP = "info"\nP101 = "warning"\n'
        "[options.R999]\nmax-letters = 20\n",
    )
    config = load_config(path)
    assert config.select == ("B", "P1", "R") and config.ignore == ("P102",)
    assert config.severity["P101"] is Severity.WARNING
    assert config.severity["P102"] is Severity.INFO
    assert config.options == {"R999": {"max_letters": 20}}


def test_readability_table_maps_onto_readability_rule_options(
    tmp_path: Path, fake_rule: Rule
) -> None:
    path = write(tmp_path / "audit.toml", "[readability]\nmax-letters = 9\n")
    assert load_config(path).options == {"R999": {"max_letters": 9}}


def test_glossary_paths_are_relative_to_the_config_file(tmp_path: Path) -> None:
    terms = write(tmp_path / "desk" / "terms.tsv", "a\tb\n")
    path = write(tmp_path / "desk" / "audit.toml", 'glossary = ["terms.tsv"]\n')
    assert load_config(path, cwd=tmp_path).glossary == (str(terms.resolve()),)


def test_per_file_overrides_apply_only_to_matching_files(tmp_path: Path) -> None:
    path = write(
        tmp_path / "audit.toml",
        '[[per-file]]\nfiles = ["drafts/*.txt"]\nignore = ["B"]\n'
        '[per-file.severity]\nP101 = "info"\n'
        '[[per-file]]\nfiles = "*.md"\nselect = ["P"]\n',
    )
    config = load_config(path)
    draft = config.for_path(str(tmp_path / "drafts" / "x.txt"))
    assert draft.ignore == ("B",) and draft.severity == {"P101": Severity.INFO}
    assert config.for_path(str(tmp_path / "final" / "x.txt")).ignore == ()
    assert config.for_path(str(tmp_path / "notes" / "x.md")).select == ("P",)
    assert draft.per_file == ()


BAD = {
    "unknown top key": ('selct = ["B"]\n', "'selct'"),
    "unknown prefix": ('select = ["X9"]\n', "'X9'"),
    "unknown severity code": ('[severity]\nZ999 = "info"\n', "Z999"),
    "bad severity": ('[severity]\nB101 = "fatal"\n', "severity.B101"),
    "unknown option code": ("[options.Z999]\nx = 1\n", "options.Z999"),
    "unknown option": ("[options.R999]\nmax_words = 1\n", "'max_words'"),
    "option type": ('[options.R999]\nmax-letters = "ten"\n', "max-letters"),
    "fail-on": ('fail-on = "sometimes"\n', "fail-on"),
    "per-file key": ('[[per-file]]\nfiles = ["*.txt"]\nbogus = 1\n', "per-file[0].'bogus'"),
    "per-file files": ("[[per-file]]\nignore = ['B']\n", "per-file[0].files"),
    "readability option": ("[readability]\nmax_syllables = 3\n", "readability.'max_syllables'"),
    "glossary missing": ('glossary = ["nowhere.tsv"]\n', "nowhere.tsv"),
    "invalid toml": ("select = [\n", "invalid TOML"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_settings_raise_one_line_naming_the_key(
    tmp_path: Path, fake_rule: Rule, case: str
) -> None:
    text, needle = BAD[case]
    path = write(tmp_path / "audit.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message and needle in message and str(path) in message


def test_cli_bad_config_exits_two_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "audit.toml", 'ignore = ["B"]\nfail_on = "error"\n')
    article = write(tmp_path / "a.txt", BROKEN)
    result = invoke("check", str(article), "-o", "out.json")
    one_line_error(result, "audit.toml", "'fail_on'")
    assert not (tmp_path / "out.json").exists()


def test_cli_uses_the_config_found_and_the_flag_overrides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "audit.toml", '[[per-file]]\nfiles = "loose/*"\nignore = ["B"]\n')
    loose = write(tmp_path / "loose" / "a.txt", BROKEN)
    strict = write(tmp_path / "strict" / "a.txt", BROKEN)
    result = invoke("check", str(loose), str(strict), "-f", "json", "-o", "r.json")
    assert result.exit_code == 1
    data = json.loads((tmp_path / "r.json").read_text())
    rules = [{f["rule"] for f in r["findings"]} for r in data["reports"]]
    assert "B101" not in rules[0] and "B101" in rules[1]
    assert invoke("check", str(loose)).exit_code == 0
    other = write(tmp_path / "ci.toml", 'fail-on = "never"\n')
    assert invoke("check", str(strict), "--config", str(other)).exit_code == 0
    assert invoke("check", str(strict), "--config", str(other), "--fail-on", "error").exit_code == 1


def test_compare_reads_the_config_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    a, b = write(tmp_path / "a.txt", BROKEN), write(tmp_path / "b.txt", CLEAN)
    assert invoke("compare", str(a), str(b), "-o", "r.json").exit_code == 1
    write(tmp_path / "audit.toml", '[severity]\nB101 = "info"\n')
    assert invoke("compare", str(a), str(b), "-o", "r.json").exit_code == 0
    findings = json.loads((tmp_path / "r.json").read_text())["reports"][0]["findings"]
    assert {f["severity"] for f in findings if f["rule"] == "B101"} == {"info"}
