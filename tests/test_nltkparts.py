"""Punkt and the Porter stemmer load without the rest of nltk; `import nltk` still works in full."""

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


STEM_PROBE = """
import sys
import auditor.rules
from auditor.align.happening import base
print("nltk" in sys.modules, "nltk.stem.porter" in sys.modules)
print(base("exploded"), base("struck"), "nltk" in sys.modules, "nltk.stem.porter" in sys.modules)
import nltk
from nltk.stem.porter import PorterStemmer
print(PorterStemmer().stem("exploded"), bool(nltk.__version__))
"""


def test_rules_import_no_nltk_and_the_stemmer_loads_alone_on_first_use() -> None:
    out = subprocess.run(
        [sys.executable, "-c", STEM_PROBE], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "False False"
    stemmed, struck, whole, porter = out[1].split()
    assert (stemmed, struck) == ("explod", "strike")  # Porter's stem; an irregular form's base
    assert (whole, porter) == ("False", "True")
    assert out[2] == "explod True"
