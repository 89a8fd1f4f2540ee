"""Read a file into a Document: bytes, encoding (BOM, UTF-8, legacy), dateline."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path
from typing import Any

from auditor.collector import paused
from auditor.model import Document, InputError
from auditor.read.files import read_limited
from auditor.read.prose import Prose
from auditor.read.segment import split_sentences

DATELINE = re.compile(r"[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?=\r\n|\r|\n|\Z)")


@paused()
def read_document(path: str | Path, doc_id: str) -> Document:
    """Read and segment one file; raise InputError naming the file on bad input."""
    data = read_limited(path)
    text, encoding = decode(data, str(path))
    if not text.strip():
        raise InputError(f"{path}: file is empty or contains only whitespace")
    date, body_start = parse_dateline(text)
    if not text[body_start:].strip():
        raise InputError(f"{path}: file has a metadata line but no article text")
    return Document(
        id=doc_id,
        path=str(path),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        date=date,
        body_start=body_start,
        **_segmented(text, str(path), body_start),
    )


def document_from_text(text: str, doc_id: str = "a", path: str = "<text>") -> Document:
    """Build a document from a string (for tests and the Python API)."""
    date, body_start = parse_dateline(text)
    return Document(
        id=doc_id,
        path=path,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        encoding="utf-8",
        date=date,
        body_start=body_start,
        **_segmented(text, path, body_start),
    )


def prose(text: str, path: str, body_start: int = 0) -> Prose | None:
    """Return the prose of a Markdown or hard-wrapped file; None when it is the text itself."""
    from auditor.read.markdown import is_markdown, markdown_prose
    from auditor.read.wrap import is_hard_wrapped, unwrap

    if is_markdown(path):
        return markdown_prose(text, body_start)
    if is_hard_wrapped(text, body_start):
        return Prose(unwrap(text, body_start))
    return None


def _segmented(text: str, path: str, body_start: int) -> dict[str, Any]:
    """Return the sentences and the prose (Markdown, hard-wrapped text) of a document."""
    view = prose(text, path, body_start)
    if view is None:
        return {"sentences": split_sentences(text, body_start), "prose": None}
    return {"sentences": split_sentences(view.text, body_start, view.blocks), "prose": view.text}


BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8/16/32 (by BOM) or a detected legacy encoding; return text, encoding."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                msg = f"{name}: invalid {encoding} text after its byte-order mark"
                raise InputError(msg) from None
    if b"\x00" in data:
        return _decode_wide(data, name)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _mostly_utf8(data) or _decode_legacy(data, name)
    if _looks_binary(text):
        raise InputError(f"{name}: binary file (mostly control characters)")
    return text, encoding


def _mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-8 with a few stray bytes, each replaced by U+FFFD (which P105 reports).

    The text counts as UTF-8 when it has valid multi-byte sequences and no more stray bytes
    than them; text in a legacy code page almost never forms a valid multi-byte sequence.
    """
    text = data.decode("utf-8", errors="replace")
    stray = text.count("\ufffd") - data.count("\ufffd".encode())
    wide = sum(1 for ch in text if ch > "\x7f") - stray
    if wide == 0 or stray > wide:
        return None
    return text, f"utf-8 ({stray} undecodable byte{'s' if stray != 1 else ''})"


def _decode_wide(data: bytes, name: str) -> tuple[str, str]:
    """Decode UTF-16 or UTF-32 text without a byte-order mark, told by where its NULs fall."""
    for encoding in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        width = 4 if "32" in encoding else 2
        if len(data) % width or not _nul_pattern(data, encoding, width):
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return text, encoding
    raise InputError(f"{name}: binary file (contains NUL bytes; not UTF-16 or UTF-32 text)")


def _nul_pattern(data: bytes, encoding: str, width: int) -> bool:
    """Return True if the high bytes of most code units are NUL, as in mostly-ASCII text."""
    sample = data[: 4096 - 4096 % width]
    high = width - 1 if encoding.endswith("le") else 0
    units = len(sample) // width
    nuls = sum(1 for i in range(units) if sample[i * width + high] == 0)
    return units > 0 and nuls >= 0.9 * units


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """Detect a legacy single-byte encoding with charset-normalizer."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: not text in any supported encoding")
    return str(best), best.encoding


def _looks_binary(text: str) -> bool:
    """Return True if the text is dominated by control characters."""
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(2, len(sample) // 100)


def parse_dateline(text: str) -> tuple[str | None, int]:
    """Return the date of a leading ` date YYYY-MM-DD` line and where the body starts."""
    m = DATELINE.match(text)
    if not m:
        return None, 0
    return m.group(1), m.end()
