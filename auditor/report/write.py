"""Write outputs safely: never over an input, through links, all files or none.

A report goes to standard output (`-`, or a path that is the process's own standard output
as a pipe or terminal, such as `/dev/stdout`), into a character device in place (`/dev/null`),
or to a regular file through a temporary file beside it and a rename, so no half-written file
is ever left; a symbolic link is followed to its target. Everything else is refused before any
work.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from auditor.model import InputError
from auditor.read.files import file_kind


@dataclass(frozen=True)
class Target:
    """Where one output goes: `-`, a character device, or a regular (or new) file."""

    path: str
    real: str
    kind: str


def plan_output(path: str | Path, inputs: Sequence[str | Path] = ()) -> Target:
    """Check an output path against the inputs; raise InputError naming it when refused."""
    name = str(path)
    if name == "-" or _own_stdout(name):
        return Target(name, name, "stdout")
    real = os.path.realpath(name)
    try:
        info = os.stat(real)
    except FileNotFoundError:
        return Target(name, real, "file")
    except OSError as exc:
        raise InputError(f"{name}: cannot write report ({exc.strerror or exc})") from None
    if stat.S_ISCHR(info.st_mode):
        return Target(name, real, "device")
    if not stat.S_ISREG(info.st_mode):
        kind = file_kind(info.st_mode)
        raise InputError(f"{name}: is a {kind}; reports go to a regular file, a device or '-'")
    for source in inputs:
        if str(source) != "-" and _same_file(real, info, str(source)):
            raise InputError(f"{name}: is the input {source}; refusing to overwrite it")
    return Target(name, real, "file")


def _own_stdout(name: str) -> bool:
    """Return True if `name` is this process's standard output as a pipe, socket or device."""
    try:
        info, out = os.stat(name), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError):
        return False
    same = (info.st_dev, info.st_ino) == (out.st_dev, out.st_ino)
    return same and not stat.S_ISREG(info.st_mode)


def _same_file(real: str, info: os.stat_result, source: str) -> bool:
    """Return True if `source` is the file `real` (same resolved path, or same inode)."""
    if os.path.realpath(source) == real:
        return True
    try:
        other = os.stat(source)
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` to `path` (or standard output for "-") without leaving a partial file."""
    write_all([(plan_output(path), text)])


def write_all(outputs: Sequence[tuple[Target, str]]) -> None:
    """Write every output or none: temporary files first, then devices, then the renames."""
    files = [(t, text) for t, text in outputs if t.kind == "file"]
    with _signals_raise(), _temporaries() as temps:
        for target, text in files:
            temps.append(_write_temporary(target, text))
        for target, text in outputs:
            if target.kind == "device":
                _write_device(target, text)
        for (target, _), tmp in zip(files, temps, strict=True):
            os.replace(tmp, target.real)
    for target, text in outputs:
        if target.kind == "stdout":
            sys.stdout.write(text)
            sys.stdout.flush()


def _write_temporary(target: Target, text: str) -> str:
    """Write `text` to a new temporary file beside the target, with the target's permissions."""
    folder = Path(target.real).parent
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{Path(target.real).name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
        os.fchmod(fd, _mode(target.real))
        fh.write(text)
    return tmp


def _write_device(target: Target, text: str) -> None:
    """Write `text` into a character device in place (never replacing it)."""
    with open(target.real, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def _mode(path: str) -> int:
    """Return the mode a new report gets: the replaced file's, else 0666 minus the umask."""
    with suppress(OSError):
        return stat.S_IMODE(os.stat(path).st_mode)
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def _temporaries() -> Iterator[list[str]]:
    """Yield a list of temporary paths and remove those still present on any failure."""
    temps: list[str] = []
    try:
        yield temps
    except BaseException:
        for tmp in temps:
            Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _signals_raise() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into SystemExit while writing, so temporary files go."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    if sys.platform == "win32" or not _main_thread():
        yield
        return
    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _main_thread() -> bool:
    """Return True in the main thread (the only one that may set signal handlers)."""
    import threading

    return threading.current_thread() is threading.main_thread()
