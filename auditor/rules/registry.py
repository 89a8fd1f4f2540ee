"""The rule registry: the @rule decorator, the RULES table and selection by code prefix."""

from __future__ import annotations

import bisect
import inspect
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from auditor.model import (
    Alignment,
    Category,
    Document,
    FactLink,
    Hit,
    Mention,
    Relation,
    Sentence,
    Severity,
    doc_sections,
)

if TYPE_CHECKING:
    from auditor.knowledge import Knowledge

M = TypeVar("M", bound=Mention)
CODE_PATTERN = re.compile(r"^[A-Z][0-9]{3}$")
STABLE = "stable"
PREVIEW = "preview"  # runs only with --preview (config `preview = true`), as in ruff
INPUT = "input"  # the scope of rules that report unreadable files

# An example is one text, or a tuple of texts that report the same event. In an example a
# rule fires on, «» mark every span the rule must flag, exactly.
Example = str | tuple[str, ...]
MARK_OPEN, MARK_CLOSE = "«", "»"
# The end of the message of a fact two independent sources give differently when nothing (the
# text itself, knowledge, a majority of sources) says which is right: the other source's form
# is offered, never as a safe fix.
UNSETTLED = "; nothing here says which source is right: check both before changing either."


@dataclass(frozen=True)
class Context:
    """What a rule may look at besides the document it checks.

    Lookups go through indexes built once per run, on first use: alignments by (document,
    sentence), mentions by document and position, sentence grades by document.
    """

    docs: tuple[Document, ...]
    alignments: tuple[Alignment, ...] = ()
    mentions: Mapping[str, tuple[Mention, ...]] = field(default_factory=dict)
    knowledge: Knowledge | None = None
    readability: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    relations: tuple[Relation, ...] = ()
    facts: tuple[FactLink, ...] = ()
    copies: tuple[tuple[str, str], ...] = ()  # (doc id, doc id): one story republished

    def versions(self, x: Document, y: Document) -> bool:
        """Return True if one of the two documents is a version of the other.

        Two documents related directly (aligned with each other) count as their relation says;
        others count as versions when both are versions of the first document.
        """
        for r in self.relations:
            if {r.a, r.b} == {x.id, y.id}:
                return r.relation == "versions"
        first = self.docs[0].id if self.docs else ""
        by_doc = {r.b: r.relation == "versions" for r in self.relations if r.a == first}
        if first in (x.id, y.id):
            return by_doc.get(y.id if x.id == first else x.id, False)
        return by_doc.get(x.id, False) and by_doc.get(y.id, False)

    def follows_reference(self, doc: Document) -> bool:
        """Return True if `doc` is a later version of the first document, whose wording is the fix.

        Between independent sources no text is the reference: the other's wording is a fix
        only when the text itself or a majority of sources says which form is right.
        """
        return bool(self.docs) and doc.id != self.docs[0].id and self.versions(doc, self.docs[0])

    def is_reference(self, doc_id: str, other_id: str) -> bool:
        """Return True if `doc_id` is the first document and `other_id` a later version of it:
        the first's wording is right, never to be changed towards the other's."""
        first = bool(self.docs) and doc_id == self.docs[0].id
        return first and self.follows_reference(self.document(other_id))

    def voice(self, doc_id: str, reader: str) -> str:
        """Return the source `doc_id` speaks for, as seen from document `reader`.

        Copies and versions of one text (a republished wire story, a translation) are one
        source, named by its first document; a version of the reader's own text is compared
        with it as a source of its own.
        """
        story = self._stories.get(doc_id, doc_id)
        return doc_id if story == self._stories.get(reader, reader) else story

    def independent(self, doc_ids: Iterable[str], reader: str) -> int:
        """Count the independent sources among `doc_ids` other than `reader`."""
        return len({self.voice(d, reader) for d in doc_ids if d != reader})

    def others(self, doc: Document) -> tuple[Document, ...]:
        """Return the documents other than `doc`."""
        return tuple(d for d in self.docs if d.id != doc.id)

    def document(self, doc_id: str) -> Document:
        """Return the document with id `doc_id`."""
        return self._documents[doc_id]

    def mentions_of(
        self, doc_id: str, kind: type[M], start: int = 0, end: int | None = None
    ) -> list[M]:
        """Return the mentions of one kind in a document, inside text[start:end] if given.

        Mentions come in extraction order; the lookup bisects an index by start offset.
        """
        if start <= 0 and end is None:
            return list(self._of_kind(doc_id, kind))
        starts, ordered = self._positions.get(doc_id, ([], []))
        lo = bisect.bisect_left(starts, start)
        hi = len(starts) if end is None else bisect.bisect_right(starts, end)
        found = [
            (k, m)
            for k, m in ordered[lo:hi]
            if isinstance(m, kind) and (end is None or m.end <= end)
        ]
        return [m for _, m in sorted(found, key=lambda pair: pair[0])]

    def by_start(self, doc_id: str, kind: type[M]) -> tuple[M, ...]:
        """Return the mentions of one kind in a document in order of their start, once per run."""
        key = (doc_id, kind)
        if key not in self._sorted:
            self._sorted[key] = tuple(sorted(self._of_kind(doc_id, kind), key=lambda m: m.start))
        return self._sorted[key]  # type: ignore[return-value]

    def _of_kind(self, doc_id: str, kind: type[M]) -> tuple[M, ...]:
        """Return all mentions of one kind in a document, collected once per run."""
        key = (doc_id, kind)
        if key not in self._kinds:
            found = tuple(m for m in self.mentions.get(doc_id, ()) if isinstance(m, kind))
            self._kinds[key] = found
        return self._kinds[key]  # type: ignore[return-value]

    def counterparts(
        self, doc: Document, index: int, kinds: Collection[str] = ("same", "related")
    ) -> list[tuple[Document, Sentence]]:
        """Return the sentences of other documents aligned with sentence `index` of `doc`.

        `kinds` limits the links: "same" (the sides say the same thing) and "related" (the same
        event told with other details, where a fact on one side need not be on the other).
        """
        out: list[tuple[Document, Sentence]] = []
        for al in self._links.get((doc.id, index), ()):
            if al.kind not in kinds:
                continue
            for other_id, indices in al.sentences.items():
                if other_id != doc.id:
                    other = self.document(other_id)
                    out.extend((other, other.sentences[i]) for i in indices)
        return out

    def grades(self, doc: Document) -> tuple[float, ...]:
        """Return the grade `difficulty` gives each sentence of `doc`, computed once per run."""
        from auditor.measure.readability import difficulty_grade

        cached = self._grades.get(doc.id)
        if cached is None:
            cached = tuple(difficulty_grade(doc.sentence_text(s.index)) for s in doc.sentences)
            self._grades[doc.id] = cached
        return cached

    def readability_of(self, doc: Document) -> Mapping[str, float]:
        """Return the document's readability scores (stored by the engine, else computed)."""
        from auditor.measure.readability import readability

        return self.readability.get(doc.id) or readability(doc.body)

    def linked(self, doc_id: str, m: Mention) -> list[tuple[str, Mention, FactLink]]:
        """Return (doc id, mention, link) of the other sources' facts that state the same fact."""
        return self._fact_index.get((doc_id, m.start, m.end), [])

    @cached_property
    def _fact_index(self) -> dict[tuple[str, int, int], list[tuple[str, Mention, FactLink]]]:
        """Index the fact links by either end: (doc, start, end) -> (doc, mention, link)."""
        index: dict[tuple[str, int, int], list[tuple[str, Mention, FactLink]]] = {}
        for k in self.facts:
            index.setdefault((k.doc_a, k.a.start, k.a.end), []).append((k.doc_b, k.b, k))
            index.setdefault((k.doc_b, k.b.start, k.b.end), []).append((k.doc_a, k.a, k))
        return index

    @cached_property
    def _stories(self) -> dict[str, str]:
        """Map each document to the first document of its story (copies, versions joined)."""
        order = {d.id: i for i, d in enumerate(self.docs)}
        story = {d.id: d.id for d in self.docs}
        joined = [*self.copies, *((r.a, r.b) for r in self.relations if r.relation == "versions")]
        for a, b in joined:
            keep, gone = sorted((story[a], story[b]), key=order.__getitem__)
            story = {d: keep if s == gone else s for d, s in story.items()}
        return story

    @cached_property
    def _documents(self) -> dict[str, Document]:
        """Index the documents by id."""
        return {d.id: d for d in self.docs}

    @cached_property
    def _links(self) -> dict[tuple[str, int], list[Alignment]]:
        """Index the alignments by (document id, sentence index)."""
        links: dict[tuple[str, int], list[Alignment]] = defaultdict(list)
        for al in self.alignments:
            for doc_id, indices in al.sentences.items():
                for i in indices:
                    links[doc_id, i].append(al)
        return dict(links)

    @cached_property
    def _positions(self) -> dict[str, tuple[list[int], list[tuple[int, Mention]]]]:
        """Index each document's mentions by start offset, keeping their original rank."""
        index = {}
        for doc_id, mentions in self.mentions.items():
            ordered = sorted(enumerate(mentions), key=lambda pair: pair[1].start)
            index[doc_id] = ([m.start for _, m in ordered], ordered)
        return index

    @cached_property
    def _kinds(self) -> dict[tuple[str, type], tuple[Mention, ...]]:
        """Hold each document's mentions by kind, as asked for so far."""
        return {}

    @cached_property
    def _sorted(self) -> dict[tuple[str, type], tuple[Mention, ...]]:
        """Hold each document's mentions by kind in order of their start, as asked for so far."""
        return {}

    @cached_property
    def _grades(self) -> dict[str, tuple[float, ...]]:
        """Hold the sentence grades computed so far, by document id."""
        return {}


RuleFunc = Callable[..., Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A registered rule: code, name, category, default severity and its function."""

    code: str
    name: str
    category: Category
    severity: Severity
    func: RuleFunc
    scope: str
    fires: tuple[Example, ...]
    quiet: tuple[Example, ...]
    level: str = STABLE

    @property
    def doc(self) -> str:
        """Return the rule's documentation (its docstring)."""
        return inspect.cleandoc(self.func.__doc__ or "")

    @property
    def examples(self) -> tuple[Example, ...]:
        """Return the examples the rule fires on, without the «» marks."""
        return tuple(map(_unmarked, self.fires))

    @property
    def doc_sections(self) -> dict[str, str]:
        """Return the documentation's sections by heading (see DOC_SECTIONS)."""
        return doc_sections(self.doc)

    @property
    def summary(self) -> str:
        """Return the first line of the documentation."""
        return self.doc.splitlines()[0] if self.doc else ""

    @property
    def options(self) -> dict[str, Any]:
        """Return the rule's keyword-only settings and their defaults."""
        params = inspect.signature(self.func).parameters.values()
        return {p.name: p.default for p in params if p.kind is p.KEYWORD_ONLY}

    def run(self, doc: Document, ctx: Context, options: Mapping[str, Any]) -> Iterator[Hit]:
        """Run the rule on one document with the given settings."""
        yield from self.func(doc, ctx, **options)


def mark(text: str, part: str) -> str:
    """Return `text` with «» around the sentence that starts with `part` (for built examples)."""
    start = text.index(part)
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return f"{text[:start]}{MARK_OPEN}{text[start:end]}{MARK_CLOSE}{text[end:]}"


def example_texts(example: Example) -> tuple[str, ...]:
    """Return the texts of an example without the «» marks around the spans it must flag."""
    bare = _unmarked(example)
    return (bare,) if isinstance(bare, str) else bare


def _unmarked(example: Example) -> Example:
    """Return an example (one text or several) without its «» marks."""
    if isinstance(example, tuple):
        return tuple(t.replace(MARK_OPEN, "").replace(MARK_CLOSE, "") for t in example)
    return example.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def marked_spans(example: Example) -> set[tuple[int, int, int]]:
    """Return (text index, start, end) of each «marked» span (they may nest) in the bare text."""
    texts = (example,) if isinstance(example, str) else example
    spans = set()
    for i, text in enumerate(texts):
        opened: list[int] = []
        bare = 0
        for char in text:
            if char == MARK_OPEN:
                opened.append(bare)
            elif char == MARK_CLOSE:
                spans.add((i, opened.pop(), bare))
            else:
                bare += 1
    return spans


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    severity: Severity,
    category: Category,
    *,
    scope: str = "text",
    fires: Sequence[Example] = (),
    quiet: Sequence[Example] = (),
    level: str = STABLE,
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function under `code`; `scope` is "text", "sources" or "input".

    An "input" rule reports a file that could not be read; it is never selected to run on
    text: the engine applies it to each unread document.

    `level` is "stable", or "preview" for a rule whose precision is not yet proven on every
    calibration set (it runs only when preview rules are turned on).
    """

    def register(func: RuleFunc) -> RuleFunc:
        if not CODE_PATTERN.match(code):
            raise ValueError(f"malformed rule code {code!r}")
        if level not in (STABLE, PREVIEW):
            raise ValueError(f"rule {code}: level must be {STABLE!r} or {PREVIEW!r}")
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        name = func.__name__.strip("_").replace("_", "-")
        RULES[code] = Rule(
            code, name, category, severity, func, scope, tuple(fires), tuple(quiet), level
        )
        return func

    return register


def all_rules() -> dict[str, Rule]:
    """Return every registered rule, importing the rule modules on first use."""
    import auditor.rules  # noqa: F401  (registers the rules)

    return dict(sorted(RULES.items()))


def matches(code: str, prefixes: Iterable[str]) -> bool:
    """Return True if `code` starts with one of `prefixes` ("ALL" matches everything)."""
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


def select(
    select_prefixes: Sequence[str] = ("ALL",),
    ignore_prefixes: Sequence[str] = (),
    *,
    preview: bool = False,
) -> list[Rule]:
    """Return the rules chosen by `select` minus `ignore`, by code prefix.

    Preview rules are chosen only when `preview` is True, whatever `select` says; input rules
    (about unreadable files) never run on text, so they are never chosen.
    """
    return [
        r
        for code, r in all_rules().items()
        if r.scope != INPUT
        and matches(code, select_prefixes)
        and not matches(code, ignore_prefixes)
        and (preview or r.level == STABLE)
    ]


def find_rule(code_or_name: str) -> Rule | None:
    """Return the rule with this code or name, if any."""
    rules = all_rules()
    key = code_or_name.strip()
    if key.upper() in rules:
        return rules[key.upper()]
    return next((r for r in rules.values() if r.name == key.lower()), None)
