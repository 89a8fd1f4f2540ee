"""Pause Python's cycle collector around work that builds many objects and no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block without automatic cycle collection, then restore the previous state.

    Reading, aligning, auditing and rendering large documents build millions of small acyclic
    objects (sentences, signatures, n-gram sets, mentions, findings, report entries); each full
    collection walks all of them: a fifth of the aligner's time at 10,000 sentences, a quarter
    of a whole compare's. Reference counting still frees them as usual; used as a decorator
    or around one stage, so cycles left by a run are collected between runs.

    The objects the block leaves alive are moved to the oldest generation unwalked (`promoted`).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            promoted()
            gc.enable()


def promoted() -> None:
    """Move every tracked object to the oldest generation without walking them.

    Objects built while the collector was off all count as young: the first young collection
    after it is back walks every one of them (0.13 s after a compare of 10,000 sentences a
    side) only to pass them on. A full collection still looks at them. Done only when nothing
    else has frozen objects (`gc.freeze`, as pre-forking servers do), whose freeze it would
    undo.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


def ending() -> None:
    """Freeze what is alive as the process ends: the last full collection would walk it all
    (0.13 s after a compare of 10,000 sentences a side) and free nothing the exit does not."""
    gc.freeze()
