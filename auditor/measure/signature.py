"""The report signature: versions, metric signatures and hashes of every setting that shapes it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import astuple
from functools import lru_cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from auditor.config import Config

KNOWLEDGE_PACKAGE = "auditor.knowledge"


def signature(config: Config) -> dict[str, str]:
    """Return what makes a report reproducible: equal signatures mean equal settings."""
    return {
        **dict(_tool_signature()),
        "config": config.digest(),
        "knowledge": _knowledge_digest(),
        "glossary": _digest(Path(p).read_bytes() for p in config.glossary),
        "weights": _weights_digest(),
    }


def _digest(parts: Iterable[bytes]) -> str:
    """Return a short sha256 of the parts, each prefixed by its length (no ambiguous joins)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "big") + part)
    return "sha256:" + h.hexdigest()[:16]


@lru_cache(maxsize=1)
def _knowledge_digest() -> str:
    """Hash the built-in knowledge data files (names and contents), once per process."""
    data = sorted(_data_files(files(KNOWLEDGE_PACKAGE), ""))
    return _digest(part for name, content in data for part in (name.encode(), content))


def _data_files(folder: Traversable, prefix: str) -> Iterator[tuple[str, bytes]]:
    """Yield (relative name, contents) of the data files under `folder` (not the code)."""
    for item in folder.iterdir():
        if item.is_dir():
            if item.name != "__pycache__":
                yield from _data_files(item, f"{prefix}{item.name}/")
        elif not item.name.endswith((".py", ".pyc")):
            yield prefix + item.name, item.read_bytes()


@lru_cache(maxsize=1)
def _weights_digest() -> str:
    """Hash the aligner's weights and thresholds."""
    from auditor.align.similarity import WEIGHTS

    return _digest([repr(astuple(WEIGHTS)).encode()])


@lru_cache(maxsize=1)
def _tool_signature() -> tuple[tuple[str, str], ...]:
    """Return the library versions and metric signatures, looked up once per process."""
    from auditor.measure.libraries import library_versions
    from auditor.measure.scores import corpus_scores

    sig = library_versions()
    sig.update(corpus_scores([], []).signatures)
    return tuple(sig.items())
