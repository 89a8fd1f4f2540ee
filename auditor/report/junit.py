"""JUnit XML: one test case per file, one failure per finding at or above --fail-on."""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

from auditor.config import fails
from auditor.model import Report
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
    suite = ET.Element("testsuite", name="audit", tests=str(len(by_file)))
    failures = 0
    for path, locs in by_file.items():
        case = ET.SubElement(suite, "testcase", classname="audit", name=path)
        below = []
        for loc in locs:
            if fails(loc.finding.severity, run.fail_on):
                _failure(case, loc)
                failures += 1
            else:
                below.append(_line(loc))
        if below:
            ET.SubElement(case, "system-out").text = _xml_safe("\n".join(below))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    root = ET.Element("testsuites", name="audit", tests=str(len(by_file)), failures=str(failures))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _paths(run: Run) -> list[str]:
    """Return the display paths of the files the run covers, in input order."""
    from auditor.report.run import display_path

    return list(dict.fromkeys(display_path(p) for p in run.files()))


def _line(loc: Located) -> str:
    """Return `path:line:col: CODE message` for a finding."""
    f, p = loc.finding, loc.place
    return f"{p.path}:{p.start_line}:{p.start_column}: {f.rule} [{f.severity.value}] {f.message}"


def _failure(case: ET.Element, loc: Located) -> None:
    """Add a failure element describing one finding."""
    f = loc.finding
    failure = ET.SubElement(
        case, "failure", type=f"{f.rule} {f.name}", message=_xml_safe(f"{f.rule} {f.message}")
    )
    detail = _line(loc) + f"\nevidence: {f.evidence}"
    if f.suggestion is not None:
        detail += f"\nsuggestion: {f.suggestion}"
    failure.text = _xml_safe(detail)


def _xml_safe(text: str) -> str:
    """Drop the control characters XML 1.0 cannot carry."""
    return INVALID_XML.sub("", text)
