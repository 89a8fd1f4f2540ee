"""Check many incoming articles in one run: each on its own, or against the other sources.

One file runs in this process. More files run in a process pool over all cores; the heavy
libraries are loaded once, before the workers start (fork) or once in each worker.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.ci.progress import shown_progress
from auditor.config import Config
from auditor.model import Document, InputError, Report

if TYPE_CHECKING:
    from auditor.knowledge import Knowledge

SOURCE_SUFFIXES = (".txt", ".md")


def expand_sources(paths: Sequence[str | Path]) -> tuple[str, ...]:
    """Return the files named, with each folder replaced by its .txt and .md files."""
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            out.append(str(p))
            continue
        found = sorted(str(f) for f in p.iterdir() if f.suffix.lower() in SOURCE_SUFFIXES)
        if not found:
            raise InputError(f"{p}: folder has no .txt or .md files")
        out.extend(found)
    return tuple(out)


def check_files(
    paths: Sequence[str],
    against: Sequence[str],
    config: Config,
    jobs: int | None = None,
    dismissed: frozenset[str] = frozenset(),
    progress: Callable[[str], None] | None = None,
) -> list[Report]:
    """Check each file (against the sources, if any); return the reports in input order.

    `-` is standard input, read in this process; `dismissed` are suppressed fingerprints;
    `progress` is told the stages of a run over one file. A file that cannot be read gets the
    report of an unread document (see `engine.unread`); a source that cannot be read fails the
    run (InputError).
    """
    for p in against:
        if not Path(p).exists():
            raise InputError(f"{p}: no such file")
    task = partial(
        check_one,
        against=tuple(against),
        config=config,
        dismissed=dismissed,
        progress=progress if len(paths) == 1 else None,
    )
    workers = 1 if "-" in paths else min(jobs or os.cpu_count() or 1, len(paths))
    sizes = [_size(p) for p in paths]
    if workers <= 1:
        return list(shown_progress(map(task, paths), sizes))
    warm()
    chunk = max(1, min(16, len(paths) // (workers * 4)))
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=warm) as pool:
        return list(shown_progress(pool.map(task, paths, chunksize=chunk), sizes))


def check_one(
    path: str,
    *,
    against: tuple[str, ...],
    config: Config,
    dismissed: frozenset[str] = frozenset(),
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Audit one article as document "a", aligned with the sources as b, c, ...

    An article that cannot be read gets the report of an unread document.
    """
    from auditor.engine import audit, unread
    from auditor.read.decode import read_document

    if progress is not None:
        progress("reading")
    try:
        doc = read_document(path, "a")
    except InputError as exc:
        return unread(path, str(exc).removeprefix(f"{path}: "), config)
    others = [d for d in sources(against) if not _same_file(d.path, path)]
    docs = [doc, *(replace(d, id=chr(ord("b") + i)) for i, d in enumerate(others))]
    return audit(
        docs,
        config,
        knowledge=knowledge(config.glossary),
        targets=("a",),
        suppressions=dismissed,
        progress=progress,
    )


@lru_cache(maxsize=4)
def sources(paths: tuple[str, ...]) -> tuple[Document, ...]:
    """Read and measure the sources once per process."""
    from auditor.engine import measured
    from auditor.read.decode import read_document

    return tuple(measured(read_document(p, "b")) for p in paths)


@lru_cache(maxsize=4)
def knowledge(glossary: tuple[str, ...]) -> Knowledge:
    """Load the knowledge and glossaries once per process."""
    from auditor.knowledge import load_knowledge

    return load_knowledge(glossary)


def _size(path: str) -> int:
    """Return the size of a regular file (0 for `-` and anything else), for the progress line."""
    try:
        return os.stat(path).st_size if path != "-" and Path(path).is_file() else 0
    except OSError:
        return 0


def _same_file(a: str, b: str) -> bool:
    """Return True if two paths name the same file."""
    return os.path.abspath(a) == os.path.abspath(b)


def warm() -> None:
    """Load what every audit needs (tokenizer, dictionaries, metrics, rules) once per process."""
    from auditor.measure.readability import readability
    from auditor.measure.scores import corpus_scores
    from auditor.read.segment import punkt
    from auditor.rules.registry import all_rules

    punkt()
    all_rules()
    readability("Warm the syllable dictionary up.")
    corpus_scores([], [])


def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (Linux) so workers inherit the warmed-up parent."""
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()
