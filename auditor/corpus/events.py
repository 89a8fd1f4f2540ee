"""The events of a run: which articles, in what order, under what id, and what they found."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.corpus.pages import worst_severity
from auditor.corpus.relation import stories
from auditor.corpus.tasks import Entry, EventJob, EventResult
from auditor.model import Report, Severity


@dataclass(frozen=True)
class Event:
    """An event found in the feed: its articles (in document order) and its audit."""

    id: str
    entries: tuple[Entry, ...]
    result: EventResult

    @property
    def report(self) -> Report | None:
        """Return the event's report (None when no article could be read again)."""
        return self.result.report

    @property
    def sources(self) -> list[str]:
        """Return the event's outlets (an article without one counts as its own file)."""
        return sorted({e.article.source or e.article.path for e in self.entries})

    @property
    def dates(self) -> list[str]:
        """Return the distinct dates of the event's articles, oldest first."""
        return sorted({e.article.date for e in self.entries if e.article.date})

    @property
    def independent(self) -> int:
        """Count independent stories: versions and copies of one story count once."""
        rel = {(i, j): r for i, j, r in self.result.relations}
        return len(set(stories(len(self.entries), rel)))

    @property
    def worst(self) -> Severity | None:
        """Return the most severe finding's severity, if any."""
        return worst_severity(self.report)


def ordered(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """Order an event's articles as documents: oldest first, undated last, then by key."""
    return tuple(sorted(entries, key=lambda e: (e.article.date or "9999-99-99", e.article.key)))


def event_id(entries: Sequence[Entry]) -> str:
    """Name an event after its first article key, so it keeps its id as articles join it."""
    first = min(e.article.key for e in entries)
    return "e" + hashlib.sha256(first.encode("utf-8")).hexdigest()[:12]


def members(entries: Sequence[Entry]) -> str:
    """Return the event's membership and content as one string (the cache key)."""
    return json.dumps([[e.article.key, e.article.sha256] for e in entries])


def job(event: str, entries: Sequence[Entry]) -> EventJob:
    """Return the job that audits the event."""
    return EventJob(event, tuple(e.ref for e in entries))


def relation_rows(event: Event) -> list[dict[str, str]]:
    """Return the relation of each two articles of the event, by article key."""
    keys = [e.article.key for e in event.entries]
    return [{"a": keys[i], "b": keys[j], "relation": rel} for i, j, rel in event.result.relations]
