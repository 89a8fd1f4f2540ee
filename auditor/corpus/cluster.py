"""Where the work runs: a Dask cluster named by address, or local worker processes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def scheduler_address(address: str | None) -> str | None:
    """Return the scheduler a run uses: `address`, else DASK_SCHEDULER_ADDRESS, else none."""
    return address or os.environ.get("DASK_SCHEDULER_ADDRESS") or None


@contextmanager
def connect(
    address: str | None, workers: int | None = None, *, in_process: bool = False
) -> Iterator[Any]:
    """Yield a Dask client: the scheduler at `address` (or DASK_SCHEDULER_ADDRESS), else local
    worker processes, or with `in_process` one worker thread in this process."""
    import logging

    from distributed import Client, LocalCluster

    address = scheduler_address(address)
    if address:
        with Client(address, set_as_default=False) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    n = 1 if in_process else workers or os.cpu_count() or 1
    where = {"processes": False} if in_process else {"processes": True, "host": "127.0.0.1"}
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=n,
            threads_per_worker=1,
            dashboard_address=":0",
            silence_logs=logging.CRITICAL,  # a task's error reaches the run as its exception;
            # at close, a loaded worker logs a missed heartbeat as an ERROR with a traceback
            **where,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


class Workers:
    """Where a run's tasks go: the scheduler it names; else, on this machine, one worker thread
    in this process for small work (starting and feeding worker processes costs more CPU than
    they save there) and local worker processes, started on first need, for more."""

    def __init__(
        self, stack: ExitStack, address: str | None, workers: int | None, inline: int
    ) -> None:
        self._stack = stack
        self._address = scheduler_address(address)
        self._workers = workers
        self._inline = inline
        self._clients: dict[bool, Any] = {}

    @property
    def remote(self) -> bool:
        """Return True when the run goes to a named scheduler."""
        return self._address is not None

    def client(self, articles: int) -> Any:
        """Return the client for work on this many articles."""
        in_process = not self.remote and articles <= self._inline and False not in self._clients
        if in_process not in self._clients:
            context = connect(self._address, self._workers, in_process=in_process)
            self._clients[in_process] = self._stack.enter_context(context)
        return self._clients[in_process]


def map_batches(
    client: Any,
    func: Callable[..., list[R]],
    batches: Sequence[list[T]],
    *args: Any,
    done: Callable[[list[R]], list[R]] = lambda got: got,
) -> list[R]:
    """Run `func(batch, *args)` on every batch as Dask tasks; return the results in order, each
    batch as `done` gives it back when it arrives."""
    results: list[list[R]] = [[] for _ in batches]
    for i, got in stream_batches(client, func, batches, *args):
        results[i] = done(got)
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
