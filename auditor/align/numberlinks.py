"""Number links that only aligned sentences can make: the slot of each number is not enough.

`facts` links two numbers that count the same noun. Two sentences aligned with each other say
more: when each holds a single counted number next to the same predicate, the two numbers count
the same thing whatever noun each uses ("exempting 22 nations", "exempting 32 countries"); and
when they list as many numbers of one noun or unit and all agree but one on each side, those two
are one fact changed ("$29 for A, $89 for B" against "A is $39, B is $89").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from auditor.mentions.namewords import similar
from auditor.mentions.quantities import same_value
from auditor.model import FactLink, NumberMention

if TYPE_CHECKING:
    from auditor.align.facts import Fact

Aligned = Mapping[tuple[str, int, str, int], str]


def link_aligned_numbers(
    xs: Sequence[Fact], ys: Sequence[Fact], aligned: Aligned, skip: Collection[str]
) -> Iterator[FactLink]:
    """Yield the links of numbers of aligned sentences that their slots alone do not make.

    `skip` names the slots never linked this way (years, ages: they need their own words).
    """
    mine, theirs = _by_sentence(xs, skip), _by_sentence(ys, skip)
    if not mine or not theirs:
        return
    x, y = next(iter(mine.values()))[0].doc, next(iter(theirs.values()))[0].doc
    for (dx, i, dy, j), kind in aligned.items():
        if (dx, dy) != (x, y) or i not in mine or j not in theirs:
            continue
        fs, gs = mine[i], theirs[j]
        if kind == "same" and len(fs) == len(gs) == 1:
            f, g = fs[0], gs[0]
            if f.slot != g.slot and (f.near & g.near or similar(f.slot, g.slot)):
                yield FactLink(f.mention.kind, x, f.mention, y, g.mention, kind, True)
        yield from _one_changed(fs, gs, kind)


def _by_sentence(facts: Sequence[Fact], skip: Collection[str]) -> dict[int, list[Fact]]:
    """Return the counted numbers of each sentence, slots in `skip` left out."""
    out: dict[int, list[Fact]] = defaultdict(list)
    for f in facts:
        if isinstance(f.mention, NumberMention) and f.slot not in skip:
            out[f.sentence].append(f)
    return dict(out)


def _one_changed(fs: Sequence[Fact], gs: Sequence[Fact], kind: str) -> Iterator[FactLink]:
    """Yield the link of the one number that differs between two aligned sentences stating two
    or more numbers each, all others agreeing: within one slot, or over the whole sentence when
    the two left over count one noun spelled two ways ("13 Shi'ites", "23 Shiites")."""
    found = set()
    lists = [([f for f in fs if f.slot == s], [g for g in gs if g.slot == s]) for s in _slots(fs)]
    for left, right in [*lists, (list(fs), list(gs))]:
        pair = _left_over(left, right)
        if pair and pair not in found and similar(pair[0].slot, pair[1].slot):
            found.add(pair)
            f, g = pair
            yield FactLink(f.mention.kind, f.doc, f.mention, g.doc, g.mention, kind, True)


def _slots(facts: Sequence[Fact]) -> list[str]:
    """Return the slots of the facts, each once, in order."""
    return list(dict.fromkeys(f.slot for f in facts))


def _left_over(left: Sequence[Fact], right: Sequence[Fact]) -> tuple[Fact, Fact] | None:
    """Return the one number of each list with no equal value in the other, if the lists are
    as long (two or more) and that is all that differs."""
    if len(left) < 2 or len(left) != len(right):
        return None
    rest = list(right)
    odd = []
    for f in left:
        same = next((g for g in rest if _agree(f, g)), None)
        if same is None:
            odd.append(f)
        else:
            rest.remove(same)
    return (odd[0], rest[0]) if len(odd) == len(rest) == 1 else None


def _agree(f: Fact, g: Fact) -> bool:
    """Return True if two numbers state the same value."""
    a, b = f.mention, g.mention
    return (
        isinstance(a, NumberMention)
        and isinstance(b, NumberMention)
        and same_value(a.value, b.value)
    )
