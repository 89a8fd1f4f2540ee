"""Start-up stays fast: `audit --help` imports none of the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer
from typer.testing import CliRunner

from auditor.commands.coercion import PlainCommand

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


CHECK_PROBE = """
import sys
from auditor.cli import app
try:
    app(["check", {seed!r}, "-f", "json", "-o", {out!r}, "--exit-zero"])
except SystemExit as stop:
    print("EXIT:" + str(stop.code))
print("PYDANTIC:" + str("pydantic" in sys.modules))
print("SACREBLEU:" + str("sacrebleu" in sys.modules))
"""


def test_check_coerces_its_options_and_signs_its_metrics_without_pydantic_or_sacrebleu(
    tmp_path: Path,
) -> None:
    seed = sorted(Path(__file__).resolve().parents[1].joinpath("seeds").glob("*.txt"))[0]
    out = tmp_path / "out.json"
    probe = CHECK_PROBE.format(seed=str(seed), out=str(out))
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-3:] == ["EXIT:0", "PYDANTIC:False", "SACREBLEU:False"]
    assert json.loads(out.read_text(encoding="utf-8"))["reports"]


def test_plain_command_gives_the_annotated_types() -> None:
    seen: dict[str, object] = {}
    app = typer.Typer()

    @app.command(cls=PlainCommand)
    def probe(
        files: Annotated[list[Path], typer.Argument()],
        name: Annotated[str | None, typer.Option()] = None,
        other: Annotated[Path | None, typer.Option()] = None,
        flag: Annotated[bool, typer.Option()] = False,
    ) -> None:
        seen.update(files=files, name=name, other=other, flag=flag)

    done = CliRunner().invoke(app, ["a.txt", "b.txt", "--name", "x", "--flag"])
    assert done.exit_code == 0, done.output
    files = [Path("a.txt"), Path("b.txt")]  # a str would not equal a Path
    assert seen == {"files": files, "name": "x", "other": None, "flag": True}
