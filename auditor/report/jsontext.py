"""JSON text indented by two spaces, exactly as `json.dumps(value, indent=2, ensure_ascii=False)`.

The standard library encodes indented JSON with Python generators, one call per value and
several per separator: a 50,000-sentence report took seconds and held millions of small
strings until the final join. Here the outer containers (envelope, reports, their lists) are
written piece by piece into one list, each of their items joined into one string as soon as it
is encoded, so the text exists about twice at most; strings are escaped by the standard
library's C escaper, and the text is the same.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any

INDENT = "  "
OUTER = 4  # containers this deep or less are written piece by piece


def dumps(value: Any, end: str = "") -> str:
    """Return `value` as JSON text indented by two spaces, non-ASCII characters kept, + `end`."""
    out: list[str] = []
    _write(value, "\n", out, OUTER)
    out.append(end)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str], depth: int) -> None:
    """Append one value's text to `out`, an outer container's piece by piece."""
    if depth == 0 or not value or not isinstance(value, dict | list | tuple):
        out.append(_encode(value, newline))
        return
    inner = newline + INDENT
    opening, closing = ("{", "}") if isinstance(value, dict) else ("[", "]")
    out.append(opening)
    for k, item in enumerate(value.items() if isinstance(value, dict) else value):
        out.append(inner if k == 0 else "," + inner)
        if isinstance(value, dict):
            out.append(f"{_key(item[0])}: ")
            item = item[1]
        _write(item, inner, out, depth - 1)
    out.append(newline + closing)


def _encode(value: Any, newline: str) -> str:
    """Return one value's text; `newline` is a line break and the current indentation."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is int:
        return int.__repr__(value)
    if kind is float and value - value == 0:  # finite (inf - inf and NaN - NaN are NaN)
        return float.__repr__(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = newline + INDENT
        items = [
            f"{encode_basestring(k) if type(k) is str else _key(k)}: {_encode(v, inner)}"
            for k, v in value.items()
        ]
        return f"{{{inner}{(',' + inner).join(items)}{newline}}}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = newline + INDENT
        return f"[{inner}{(',' + inner).join([_encode(v, inner) for v in value])}{newline}]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    """Return a string, number, boolean or null as the json module writes it."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return float.__repr__(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def _key(key: Any) -> str:
    """Return a dictionary key as the json module writes it (keys become strings)."""
    if isinstance(key, str):
        return encode_basestring(key)
    if key is None or isinstance(key, bool | int | float):
        scalar = _scalar(key)
        return scalar if scalar.startswith('"') else f'"{scalar}"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")
