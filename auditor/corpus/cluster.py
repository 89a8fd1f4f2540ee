"""Where the work runs: a Dask cluster named by address, or local worker processes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@contextmanager
def connect(address: str | None, workers: int | None = None) -> Iterator[Any]:
    """Yield a Dask client: the scheduler at `address` (or DASK_SCHEDULER_ADDRESS), else local."""
    import logging

    from distributed import Client, LocalCluster

    address = address or os.environ.get("DASK_SCHEDULER_ADDRESS") or None
    if address:
        with Client(address, set_as_default=False) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    n = workers or os.cpu_count() or 1
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


def map_batches(
    client: Any,
    func: Callable[..., list[R]],
    batches: Sequence[list[T]],
    *args: Any,
    done: Callable[[list[R]], None] = lambda _: None,
) -> list[R]:
    """Run `func(batch, *args)` on every batch as Dask tasks; return the results in order."""
    from distributed import as_completed

    if not batches:
        return []
    futures = client.map(func, batches, *[[a] * len(batches) for a in args], pure=False)
    position = {f.key: i for i, f in enumerate(futures)}
    results: list[list[R]] = [[] for _ in batches]
    for future in as_completed(futures, loop=client.loop):  # type: ignore[no-untyped-call]
        got = future.result()
        results[position[future.key]] = got
        done(got)
        future.release()
    return [r for batch in results for r in batch]


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """Split items into lists of at most `size`."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]
