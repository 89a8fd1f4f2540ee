"""Shared fixtures: the seed articles and small helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    """Return the two seed articles."""
    assert len(SEEDS) == 2
    return SEEDS
