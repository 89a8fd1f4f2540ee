"""Readability: sentences and documents much harder to read than they need to be."""

from __future__ import annotations

from collections.abc import Iterator

from auditor.measure.readability import Difficulty, difficulty, difficulty_grade, is_prose
from auditor.model import Category, Document, Hit, Sentence, Severity, Span
from auditor.rules.registry import Context, mark, rule

LONG = (
    "The committee, which had been convened after the controversial decision, which many "
    "observers considered unprecedented, reconsidered the administrative, institutional and "
    "constitutional implications of the recommendations, although representatives of several "
    "international organisations, whose participation was indispensable, remained unconvinced "
    "about the proposed implementation schedule and its consequences."
)
STORY = (
    "The talks ended in Geneva on Monday. Many observers were {} convinced by the plan. "
    "Both sides will meet again in May. The ministers did not speak to reporters. "
    "A statement is expected on Friday."
)
WORDY = (
    "The protracted multilateral talks ended in Geneva on Monday. Many international observers "
    "were fundamentally not convinced by the comprehensive plan. Both delegations will meet "
    "again in May. The ministers did not speak to reporters. A statement is expected on Friday."
)
HARD = "notwithstanding comprehensive institutional consultations, fundamentally not"
SHORT = "The committee met again. Many observers were not convinced. They will meet in May."


@rule(
    "R101",
    Severity.INFO,
    Category.READABILITY,
    fires=(f"«{LONG}»",),
    quiet=(
        SHORT,
        "Officials from both countries met in Geneva on Monday for talks on arms control.",
    ),
)
def sentence_too_hard(doc: Document, ctx: Context, *, max_grade: float = 25.0) -> Iterator[Hit]:
    """A sentence whose Flesch-Kincaid grade is above `max_grade`, with the reasons.

    The finding says why the sentence is hard (its length, its long or rare words, its
    commas, clauses and asides).

    Why it matters:
        Very long sentences full of rare words and nested clauses lose readers, and MT output
        that glues segments together produces them.
    Example:
        a 60-word sentence with five subordinate clauses (grade 31)
    Use instead:
        two or three sentences, each with one idea
    Known false positives:
        Lists of names or places written as one sentence, and legal wording quoted verbatim.
    """
    # Only sentences over the limit are tested for prose and explained: most are not.
    for s, grade in zip(doc.sentences, ctx.grades(doc), strict=True):
        if grade <= max_grade:
            continue
        text = doc.sentence_text(s.index)
        if is_prose(text):
            why = "; ".join(difficulty(text).reasons())
            yield Hit(s.start, s.end, f"Hard sentence (grade {grade:.0f} > {max_grade:g}): {why}.")


@rule(
    "R102",
    Severity.WARNING,
    Category.READABILITY,
    scope="sources",
    fires=((STORY.format("not"), mark(STORY.format(HARD), "Many observers")),),
    quiet=((STORY.format("not"), STORY.format("still not")),),
)
def harder_than_counterpart(
    doc: Document, ctx: Context, *, min_gap: float = 8.0, min_grade: float = 15.0
) -> Iterator[Hit]:
    """A sentence far harder to read than the sentence that says the same in the other source.

    Runs only between versions of one text: two outlets write to their own house style.

    Why it matters:
        When one version needs `min_gap` more grades than its counterpart for the same content,
        the wording (often a literal translation) can be simplified; the other version shows
        how.
    Example:
        grade 24 against grade 9 for the aligned sentence of the other text
    Use instead:
        the simpler wording of the other version, adapted
    Known false positives:
        A version that adds a necessary explanation the other leaves out.
    """
    for s, grade in zip(doc.sentences, ctx.grades(doc), strict=True):
        if grade < min_grade:
            continue
        text = doc.sentence_text(s.index)
        if not is_prose(text):
            continue
        others = [(o, t) for o, t in ctx.counterparts(doc, s.index) if ctx.versions(doc, o)]
        if not others:
            continue
        theirs = difficulty_grade(" ".join(o.text[t.start : t.end] for o, t in others))
        if grade - theirs >= min_gap:
            yield _gap_hit(s, difficulty(text), theirs, others)


def _gap_hit(
    s: Sentence, mine: Difficulty, theirs: float, others: list[tuple[Document, Sentence]]
) -> Hit:
    """Describe a sentence that is much harder than its counterpart."""
    why = "; ".join(mine.reasons())
    related = tuple(Span(o.id, t.start, t.end, o.text[t.start : t.end]) for o, t in others)
    message = (
        f"Much harder than the other source's sentence (grade {mine.grade:.0f} vs "
        f"{theirs:.0f}): {why}."
    )
    return Hit(s.start, s.end, message, related=related)


@rule(
    "R103",
    Severity.INFO,
    Category.READABILITY,
    fires=(f"«{LONG}» {LONG}",),
    quiet=(SHORT,),
)
def hard_to_read_document(
    doc: Document, ctx: Context, *, min_reading_ease: float = 30.0, max_grade: float = 16.0
) -> Iterator[Hit]:
    """A document whose Flesch reading ease or grade falls outside the configured limits.

    The finding points at its hardest sentence, the best place to start.

    Why it matters:
        News copy usually scores 40-60 on reading ease and grade 10-14. A whole text below
        `min_reading_ease` or above `max_grade` needs editing.
    Example:
        reading ease 12, grade 22
    Use instead:
        shorter sentences and plainer words, starting with the hardest sentence
    Known false positives:
        Specialist texts written for experts, where the limits should be set in the
        configuration.
    """
    scores = ctx.readability_of(doc)
    ease, grade = scores["flesch_reading_ease"], scores["flesch_kincaid_grade"]
    if ease >= min_reading_ease and grade <= max_grade:
        return
    worst = hardest_sentence(doc, ctx)
    if worst is None:
        return
    s, hardest = worst
    message = (
        f"Document is hard to read (reading ease {ease:.0f}, limit {min_reading_ease:g}; grade "
        f"{grade:.0f}, limit {max_grade:g}); its hardest sentence (grade {hardest:.0f}) is here."
    )
    yield Hit(s.start, s.end, message)


@rule(
    "R104",
    Severity.INFO,
    Category.READABILITY,
    scope="sources",
    fires=((STORY.format("not"), mark(WORDY, "Many international")),),
    quiet=(
        (SHORT, "The committee met again. Observers were not convinced. They meet in May."),
        (SHORT, LONG),
    ),
)
def readability_gap(doc: Document, ctx: Context, *, max_gap: float = 4.0) -> Iterator[Hit]:
    """A document much harder to read than another version of the same story.

    The finding is reported on the harder document, at its hardest sentence. Runs only between
    versions of one text.

    Why it matters:
        When versions of one story differ by more than `max_gap` Flesch-Kincaid grades, the
        harder one (often a literal translation) is the one to edit.
    Example:
        grade 19 against grade 11 for the other version
    Use instead:
        the harder version rewritten towards the other's sentence length and wording
    Known false positives:
        A version that is harder because it keeps necessary detail the other leaves out.
    """
    mine = ctx.readability_of(doc)["flesch_kincaid_grade"]
    for other in (o for o in ctx.others(doc) if ctx.versions(doc, o)):
        theirs = ctx.readability_of(other)["flesch_kincaid_grade"]
        worst = hardest_sentence(doc, ctx) if mine - theirs > max_gap else None
        if worst is not None:  # a gap, and prose to point at
            s, hardest = worst
            message = (
                f"Document is harder to read than {other.path} (grade {mine:.0f} vs "
                f"{theirs:.0f}); its hardest sentence (grade {hardest:.0f}) is here."
            )
            yield Hit(s.start, s.end, message, related=_counterpart_spans(ctx, doc, s))
            return


def hardest_sentence(doc: Document, ctx: Context) -> tuple[Sentence, float] | None:
    """Return the prose sentence with the highest grade (the first of equals) and its grade.

    Sentences are tested for prose from the hardest down: the first prose one is the answer.
    """
    ranked = sorted(zip(doc.sentences, ctx.grades(doc), strict=True), key=lambda p: -p[1])
    return next(((s, g) for s, g in ranked if is_prose(doc.sentence_text(s.index))), None)


def _counterpart_spans(ctx: Context, doc: Document, s: Sentence) -> tuple[Span, ...]:
    """Return the other sources' sentences aligned with `s`."""
    return tuple(
        Span(o.id, t.start, t.end, o.text[t.start : t.end])
        for o, t in ctx.counterparts(doc, s.index)
    )
