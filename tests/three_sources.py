"""Three accounts of one event, each differing from the others in known words."""

from __future__ import annotations

from pathlib import Path

TEXTS = (
    "The council approved the new budget on Monday. Officials said the vote was close.\n",
    "The council approved the revised budget on Monday. Officials said the vote was narrow.\n",
    "The city council approved the revised budget on Tuesday. "
    "Officials said the vote was narrow.\n",
)
_C_AGAINST_A = ["city", "revised", "Tuesday", "narrow"]
# The words each document (by label) marks as different against each document (by id): another
# document where it differs from that one; the chosen one where it differs from any other.
AGAINST = {
    "a": {"A": ["new", "Monday", "close"], "B": ["revised", "narrow"], "C": _C_AGAINST_A},
    "b": {"A": ["new", "close"], "B": ["revised", "Monday", "narrow"], "C": ["city", "Tuesday"]},
    "c": {"A": ["new", "Monday", "close"], "B": ["Monday"], "C": _C_AGAINST_A},
}


def write_three(folder: Path) -> list[Path]:
    """Write the three accounts as a.txt, b.txt and c.txt in `folder`; return their paths."""
    paths = [folder / f"{name}.txt" for name in "abc"]
    for path, text in zip(paths, TEXTS, strict=True):
        path.write_text(text, encoding="utf-8")
    return paths
