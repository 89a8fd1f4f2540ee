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
    results: list[list[R]] = [[] for _ in batches]
    for i, got in stream_batches(client, func, batches, *args):
        results[i] = got
        done(got)
    return [r for batch in results for r in batch]


def stream_batches(
    client: Any, func: Callable[..., list[R]], batches: Sequence[list[T]], *args: Any
) -> Iterator[tuple[int, list[R]]]:
    """Run `func(batch, *args)` on every batch; yield (batch number, results) as each finishes.

    Each result leaves the cluster as soon as it is yielded, so neither side holds them all.
    """
    from distributed import as_completed

    if not batches:
        return
    futures = client.map(func, batches, *[[a] * len(batches) for a in args], pure=False)
    position = {f.key: i for i, f in enumerate(futures)}
    for future in as_completed(futures, loop=client.loop):  # type: ignore[no-untyped-call]
        got = future.result()
        future.release()
        yield position[future.key], got


def batches(items: Sequence[T], size: int) -> list[list[T]]:
    """Split items into lists of at most `size`."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


@contextmanager
def spawned(workers: int, timeout: float = 60) -> Iterator[str]:
    """Start `dask scheduler` and `workers` `dask worker` processes on 127.0.0.1 (a cluster of
    real processes, as for tests and benchmarks); yield its address; always stop them."""
    import socket
    import subprocess
    import sys
    import time
    from pathlib import Path

    from distributed import Client

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = str(Path(sys.executable).parent / "dask")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    common = ["--no-dashboard"]
    scheduler = [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), *common]
    worker = [dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1", *common]
    procs = [subprocess.Popen(scheduler, **quiet)]  # type: ignore[call-overload]
    try:
        procs += [subprocess.Popen(worker, **quiet) for _ in range(workers)]  # type: ignore[call-overload]
        deadline = time.monotonic() + timeout
        while True:
            try:
                with Client(address, timeout=5) as client:  # type: ignore[no-untyped-call]
                    client.wait_for_workers(workers, timeout=timeout)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
