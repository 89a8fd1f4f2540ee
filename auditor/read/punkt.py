"""Load nltk's Punkt module without running `nltk/__init__`, which imports all of nltk.

Importing any nltk module first runs `nltk/__init__.py`, and that imports every part of nltk
(corpora, chunkers, taggers, translation metrics and, when installed, numpy, scipy and
scikit-learn): about three times what Punkt itself needs. nltk offers no lighter public entry,
so the packages `nltk` and `nltk.tokenize` are stood in for, while Punkt loads, by empty
package objects with nltk's own search paths: Punkt's modules (and the few nltk modules they
import) then load from nltk's files as usual, and the stand-ins are removed again, so a later
`import nltk` runs nltk's own `__init__` and finds those modules already loaded. If anything
goes wrong, or nltk is already imported, the plain import is used.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from types import ModuleType

PACKAGES = ("nltk", "nltk.tokenize")
MODULE = "nltk.tokenize.punkt"


def load_punkt() -> ModuleType:
    """Return the `nltk.tokenize.punkt` module, importing as little of nltk as possible."""
    if MODULE in sys.modules or "nltk" in sys.modules:
        return importlib.import_module(MODULE)
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module(MODULE)
    root = Path(next(iter(spec.submodule_search_locations)))
    before = set(sys.modules)
    for name in PACKAGES:
        package = types.ModuleType(name)
        package.__path__ = [str(root.joinpath(*name.split(".")[1:]))]
        sys.modules[name] = package
    try:
        return importlib.import_module(MODULE)
    except Exception:
        for name in set(sys.modules) - before:
            del sys.modules[name]
        for name in PACKAGES:
            sys.modules.pop(name, None)
        return importlib.import_module(MODULE)
    finally:
        for name in PACKAGES:
            if sys.modules.get(name) is not None and not hasattr(sys.modules[name], "__file__"):
                del sys.modules[name]
