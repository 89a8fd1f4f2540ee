"""Jinja2 environments that keep their compiled templates in the user's cache folder.

Compiling the report template is about 50 ms of every run that writes HTML; Jinja2's
`FileSystemBytecodeCache` keeps the compiled code between runs. The folder is the user's own:
`$AUDIT_CACHE_DIR` (empty turns the cache off), else `$XDG_CACHE_HOME/newsroom-audit`, else
`~/.cache/newsroom-audit`; it is created with mode 0700 and used only while it is a folder of
this user that nobody else may write to. A folder that cannot be made or written, or a damaged
entry, only means the template is compiled again; nothing is written into the package.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader

if TYPE_CHECKING:
    from jinja2.bccache import Bucket

FOLDER = "newsroom-audit"


class QuietCache(FileSystemBytecodeCache):
    """A bytecode cache whose failures to read or write mean compiling again, never an error."""

    def load_bytecode(self, bucket: Bucket) -> None:
        """Load the entry if it is there and whole; otherwise leave the bucket empty."""
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged or unreadable entry: compile the template again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Store the entry if the folder takes it."""
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def environment(templates: str, **options: Any) -> Environment:
    """Return an environment over the package's `templates` folder, with the cache if usable."""
    folder = cache_folder()
    cache = None
    if folder is not None:
        cache = QuietCache(str(folder), f"%s-{_tag(templates, options)}.cache")
    return Environment(loader=PackageLoader("auditor", templates), bytecode_cache=cache, **options)


def cache_folder() -> Path | None:
    """Return the user's cache folder for compiled templates, or None when it is not safe."""
    chosen = os.environ.get("AUDIT_CACHE_DIR")
    if chosen == "":
        return None
    try:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        folder = Path(chosen) if chosen else base / FOLDER
        folder.mkdir(mode=stat.S_IRWXU, parents=True, exist_ok=True)
        info = folder.lstat()
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return None
    own = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    private = not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return folder if stat.S_ISDIR(info.st_mode) and own and private else None


def _tag(templates: str, options: dict[str, Any]) -> str:
    """Return a short hash of what the compiled code depends on besides the template's text."""
    import jinja2

    named = {k: getattr(v, "__qualname__", v) for k, v in sorted(options.items())}
    key = f"{jinja2.__version__} {templates} {named!r}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
