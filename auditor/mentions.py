"""Mentions with offsets: people and titles, organisations, treaties, numbers, dates, quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditor.model import Document, Mention

if TYPE_CHECKING:
    from auditor.knowledge import Knowledge


def extract_mentions(doc: Document, knowledge: Knowledge | None = None) -> tuple[Mention, ...]:
    """Return the mentions found in the body of `doc`, in text order."""
    return ()
