"""Start-up stays fast: `audit --help` imports none of the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("nltk", "sacrebleu", "textstat", "jinja2", "charset_normalizer", "numpy", "scipy")

PROBE = """
import sys
from auditor.cli import app
try:
    app(["--help"])
except SystemExit:
    pass
print("HEAVY:" + ",".join(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def test_help_does_not_import_heavy_libraries() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Usage" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "HEAVY:"
