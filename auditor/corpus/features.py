"""What an article is about, as a set of terms: names, numbers and content words."""

from __future__ import annotations

import re
from collections import Counter

from auditor.knowledge.lexicon import lexicon

TOKEN = re.compile(r"[^\W\d_][\w'’.-]*[^\W_]|[^\W\d_]|\d+(?:[.,:]\d+)*")
SENTENCE_END = re.compile(r"[.!?:;\"“”«»(\[\n]\s*$")


def terms(text: str) -> dict[str, int]:
    """Count the article's terms: `n:` names, `#:` numbers, `w:` content words.

    A name is a capitalised word that does not start a sentence; a content word is any other
    word of three letters or more that is not a function word or a calendar word.
    """
    out: Counter[str] = Counter()
    stopwords, calendar = lexicon().word_set("stopwords"), lexicon().calendar
    for m in TOKEN.finditer(text):
        word = m.group()
        if word[0].isdigit():
            out["#:" + word.replace(",", "")] += 1
            continue
        key = word.casefold().replace("’", "'").removesuffix("'s")
        if key in stopwords or key in calendar or len(key) < 3:
            continue
        if word[0].isupper() and not starts_sentence(text, m.start()):
            out["n:" + key] += 1
        else:
            out["w:" + _stem(key)] += 1
    return dict(out)


def starts_sentence(text: str, start: int) -> bool:
    """Return True if the word at `start` opens a sentence, a line or a quotation."""
    before = text[max(0, start - 4) : start]
    return start == 0 or not before.strip() or bool(SENTENCE_END.search(before))


def _stem(word: str) -> str:
    """Fold a few English inflections so that `talks` and `talk` meet."""
    for suffix in lexicon().words["inflection_suffixes"]:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
