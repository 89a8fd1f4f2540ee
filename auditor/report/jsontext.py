"""JSON text indented by two spaces, exactly as `json.dumps(value, indent=2, ensure_ascii=False)`.

The standard library encodes indented JSON with Python generators, one call per value and
several per separator: a 50,000-sentence report took seconds and held millions of small
strings until the final join. Here the outer containers (envelope, reports, their lists) are
written piece by piece into one list, each of their items joined into one string as soon as it
is encoded, so the text exists about twice at most; strings are escaped by the standard
library's C escaper, and the text is the same.

Long lists of small records (a report's sentences, alignments and event links) come as
`Records`: one skeleton per record, None where a scalar goes, and all the scalars in order.
Each distinct skeleton becomes a %-template once; the scalars are encoded in one call of the
standard library's C encoder (compact, NUL between values: encoded strings escape every control
character, so a NUL can only be a separator), each record one `%` formatting of its template.
The records stay apart, as small strings, until the final join (one text of the list would be
a large block more in memory).
"""

from __future__ import annotations

from _json import make_encoder
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from json.encoder import encode_basestring
from typing import Any

INDENT = "  "
OUTER = 4  # containers this deep or less are written piece by piece
SEPARATOR = "\x00"  # between the compact scalars: never in encoded text (strings escape it)


@dataclass(frozen=True)
class Records:
    """A list of records: each record's skeleton (None where a scalar goes) and their scalars.

    Records of one shape may share one skeleton object; skeletons hold dicts and lists only.
    """

    skeletons: Sequence[Any]
    scalars: Sequence[Any]

    def filled(self) -> list[Any]:
        """Return the records as plain data: each skeleton copied with its scalars in place."""
        rest = iter(self.scalars)
        return [_filled(s, rest) for s in self.skeletons]


def _filled(skeleton: Any, rest: Iterator[Any]) -> Any:
    """Return a copy of a skeleton with the next scalars of `rest` where its Nones stand."""
    if isinstance(skeleton, dict):
        return {k: _filled(v, rest) for k, v in skeleton.items()}
    if isinstance(skeleton, list | tuple):
        return [_filled(v, rest) for v in skeleton]
    return next(rest) if skeleton is None else skeleton


def dumps(value: Any, end: str = "") -> str:
    """Return `value` as JSON text indented by two spaces, non-ASCII characters kept, + `end`."""
    out: list[str] = []
    _write(value, "\n", out, OUTER)
    out.append(end)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str], depth: int) -> None:
    """Append one value's text to `out`, an outer container's piece by piece."""
    if isinstance(value, Records):
        out += _records(value, newline)
        return
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
    if isinstance(value, Records):
        return "".join(_records(value, newline))
    return _scalar(value)


def _records(records: Records, newline: str) -> list[str]:
    """Return a list of records' text in pieces: each record after its separator, the brackets."""
    if not records.skeletons:
        return ["[]"]
    inner = newline + INDENT
    distinct = {id(s): s for s in records.skeletons}
    templates = {key: _template(s, inner, f",{inner}") for key, s in distinct.items()}
    shapes = list(map(templates.__getitem__, map(id, records.skeletons)))
    scalars = _compact_scalars(records.scalars)
    if len(scalars) != sum(slots for _, slots in shapes):
        raise ValueError("the records' skeletons do not hold as many scalars as given")
    [(template, slots), *others] = templates.values()
    if not others and slots:  # one shape: its rows of scalars cut by zip
        texts = list(map(template.__mod__, zip(*[iter(scalars)] * slots, strict=True)))
    else:
        rest = iter(scalars)
        texts = [template % tuple(islice(rest, slots)) for template, slots in shapes]
    texts[0] = f"[{inner}{texts[0][len(inner) + 1 :]}"  # no separator before the first
    texts.append(f"{newline}]")
    return texts


def _template(skeleton: Any, newline: str, before: str = "") -> tuple[str, int]:
    """Return a skeleton's text after `before`, with %s where each scalar goes (any other %
    doubled), and the number of scalars."""
    inner = newline + INDENT
    if isinstance(skeleton, dict) and skeleton:
        keys = [_key(k).replace("%", "%%") for k in skeleton]
        values = [_template(v, inner) for v in skeleton.values()]
        text = f",{inner}".join(f"{k}: {v}" for k, (v, _) in zip(keys, values, strict=True))
        return f"{before}{{{inner}{text}{newline}}}", sum(n for _, n in values)
    if isinstance(skeleton, list | tuple) and skeleton:
        values = [_template(v, inner) for v in skeleton]
        text = f",{inner}".join(v for v, _ in values)
        return f"{before}[{inner}{text}{newline}]", sum(n for _, n in values)
    if skeleton is None:
        return f"{before}%s", 1
    return before + _encode(skeleton, newline).replace("%", "%%"), 0


def _compact_scalars(scalars: Sequence[Any]) -> list[str]:
    """Return each scalar's text, all encoded by one call of the C encoder."""
    if not scalars:
        return []
    if any(issubclass(kind, dict | list | tuple) for kind in set(map(type, scalars))):
        raise TypeError("a record's scalars hold a container")
    encoder = make_encoder(
        None, _unserializable, encode_basestring, None, ": ", SEPARATOR, False, False, True
    )
    return "".join(encoder(list(scalars), 0))[1:-1].split(SEPARATOR)


def _unserializable(value: Any) -> Any:
    """Refuse a value as the json module does."""
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


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
