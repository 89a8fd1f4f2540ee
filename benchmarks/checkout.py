"""Make a benchmark measure the checkout it sits in, not the one the environment installed.

`python benchmarks/x.py` puts `benchmarks/` first on the import path, so `import auditor` found
whichever checkout `pip install -e` pointed at: a branch's worktree measured main's code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def use_checkout() -> Path:
    """Put this checkout first on the import path, here and in every process started from here."""
    sys.path.insert(0, str(ROOT))
    inherited = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), *([inherited] if inherited else [])])
    return ROOT
