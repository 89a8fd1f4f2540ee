"""Punkt loads without the rest of nltk, and a later `import nltk` still works in full."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from auditor.read.segment import split_sentences
spans = split_sentences("Mr. Lee arrived on Monday. He met Dr. Petrov. Talks began.")
corpus = sorted(m for m in sys.modules if m.startswith("nltk.corpus"))
print(len(spans), corpus, "nltk" in sys.modules)
import nltk
import nltk.tokenize.punkt as punkt
print(nltk.tokenize.PunktSentenceTokenizer is punkt.PunktSentenceTokenizer, bool(nltk.__version__))
print(type(nltk.word_tokenize).__name__)
"""


def test_punkt_loads_without_importing_all_of_nltk() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "3 [] False"
    assert out[1] == "True True"
    assert out[2] == "function"
