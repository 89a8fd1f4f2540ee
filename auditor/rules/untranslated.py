"""Source-language residue in a translation: words in another script, ideographic punctuation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from auditor.model import Category, Document, Hit, Severity
from auditor.rules.registry import Context, rule

# Letters of scripts that do not belong in a Latin-script text: Cyrillic, Hebrew, Arabic,
# Devanagari, Thai, kana, CJK ideographs, Hangul.
FOREIGN = (
    "\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f"
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
)
FOREIGN_RUN = re.compile(rf"[{FOREIGN}]+(?:[\s·・]*[{FOREIGN}]+)*")
# Ideographic and full-width punctuation (Chinese, Japanese, Korean typesetting).
WIDE_PUNCT = re.compile(
    r"[\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff5b-\uff65]"
)
NARROW = {"、": ",", "。": ".", "《": "“", "》": "”", "〈": "‘", "〉": "’", "「": "“", "」": "”"}
NARROW |= {"『": "‘", "』": "’", "【": "[", "】": "]", "〔": "(", "〕": ")"}
LATIN_SHARE = 0.75  # share of a document's letters in Latin script to call it a Latin text
# Runs of the letters below U+0250 (Latin script: ASCII, Latin-1, Latin Extended-A and -B;
# counted as what removing them takes away, not one string per run or letter) and the
# characters from there on (among them the letters of every other script).
LATIN_RUN = re.compile(r"[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+")
BEYOND_LATIN = re.compile(r"[^\u0000-\u024f]")


@rule(
    "U101",
    Severity.ERROR,
    Category.MT_ERROR,
    fires=(
        "The video was posted on the account @«芳芳一人食» on Douyin.",
        "He met the governor of «Приморье» on Monday.",
    ),
    quiet=(
        "The video was posted on the account of Fang Fang on Douyin.",
        "俄罗斯副外长里亚布科夫与美国副国务卿舍曼在日内瓦会谈。",
        "The café in Zürich served crème brûlée.",
    ),
)
def untranslated_text(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Words in another script left untranslated in a Latin-script text.

    Only documents written mostly in Latin script are checked (a Chinese text is left alone),
    and accented Latin letters are never flagged.

    Why it matters:
        Machine translation sometimes copies a name or a phrase of the source unchanged:
        Chinese characters, kana, Hangul, Cyrillic or Arabic in the middle of an English
        sentence. Readers cannot read it and professional reviewers count it as one of the
        worst errors.
    Example:
        the account @芳芳一人食 on Douyin
    Use instead:
        the account @FangfangYirenshi (a transliteration or translation) on Douyin
    Known false positives:
        Names given in their own script on purpose, next to their translation.
    """
    if not _latin_text(doc.text):
        return
    for m in FOREIGN_RUN.finditer(doc.text, doc.body_start):
        yield Hit(
            m.start(),
            m.end(),
            f"{m.group()!r} is in another script: probably source text left untranslated.",
            confidence=0.9,
        )


@rule(
    "U102",
    Severity.WARNING,
    Category.FLUENCY,
    fires=(
        "The companies were blacklisted on Friday«。» The list was published.",
        "The plan is called «《»Speed Pioneer City«》» and runs to 2025.",
    ),
    quiet=(
        "The companies were blacklisted on Friday. The list was published.",
        "会谈在日内瓦举行。",
    ),
)
def source_language_punctuation(doc: Document, ctx: Context) -> Iterator[Hit]:
    """Ideographic or full-width punctuation left in a Latin-script text.

    Only documents written mostly in Latin script are checked. The suggestion is the Latin
    equivalent.

    Why it matters:
        Chinese and Japanese typesetting uses its own full stop (。), comma (、，), brackets and
        title marks (《》); machine translation and copy-paste carry them into English, where
        they look broken and confuse search and spell checkers.
    Example:
        on Friday。
    Use instead:
        on Friday.
    Known false positives:
        Punctuation inside a quoted Chinese or Japanese title.
    """
    if not _latin_text(doc.text):
        return
    for m in WIDE_PUNCT.finditer(doc.text, doc.body_start):
        mark = m.group()
        narrow = NARROW.get(mark) or unicodedata.normalize("NFKC", mark)
        yield Hit(
            m.start(),
            m.end(),
            f"{mark!r} is source-language (full-width) punctuation in an English text.",
            suggestion=narrow if narrow != mark else None,
            confidence=0.9,
            safe=True,
        )


@lru_cache(maxsize=4)
def _latin_text(text: str) -> bool:
    """Return True if most letters of the text are in Latin script (once per text)."""
    latin = len(text) - len(LATIN_RUN.sub("", text))  # no string per run
    other = sum(1 for c in BEYOND_LATIN.findall(text) if c.isalpha())
    return latin + other > 0 and latin >= LATIN_SHARE * (latin + other)
