"""The report is data: renderers import only the model, and the model imports no pipeline."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "auditor"
# write.py writes files safely (it checks outputs against inputs); it renders nothing.
RENDERERS = sorted(p for p in (PACKAGE / "report").glob("*.py") if p.name != "write.py")
THIRD_PARTY_FOR_RENDERERS = {"jinja2", "markupsafe"}


def imports(path: Path) -> set[str]:
    """Return every module a file imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def stdlib(module: str) -> bool:
    """Return True if `module` is part of Python's standard library (or `__future__`)."""
    return module.split(".")[0] in sys.stdlib_module_names | {"__future__"}


@pytest.mark.parametrize("path", RENDERERS, ids=lambda p: p.name)
def test_renderers_import_only_the_model(path: Path) -> None:
    allowed = {"auditor.model", "auditor.report"}
    bad = {
        m
        for m in imports(path)
        if not stdlib(m)
        and m.split(".")[0] not in THIRD_PARTY_FOR_RENDERERS
        and m not in allowed
        and not m.startswith("auditor.report.")
    }
    assert bad == set(), f"{path.name} reaches into the pipeline"


def test_model_imports_nothing_of_the_pipeline() -> None:
    assert {m for m in imports(PACKAGE / "model.py") if not stdlib(m)} == set()


def test_the_check_sees_a_reach_into_the_pipeline(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from auditor.read.lines import line_index\n", encoding="utf-8")
    assert imports(bad) == {"auditor.read.lines"}
