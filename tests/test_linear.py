"""Work grows linearly with hostile input (counted, never timed), and inputs are never modified."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pytest
from ci_support import invoke, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor import engine
from auditor.ci import fingerprint
from auditor.config import Config
from auditor.knowledge.glossary import Entry
from auditor.knowledge.patterns import Match, WordPattern
from auditor.model import Document, Severity
from auditor.read import segment
from auditor.read.decode import document_from_text
from auditor.rules.calques import entry_matches


def unclosed_quotes(n: int) -> str:
    """Return one paragraph with `n` opening quotation marks that are never closed."""
    return " ".join(f"He said “no{i % 10}" for i in range(n)) + ".\n"


def tiny_sentences(n: int) -> str:
    """Return `n` short sentences on one line, each with a space before its full stop."""
    return " ".join(f"The team won game {i} ." for i in range(n)) + "\n"


def count_calls(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> Callable[[], int]:
    """Count calls of `owner.name` and the characters they were given; return the counter."""
    real = getattr(owner, name)
    work = [0]

    def counted(text: str, *args: object) -> object:
        work[0] += len(text)
        return real(text, *args)

    monkeypatch.setattr(owner, name, counted)
    return lambda: work[0]


@pytest.mark.parametrize("make", [unclosed_quotes, tiny_sentences])
def test_fingerprints_normalise_a_linear_amount_of_text(
    monkeypatch: pytest.MonkeyPatch, make: Callable[[int], str]
) -> None:
    work = count_calls(monkeypatch, fingerprint, "normalise")
    measured = []
    for n in (300, 1200):
        before = work()
        report = engine.audit(
            [document_from_text(make(n))], Config(select=("P", "B"), preview=True)
        )
        assert report.findings
        measured.append(work() - before)
    assert measured[1] <= 5 * measured[0], measured


def test_punkt_never_gets_more_than_a_bounded_block(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    real = segment.punkt()

    class Watched:
        def span_tokenize(self, text: str) -> object:
            seen.append(len(text))
            return real.span_tokenize(text)

    monkeypatch.setattr(segment, "punkt", lambda: Watched())
    text = tiny_sentences(8000)
    spans = segment.split_sentences(text)
    assert max(seen) <= segment.MAX_BLOCK < len(text)
    assert len(spans) >= 7990
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] for s in spans)


def digest(path: Path) -> str:
    """Return the SHA-256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


ARTICLE = st.lists(
    st.sampled_from([*"abc XYZ.,“”\"'\n\r\t\u202e\u200b…", "Kiev", " said ", "The talks"]),
    min_size=1,
    max_size=60,
).map("".join)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    a=ARTICLE,
    b=ARTICLE,
    output=st.sampled_from(["a.txt", "b.txt", "./x/../a.txt", "out.json", "link", "-"]),
    command=st.sampled_from(["check", "compare", "baseline"]),
)
def test_inputs_are_never_modified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, a: str, b: str, output: str, command: str
) -> None:
    monkeypatch.chdir(tmp_path)
    for p in tmp_path.iterdir():
        p.unlink()
    files = [write(tmp_path / "a.txt", a), write(tmp_path / "b.txt", b)]
    (tmp_path / "link").symlink_to("b.txt")
    before = [digest(p) for p in files]
    if command == "baseline" and output == "-":
        output = "out.json"
    result = invoke(
        command, "a.txt", "b.txt", "-o", output, *(["-q"] if command != "baseline" else [])
    )
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2), result.output
    assert [digest(p) for p in files] == before
    assert (tmp_path / "link").is_symlink()


class Offset(int):
    """A text offset that counts every comparison made with it (the work of sorting spans)."""

    compared = 0

    def __lt__(self, other: object) -> bool:
        Offset.compared += 1
        return int(self) < int(other)  # type: ignore[call-overload]

    def __gt__(self, other: object) -> bool:
        Offset.compared += 1
        return int(self) > int(other)  # type: ignore[call-overload]

    def __le__(self, other: object) -> bool:
        Offset.compared += 1
        return int(self) <= int(other)  # type: ignore[call-overload]

    def __ge__(self, other: object) -> bool:
        Offset.compared += 1
        return int(self) >= int(other)  # type: ignore[call-overload]


@dataclass(frozen=True)
class Given:
    """Stands in for a compiled pattern: its matches are given."""

    matches: tuple[Match, ...]

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Return the given matches."""
        return list(self.matches)


def entries(n: int) -> list[Entry]:
    """Return three entries of `n` matches each; the later ones partly overlap the earlier."""
    spans = [(0, 5), (3, 8), (6, 9)]  # per block of 10: kept, overlaps the first, kept
    return [
        Entry(
            cast(
                WordPattern,
                Given(tuple(Match(Offset(10 * i + a), Offset(10 * i + b), None) for i in range(n))),
            ),
            Severity.WARNING,
            "",
            "test",
        )
        for a, b in spans
    ]


def test_glossary_matches_are_sorted_out_in_n_log_n_comparisons() -> None:
    measured = []
    for n in (500, 2000):
        doc = Document("a", "a.txt", "x" * 10 * n, "", "utf-8", None, 0, ())
        Offset.compared = 0
        found = list(entry_matches(doc, entries(n)))
        assert len(found) == 2 * n
        measured.append(Offset.compared)
    assert measured[1] <= 5 * measured[0], measured
