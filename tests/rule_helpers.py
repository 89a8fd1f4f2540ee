"""Run selected rules on texts or on the seed articles (shared by the rule tests)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from auditor.config import Config
from auditor.engine import audit
from auditor.model import Finding
from auditor.read.decode import document_from_text, read_document

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def run(texts: tuple[str, ...], select: str) -> list[Finding]:
    """Audit texts (documents a, b, ...) with the rules whose codes start with `select`."""
    docs = [document_from_text(t, chr(ord("a") + i), f"ex{i}.txt") for i, t in enumerate(texts)]
    return list(audit(docs, Config(select=(select,), preview=True)).findings)


@lru_cache(maxsize=1)
def seed_findings() -> tuple[Finding, ...]:
    """Audit the two seed articles once with the T, N, F and Q rules."""
    docs = [read_document(p, chr(ord("a") + i)) for i, p in enumerate(SEEDS)]
    return audit(docs, Config(select=("T", "N", "F", "Q"))).findings
