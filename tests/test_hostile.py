"""Bad and hostile input: one line and exit 2, nothing written, inputs never changed."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from ci_support import BROKEN, CLEAN, invoke, one_line_error, write

from auditor.model import InputError
from auditor.read.files import read_limited

Setup = Callable[[Path], None]


def fifo(name: str) -> Setup:
    """Make a named pipe called `name` (reading it would block forever)."""
    return lambda d: os.mkfifo(d / name)


def text(name: str, content: str) -> Setup:
    """Write a text file called `name`."""
    return lambda d: write(d / name, content) and None


def link(name: str, target: str) -> Setup:
    """Make a symbolic link `name` pointing at `target`."""
    return lambda d: (d / name).symlink_to(target)


NESTED_JSON = "[" * 100_000
NESTED_TOML = "x = " + "[" * 100_000
HUGE = "9" * 5_000

# (id, setup, arguments, words the one-line error must contain)
BAD = [
    ("article-fifo", fifo("p.txt"), ["check", "p.txt"], ["p.txt", "named pipe"]),
    ("article-dir", lambda d: (d / "sub").mkdir(), ["check", "sub"], ["sub", "directory"]),
    ("article-zero", None, ["check", "/dev/zero"], ["/dev/zero", "character device"]),
    ("article-urandom", None, ["check", "/dev/urandom"], ["character device"]),
    ("compare-fifo", fifo("p.txt"), ["compare", "clean.txt", "p.txt"], ["p.txt", "named pipe"]),
    ("config-fifo", fifo("c.toml"), ["check", "clean.txt", "--config", "c.toml"], ["c.toml"]),
    (
        "config-nested",
        text("c.toml", NESTED_TOML),
        ["check", "clean.txt", "--config", "c.toml"],
        ["c.toml", "invalid TOML"],
    ),
    (
        "config-huge-int",
        text("c.toml", f"fail-on = {HUGE}\n"),
        ["check", "clean.txt", "--config", "c.toml"],
        ["c.toml"],
    ),
    (
        "config-overflow",
        text("c.toml", f"[options.R101]\nmax-grade = {'9' * 400}\n"),
        ["check", "clean.txt", "--config", "c.toml"],
        ["c.toml", "max-grade", "too large"],
    ),
    (
        "config-binary",
        text("c.toml", "\x00\x01"),
        ["check", "clean.txt", "--config", "c.toml"],
        ["c.toml"],
    ),
    (
        "pyproject-audit-not-table",
        text("pyproject.toml", "[tool]\naudit = 1\n"),
        ["check", "clean.txt"],
        ["pyproject.toml", "must be a table"],
    ),
    (
        "baseline-fifo",
        fifo("b.json"),
        ["check", "clean.txt", "--baseline", "b.json"],
        ["b.json", "named pipe"],
    ),
    (
        "baseline-nested",
        text("b.json", NESTED_JSON),
        ["check", "clean.txt", "--baseline", "b.json"],
        ["b.json", "nested too deeply"],
    ),
    (
        "baseline-huge-int",
        text("b.json", f'{{"entries": [{{"count": {HUGE}}}]}}'),
        ["check", "clean.txt", "--baseline", "b.json"],
        ["b.json"],
    ),
    (
        "suppressions-fifo",
        fifo("s.json"),
        ["compare", "clean.txt", "warn.txt", "--suppressions", "s.json"],
        ["s.json", "named pipe"],
    ),
    (
        "suppressions-nested",
        text("s.json", NESTED_JSON),
        ["compare", "clean.txt", "warn.txt", "--suppressions", "s.json"],
        ["s.json"],
    ),
    (
        "glossary-fifo",
        fifo("g.csv"),
        ["compare", "clean.txt", "warn.txt", "--glossary", "g.csv"],
        ["g.csv", "named pipe"],
    ),
    (
        "glossary-huge-field",
        text("g.csv", 'term,variants\n"' + "x" * 200_000),
        ["compare", "clean.txt", "warn.txt", "--glossary", "g.csv"],
        ["g.csv"],
    ),
    (
        "tbx-nested",
        text("g.tbx", "<a>" * 50_000),
        ["compare", "clean.txt", "warn.txt", "--glossary", "g.tbx"],
        ["g.tbx"],
    ),
    (
        "glossary-lookbehind",
        text("g.csv", "term,variants\nKyiv,re:(?<!Chicken )Kiev\n"),
        ["compare", "clean.txt", "warn.txt", "--glossary", "g.csv"],
        ["g.csv:2", "RE2", "lookarounds"],
    ),
    (
        "glossary-bad-regex",
        text("g.csv", "term,variants\nx,re:x{1000}{1000}\n"),
        ["compare", "clean.txt", "warn.txt", "--glossary", "g.csv"],
        ["g.csv:2", "bad repetition"],
    ),
    ("output-is-input", None, ["check", "broken.txt", "-o", "broken.txt"], ["broken.txt", "input"]),
    (
        "output-is-other-input",
        None,
        ["compare", "clean.txt", "warn.txt", "-f", "json", "-o", "warn.txt"],
        ["warn.txt", "input"],
    ),
    ("output-dotdot-input", None, ["check", "broken.txt", "-o", "./x/../broken.txt"], ["input"]),
    (
        "output-link-to-input",
        link("l.json", "broken.txt"),
        ["check", "broken.txt", "-o", "l.json"],
        ["l.json", "input"],
    ),
    (
        "output-hardlink-to-input",
        lambda d: os.link(d / "broken.txt", d / "h.json"),
        ["check", "broken.txt", "-o", "h.json"],
        ["h.json", "input"],
    ),
    (
        "baseline-output-is-input",
        None,
        ["baseline", "broken.txt", "-o", "broken.txt"],
        ["broken.txt", "input"],
    ),
    (
        "baseline-output-is-config",
        text("c.toml", "select = ['ALL']\n"),
        ["baseline", "broken.txt", "--config", "c.toml", "-o", "c.toml"],
        ["c.toml", "input"],
    ),
    ("output-fifo", fifo("o.json"), ["check", "broken.txt", "-o", "o.json"], ["named pipe"]),
    (
        "output-dir",
        lambda d: (d / "out").mkdir(),
        ["check", "broken.txt", "-o", "out"],
        ["directory"],
    ),
    ("output-full", None, ["check", "broken.txt", "-o", "/dev/full"], ["/dev/full"]),
    ("usage-no-files", None, ["check"], ["audit check --help"]),
    ("usage-unknown-option", None, ["check", "clean.txt", "--nope"], ["--nope", "--help"]),
    ("usage-unknown-command", None, ["nope"], ["nope", "audit --help"]),
    ("usage-output-without-value", None, ["check", "clean.txt", "-o"], ["-o", "--help"]),
    ("usage-one-file-compare", None, ["compare", "clean.txt"], ["two files"]),
]


def snapshot(folder: Path) -> dict[str, str]:
    """Return every entry under `folder` with a digest of its content (or its kind)."""
    out = {}
    for p in sorted(folder.rglob("*")):
        mode = p.lstat().st_mode
        if stat.S_ISREG(mode):
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
        else:
            out[str(p)] = stat.filemode(mode) + (os.readlink(p) if p.is_symlink() else "")
    return out


@pytest.mark.parametrize(
    ("setup", "args", "needles"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_input_is_one_line_exit_two_nothing_written(
    desk: Path, setup: Setup | None, args: list[str], needles: list[str]
) -> None:
    if setup is not None:
        setup(desk)
    before = snapshot(desk)
    one_line_error(invoke(*args), *needles)
    assert snapshot(desk) == before


@pytest.fixture()
def desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in an empty folder with a clean, a broken and a warning-only article."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "clean.txt", CLEAN)
    write(tmp_path / "broken.txt", BROKEN)
    write(tmp_path / "warn.txt", CLEAN.replace("Monday.", "Monday ."))
    return tmp_path


def test_size_cap_is_enforced_while_reading_whatever_the_size_says(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "x" * 11)
    assert read_limited(path, 11) == b"x" * 11
    with pytest.raises(InputError, match="larger than 10 bytes"):
        read_limited(path, 10)


def test_a_tool_key_that_is_not_a_table_is_not_our_config(desk: Path) -> None:
    for content in ("tool = 1\n", "tool = 'audit'\n"):
        write(desk / "pyproject.toml", content)
        result = invoke("check", "clean.txt")
        assert result.exit_code == 0, result.output


@pytest.mark.parametrize("fmt", ["text", "github", "junit"])
def test_control_characters_in_file_names_are_escaped_in_text_formats(desk: Path, fmt: str) -> None:
    name = "a\nb\x1b[31m\u202e.txt"
    write(desk / name, BROKEN)
    result = invoke("check", name, "-f", fmt)
    assert result.exit_code == 1, result.output
    for raw in ("\x1b", "\u202e", "a\nb"):
        assert raw not in result.stdout
    assert "b\\x1b[31m\\u202e.txt" in result.stdout


def test_text_records_stay_one_line_each_and_json_keeps_the_name_exact(desk: Path) -> None:
    import json

    name = "a\nb.txt"
    write(desk / name, BROKEN)
    lines = invoke("check", name).stdout.splitlines()
    assert lines and all(line.startswith("a\\nb.txt:") for line in lines)
    data = json.loads(invoke("check", name, "-f", "json").stdout)
    assert data["files"] == [name]


def test_error_messages_escape_the_file_name(desk: Path) -> None:
    one_line_error(invoke("check", "x\ny\x1b.txt"), "x\\ny\\x1b.txt", "no such file")


def test_a_catastrophic_glossary_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    from auditor.knowledge.glossary import load_glossary

    glossary = write(tmp_path / "g.csv", "term,variants\ny,re:(x+x+)+y\n")
    (term,) = load_glossary(glossary)
    text = "x" * 200_000
    assert term.variants[0].pattern.finditer(text) == []
    assert [m.start for m in term.variants[0].pattern.finditer(text + "y")] == [0]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark_are_read(tmp_path: Path, encoding: str) -> None:
    from auditor.read.decode import read_document

    path = tmp_path / "a.txt"
    path.write_bytes(CLEAN.encode(encoding))
    doc = read_document(path, "a")
    assert doc.text == CLEAN and doc.encoding == encoding


def test_stray_bytes_in_utf8_are_findings_at_their_place(desk: Path) -> None:
    import json

    data = "Officials met in Zürich on Monday. The talks lasted eight hours.\n".encode()
    (desk / "a.txt").write_bytes(data.replace(b"eight", b"ei\xffght"))
    report = json.loads(invoke("check", "a.txt", "-f", "json").stdout)["reports"][0]
    assert report["documents"][0]["encoding"] == "utf-8 (1 undecodable byte)"
    stray = [f for f in report["findings"] if f["evidence"] == "\ufffd"]
    assert [(f["rule"], f["line"], f["column"]) for f in stray] == [("P105", 1, 55)]


def sparse(name: str, size: int) -> Setup:
    """Make a file of `size` bytes that takes no room on disk (larger than the cap)."""

    def make(d: Path) -> None:
        with open(d / name, "wb") as fh:
            fh.truncate(size)

    return make


# (id, setup, the bad file's name, words its problem must contain); each is checked with a
# good file either side of it, in the format named last
UNREADABLE = [
    ("directory", lambda d: (d / "bad").mkdir(), "bad", ["directory"], "text"),
    ("fifo", fifo("bad.txt"), "bad.txt", ["named pipe"], "json"),
    (
        "binary",
        lambda d: (d / "bad.txt").write_bytes(bytes(range(256)) * 8),
        "bad.txt",
        ["binary"],
        "jsonl",
    ),
    ("too-large", sparse("bad.txt", 50_000_001), "bad.txt", ["larger than 50 MB"], "sarif"),
    ("missing", None, "bad.txt", ["no such file"], "junit"),
    ("empty", text("bad.txt", " \n"), "bad.txt", ["empty"], "github"),
]


@pytest.mark.parametrize(
    ("setup", "bad", "needles", "fmt"), [u[1:] for u in UNREADABLE], ids=[u[0] for u in UNREADABLE]
)
def test_one_unreadable_file_in_a_check_is_an_input_error_among_the_others(
    desk: Path, setup: Setup | None, bad: str, needles: list[str], fmt: str
) -> None:
    if setup is not None:
        setup(desk)
    before = snapshot(desk)
    result = invoke("check", "broken.txt", bad, "warn.txt", "-f", fmt)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    line = one_line_error_of(result.stderr, bad)
    assert all(n in line for n in needles), line
    out = result.stdout
    assert "B101" in out and "P102" in out  # the readable files are reported as usual
    assert "I101" in out and needles[0] in out
    assert snapshot(desk) == before


def one_line_error_of(stderr: str, name: str) -> str:
    """Return the one stderr line that names the unreadable file."""
    lines = [line for line in stderr.splitlines() if line.startswith("audit: error:")]
    assert len(lines) == 1 and name in lines[0], stderr
    return lines[0]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "junit", "github"])
def test_every_format_reports_the_unreadable_file_at_its_place(desk: Path, fmt: str) -> None:
    (desk / "sub").mkdir()
    result = invoke("check", "clean.txt", "sub", "broken.txt", "-f", fmt, "-o", f"out.{fmt}")
    assert result.exit_code == 2, result.output
    out = (desk / f"out.{fmt}").read_text(encoding="utf-8")
    expected = {
        "text": "sub:1:1: I101 [error] Not read: is a directory, not a regular file.",
        "json": '"problem": "is a directory, not a regular file"',
        "jsonl": '"path": "sub", "rule": "I101"',
        "sarif": '"ruleId": "I101"',
        "junit": '<testcase name="sub" classname="audit" time="0">',
        "github": "::error file=sub,line=1,col=1,endLine=1,endColumn=1,title=I101 unreadable",
    }[fmt]
    assert expected in out
    assert "B101" in out
    if fmt == "junit":
        from lxml import etree

        xsd = Path(__file__).parent / "fixtures" / "junit.xsd"
        schema = etree.XMLSchema(etree.parse(str(xsd)))
        assert schema.validate(etree.fromstring(out.encode())), schema.error_log


def test_an_unreadable_file_renders_in_html_and_round_trips_through_json() -> None:
    from auditor import from_dict, to_dict
    from auditor.engine import unread
    from auditor.report.formats import render_run
    from auditor.report.run import Run

    report = unread("sub", "is a directory, not a regular file")
    assert from_dict(to_dict(report)) == report
    page = render_run("html", Run((report,), command="check"))
    assert "I101" in page and "Not read: is a directory, not a regular file." in page


def test_a_baseline_never_accepts_an_unreadable_file(desk: Path) -> None:
    (desk / "sub").mkdir()
    one_line_error(invoke("baseline", "clean.txt", "sub", "-o", "b.json"), "sub", "directory")
    assert not (desk / "b.json").exists()
