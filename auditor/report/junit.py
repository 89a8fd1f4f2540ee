"""JUnit XML (the Ant/Jenkins schema): one test case per file, failing when a finding reaches
--fail-on; its one failure lists every such finding, the others go to the suite's system-out."""

from __future__ import annotations

import re
import socket
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from auditor.model import Report, fails
from auditor.report.escape import shown
from auditor.report.run import Located, Run, located

INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(report: Report) -> str:
    """Render one report as a JUnit XML test suite."""
    return render_run(Run((report,)))


def render_run(run: Run) -> str:
    """Render the run as one test suite whose test cases are the files."""
    by_file: dict[str, list[Located]] = {path: [] for path in _paths(run)}
    for loc in located(run):
        by_file.setdefault(loc.place.path, []).append(loc)
    suite = _suite(run, len(by_file))
    failures, below = 0, list[str]()
    for path, locs in by_file.items():
        case = ET.SubElement(suite, "testcase", name=shown(path), classname="audit", time="0")
        failing = [loc for loc in locs if fails(loc.finding.severity, run.fail_on)]
        below.extend(_line(loc) for loc in locs if loc not in failing)
        if failing:
            _failure(case, failing, run.fail_on)
            failures += 1
    suite.set("failures", str(failures))
    ET.SubElement(suite, "system-out").text = _xml_safe("\n".join(below))
    ET.SubElement(suite, "system-err")
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _suite(run: Run, tests: int) -> ET.Element:
    """Return the test suite element with its attributes and properties."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    attrs = {"name": "audit", "package": "audit", "id": "0", "timestamp": stamp}
    attrs |= {"hostname": socket.gethostname() or "localhost", "tests": str(tests)}
    attrs |= {"failures": "0", "errors": "0", "skipped": "0", "time": f"{run.seconds:.3f}"}
    suite = ET.Element("testsuite", attrs)
    properties = ET.SubElement(suite, "properties")
    signature = run.reports[0].signature if run.reports else {}
    for name, value in {"command": run.command, "fail-on": run.fail_on, **signature}.items():
        ET.SubElement(properties, "property", name=name, value=_xml_safe(str(value)))
    return suite


def _paths(run: Run) -> list[str]:
    """Return the display paths of the files the run covers, in input order."""
    from auditor.report.run import display_path

    return list(dict.fromkeys(display_path(p) for p in run.files()))


def _line(loc: Located) -> str:
    """Return `path:line:col: CODE [severity] message` for a finding."""
    f, p = loc.finding, loc.place
    where = f"{shown(p.path)}:{p.start_line}:{p.start_column}"
    return f"{where}: {f.rule} [{f.severity.value}] {shown(f.message)}"


def _failure(case: ET.Element, locs: list[Located], fail_on: str) -> None:
    """Add the one failure of a file: a summary message and every failing finding in full."""
    first = locs[0].finding
    count = f"{len(locs)} finding{'s' if len(locs) != 1 else ''} at or above {fail_on}"
    failure = ET.SubElement(
        case,
        "failure",
        type=f"{first.rule} {first.name}",
        message=_xml_safe(f"{count}; first: {first.rule} {first.message}"),
    )
    failure.text = _xml_safe("\n\n".join(_detail(loc) for loc in locs))


def _detail(loc: Located) -> str:
    """Return a finding's line with its evidence and suggestion."""
    f = loc.finding
    detail = _line(loc) + f"\nevidence: {f.evidence}"
    return detail if f.suggestion is None else detail + f"\nsuggestion: {f.suggestion}"


def _xml_safe(text: str) -> str:
    """Drop the control characters XML 1.0 cannot carry."""
    return INVALID_XML.sub("", text)
