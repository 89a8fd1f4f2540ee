"""A fact of the align stage: a mention that can be compared across sources, with what it is
about (`facts` finds them and links them; `numberlinks` links the numbers slots alone do not)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from auditor.model import Mention


@dataclass(frozen=True)
class Anchors:
    """What a number stands by: its form and the words that say which quantity it is."""

    form: str  # "time", "pair" (a score or range), "year" or "count"
    partner: float | None  # the other number of a pair ("3-1": 1)
    before: str | None  # a label or content word right before it ("flight", "no", "dial")
    heads: frozenset[str]  # the stems of the words it counts ("700 MONUC troops")
    wide: frozenset[str]  # content stems within a few words on either side


@dataclass(frozen=True)
class Fact:
    """A mention that can be compared across sources, with what it is about."""

    doc: str
    mention: Mention
    sentence: int
    slot: str  # counted noun or unit of a number; the kind for dates and weekdays
    near: frozenset[str]  # stems of the content words next to it
    subject: frozenset[str]  # capitalised words just before a number (who scored it)
    sole: bool = True  # the only fact of its slot in its sentence
    after: str | None = None  # what a number counts, after its noun ("bank workers")
    anchors: Anchors | None = None  # of a number or a year: its form (`numberlinks`)


class InSentence(Protocol):
    """Anything found in one sentence of a document."""

    @property
    def sentence(self) -> int: ...


T = TypeVar("T", bound=InSentence)


def by_sentence(items: Iterable[T]) -> dict[int, list[T]]:
    """Return the items of each sentence, in their order."""
    out: dict[int, list[T]] = {}
    for item in items:
        out.setdefault(item.sentence, []).append(item)
    return out
