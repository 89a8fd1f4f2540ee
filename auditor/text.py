"""Read texts (encodings, BOM, line endings, dateline) and split them into sentence spans."""

from __future__ import annotations

import bisect
import codecs
import hashlib
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.model import Document, Sentence

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer


class InputError(Exception):
    """A file that cannot be audited; the message names the file and the problem."""


MAX_BYTES = 50_000_000
DATELINE = re.compile(r"[ \t\ufeff]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*(?=\r\n|\r|\n|\Z)")
BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)")
NEWLINE = re.compile(r"\r\n|\r|\n")
WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
SENTENCE_END = frozenset(".!?…\"”’'")
PUNCT_ONLY = re.compile(r"[^\w\s]+\Z")
TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")

# Abbreviations after which a full stop does not end a sentence (lower case, no final stop).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft rev hon messrs mme mlle
    gen lt col maj capt cmdr adm sgt cpl pvt brig gov sen rep pres supt insp det amb
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n u.s.a e.u d.c p.m a.m l.a n.y
    no nos vol vols fig figs p pp ch sec art para est approx dept univ assn corp inc ltd co bros
    vs etc al e.g i.e cf ca
    """.split()
)


def read_document(path: str | Path, doc_id: str) -> Document:
    """Read and segment one file; raise InputError naming the file on bad input."""
    p = Path(path)
    data = _read_bytes(p)
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
        sentences=split_sentences(text, body_start),
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
        sentences=split_sentences(text, body_start),
    )


def _read_bytes(p: Path) -> bytes:
    """Return the file's bytes or raise InputError."""
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a text file")
    try:
        if p.stat().st_size > MAX_BYTES:
            raise InputError(f"{p}: file is larger than {MAX_BYTES // 1_000_000} MB")
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read file ({exc.strerror or exc})") from None


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
        raise InputError(f"{name}: binary file (contains NUL bytes)")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _decode_legacy(data, name)
    if _looks_binary(text):
        raise InputError(f"{name}: binary file (mostly control characters)")
    return text, encoding


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


@lru_cache(maxsize=1)
def punkt() -> PunktSentenceTokenizer:
    """Build nltk's Punkt tokenizer from parameters in code (no data download)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Return spans of text between blank lines, from `start`."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in BLANK_LINE.finditer(text, start):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def split_sentences(text: str, start: int = 0) -> tuple[Sentence, ...]:
    """Split text after `start` into sentence spans that never cross a blank line."""
    tokenizer = punkt()
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _blocks(text, start):
        chunk = text[p_start:p_end]
        for s, e in tokenizer.span_tokenize(chunk):
            s, e = _strip(chunk, s, e)
            if e <= s:
                continue
            if spans and PUNCT_ONLY.match(chunk, s, e) and spans[-1][1] >= p_start:
                spans[-1] = (spans[-1][0], p_start + e)
            else:
                spans.append((p_start + s, p_start + e))
    return tuple(Sentence(i, s, e) for i, (s, e) in enumerate(spans))


def _blocks(text: str, start: int) -> list[tuple[int, int]]:
    """Return paragraphs, with each line its own block in one-segment-per-line text."""
    blocks: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text, start):
        lines = _lines(text, p_start, p_end)
        blocks.extend(lines if _segment_per_line(text, lines) else [(p_start, p_end)])
    return blocks


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of the lines between `start` and `end`."""
    spans, pos = [], start
    for m in NEWLINE.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _segment_per_line(text: str, lines: list[tuple[int, int]]) -> bool:
    """Return True when most lines end a sentence: segments one per line, not wrapped prose."""
    if len(lines) < 2:
        return False
    ends = sum(1 for s, e in lines if text[s:e].rstrip()[-1:] in SENTENCE_END)
    return ends * 2 >= len(lines)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a span so it has no surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return spans of words (letters/digits, with inner hyphens and apostrophes)."""
    stop = len(text) if end is None else end
    return [m.span() for m in WORD.finditer(text, start, stop)]


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return spans of words and single punctuation marks."""
    stop = len(text) if end is None else end
    return [m.span() for m in TOKEN.finditer(text, start, stop)]


def normalise(text: str) -> str:
    """Fold case, quotes and whitespace so that cosmetic edits do not change a key."""
    folded = text.casefold().translate(QUOTE_FOLD)
    return " ".join(folded.split())


QUOTE_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "\u00a0": " "})


def crosses_line(text: str, start: int, end: int) -> bool:
    """Return True if text[start:end] holds a line break (LF, CRLF or CR)."""
    return NEWLINE.search(text, start, end) is not None


def line_start(text: str, pos: int) -> int:
    """Return the offset where the line containing `pos` starts."""
    return max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1


def line_end(text: str, pos: int) -> int:
    """Return the offset where the line containing `pos` ends (before its line break)."""
    m = NEWLINE.search(text, pos)
    return m.start() if m else len(text)


class LineIndex:
    """Convert offsets into 1-based line and column numbers (CRLF, CR and LF all end lines)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """Return (line, column), both 1-based, of `offset`."""
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


@lru_cache(maxsize=16)
def line_index(text: str) -> LineIndex:
    """Return the line index of `text`, built once per text."""
    return LineIndex(text)
