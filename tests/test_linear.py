"""Work grows linearly with hostile input (counted, never timed), and inputs are never modified."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from ci_support import invoke, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor import engine
from auditor.ci import fingerprint
from auditor.config import Config
from auditor.read import segment
from auditor.read.decode import document_from_text


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
        report = engine.audit([document_from_text(make(n))], Config(select=("P", "B")))
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
