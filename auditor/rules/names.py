"""Names of organisations, treaties and forums given differently, or mangled beyond recognition."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import lru_cache

from auditor.knowledge.names import GENERIC, CanonicalName, NameBook, fold_words
from auditor.mentions.people import WORD_TOKEN
from auditor.mentions.spans import SpanIndex
from auditor.model import Category, Document, Hit, NameMention, Severity, Span
from auditor.rules.registry import UNSETTLED, Context, rule

STEM = 6
Word = tuple[int, int, str]  # a word token: start, end, text
LEADING_EXEMPT = re.compile(r"(?:[A-Z0-9.]+|\w+(?:an|ese|ish|ch|i|’s|'s))\Z")
# A character a word (WORD_TOKEN) holds before its last one.
WORD_INSIDE = re.compile(r"[\w'’-]")
SPACE = re.compile(r"\s")


@rule(
    "N101",
    Severity.WARNING,
    Category.INCONSISTENCY,
    scope="sources",
    fires=(
        (
            "The talks are part of the «Northern Energy Dialogue» between the two states.",
            "The talks are part of the «Northern Climate Dialogue» between the two states.",
        ),
        (
            "Delegates met at the «Baltic Trade Forum» in Riga.",
            "Delegates met at the «Baltic Free Trade Forum» in Riga.",
        ),
    ),
    quiet=(
        (
            "The talks are part of the Northern Energy Dialogue.",
            "The talks are part of the Northern Energy Dialogue too.",
        ),
        ("The European Council met.", "The European Commission met."),
        (
            "The Northern Energy Dialogue met. The Northern Climate Dialogue met too.",
            "The Northern Energy Dialogue met. The Northern Climate Dialogue met too.",
        ),
    ),
)
def name_variant(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A named forum, treaty or organisation is called differently in the other source.

    Two names that share their kind ("Dialogue", "Treaty", "Council") and all words but one (a
    word swapped, added or dropped) are compared, and so are two names of the same length that
    differ in one word (never the last) in sentences that speak of the same thing (the name
    links of the align stage: aligned sentences, or sentences sharing rare content, with the
    same words next to both). Both texts are flagged, each with the other's name as the
    suggestion. It is settled by a known canonical name, the name most other sources use, or,
    for a later version of the first text (a translation against its reference), the first
    text's name; between two independent sources that do not say which form is right, the
    message says so and the editor checks which one to keep.

    Why it matters:
        Two such names almost always denote the same thing, and one of them is a
        mistranslation.
    Example:
        Joint Economic Commission, where the other source says Joint Trade Commission
    Use instead:
        the name the body really has (the first text's, when it is the reference)
    Known false positives:
        Two real bodies whose names differ by one word, each named in only one source. Names
        that both sources use are never compared.
    """
    reference = ctx.follows_reference(doc)
    seen: set[tuple[int, int]] = set()
    users: dict[str, set[str]] | None = None
    for other, m, match in (*_kind_variants(doc, ctx), *_linked_variants(doc, ctx)):
        if (m.start, m.end) in seen:
            continue
        if not reference and _says(ctx.document(other), m.text):
            continue  # the other source uses this form too: it contradicts itself, not this one
        seen.add((m.start, m.end))
        users = users if users is not None else _name_users(ctx, doc)
        mine, theirs = _users(users, m.key), _users(users, match.key)
        # this text uses theirs elsewhere (a reference is never fixed towards its version)
        own = _says(doc, match.text) and not ctx.is_reference(doc.id, other)
        settled = reference or match.canonical or theirs > mine + 1 or own  # most use theirs
        # most texts (this one too) use this name, or this is the text the other follows
        odd = not settled and (mine + 1 > theirs or ctx.is_reference(doc.id, other))
        yield Hit(
            m.start,
            m.end,
            f"Called {m.text!r} here but {match.text!r} in the other source "
            f"({ctx.document(other).name}): one word differs, so one of the two names is "
            f"probably wrong{'.' if settled or odd else UNSETTLED}",
            suggestion=None if odd else match.text,
            related=(Span(other, match.start, match.end, match.text),),
            confidence=0.6,
        )


def _says(doc: Document, name: str) -> bool:
    """Return True if a text has a name in this form somewhere (spacing aside).

    The pattern is tried only where the name's first word occurs, not at every offset.
    """
    words = name.split()
    pattern = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])")
    if not words:
        return pattern.search(doc.text) is not None
    at = doc.text.find(words[0])
    while at >= 0:
        if pattern.match(doc.text, at):
            return True
        at = doc.text.find(words[0], at + 1)
    return False


def _name_users(ctx: Context, doc: Document) -> dict[str, set[str]]:
    """Return the keys of the names each other text uses (as mentions or linked names)."""
    keys: dict[str, set[str]] = {d.id: set() for d in ctx.others(doc)}
    for d in keys:
        keys[d].update(m.key for m in ctx.mentions_of(d, NameMention))
    for link in ctx.facts:
        for d, m in ((link.doc_a, link.a), (link.doc_b, link.b)):
            if d in keys and isinstance(m, NameMention):
                keys[d].add(m.key)
    return keys


def _users(users: Mapping[str, set[str]], key: str) -> int:
    """Return how many of the other texts use the name `key`, given `_name_users`."""
    return sum(key in found for found in users.values())


def _kind_variants(doc: Document, ctx: Context) -> Iterator[tuple[str, NameMention, NameMention]]:
    """Yield (other doc, name, other name) for names with a kind noun one word apart."""
    mine = _names(ctx, doc.id)
    keys_here = {m.key for m in mine}
    for other in ctx.others(doc):
        theirs = _names(ctx, other.id)
        keys_there = {m.key for m in theirs}
        for m in mine:
            match = _variant_of(m, theirs, keys_here, keys_there)
            if match is not None:
                yield other.id, m, match


def _linked_variants(doc: Document, ctx: Context) -> Iterator[tuple[str, NameMention, NameMention]]:
    """Yield (other doc, name, other name) for the name links of the align stage."""
    for link in ctx.facts:
        a, b = link.a, link.b
        if not (isinstance(a, NameMention) and isinstance(b, NameMention)):
            continue
        if link.doc_a == doc.id:
            yield link.doc_b, a, b
        elif link.doc_b == doc.id:
            yield link.doc_a, b, a


def _names(ctx: Context, doc_id: str) -> list[NameMention]:
    """Return the name mentions of a document that have a kind noun."""
    return [m for m in ctx.mentions_of(doc_id, NameMention) if m.noun]


def _variant_of(
    m: NameMention, theirs: Sequence[NameMention], keys_here: set[str], keys_there: set[str]
) -> NameMention | None:
    """Return a name in the other source one word away from `m`, used only there."""
    if m.key in keys_there or m.canonical:
        return None
    for t in theirs:
        if t.key in keys_here or t.noun != m.noun:
            continue
        if _both_known_and_different(m, t):
            continue
        covered = bool(t.canonical) and len(t.key.split()) != len(m.key.split())
        if covered or _national_prefix(m, t):
            continue
        if one_word_apart(m.key.split(), t.key.split()):
            return t
    return None


def _both_known_and_different(a: NameMention, b: NameMention) -> bool:
    """Return True if both names are known canonical names of different things."""
    ca, cb = a.canonical, b.canonical
    return ca is not None and cb is not None and ca != cb


def one_word_apart(a: Sequence[str], b: Sequence[str]) -> bool:
    """Return True if two word lists differ by one content word swapped, added or dropped."""
    if len(a) == len(b) and len(a) >= 2:
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and not ({*diff[0]} & GENERIC) and not _same_stem(*diff[0])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) - len(short) != 1 or len(short) < 2:
        return False
    for i, word in enumerate(long):
        if [*long[:i], *long[i + 1 :]] == list(short):
            return word not in GENERIC
    return False


def _same_stem(a: str, b: str) -> bool:
    """Return True for inflections of one word ("electronic", "electronics")."""
    n = min(len(a), len(b))
    return n >= 4 and a[: n - 1] == b[: n - 1]


def _national_prefix(a: NameMention, b: NameMention) -> bool:
    """Return True if the longer name only adds a national or acronym prefix ("US", "Russian")."""
    short, long = (a, b) if len(a.key.split()) < len(b.key.split()) else (b, a)
    if len(long.key.split()) != len(short.key.split()) + 1:
        return False
    return _exempt_prefix(long.text, short.key.split())


@rule(
    "N102",
    Severity.WARNING,
    Category.MT_ERROR,
    fires=(
        "Ministers met in Vienna at the «Multilateral Organization for Security and "
        "Cooperation in Europe».",
        "Inspectors of the «International Atomic Agency» visited the plant.",
    ),
    quiet=(
        "Ministers met at the Organization for Security and Cooperation in Europe (OSCE).",
        "Inspectors of the International Atomic Energy Agency visited.",
        "Russian Organization for Security and Cooperation in Europe delegates met.",
    ),
)
def noncanonical_name(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A well-known name with a word added or missing.

    Names are compared with the canonical names and aliases in the knowledge file
    `names.tsv`; national adjectives before a name are allowed.

    Why it matters:
        Names of treaties and organisations are fixed; a spurious word ("Multilateral
        Organization for Security and Cooperation in Europe") or a missing one ("International
        Atomic Agency") is a translation error.
    Example:
        Multilateral Organization for Security and Cooperation in Europe
    Use instead:
        Organization for Security and Cooperation in Europe
    Known false positives:
        A different, real body whose name is one word away from a well-known one.
    """
    book = ctx.knowledge.names if ctx.knowledge else NameBook()
    by_length = _spellings_by_length(book)
    nearest: dict[tuple[str, str], str | None] = {}
    for m in ctx.mentions_of(doc.id, NameMention):
        if m.canonical:
            continue
        if (m.key, m.text) not in nearest:  # a name repeated is looked up once
            nearest[m.key, m.text] = _near_canonical(m, by_length)
        spelling = nearest[m.key, m.text]
        if spelling is not None:
            yield Hit(
                m.start,
                m.end,
                f"Looks like {spelling!r} with a word added or missing.",
                suggestion=spelling,
                confidence=0.7,
            )


def _spellings_by_length(book: NameBook) -> dict[int, list[tuple[int, str]]]:
    """Return the known spellings of 3+ words by their number of words, with their rank."""
    found: dict[int, list[tuple[int, str]]] = defaultdict(list)
    spellings = (spelling for entry in book.entries for spelling in entry.spellings)
    for rank, spelling in enumerate(spellings):
        if len(_parts(spelling)) >= 3:
            found[len(_parts(spelling))].append((rank, spelling))
    return found


def _near_canonical(m: NameMention, by_length: Mapping[int, list[tuple[int, str]]]) -> str | None:
    """Return the known spelling one word added or dropped away from the name `m`.

    Only the spellings one word longer or shorter are compared, in the book's order.
    """
    words = m.key.split()
    near = sorted([*by_length.get(len(words) - 1, ()), *by_length.get(len(words) + 1, ())])
    found = [
        spelling
        for _, spelling in near
        if one_word_apart(words, _parts(spelling)) and not _exempt_prefix(m.text, _parts(spelling))
    ]
    found.sort(key=lambda spelling: spelling not in m.text)
    return found[0] if found else None


def _exempt_prefix(text: str, known: Sequence[str]) -> bool:
    """Return True if the only extra word is a national or possessive prefix ("Russian")."""
    first = text.split()[0]
    rest = fold_words(" ".join(text.split()[1:]))
    return rest == list(known) and bool(LEADING_EXEMPT.match(first))


@rule(
    "N103",
    Severity.ERROR,
    Category.MT_ERROR,
    fires=(
        "Officials discussed a revival of the «Comprehensive, which was never ratified. Treaty "
        "on nuclear tests» within reach.",
        "It pulled out of the «Treaty on weapons non-proliferation nuclear» last year.",
    ),
    quiet=(
        "They discussed the Intermediate-Range Nuclear Forces Treaty.",
        "The treaty on intermediate-range nuclear forces lapsed.",
        "Nuclear forces were discussed. The Treaty of Rome was signed in 1957.",
    ),
)
def mangled_name(doc: Document, ctx: Context) -> Iterator[Hit]:
    """A well-known treaty or organisation name mangled beyond recognition.

    When a capitalised kind word ("Treaty") stands within a few words of most of the
    distinctive words of a canonical name from `names.tsv`, and the name itself is nowhere
    spelled correctly nearby, the passage is flagged with the canonical name as the fix.

    Why it matters:
        MT can tear a name apart: words translated literally, reordered or split across a false
        sentence break ("the Comprehensive, which was never ratified. Treaty on nuclear tests").
    Example:
        Comprehensive, which was never ratified. Treaty on nuclear tests
    Use instead:
        Comprehensive Nuclear-Test-Ban Treaty
    Known false positives:
        A passage that talks about the subject of a treaty in its own words next to another
        treaty's name.
    """
    book = ctx.knowledge.names if ctx.knowledge else NameBook()
    spelled = SpanIndex(
        (m.start, m.end) for m in ctx.mentions_of(doc.id, NameMention) if " " in m.text
    )
    for start, end, entry in _fragments(doc, _by_kind_word(book)):
        if spelled.overlaps(start, end):
            continue
        yield Hit(
            start,
            end,
            f"Probably a mangled {entry.canonical!r}: its distinctive words appear "
            "scattered around a stray kind word.",
            suggestion=entry.canonical,
            confidence=0.75,
        )


def _by_kind_word(book: NameBook) -> dict[str, list[CanonicalName]]:
    """Return the entries with 3+ distinctive words by each word of their canonical name."""
    found: dict[str, list[CanonicalName]] = defaultdict(list)
    for entry in book.entries:
        if len(entry.distinctive) >= 3:
            for word in _folded(entry.canonical):
                found[word].append(entry)
    return found


def _fragments(
    doc: Document, entries: Mapping[str, Sequence[CanonicalName]]
) -> Iterator[tuple[int, int, CanonicalName]]:
    """Yield spans near a capitalised kind word that spell a known name, sentence by sentence.

    The words around a kind word are looked for in its sentence and the one before it. Only
    sentences where `_capitalised` finds a candidate are split into words (a fifth of them),
    and a sentence read for its own candidate is not read again for the next one's.
    """
    kinds = {w for w in GENERIC if entries.get(w)}  # "treaty", but also "the"
    candidates = [m.start() for m in _capitalised(kinds).finditer(doc.text, doc.body_start)]
    own: list[str] = []
    read = -1  # the sentence whose words `own` holds
    for index, sentence in enumerate(doc.sentences):
        c = bisect.bisect_left(candidates, sentence.start)
        if c == len(candidates) or candidates[c] >= sentence.end:
            continue
        before = _before(doc, index, own if read == index - 1 else None)
        own = _word_texts(doc.text, sentence.start, sentence.end, doc.body_start)
        read = index
        words = [*before, *own]
        yield from _sentence_fragments(doc, index, words, len(before), kinds, entries)


def _sentence_fragments(
    doc: Document,
    index: int,
    words: list[str],
    first: int,
    kinds: Collection[str],
    entries: Mapping[str, Sequence[CanonicalName]],
) -> Iterator[tuple[int, int, CanonicalName]]:
    """Yield the spans around the kind words of sentence `index`, its words from `first` on.

    `words` are the texts of the words of the sentence and the one before; their places are
    read (`_words_in`) only for the rare window that holds most of a name's words.
    """
    placed: list[Word] = []
    for k in range(first, len(words)):
        noun = words[k]
        if not (noun[0].isupper() and noun.lower() in kinds):
            continue
        low = max(0, k - 8)
        window = words[low : k + 8]
        prefixes = [_prefixes(w) for w in window]
        seen = frozenset().union(*prefixes)
        for entry in entries[noun.lower()]:
            hits = _scattered(window, prefixes, seen, noun, entry)
            if not hits:
                continue
            placed = placed or _sentence_words(doc, index)
            span = _unspelled([placed[k], *(placed[low + i] for i in hits)], entry, doc.text)
            if span is not None:
                yield span[0], span[1], entry


# The one capital outside ASCII whose lower case is an ASCII letter: the Kelvin sign.
ASCII_CAPITALS = {"k": "K\u212a"}


def _capitalised(kinds: Collection[str]) -> re.Pattern[str]:
    """Return a pattern that finds every kind word written with a capital (and more).

    Its first letter is a capital whose lower case is the kind word's, the rest in any case,
    and no word character follows (WORD_TOKEN would go on: "There" is no kind word): a word
    that `_fragments` takes for a kind word starts where this pattern matches (the match
    before it cannot overlap it: a word never starts right after a letter).
    """
    forms = sorted(
        f"[{ASCII_CAPITALS.get(k[0], k[0].upper())}](?i:{re.escape(k[1:])})" for k in kinds
    )
    return re.compile(f"(?:{'|'.join(forms)})(?![\\w'’]|-[^\\W\\d_])" if forms else "(?!)")


def _words_in(text: str, lo: int, hi: int, body_start: int) -> list[Word]:
    """Return the words starting in text[lo:hi] as a scan of the body from `body_start` finds them.

    The scan starts over at the first offset before `lo` that no word runs across (after a
    character that is not a word's), where it is in step with the scan of the whole body. It
    stops after the first space from `hi` on, which no word starting before `hi` runs across
    (an initial's lookahead reads that space).
    """
    at = max(lo, body_start)
    while at > body_start and WORD_INSIDE.match(text, at - 1):
        at -= 1
    space = SPACE.search(text, hi)
    stop = space.end() if space else len(text)
    return [
        (m.start(), m.end(), word)
        for m in WORD_TOKEN.finditer(text, at, stop)
        if lo <= m.start() < hi and (word := m.group())[:1].isalpha()
    ]


def _before(doc: Document, index: int, read: list[str] | None) -> list[str]:
    """Return the texts of the words from the start of the sentence before `index` to its own.

    `read` are the words of the sentence before, if they were read: they are all of them when
    only space lies between the two sentences.
    """
    if index == 0:
        return []
    prev, start = doc.sentences[index - 1], doc.sentences[index].start
    if prev.end <= start and not doc.text[prev.end : start].strip():
        if read is not None:
            return read
        return _word_texts(doc.text, prev.start, prev.end, doc.body_start)
    return _word_texts(doc.text, prev.start, start, doc.body_start)


def _sentence_words(doc: Document, index: int) -> list[Word]:
    """Return the words of sentence `index` and the one before it, with their places."""
    sentence = doc.sentences[index]
    lo = doc.sentences[index - 1].start if index else sentence.start
    return _words_in(doc.text, lo, sentence.end, doc.body_start)


def _word_texts(text: str, lo: int, hi: int, body_start: int) -> list[str]:
    """Return the texts of `_words_in(text, lo, hi, body_start)`.

    When no word runs across `lo` and a space follows `hi` (so around most sentences), the
    words are those a scan of text[lo:hi + 1] finds, without their places.
    """
    clean = lo == body_start or (lo > body_start and not WORD_INSIDE.match(text, lo - 1))
    if not (clean and SPACE.match(text, hi)):
        return [w[2] for w in _words_in(text, lo, hi, body_start)]
    return [w for w in WORD_TOKEN.findall(text, lo, hi + 1) if w[:1].isalpha()]


def _scattered(
    window: Sequence[str],
    prefixes: Sequence[frozenset[str]],
    seen: frozenset[str],
    noun: str,
    entry: CanonicalName,
) -> list[int]:
    """Return where in `window` the entry's distinctive words are, if most of them are there.

    `prefixes` are each window word's `_prefixes`, `seen` all of them: a distinctive word is
    found when its stem is among them (the word that has it is then one of the hits).
    """
    distinctive = entry.distinctive
    if len(distinctive) < 3 or noun.lower() not in _folded(entry.canonical):
        return []
    found = {w for w in distinctive if _stem(w) in seen}
    if len(found) < max(3, round(0.75 * len(distinctive))):
        return []
    stems = _stems(distinctive)
    return [i for i, p in enumerate(prefixes) if not stems.isdisjoint(p)]


def _unspelled(hits: Sequence[Word], entry: CanonicalName, text: str) -> tuple[int, int] | None:
    """Return the span of the hits (the kind word first) unless it holds one of the spellings."""
    start = min(w[0] for w in hits)
    end = max(w[1] for w in hits)
    inside = fold_words(text[start:end])
    if any(_contains(inside, _parts(sp)) for sp in entry.spellings):
        return None
    return start, end


@lru_cache(maxsize=4096)
def _folded(name: str) -> frozenset[str]:
    """Return the folded words of a canonical name, once per name."""
    return frozenset(fold_words(name))


@lru_cache(maxsize=65536)
def _parts(word: str) -> tuple[str, ...]:
    """Return the folded parts of a word or a known spelling, once per text."""
    return tuple(fold_words(word))


def _contains(words: Sequence[str], part: Sequence[str]) -> bool:
    """Return True if `part` occurs as a run of consecutive words in `words`."""
    n = len(part)
    return any(list(words[i : i + n]) == list(part) for i in range(len(words) - n + 1))


def _stem(target: str) -> str:
    """Return the stem a word must start with to match `target`: its first STEM letters."""
    return target[:STEM]


@lru_cache(maxsize=4096)
def _stems(distinctive: frozenset[str]) -> frozenset[str]:
    """Return the stems of an entry's distinctive words."""
    return frozenset(map(_stem, distinctive))


@lru_cache(maxsize=65536)
def _prefixes(word: str) -> frozenset[str]:
    """Return the stems the word matches: each folded part's prefixes up to STEM letters.

    A word matches a distinctive word when one of its parts starts with the other's stem, so
    a match is one set lookup.
    """
    return frozenset(p[:n] for p in _parts(word) for n in range(min(STEM, len(p)) + 1))
