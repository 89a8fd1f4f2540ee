"""Read the JSON list files a team keeps: baselines and suppressions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from auditor.model import InputError
from auditor.read.files import read_text_file


def parse_json(text: str, path: Path, what: str) -> Any:
    """Parse JSON text; any failure (syntax, nesting, huge numbers) is InputError naming it."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        reason = "nested too deeply" if isinstance(exc, RecursionError) else _short(exc)
        raise InputError(f"{path}: not {what} ({reason})") from None


def _short(exc: Exception) -> str:
    """Return the first line of an exception's message."""
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def read_json_list(path: str | Path, what: str, key: str) -> list[Any]:
    """Return the list under `key` of a JSON file; raise InputError naming the file otherwise."""
    p = Path(path)
    data = parse_json(read_text_file(p), p, what)
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(f"{p}: not {what} (needs a {key!r} list)")
    return entries
