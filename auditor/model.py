"""Frozen data the pipeline passes along: documents, alignments, mentions, findings, reports.

The model imports nothing of the pipeline or the renderers: a report is data that renders alone.
"""

from __future__ import annotations

import bisect
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from operator import attrgetter
from pathlib import PurePath
from typing import ClassVar

DISTRIBUTION = "newsroom-audit"  # the name on the package index; the command is `audit`

# A paragraph break: a line end, an empty or blank line, a line end.
BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t\u00a0]*(?:\r\n|\r|\n)")
START = attrgetter("start")  # the key sentences and spans are ordered by


class Severity(StrEnum):
    """How bad a finding is; `error` fails CI by default."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """Return 1 for info, 2 for warning, 3 for error."""
        return {"info": 1, "warning": 2, "error": 3}[self.value]


def fails(severity: Severity, fail_on: str) -> bool:
    """Return True if a finding of `severity` reaches the `fail_on` threshold ("never": none)."""
    if fail_on == "never":
        return False
    return severity.rank >= Severity(fail_on).rank


class Category(StrEnum):
    """What kind of problem a finding reports."""

    MT_ERROR = "mt-error"
    INCONSISTENCY = "inconsistency"
    FLUENCY = "fluency"
    READABILITY = "readability"
    INPUT = "input"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a span of its document's text, without surrounding whitespace.

    `grade` (Flesch-Kincaid) and `words` are measured by the engine (None until then).
    """

    index: int
    start: int
    end: int
    grade: float | None = None
    words: int | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A text exactly as read; every offset in the program points into `text`."""

    id: str
    path: str
    text: str
    sha256: str
    encoding: str
    date: str | None
    body_start: int
    sentences: tuple[Sentence, ...]
    words: int | None = None
    problem: str | None = None  # why the file could not be read (its text is then empty)
    # What the rules read: `text` with Markdown markup and code blanked and soft line breaks
    # as spaces, at the same offsets; None when that is `text` itself.
    prose: str | None = field(default=None, compare=False)  # derived from text and path

    def sentence_text(self, index: int) -> str:
        """Return the text of sentence `index`."""
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """Return the sentence containing `offset`, if any."""
        k = bisect.bisect_right(self.sentences, offset, key=START) - 1
        if k >= 0 and self.sentences[k].start <= offset < self.sentences[k].end:
            return self.sentences[k]
        return None

    def new_paragraph(self, before: int, index: int) -> bool:
        """Return True if sentence `index` does not directly continue the paragraph of `before`."""
        gap = self.text[self.sentences[before].end : self.sentences[index].start]
        return index != before + 1 or BLANK_LINE.search(gap) is not None

    @property
    def name(self) -> str:
        """Return the file name messages call the document by (its path without folders)."""
        return PurePath(self.path).name or self.path

    @property
    def body(self) -> str:
        """Return the article text after the metadata line."""
        return self.text[self.body_start :]

    def as_prose(self) -> Document:
        """Return the document the rules read: its text replaced by its prose."""
        return self if self.prose is None else replace(self, text=self.prose, prose=None)

    def blanked(self, start: int, end: int) -> bool:
        """Return True if the prose blanks out any character of text[start:end] (markup, code)."""
        if self.prose is None:
            return False
        view = self.prose[start:end]
        return any(
            p != t and t not in "\r\n" for p, t in zip(view, self.text[start:end], strict=True)
        )


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One difflib opcode over word tokens, as character spans in the two documents."""

    tag: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Alignment:
    """Sentences of two documents that report the same thing (1:1, 1:2, 2:1).

    `kind` is "same" when the sides say the same thing (paraphrase, translation) and "related"
    when they report the same event with different wording or details (two outlets' accounts).
    """

    sentences: Mapping[str, tuple[int, ...]]
    score: float
    diff: tuple[DiffOp, ...] = ()
    chrf: float | None = None
    bleu: float | None = None
    kind: str = "same"


@dataclass(frozen=True, slots=True)
class EventLink:
    """Sentence `i` of document `a` and sentence `j` of `b` report the same happening.

    Many-to-many, unlike `Alignment`: `evidence` is the rare content the two share, in units of
    one stem found in just two sentences of the texts.
    """

    a: str
    i: int
    b: str
    j: int
    evidence: float


# The sentences of each document that one group of alignments joins, and those alignments.
Joined = tuple[dict[str, set[int]], list[Alignment]]


def joined_by_first(alignments: Sequence[Alignment], first: str) -> list[Joined]:
    """Merge alignments that share a sentence of the first document into one group."""
    groups: list[Joined] = []
    owner: dict[int, int] = {}
    for al in alignments:
        mine = al.sentences.get(first, ())
        at = next((owner[i] for i in mine if i in owner), len(groups))
        if at == len(groups):
            groups.append(({}, []))
        for doc_id, indices in al.sentences.items():
            groups[at][0].setdefault(doc_id, set()).update(indices)
        groups[at][1].append(al)
        owner.update(dict.fromkeys(mine, at))
    return groups


@dataclass(frozen=True, slots=True)
class PairDiff:
    """Word differences of two documents other than the first, for the report's views.

    `sentences` holds each one's sentences aligned with the same sentences of the first document.
    """

    sentences: Mapping[str, tuple[int, ...]]
    diff: tuple[DiffOp, ...]


@dataclass(frozen=True, slots=True)
class Relation:
    """How document `b` relates to document `a`: "versions" of one text or "sources".

    `evidence` holds the measurements the relation was decided from; `forced` is True when the
    user set the relation instead.
    """

    a: str
    b: str
    relation: str
    evidence: Mapping[str, float]
    forced: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A thing named in a text, with the key that links its mentions; one subclass per kind."""

    kind: ClassVar[str] = ""
    start: int
    end: int
    text: str
    key: str


@dataclass(frozen=True, slots=True)
class PersonMention(Mention):
    """A titled person, or a bare surname that refers back to one; `name` is the fullest form."""

    kind: ClassVar[str] = "person"
    name: str


@dataclass(frozen=True, slots=True)
class TitleMention(Mention):
    """The official title of a named person; `office` is its canonical spelling."""

    kind: ClassVar[str] = "title"
    office: str
    family: str
    name: str


@dataclass(frozen=True, slots=True)
class NameMention(Mention):
    """The name of an organisation, treaty or meeting; `noun` is its kind ("treaty")."""

    kind: ClassVar[str] = "name"
    canonical: str | None = None
    acronym: str | None = None
    noun: str | None = None


@dataclass(frozen=True, slots=True)
class AcronymMention(Mention):
    """An acronym, with the name it stands for when the knowledge knows it."""

    kind: ClassVar[str] = "acronym"
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class DateMention(Mention):
    """A calendar date, possibly partial ("June", "10 January")."""

    kind: ClassVar[str] = "date"
    year: int | None
    month: int | None
    day: int | None


@dataclass(frozen=True, slots=True)
class WeekdayMention(Mention):
    """A weekday name; Monday = 0."""

    kind: ClassVar[str] = "weekday"
    weekday: int


@dataclass(frozen=True, slots=True)
class NumberMention(Mention):
    """A number with its value and its unit (singular, lower case) if it has one."""

    kind: ClassVar[str] = "number"
    value: float
    unit: str | None


@dataclass(frozen=True, slots=True)
class QuoteMention(Mention):
    """The words of a direct quotation; `speaker` is the speaker's key, when named."""

    kind: ClassVar[str] = "quote"
    speaker: str | None
    speaker_name: str | None


@dataclass(frozen=True, slots=True)
class FactLink:
    """Two mentions in different documents that state the same fact (values may differ)."""

    kind: str
    doc_a: str
    a: Mention
    doc_b: str
    b: Mention
    basis: str  # how the sentences relate: aligned ("same", "related") or "shared" content
    close: bool = True  # the same words stand next to both mentions, or the values agree
    worded: bool = True  # the same words stand next to both (not only agreeing values)

    @property
    def strength(self) -> int:
        """Rank links: aligned sentences first, then shared content; close words add one."""
        rank = {"same": 3, "related": 2, "shared": 1}.get(self.basis, 0)
        return 2 * rank + self.close


@dataclass(frozen=True, slots=True)
class Span:
    """A span of a document that supports a finding, with its text.

    Rules give doc, start, end and text; the engine adds the 1-based line and column of both
    ends (0 until then; the end is exclusive).
    """

    doc: str
    start: int
    end: int
    text: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule yields: where, what, and optionally a fix and supporting spans."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    related: tuple[Span, ...] = ()
    confidence: float = 1.0
    severity: Severity | None = None
    safe: bool = False  # the suggestion can be applied without a human reading it


@dataclass(frozen=True, slots=True)
class Finding:
    """A hit stamped by the engine with its rule, severity, position and evidence."""

    rule: str
    name: str
    category: str
    severity: Severity
    doc: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    evidence: str
    message: str
    suggestion: str | None
    related: tuple[Span, ...]
    confidence: float
    fingerprint: str
    safe: bool = False


@dataclass(frozen=True, slots=True)
class Scores:
    """Corpus scores of the aligned text with their sacrebleu signatures."""

    chrf: float | None
    bleu: float | None
    ter: float | None
    signatures: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """A rule's documentation as the report carries it (renderers never ask the registry).

    `examples` are texts the rule fires on; a tuple of texts is several sources of one event.
    """

    code: str
    name: str
    category: str
    severity: Severity
    summary: str
    doc: str
    examples: tuple[str | tuple[str, ...], ...] = ()

    @property
    def sections(self) -> dict[str, str]:
        """Return the documentation's sections by heading (see DOC_SECTIONS)."""
        return doc_sections(self.doc)


# The sections of a rule's docstring, as ruff documents its rules: the summary line and any
# paragraphs after it say what the rule finds; each other section starts with "Heading:".
DOC_SECTIONS = (
    "What it finds",
    "Why it matters",
    "Example",
    "Use instead",
    "Known false positives",
)


def doc_sections(doc: str) -> dict[str, str]:
    """Split a rule's docstring into its sections; a missing section is left out."""
    lines: dict[str, list[str]] = {DOC_SECTIONS[0]: []}
    current = DOC_SECTIONS[0]
    for line in doc.splitlines():
        if line.endswith(":") and line[:-1] in DOC_SECTIONS[1:]:
            current = line[:-1]
            lines[current] = []
        else:
            lines[current].append(line)
    sections = {k: textwrap.dedent("\n".join(v)).strip() for k, v in lines.items()}
    return {k: v for k, v in sections.items() if v}


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one audit found, enough to render every format without the pipeline.

    `rules` documents every rule the run applied; `readability` holds each document's scores;
    `pair_diffs` lets the HTML report show differences against a document other than the first.
    """

    signature: Mapping[str, str]
    documents: tuple[Document, ...]
    readability: Mapping[str, Mapping[str, float]]
    alignments: tuple[Alignment, ...]
    unaligned: Mapping[str, tuple[int, ...]]
    findings: tuple[Finding, ...]
    scores: Scores
    suppressed: int = 0
    baseline: Mapping[str, int] = field(default_factory=dict)
    relations: tuple[Relation, ...] = ()
    rules: Mapping[str, RuleDoc] = field(default_factory=dict)
    pair_diffs: tuple[PairDiff, ...] = ()
    event_links: tuple[EventLink, ...] = ()

    def document(self, doc_id: str) -> Document:
        """Return the document with id `doc_id`."""
        return next(d for d in self.documents if d.id == doc_id)


class InputError(Exception):
    """A file that cannot be audited; the message names the file and the problem."""
