"""Punctuation garbled by machine translation: doubled stops, stray spaces, residue."""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.knowledge.lexicon import lexicon
from auditor.mentions.quotemarks import quote_problems
from auditor.model import Category, Document, Hit, Severity
from auditor.rules.registry import Context, rule

DOUBLED_PERIOD = re.compile(r"(?<!\.)(?<!\.[ \t\u00a0])\.[ \t\u00a0]*\.(?![ \t\u00a0]*\.)")
SPACE_BEFORE = re.compile(r"(?<=[\w”’)\"])[ \t\u00a0]+([,.;:!?])(?![\w.,;:!?])")
# Scouts: what every match of the pattern above holds, found fast (a literal character first).
TWO_PERIODS = re.compile(r"\.[ \t\u00a0]*\.")
SPACED_MARK = re.compile(r"[,.;:!?](?<=[ \t\u00a0].)")


def line_matches(
    pattern: re.Pattern[str], scout: re.Pattern[str], text: str, start: int
) -> Iterator[re.Match[str]]:
    """Yield the matches of `pattern.finditer(text, start)`, searching only lines `scout` hits.

    `re` tries a pattern that starts with a lookbehind or a common character at every offset;
    a scout that starts with a rare character finds the few lines worth trying. Exact when
    every match of `pattern` holds a match of `scout`, neither holds a line break, and no
    lookahead of `pattern` reads past one.
    """
    at = start
    while (hit := scout.search(text, at)) is not None:
        lo = max(start, text.rfind("\n", 0, hit.start()) + 1)
        hi = text.find("\n", hit.end())
        hi = len(text) if hi < 0 else hi
        yield from pattern.finditer(text, lo, hi + 1)  # the line and its break
        at = hi + 1


@rule(
    "P101",
    Severity.ERROR,
    Category.FLUENCY,
    fires=("They met in Vienna«. .»", "He left«..» Then she spoke."),
    quiet=(
        "He paused... then spoke.",
        "He paused . . . then spoke.",
        "The U.S. team left.",
        "Version 1.2 shipped.",
    ),
)
def doubled_period(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Two full stops where one belongs.

    Why it matters:
        MT systems and re-segmentation leave a second full stop behind ("Europe. ."), which
        readers see at once.
    Example:
        a meeting in Vienna. .
    Use instead:
        a meeting in Vienna.
    Known false positives:
        None known; an ellipsis ("...") is not flagged.
    """
    for m in line_matches(DOUBLED_PERIOD, TWO_PERIODS, doc.text, doc.body_start):
        yield Hit(m.start(), m.end(), "Doubled full stop.", suggestion=".", safe=True)


@rule(
    "P102",
    Severity.WARNING,
    Category.FLUENCY,
    fires=("Friday March 4, 2022« .» Jane Doe / AP", "He said« ,» then left."),
    quiet=("He said, then left.", "Ratio 3 : 2 is fine? No.", "Version .5 shipped."),
)
def space_before_punctuation(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A space before a comma, full stop, colon, semicolon, question or exclamation mark.

    Why it matters:
        English puts no space there; a stray space is typical of MT output and of text pasted
        from another typographic tradition.
    Example:
        January 10, 2022 . Denis
    Use instead:
        January 10, 2022. Denis
    Known false positives:
        Spaced punctuation quoted as such; spaced ratios such as "3 : 2" are not flagged.
    """
    for m in line_matches(SPACE_BEFORE, SPACED_MARK, doc.text, doc.body_start):
        if m.group(1) == ":" and _is_ratio(doc.text, m.start(), m.end()):
            continue
        if m.group(1) == "." and doc.text[m.end() : m.end() + 2] == " .":
            continue
        message = f"Space before {m.group(1)!r}."
        yield Hit(m.start(), m.end(), message, suggestion=m.group(1), safe=True)


def _is_ratio(text: str, start: int, end: int) -> bool:
    """Return True for a spaced ratio or score such as "3 : 2"."""
    return text[start - 1 : start].isdigit() and text[end : end + 2].strip()[:1].isdigit()


# Each alternative starts with a literal character (`___+`, not `_{3,}`): `re` searches for those.
RESIDUE = re.compile(
    r"___+|<unk>|@@(?=\s)|\ufffd|\u2581|&(?:amp|quot|apos|lt|gt|nbsp|#\d{2,5}|#x[0-9a-fA-F]{2,4});"
    r"|</?(?:p|br|div|span|b|i|em|strong|a|font|sup|sub|seg|tu|tuv|g|x|bpt|ept|ph)\b[^<>\n]{0,80}>"
    r"|â€[™œ\u009d“”˜¦¢\u0090-\u009f]|Ã[\u0080-\u00bf]|\{\d+\}|%[sd]\b"
)


@rule(
    "P105",
    Severity.WARNING,
    Category.FLUENCY,
    fires=(
        "Americans should be prepared to reach a compromise. «___»",
        "The minister said it was «&quot;»unacceptable«&quot;».",
        "Talks resumed on «<b>»Monday«</b>».",
        "The country«<unk>» s president spoke.",
    ),
    quiet=("He scored 3-1 at the stadium.", "Prices rose 5% and 6%.", "Use a_b as the key."),
)
def residue(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Leftovers of markup, encoding or machine processing in the text.

    Separator lines ("___"), HTML tags and entities (&quot;), unknown-word tokens (<unk>),
    subword marks, mojibake ("â€™") and placeholders ("{0}") are flagged.

    Why it matters:
        They show that text went through a pipeline that did not clean up after itself.
        Readers see them as errors.
    Example:
        reach a compromise. ___
    Use instead:
        reach a compromise.
    Known false positives:
        Markup or placeholders quoted on purpose, in an article about software.
    """
    for m in RESIDUE.finditer(doc.text, doc.body_start):
        yield Hit(m.start(), m.end(), f"Residue of markup or processing: {m.group()!r}.")


DOUBLED_WORD = re.compile(r"(?<![\w'’-])([a-z]+)[ \t\u00a0]+\1(?![\w'’-])", re.IGNORECASE)
ALLOWED_DOUBLES = lexicon().word_set("allowed_doubles")


@rule(
    "P106",
    Severity.WARNING,
    Category.FLUENCY,
    fires=("The talks will resume in «the the» spring.", "They agreed «to to» meet again."),
    quiet=(
        "He said that that was enough.",
        "They had had enough.",
        "Fang Fang spoke on Monday.",
        "It was very very cold.",
    ),
)
def doubled_word(doc: Document, ctx: Context) -> Iterator[Hit]:
    """The same word twice in a row.

    Why it matters:
        A repeated word ("the the") is a typing slip or an MT artefact where two subword pieces
        were both rendered.
    Example:
        in the the spring
    Use instead:
        in the spring
    Known false positives:
        Doublings that English allows and the lexicon does not list yet; "that that", "had
        had" and repeated capitalised names ("Fang Fang") are not flagged.
    """
    for m in DOUBLED_WORD.finditer(doc.text, doc.body_start):
        first, second = m.group(1), doc.text[m.end() - len(m.group(1)) : m.end()]
        if second[:1].isupper() or first.lower() in ALLOWED_DOUBLES:
            continue
        yield Hit(m.start(), m.end(), f"Word repeated: {first!r}.", suggestion=first, safe=True)


MISSING_SPACE = re.compile(r"(?<![\w.@/:])([a-z]{2,})([.?;])([A-Z][a-z]+)\b(?![.@/])")
MARK_BEFORE_CAPITAL = re.compile(r"[.?;][A-Z]")  # the scout of MISSING_SPACE


@rule(
    "P107",
    Severity.WARNING,
    Category.FLUENCY,
    fires=("The talks ended«.B»oth sides left.", "It failed«;R»ussia walked out."),
    quiet=(
        "Visit www.Example.com today.",
        "He used ASP.NET daily.",
        "The firm Yahoo!Inc. is old.",
        "Download it from example.org now.",
    ),
)
def missing_space_after_punctuation(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A full stop, question mark or semicolon with no space before the next sentence.

    Why it matters:
        Joined sentences ("ended.Both") come from segments glued back together without their
        spacing.
    Example:
        ended.Both sides
    Use instead:
        ended. Both sides
    Known false positives:
        Names written with a dot inside; web addresses, domains and product names are not
        flagged.
    """
    for m in line_matches(MISSING_SPACE, MARK_BEFORE_CAPITAL, doc.text, doc.body_start):
        if doc.text[m.end() : m.end() + 1] == "." or m.group(1) == "www":
            continue
        start, end = m.start(2), m.end(2) + 1
        suggestion = f"{m.group(2)} {m.group(3)[0]}"
        yield Hit(start, end, "No space after the punctuation mark.", suggestion=suggestion)


@rule(
    "P103",
    Severity.ERROR,
    Category.FLUENCY,
    fires=(
        "“We will find solutions«, “»Lee said on Monday.",
        "“We will find solutions«, “»Lee replied.",
        '"It is over«. "»Lee said, leaving the room.',
        "“He is the best we have«, “»said the coach.",
        "Critics loved his movie “Ted«“» and its sequel.",
        "“We are thrilled to have her host the show,«“» said the producers.",
    ),
    quiet=(
        "“We will stay,” she said. “We will not give up.”",
        "“We will stay,” she said, “and we will not give up.”",
        "“We will stay.\n\n“And we will not give up,” she said.",
    ),
)
def misplaced_opening_quote(doc: Document, ctx: Context) -> Iterator[Hit]:
    """An opening quotation mark where the closing one belongs.

    Flagged when a quotation is open and the mark stands where a closing one does (tight after
    a word or punctuation, before a space or punctuation: the fix is the closing mark), or
    follows punctuation with the speaker's attribution (a speech verb from the lexicon) next.

    Why it matters:
        MT systems and re-segmentation turn the closing mark of a quotation into an opening one
        ("solutions, “Lee said"), so the quotation seems to run on.
    Example:
        “We will find solutions, “Lee replied. His movie “Ted“ opened.
    Use instead:
        “We will find solutions,” Lee replied. His movie “Ted” opened.
    Known false positives:
        A quotation that really opens after a comma and starts with a name followed by a speech
        verb.
    """
    for problem in quote_problems(doc.text, doc.body_start, singles=False):
        if problem.kind == "misplaced":
            message = "Opening quotation mark where the closing one belongs."
            yield Hit(problem.start, problem.end, message, suggestion=problem.suggestion)


@rule(
    "P108",
    Severity.WARNING,
    Category.FLUENCY,
    level="preview",
    fires=(
        "“We will not give up,” she said. «“»We will stay.\n\nThe talks ended on Monday.",
        'The minister called it «"»unacceptable and left the room.',
        "He criticised the «‘»open door policy on Monday.",
        "The talks ended.«”» Both sides left.",
    ),
    quiet=(
        "“We will stay,” she said. “We will not give up.”",
        "“We will stay.\n\n“And we will not give up,” she said.",
        'The 12" screen is "bright", he said.',
        "He criticised the ‘open door’ policy and the countries’ rights.",
        "The new 17” laptop is the “world's thinnest,” Apple said.",
        'Read more at <a href="http://example.com/story">the report</a>.',
        "“I kept thinking, ‘This can’t be happening.”’",
    ),
)
def unclosed_quotation(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A quotation that is never closed, or a closing mark with no quotation open.

    Checked per paragraph (line); a quotation that goes on in the next paragraph, which opens
    with a quotation mark, or that closes later in the text, is not flagged.

    Why it matters:
        Dropped quotation marks leave readers unsure where a speaker's words end.
    Example:
        “We will stay. (at the end of the paragraph)
    Use instead:
        “We will stay.”
    Known false positives:
        Straight quotation marks used as inch or second marks next to letters.
    """
    messages = {
        "unclosed": "Quotation opened here is never closed.",
        "stray": "Closing quotation mark with no quotation open.",
    }
    for problem in quote_problems(doc.text, doc.body_start):
        if problem.kind in messages:
            yield Hit(problem.start, problem.end, messages[problem.kind])


SPACE_INSIDE_QUOTES = re.compile(
    r"(?P<close>[^\s“][ \t\u00a0]+”(?=[\s,.;:!?)]|\Z))|(?P<open>(?<![\w,])“[ \t\u00a0]+(?=\w))"
)
SPACED_QUOTE = re.compile(r"”(?<=[ \t\u00a0]”)|“(?=[ \t\u00a0])")  # the scout of the above


@rule(
    "P104",
    Severity.WARNING,
    Category.FLUENCY,
    fires=(
        "“We will not decide without NATO«. ”» She left.",
        "He said «“ »we will stay” and left.",
    ),
    quiet=("“We will not decide without NATO.” She left.", "“Yes,” he said. “ ” is a mark."),
)
def space_inside_quotation(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A space after an opening or before a closing curly quotation mark.

    Why it matters:
        English sets quotation marks tight against the words they enclose; "NATO. ”" shows text
        re-assembled from segments or typed in another typographic tradition.
    Example:
        without NATO. ”
    Use instead:
        without NATO.”
    Known false positives:
        A quotation mark discussed as a character (“ ” in a text about typography).
    """
    for m in line_matches(SPACE_INSIDE_QUOTES, SPACED_QUOTE, doc.text, doc.body_start):
        if m.group("close"):
            yield Hit(
                m.start(),
                m.end(),
                "Space before the closing quotation mark.",
                suggestion=m.group()[0] + "”",
                safe=True,
            )
        else:
            message = "Space after the opening quotation mark."
            yield Hit(m.start(), m.end(), message, suggestion="“", safe=True)
