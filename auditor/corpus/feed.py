"""Find and read a feed's articles: folders of .txt/.md files and JSON Lines feeds, via fsspec.

Listing happens once on the driver and yields small `Ref`s; reading a `Ref` happens wherever the
work runs (a Dask worker), so the corpus may live on shared or object storage.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from auditor.model import InputError
from auditor.read.decode import decode, parse_dateline

TEXT_SUFFIXES = (".txt", ".md")
FEED_SUFFIXES = (".jsonl", ".ndjson")
ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$")


@dataclass(frozen=True)
class Ref:
    """Where one article is: a file, or a byte range (one line) of a JSON Lines feed."""

    url: str
    source: str = ""
    start: int = -1
    end: int = -1

    @property
    def in_feed(self) -> bool:
        """Return True for a line of a JSON Lines feed."""
        return self.start >= 0


@dataclass(frozen=True)
class Article:
    """One article as read: its key (path or feed id), outlet, date and exact text."""

    key: str
    path: str
    source: str
    date: str | None
    title: str | None
    url: str | None
    text: str
    sha256: str
    body_start: int = 0


@dataclass(frozen=True)
class Bad:
    """An article that could not be read, with the one-line reason."""

    key: str
    path: str
    message: str


def list_refs(paths: list[str]) -> list[Ref]:
    """List the articles under the given files, folders and URLs, in a stable order."""
    import fsspec

    refs: list[Ref] = []
    for raw in paths:
        fs, root = fsspec.core.url_to_fs(raw)
        if not fs.exists(root):
            raise InputError(f"{raw}: no such file or folder")
        if fs.isdir(root):
            files = sorted(
                f for f in fs.find(root) if f.lower().endswith(TEXT_SUFFIXES + FEED_SUFFIXES)
            )
            for f in files:
                refs.extend(_refs_of(fs, f, _unstrip(raw, root, f), _outlet(root, f)))
        else:
            refs.extend(_refs_of(fs, root, raw, ""))
    return refs


def _unstrip(raw: str, root: str, found: str) -> str:
    """Return the path of a found file as the user would write it (keeping the URL scheme)."""
    return raw.rstrip("/") + found[len(root.rstrip("/")) :]


def _outlet(root: str, found: str) -> str:
    """Return the outlet of a file in a folder: its first subfolder below the root, if any."""
    parts = found[len(root.rstrip("/")) :].strip("/").split("/")
    return parts[0] if len(parts) > 1 else ""


def _refs_of(fs: Any, path: str, url: str, source: str) -> list[Ref]:
    """Return one ref for a text file, one per non-blank line for a feed."""
    if not path.lower().endswith(FEED_SUFFIXES):
        return [Ref(url, source)]
    data: bytes = fs.cat_file(path)
    refs, start = [], 0
    for line in data.splitlines(keepends=True):
        if line.strip():
            refs.append(Ref(url, source, start, start + len(line.rstrip(b"\r\n"))))
        start += len(line)
    return refs


def read_ref(ref: Ref) -> Article | Bad:
    """Read one article; a bad one comes back as `Bad` naming it and the problem."""
    import fsspec

    key = ref.url if not ref.in_feed else f"{ref.url}:{ref.start}"
    try:
        fs, path = fsspec.core.url_to_fs(ref.url)
        if ref.in_feed:
            return _from_record(ref, fs.cat_file(path, ref.start, ref.end))
        return _from_file(ref, fs.cat_file(path))
    except InputError as exc:
        return Bad(key, ref.url, str(exc))
    except OSError as exc:
        return Bad(key, ref.url, f"{ref.url}: cannot read ({exc.strerror or exc})")


def _from_file(ref: Ref, data: bytes) -> Article:
    """Build an article from a text file; its date comes from its dateline, if any."""
    text, _ = decode(data, ref.url)
    date, body_start = parse_dateline(text)
    if not text[body_start:].strip():
        raise InputError(f"{ref.url}: file has no article text")
    digest = hashlib.sha256(data).hexdigest()
    return Article(ref.url, ref.url, ref.source, date, None, None, text, digest, body_start)


def _from_record(ref: Ref, line: bytes) -> Article:
    """Build an article from one JSON Lines record (id, source, date, text; title, url)."""
    where = f"{ref.url} (byte {ref.start})"
    try:
        record = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{where}: not a JSON record ({exc})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: a feed line must be a JSON object")
    ident, text = record.get("id"), record.get("text")
    if not isinstance(ident, str | int) or not str(ident).strip():
        raise InputError(f"{where}: record has no 'id'")
    where = f"{ref.url} (id {ident})"
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: record has no 'text'")
    digest = hashlib.sha256(line).hexdigest()
    return Article(
        key=str(ident),
        path=f"{ref.url}#{ident}",
        source=_field(record, "source", where) or ref.source,
        date=_date(record.get("date"), where),
        title=_field(record, "title", where),
        url=_field(record, "url", where),
        text=text,
        sha256=digest,
    )


def _field(record: dict[str, Any], name: str, where: str) -> str | None:
    """Return an optional string field of a record."""
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or None
    raise InputError(f"{where}: '{name}' must be a string")


def _date(value: Any, where: str) -> str | None:
    """Return a record's date as YYYY-MM-DD (a timestamp keeps its day); None when absent."""
    if value in (None, ""):
        return None
    m = ISO_DATE.match(value) if isinstance(value, str) else None
    if m is None or not valid_date(m.group(1)):
        raise InputError(f"{where}: 'date' must be an ISO date (YYYY-MM-DD), not {value!r}")
    return m.group(1)


def valid_date(text: str) -> bool:
    """Return True for a real calendar date written YYYY-MM-DD."""
    try:
        Date.fromisoformat(text)
    except ValueError:
        return False
    return True
