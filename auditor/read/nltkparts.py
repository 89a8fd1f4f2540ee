"""Load one nltk module (Punkt, the Porter stemmer) without running `nltk/__init__`.

Importing any nltk module first runs `nltk/__init__.py`, and that imports every part of nltk
(corpora, chunkers, taggers, translation metrics and, when installed, numpy, scipy and
scikit-learn): about three times what Punkt itself needs, half a second of every start.
nltk offers no lighter public entry, so the module's packages (`nltk`, `nltk.tokenize`) are
stood in for, while it loads, by empty package objects with nltk's own search paths: its
modules (and the few nltk modules they import) then load from nltk's files as usual, and the
stand-ins are removed again, so a later
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


def load_nltk_module(module: str) -> ModuleType:
    """Return an nltk module ("nltk.stem.porter"), importing as little of nltk as possible."""
    if module in sys.modules or "nltk" in sys.modules:
        return importlib.import_module(module)
    parts = module.split(".")
    packages = [".".join(parts[:i]) for i in range(1, len(parts))]
    spec = importlib.util.find_spec("nltk")
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module(module)
    root = Path(next(iter(spec.submodule_search_locations)))
    before = set(sys.modules)
    for name in packages:
        package = types.ModuleType(name)
        package.__path__ = [str(root.joinpath(*name.split(".")[1:]))]
        sys.modules[name] = package
    try:
        return importlib.import_module(module)
    except Exception:
        for name in set(sys.modules) - before:
            del sys.modules[name]
        for name in packages:
            sys.modules.pop(name, None)
        return importlib.import_module(module)
    finally:
        for name in packages:
            if sys.modules.get(name) is not None and not hasattr(sys.modules[name], "__file__"):
                del sys.modules[name]
