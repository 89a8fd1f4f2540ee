"""Read the JSON list files a team keeps: baselines and suppressions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from auditor.model import InputError


def read_json_list(path: str | Path, what: str, key: str) -> list[Any]:
    """Return the list under `key` of a JSON file; raise InputError naming the file otherwise."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{p}: not {what} ({exc})") from None
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise InputError(f"{p}: not {what} (needs a {key!r} list)")
    return entries
