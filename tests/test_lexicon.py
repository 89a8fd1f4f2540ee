"""One lexicon: English closed lists live in knowledge/lexicon.toml, nowhere else."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from auditor.knowledge.lexicon import alternation, either_case, lexicon

PACKAGE = Path(__file__).resolve().parent.parent / "auditor"
# Stages whose modules must read English word lists from the lexicon.
SCANNED = ("read", "align", "mentions", "measure", "rules", "corpus")
WORD = re.compile(r"[A-Za-z]{2,}")
# Names that are not English words: the package's module list and markup tags and entities.
NOT_WORD_LISTS = frozenset({"__all__", "RESIDUE"})
WORD_ALTERNATION = re.compile(r"(?:\b[A-Za-z]{2,}\|){4,}[A-Za-z]{2,}\b")


def modules() -> list[Path]:
    """Return the Python modules of the scanned stages."""
    paths = (p for stage in SCANNED for p in (PACKAGE / stage).glob("*.py"))
    return sorted(p for p in paths if p.name != "libraries.py")  # names of Python packages


def word_list_literals(tree: ast.Module) -> list[int]:
    """Return the lines of word lists (3+ word literals, "...".split()) outside exempt names."""
    exempt = {
        id(sub)
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign) and _exempt(node)
        for sub in ast.walk(node)
    }
    return [line for node in tree.body if id(node) not in exempt for line in _word_lists(node)]


def _word_lists(value: ast.AST) -> list[int]:
    """Return the lines of word-list literals inside one node."""
    lines = []
    for sub in ast.walk(value):
        if isinstance(sub, ast.Set | ast.Tuple | ast.List):
            words = [e for e in sub.elts if isinstance(e, ast.Constant) and _is_word(e.value)]
            if len(words) >= 3:
                lines.append(sub.lineno)
        elif (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Attribute)
            and sub.func.attr == "split"
            and isinstance(sub.func.value, ast.Constant | ast.BinOp | ast.JoinedStr)
        ):
            lines.append(sub.lineno)
    return lines


def regex_word_lists(tree: ast.Module) -> list[int]:
    """Return the lines of string constants holding a regex alternation of 5+ words."""
    exempt = {
        id(sub)
        for node in tree.body
        if isinstance(node, ast.Assign) and _exempt(node)
        for sub in ast.walk(node.value)
    }
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and WORD_ALTERNATION.search(node.value)
        and id(node) not in exempt
    ]


def _exempt(node: ast.Assign | ast.AnnAssign) -> bool:
    """Return True for an assignment to a name whose list is not English words."""
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    return any(isinstance(t, ast.Name) and t.id in NOT_WORD_LISTS for t in targets)


def _is_word(value: object) -> bool:
    """Return True for a string that is an English word."""
    return isinstance(value, str) and bool(WORD.fullmatch(value))


@pytest.mark.parametrize("path", modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_module_defines_no_word_list_of_its_own(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert word_list_literals(tree) == [], "word list literal: move it to knowledge/lexicon.toml"
    assert regex_word_lists(tree) == [], "regex word list: build it from the lexicon"


def test_scan_catches_word_lists() -> None:
    source = 'A = frozenset("said says told".split())\nB = ("said", "says", "told")\n'
    assert word_list_literals(ast.parse(source)) == [1, 2]
    regex = 'R = re.compile(r"(?:said|says|told|added|wrote)\\b")\n'
    assert regex_word_lists(ast.parse(regex)) == [1]
    assert word_list_literals(ast.parse('X = ("a", "b")\nY = ("%", "$", "€")\n')) == []


def test_speech_verbs_include_replied_and_warned() -> None:
    verbs = lexicon().speech_verbs
    assert {"said", "replied", "warned", "asked"} <= set(verbs)


def test_lexicon_is_loaded_once() -> None:
    assert lexicon() is lexicon()


def test_alternations_match_whole_words_longest_first() -> None:
    pattern = re.compile(rf"\b(?:{alternation(['few', 'a few', 'fewer'])})\b")
    assert [m.group() for m in pattern.finditer("a  few and fewer")] == ["a  few", "fewer"]
    first = re.compile(rf"\b(?:{either_case(['we', 'I'])})\b")
    assert first.findall("We and we but not WE; I") == ["We", "we", "I"]


def test_help_does_not_load_the_lexicon() -> None:
    probe = (
        "import sys\nfrom auditor.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('auditor.knowledge.lexicon' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
