"""Read the files a user names: regular files (or `-`, standard input) only, size capped."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import BinaryIO

from auditor.model import InputError

MAX_BYTES = 50_000_000
CHUNK = 1 << 20


def read_limited(path: str | Path, limit: int = MAX_BYTES, *, what: str = "file") -> bytes:
    """Return the bytes of a regular file or of `-` (stdin), at most `limit`; else InputError.

    The file is opened without blocking (a named pipe never hangs) and checked to be a regular
    file before anything is read; the cap is enforced while reading, whatever `st_size` says.
    """
    if str(path) == "-":
        return _read_capped(sys.stdin.buffer, limit, "-")
    name = str(path)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise InputError(f"{name}: no such {what}") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read {what} ({exc.strerror or exc})") from None
    kind = file_kind(os.fstat(fd).st_mode)
    if kind != "regular file":
        os.close(fd)
        raise InputError(f"{name}: is a {kind}, not a regular file")
    os.set_blocking(fd, True)
    with os.fdopen(fd, "rb") as fh:
        try:
            return _read_capped(fh, limit, name)
        except OSError as exc:
            raise InputError(f"{name}: cannot read {what} ({exc.strerror or exc})") from None


def read_text_file(path: str | Path, limit: int = MAX_BYTES, *, what: str = "file") -> str:
    """Return a UTF-8 text file's contents (BOM dropped); InputError names the bad byte."""
    data = read_limited(path, limit, what=what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None


def _read_capped(fh: BinaryIO, limit: int, name: str) -> bytes:
    """Read at most `limit` bytes, raising InputError as soon as there are more."""
    chunks: list[bytes] = []
    size = 0
    while chunk := fh.read(min(CHUNK, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(f"{name}: file is larger than {_megabytes(limit)}")
    return b"".join(chunks)


def _megabytes(limit: int) -> str:
    """Return a byte count in whole megabytes (or bytes when smaller)."""
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit} bytes"


def file_kind(mode: int) -> str:
    """Name the kind of file a stat mode describes."""
    kinds = (
        (stat.S_ISREG, "regular file"),
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "named pipe"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    )
    return next((name for test, name in kinds if test(mode)), "special file")
