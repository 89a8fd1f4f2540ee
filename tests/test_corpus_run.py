"""Corpus mode end to end on a real Dask cluster (a scheduler and two workers on 127.0.0.1)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.ci.stored import load_run
from auditor.cli import app
from auditor.corpus import outputs
from auditor.corpus.cluster import spawned
from auditor.corpus.run import Options, Outcome, run_corpus

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "corpus"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Start `dask scheduler` and two `dask worker` processes; always stop them."""
    with spawned(2) as address:
        yield address


@pytest.fixture(scope="module")
def baseline(scheduler: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Run the example corpus once on the cluster in `work`, and keep a snapshot of it."""
    root = tmp_path_factory.mktemp("corpus-run")
    shutil.copytree(EXAMPLE, root / "work" / "corpus")
    _run(root / "work" / "corpus", root / "work" / "out", scheduler)
    shutil.copytree(root / "work", root / "snapshot")
    return root


@pytest.fixture
def work(baseline: Path) -> Path:
    """Return the folder of `corpus` and `out` as the first run left them (a test may change it).

    The state keys articles by path, so every test works at the same path.
    """
    folder = baseline / "work"
    shutil.rmtree(folder)
    shutil.copytree(baseline / "snapshot", folder)
    return folder


def _run(corpus: Path, out: Path, address: str, **kw: object) -> Outcome:
    return run_corpus(Options((str(corpus),), out, scheduler=address, **kw))  # type: ignore[arg-type]


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _names(event: dict[str, object]) -> list[str]:
    return sorted(str(a["id"]).rsplit("/", 1)[-1] for a in event["articles"])  # type: ignore[attr-defined]


def test_example_corpus_events_findings_and_exit_code(scheduler: str, work: Path) -> None:
    out = work / "out"
    result = CliRunner().invoke(
        app, ["corpus", str(work / "corpus"), "-o", str(out), "--scheduler", scheduler]
    )
    assert result.exit_code == 2, result.output  # two bad articles, reported after everything
    assert "empty-draft.txt: file has no article text" in result.output
    assert "hp-2024-0322-broken" in result.output
    events = {tuple(_names(e)): e for e in _lines(out / "events.jsonl")}
    ferry = events[
        ("ferry-strike-wire.txt", "ferry-strike.txt", "ferry-walkout.txt", "hp-2024-0316-ferry")
    ]
    assert ferry["sources"] == ["harbour-post", "northwire", "valley-courier"]
    assert ferry["independent"] == 3  # the wire copy counts once with its original
    assert {r["relation"] for r in ferry["relations"]} == {"trimmed-copy", "sources"}  # type: ignore[index,union-attr]
    reservoir = events[
        ("greyhill-reservoir-en.txt", "greyhill-reservoir.txt", "reservoir-opens.txt")
    ]
    assert "versions" in {r["relation"] for r in reservoir["relations"]}  # type: ignore[index,union-attr]
    assert reservoir["independent"] == 2  # the translation-desk version counts with the wire story
    assert ("library-award.txt",) in events and ("hp-2024-0321-market",) in events
    findings = _lines(out / "findings.jsonl")
    errors = [f for f in findings if f["name"] == "input-error"]
    assert len(errors) == 2 and all(f["event"] is None for f in errors)
    numbers = {
        f["evidence"] for f in findings if f["rule"] == "F101" and f["event"] == ferry["event"]
    }
    assert "8 percent" in numbers  # the outlet that disagrees on the raise
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="events/{ferry["event"]}.html"' in index
    assert (out / "events" / f"{ferry['event']}.html").exists()
    library = events[("library-award.txt",)]
    stored = load_run(out / "events" / f"{library['event']}.json")  # format 2, for `audit render`
    assert stored.command == "corpus" and stored.files() == [library["articles"][0]["path"]]  # type: ignore[index]
    assert f'href="events/{library["event"]}.json"' in index
    assert not (out / "events" / f"{library['event']}.html").exists()  # no finding: on demand
    page = out / "library.html"
    rendered = CliRunner().invoke(
        app, ["render", str(out / "events" / f"{library['event']}.json"), "-o", str(page)]
    )
    assert rendered.exit_code == 0, rendered.output
    assert "library-award.txt" in page.read_text(encoding="utf-8")
    json.loads((out / "audit.sarif").read_text(encoding="utf-8"))


def test_cluster_and_local_runs_agree(work: Path) -> None:
    """Locally, small work stays in this process and more goes to worker processes: the same."""
    inline = run_corpus(Options((str(work / "corpus"),), work / "local", workers=2))
    spread = run_corpus(Options((str(work / "corpus"),), work / "spread", workers=2, inline=0))
    assert inline.audited == spread.audited == 4
    for name in ("events.jsonl", "findings.jsonl", "audit.sarif", "index.html"):
        assert (work / "out" / name).read_text() == (work / "local" / name).read_text()
        assert (work / "out" / name).read_text() == (work / "spread" / name).read_text()


def test_rerun_audits_only_changed_events(scheduler: str, work: Path) -> None:
    corpus, out = work / "corpus", work / "out"
    findings = (out / "findings.jsonl").read_text()
    again = _run(corpus, out, scheduler)
    assert (again.audited, again.reused) == (0, 4)
    assert (out / "findings.jsonl").read_text() == findings  # the cached findings, unchanged
    award = (corpus / "northwire" / "library-award.txt").read_text(encoding="utf-8")
    (corpus / "valley-courier" / "library-prize.txt").write_text(
        award.replace("(Northwire) - ", "").replace("on Friday", "this week"), encoding="utf-8"
    )
    grown = _run(corpus, out, scheduler)
    assert (grown.audited, grown.reused) == (1, 3)
    library = [e for e in grown.events if any("library" in x.article.key for x in e.entries)]
    assert len(library) == 1 and len(library[0].entries) == 2


def test_a_rerun_writes_what_a_fresh_run_on_the_changed_feed_writes(tmp_path: Path) -> None:
    """Terms, events and pages come from the state where they can: the outputs may not show it."""
    corpus, out, fresh = tmp_path / "corpus", tmp_path / "out", tmp_path / "fresh"
    shutil.copytree(EXAMPLE, corpus)
    run_corpus(Options((str(corpus),), out, workers=2))
    award = (corpus / "northwire" / "library-award.txt").read_text(encoding="utf-8")
    (corpus / "valley-courier" / "library-prize.txt").write_text(
        award.replace("(Northwire) - ", "").replace("on Friday", "this week"), encoding="utf-8"
    )
    walkout = corpus / "valley-courier" / "ferry-walkout.txt"
    walkout.write_text(walkout.read_text(encoding="utf-8").replace("8 percent", "9 percent"))
    (corpus / "translation-desk" / "greyhill-reservoir-en.txt").unlink()
    again = run_corpus(Options((str(corpus),), out, workers=2))
    assert again.reused > 0
    run_corpus(Options((str(corpus),), fresh, workers=2))
    names = ["events.jsonl", "findings.jsonl", "audit.sarif", "index.html"]
    names += [f"events/{p.name}" for p in (fresh / "events").iterdir()]
    assert sorted(p.name for p in (out / "events").iterdir()) == sorted(
        p.name for p in (fresh / "events").iterdir()
    )
    for name in names:
        assert (out / name).read_text() == (fresh / name).read_text(), name
    stamp = re.compile(r'timestamp="[^"]*"|time="[^"]*"')
    junit = [stamp.sub("", (d / "audit.junit.xml").read_text()) for d in (out, fresh)]
    assert junit[0] == junit[1]


def test_an_event_whose_page_is_gone_is_audited_again(scheduler: str, work: Path) -> None:
    out = work / "out"
    page = next((out / "events").glob("*.html"))
    page.unlink()
    again = _run(work / "corpus", out, scheduler)
    assert (again.audited, again.reused) == (1, 3)
    assert page.exists()


def test_dismissals_stick_across_runs(scheduler: str, work: Path, tmp_path: Path) -> None:
    corpus, out = work / "corpus", work / "out"
    first = _lines(out / "findings.jsonl")
    target = next(f for f in first if f.get("rule") == "F101")
    suppressions = tmp_path / "dismissed.json"
    entry = {"rule": target["rule"], "fingerprint": target["fingerprint"], "note": "checked"}
    suppressions.write_text(json.dumps({"format": 1, "suppressions": [entry]}), encoding="utf-8")
    args = ["corpus", str(corpus), "-o", str(out), "--scheduler", scheduler]
    CliRunner().invoke(app, [*args, "--suppressions", str(suppressions)])
    later_run = ["corpus", str(corpus), "-o", str(out)]  # the scheduler named by the environment
    CliRunner().invoke(app, later_run, env={"DASK_SCHEDULER_ADDRESS": scheduler})
    later = _lines(out / "findings.jsonl")
    assert target["fingerprint"] not in {f.get("fingerprint") for f in later}
    assert len(later) < len(first)


def test_interrupted_run_leaves_previous_state(
    scheduler: str, work: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, out = work / "corpus", work / "out"
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (corpus / "northwire" / "library-award.txt").write_text(
        " date 2024-03-22\n\nChanged text of the story.\n"
    )

    def interrupted(staging: Path, folder: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs, "swap", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _run(corpus, out, scheduler)
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    assert after == before  # outputs and database exactly as the previous run left them
    monkeypatch.undo()
    assert _run(corpus, out, scheduler).audited == 1  # the change is still pending
